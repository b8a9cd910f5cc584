"""The editorial groups of the translation workflow and exactly what each may do.

Communicators write the Finnish (source-language) content and send it for translation.
Translators produce the other languages in wagtail-localize's translation editor: they may
edit and publish pages in the translated trees and the translations of snippets, and nothing
in Finnish, and they cannot reach settings, users or locales.

`apply_roles()` creates or corrects the groups; it is idempotent, so running it again after
a deployment restores the intended permissions (and removes any added by hand).
"""

from django.contrib.auth.models import Group, Permission
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
TRANSLATORS = "Translators"


def _snippet_permissions(*actions):
    """Permissions on every translatable snippet (organisations, people, funding sources,
    topics, and any added later): communicators write the Finnish originals, translators
    edit the translations."""
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


COMMUNICATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page"]
COMMUNICATOR_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]


def translator_permissions():
    return [
        "wagtailadmin.access_admin",
        # Snippet translations open in the translation editor through the snippet edit
        # view; the Finnish originals are refused to anyone without edit_source_language.
        *_snippet_permissions("change"),
    ]


TRANSLATOR_PAGE_PERMISSIONS = ["change_page", "publish_page"]


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


def language_roots():
    """The home page of each language: (source-language root, [other languages' roots])."""
    default = Locale.get_default()
    homes = Page.objects.filter(depth=2).select_related("locale")
    source = [home for home in homes if home.locale_id == default.pk]
    translated = [home for home in homes if home.locale_id != default.pk]
    return source, translated


def apply_roles():
    """Create or correct the Communicators and Translators groups. Returns their names."""
    source_roots, translated_roots = language_roots()

    communicators, _ = Group.objects.get_or_create(name=COMMUNICATORS)
    communicators.permissions.set(_permissions(communicator_permissions()))
    _set_page_permissions(communicators, source_roots, COMMUNICATOR_PAGE_PERMISSIONS)
    _set_collection_permissions(communicators, COMMUNICATOR_COLLECTION_PERMISSIONS)

    translators, _ = Group.objects.get_or_create(name=TRANSLATORS)
    translators.permissions.set(_permissions(translator_permissions()))
    _set_page_permissions(translators, translated_roots, TRANSLATOR_PAGE_PERMISSIONS)
    _set_collection_permissions(translators, [])

    return [COMMUNICATORS, TRANSLATORS]
