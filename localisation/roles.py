"""The editorial groups and exactly what each may do.

- Communicators write the Finnish (source-language) content and send it for translation.
  They add and edit Finnish pages but do not publish them: they submit them to moderation.
- Moderators approve (or send back) what communicators submit, and publish, unpublish and
  delete Finnish pages themselves.
- Translators produce the other languages in wagtail-localize's translation editor: they
  edit and publish pages in the translated trees and the translations of snippets, nothing in
  Finnish, and they cannot reach settings, users or locales.
- Administrators manage the whole site — every language, snippets, media, settings, users
  and groups, locales, workflows, redirects — through this group rather than as superusers,
  so that what they may do is written down here, shown in the Groups admin and can be taken
  away. Superusers are for the operators who run the server.

`apply_roles()` creates or corrects the groups, and the moderation workflow with them
(`localisation.workflow`); it is idempotent, so running it again after a deployment
restores the intended permissions (and removes any added by hand).

Wagtail's own migrations create two default groups with rights on the tree root, which
spans every language. "Moderators" is taken over and reduced to the Finnish tree. "Editors"
is deleted: it is none of these roles, and its rights on the root (add and edit pages in
every language, which would bypass the language split) are exactly what least privilege
rules out; an empty group left behind would only invite someone to put users in it.
"""

from django.contrib.auth.models import Group, Permission
from wagtail import hooks
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    TranslatableMixin,
)
from wagtail.snippets.models import get_snippet_models

COMMUNICATORS = "Communicators"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"
ADMINISTRATORS = "Administrators"
ROLES = [COMMUNICATORS, MODERATORS, TRANSLATORS, ADMINISTRATORS]

# Wagtail's default group that none of the roles is (see the module docstring).
WAGTAIL_DEFAULT_EDITORS = "Editors"


def _snippet_permissions(*actions):
    """Permissions on every translatable snippet (organisations, people, funding sources,
    topics, and any added later): communicators and moderators write the Finnish originals,
    translators edit the translations."""
    models = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
    return [
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for model in models
        for action in actions
    ]


def communicator_permissions():
    return [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "localisation.edit_source_language",
        *_snippet_permissions("add", "change", "delete"),
    ]


# No publish_page: communicators submit to moderation (localisation.workflow). With add_page
# and change_page Wagtail still lets them delete a draft of their own that was never live.
COMMUNICATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
COMMUNICATOR_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]


def moderator_permissions():
    # Snippets have no workflow here (they are saved live), so the moderators who answer
    # for the published content may correct them as communicators can.
    return communicator_permissions()


# publish_page also covers unpublishing. No bulk_delete_page: moderators delete single
# pages (leaves); removing a whole section with its subpages is for administrators.
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MODERATOR_COLLECTION_PERMISSIONS = [
    *COMMUNICATOR_COLLECTION_PERMISSIONS,
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
]


def translator_permissions():
    return [
        "wagtailadmin.access_admin",
        # Snippet translations open in the translation editor through the snippet edit
        # view; the Finnish originals are refused to anyone without edit_source_language.
        *_snippet_permissions("change"),
    ]


TRANSLATOR_PAGE_PERMISSIONS = ["change_page", "publish_page"]


def administrator_permissions():
    """Everything the Groups admin offers (every app registers its permissions with the
    `register_permissions` hook: snippets, settings, locales, workflows, redirects,
    promoted search results, translation), plus users and groups, which Wagtail checks
    with Django's own permissions."""
    registered = Permission.objects.none()
    for register in hooks.get_hooks("register_permissions"):
        registered = registered | register()
    names = {
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in registered.select_related("content_type")
    }
    names |= {
        f"auth.{action}_{model}"
        for action in ("add", "change", "delete", "view")
        for model in ("user", "group")
    }
    return sorted(names)


ADMINISTRATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
ADMINISTRATOR_COLLECTION_PERMISSIONS = [
    *MODERATOR_COLLECTION_PERMISSIONS,
    "wagtailcore.add_collection",
    "wagtailcore.change_collection",
    "wagtailcore.delete_collection",
]


def _permissions(names):
    """Permission objects for "app_label.codename" names; a missing one is a programming
    error (a renamed model), so it fails loudly."""
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def _set_page_permissions(group, roots, codenames):
    wanted = {
        (root.pk, permission.pk)
        for root in roots
        for permission in _permissions(f"wagtailcore.{codename}" for codename in codenames)
    }
    existing = {
        (grant.page_id, grant.permission_id): grant
        for grant in GroupPagePermission.objects.filter(group=group)
    }
    for key, grant in existing.items():
        if key not in wanted:
            grant.delete()
    for page_id, permission_id in wanted - existing.keys():
        GroupPagePermission.objects.create(
            group=group, page_id=page_id, permission_id=permission_id
        )


def _set_collection_permissions(group, names):
    root = Collection.get_first_root_node()
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=root, permission__in=_permissions(names)
    ).delete()
    for permission in _permissions(names):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def _set_group(name, permissions, page_roots, page_permissions, collection_permissions):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.set(_permissions(permissions))
    _set_page_permissions(group, page_roots, page_permissions)
    _set_collection_permissions(group, collection_permissions)
    return group


def language_roots():
    """The home page of each language: (source-language root, [other languages' roots])."""
    default = Locale.get_default()
    homes = Page.objects.filter(depth=2).select_related("locale")
    source = [home for home in homes if home.locale_id == default.pk]
    translated = [home for home in homes if home.locale_id != default.pk]
    return source, translated


def apply_roles():
    """Create or correct the four groups and the moderation workflow. Returns the group
    names."""
    from .workflow import apply_moderation_workflow

    source_roots, translated_roots = language_roots()

    _set_group(
        COMMUNICATORS,
        communicator_permissions(),
        source_roots,
        COMMUNICATOR_PAGE_PERMISSIONS,
        COMMUNICATOR_COLLECTION_PERMISSIONS,
    )
    moderators = _set_group(
        MODERATORS,
        moderator_permissions(),
        source_roots,
        MODERATOR_PAGE_PERMISSIONS,
        MODERATOR_COLLECTION_PERMISSIONS,
    )
    _set_group(
        TRANSLATORS, translator_permissions(), translated_roots, TRANSLATOR_PAGE_PERMISSIONS, []
    )
    # The tree root, not the language roots: administrators also reach a language added
    # later, before this command has run for it.
    _set_group(
        ADMINISTRATORS,
        administrator_permissions(),
        [Page.get_first_root_node()],
        ADMINISTRATOR_PAGE_PERMISSIONS,
        ADMINISTRATOR_COLLECTION_PERMISSIONS,
    )
    Group.objects.filter(name=WAGTAIL_DEFAULT_EDITORS).delete()

    apply_moderation_workflow(moderators, source_roots)
    return list(ROLES)
