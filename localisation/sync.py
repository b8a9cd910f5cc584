"""Keeping translations in step with their Finnish sources without anyone remembering to.

Plain wagtail-localize refreshes a translator's copy of the source only when someone presses
"Sync translated pages". Here publishing a source page (or saving a source snippet) does it:
the translation source is extracted again, so the translation editor and the report show at
once which segments are new or changed. Unchanged segments keep their translations, because
wagtail-localize stores a translation per source text and context, not per revision. The
translated page itself is left alone: it stays live with its last published translation
until a translator publishes the update.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.signals import page_published
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import LocaleSynchronization, TranslationSource
from wagtail_localize.synctree import PageIndex, create_aliases_for_new_page, synchronize_tree

logger = logging.getLogger(__name__)


def refresh_translation_source(instance):
    """Extract a source page's or snippet's content again for its translators.

    Returns False when the object has never been submitted for translation (or is itself a
    translation): then there is nothing to refresh.
    """
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return False
    source.update_from_db()
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        if isinstance(instance, Page):
            # A page made private in Finnish must not stay public in English.
            source.update_target_view_restrictions(translation.target_locale)
    return True


@receiver(page_published)
def refresh_source_on_publish(sender, instance, **kwargs):
    # After the commit: the source is read back from the database as published.
    transaction.on_commit(lambda: refresh_translation_source(instance))


@receiver(post_save)
def refresh_source_on_snippet_save(sender, instance, raw=False, **kwargs):
    # Snippets have no publishing step here; saving one is its publication.
    if raw or not isinstance(instance, TranslatableMixin) or isinstance(instance, Page):
        return
    if sender not in get_snippet_models():
        return
    transaction.on_commit(lambda: refresh_translation_source(instance))


def create_aliases_for_copied_pages(copied_page):
    """Give a copied source page (and any subpages copied with it) its placeholders in the
    synchronised languages, as wagtail-localize does for a page created in the editor."""
    synced_from_here = LocaleSynchronization.objects.filter(sync_from_id=copied_page.locale_id)
    if not synced_from_here.exists():
        return
    for page in copied_page.get_descendants(inclusive=True).order_by("path"):
        if not Page.objects.filter(
            translation_key=page.translation_key, locale__in=synced_from_here.values("locale")
        ).exists():
            create_aliases_for_new_page(page)


def synchronise_language_trees():
    """Give every language that syncs from another one a page (an alias if untranslated)
    for each page of its source tree. Safe to run at any time; it only adds what is missing.
    """
    index = PageIndex.from_database().sort_by_tree_position()
    synchronised = 0
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        before = Page.objects.filter(locale=sync.locale).count()
        synchronize_tree(sync.sync_from, sync.locale, page_index=index)
        synchronised += Page.objects.filter(locale=sync.locale).count() - before
    return synchronised


def ensure_languages():
    """A locale for each content language, each one synchronised from the default language.

    Adding a language to settings.LANGUAGES (with its catalogue in locale/) and running
    `manage.py setup_localisation` gives it a page tree of placeholders ready for translation.
    """
    from django.conf import settings

    created = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        _locale, was_created = Locale.objects.get_or_create(language_code=code)
        if was_created:
            created.append(code)
    default = Locale.get_default()
    for locale in Locale.objects.exclude(pk=default.pk):
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})
    return created
