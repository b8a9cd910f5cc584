"""Deleting an image or a document takes the delete permission itself.

Wagtail's collection ownership policy treats "delete" as "change": whoever may edit an
image may delete it, and whoever may add images may delete their own. Communicators edit
every image (alt texts, focal points) but, as the roles table in the README says, delete
none: a moderator's photo used on twenty pages would go with one click. Here delete is
allowed only by the group's delete permission on the collection (moderators and
administrators), or to a superuser; every other action keeps Wagtail's rules.

Wagtail's views, choosers and bulk actions all import the one policy object of each model,
so the rule is applied to those objects (`apply`, from SecurityConfig.ready) rather than
to copies the views would never see.
"""

from django.contrib.auth import get_user_model
from wagtail.models import Collection
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

DELETE = "delete"


class DeleteNeedsItsOwnPermission(CollectionOwnershipPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == DELETE:
            return self._check_perm(user, [DELETE])
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.none()
        if others := _other_than_delete(actions):
            users = super().users_with_any_permission(others)
        if DELETE in actions:
            users = users | self._users_with_perm([DELETE])
        return users.distinct()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        others = _other_than_delete(actions)
        if others and super().user_has_any_permission_for_instance(user, others, instance):
            return True
        return DELETE in actions and self._check_perm(
            user, [DELETE], collection=instance.collection
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if user.is_active and user.is_superuser:
            return self.model._default_manager.all()
        instances = self.model._default_manager.none()
        if others := _other_than_delete(actions):
            instances = super().instances_user_has_any_permission_for(user, others)
        if DELETE in actions and user.is_authenticated:
            deletable = self.model._default_manager.filter(
                collection__in=self._collections_with_perm(user, [DELETE])
            )
            instances = instances | deletable
        return instances

    def users_with_any_permission_for_instance(self, actions, instance):
        users = get_user_model().objects.none()
        if others := _other_than_delete(actions):
            users = super().users_with_any_permission_for_instance(others, instance)
        if DELETE in actions:
            users = users | self._users_with_perm([DELETE], collection=instance.collection)
        return users.distinct()

    def collections_user_has_any_permission_for(self, user, actions):
        collections = Collection.objects.none()
        if others := _other_than_delete(actions):
            collections = super().collections_user_has_any_permission_for(user, others)
        if DELETE in actions:
            if user.is_active and user.is_superuser:
                return Collection.objects.all()
            if user.is_authenticated:
                collections = collections | self._collections_with_perm(user, [DELETE])
        return collections


def _other_than_delete(actions):
    return [action for action in actions if action != DELETE]


def apply():
    from wagtail.documents import permissions as documents
    from wagtail.images import permissions as images

    for policy in (images.permission_policy, documents.permission_policy):
        policy.__class__ = DeleteNeedsItsOwnPermission
