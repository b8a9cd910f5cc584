"""Keeping translations in step with their Finnish sources without anyone remembering to.

Plain wagtail-localize refreshes a translator's copy of the source only when someone presses
"Sync translated pages". Here publishing a source page (or saving a source snippet) does it:
the translation source is extracted again, so the translation editor and the report show at
once which segments are new or changed. Unchanged segments keep their translations, because
wagtail-localize stores a translation per source text and context, not per revision. The
translated page itself is left alone: it stays live with its last published translation
until a translator publishes the update.
"""

import json

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.signals import page_published
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.synctree import PageIndex, create_aliases_for_new_page, synchronize_tree

# Page fields that every publication changes; they are no news for a translator.
PUBLISHING_BOOKKEEPING = {
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "last_published_at",
    "first_published_at",
    "has_unpublished_changes",
    "draft_title",
}


def _content(content_json):
    content = _decoded(json.loads(content_json))
    for field in PUBLISHING_BOOKKEEPING:
        content.pop(field, None)
    return content


def _decoded(value):
    """StreamFields are JSON inside the JSON, and PostgreSQL's jsonb returns their keys in
    another order than they were written in: compare them as data, not as text."""
    if isinstance(value, str) and value.startswith(("[", "{")):
        try:
            return _decoded(json.loads(value))
        except ValueError:
            return value
    if isinstance(value, dict):
        return {key: _decoded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decoded(item) for item in value]
    return value


def refresh_translation_source(instance, source):
    """Extract a source page's or snippet's content again for its translators, from its
    TranslationSource `source`.

    wagtail-localize dates every extraction as a change; publishing again with no change in
    content keeps the old date, so the backlog report lists only real changes.
    """
    before, last_changed = source.content_json, source.last_updated_at
    source.update_from_db()
    if _content(source.content_json) == _content(before):
        TranslationSource.objects.filter(pk=source.pk).update(last_updated_at=last_changed)
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        if isinstance(instance, Page):
            # A page made private in Finnish must not stay public in English.
            source.update_target_view_restrictions(translation.target_locale)


def _languages_waiting_for(instance):
    """The other languages in which `instance` has no real translation yet (nothing, or
    only an untranslated placeholder)."""
    waiting = []
    for locale in Locale.objects.exclude(pk=instance.locale_id):
        translation = instance.get_translation_or_none(locale)
        if translation is None or getattr(translation, "alias_of_id", None):
            waiting.append(locale)
    return waiting


def submit_for_translation(instance):
    """Open the translation of a published Finnish page or snippet in every language that
    has none, so that a translator can start from the backlog at once (translators may not
    submit content themselves). A new page is submitted on its first publication; one
    published before this rule existed, on its next.

    A page's translation is a draft: its placeholder becomes a page of its own, unpublished
    until the translator publishes it, so English visitors never get Finnish text presented
    as a translation. A snippet cannot be a draft; its translation starts as a copy of the
    Finnish one, which is what the site shows in English until then anyway.
    """
    if instance.locale_id != Locale.get_default().pk:
        return
    languages = _languages_waiting_for(instance)
    if not languages:
        return
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    for locale in languages:
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        if isinstance(instance, Page):
            translation.save_target(publish=False)
            target = instance.get_translation(locale)
            if target.live:
                target.unpublish(log_action=False)
        else:
            translation.save_target(publish=True)


def keep_translations_in_step(instance):
    """Content submitted before (by hand or by a first publication) is extracted again;
    content never submitted is submitted now. A translation has no source of its own and
    is left alone."""
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        submit_for_translation(instance)
    else:
        refresh_translation_source(instance, source)


@receiver(page_published)
def keep_translations_in_step_on_publish(sender, instance, **kwargs):
    # After the commit: the source is read back from the database as published.
    transaction.on_commit(lambda: keep_translations_in_step(instance))


@receiver(post_save)
def keep_translations_in_step_on_snippet_save(sender, instance, raw=False, **kwargs):
    # Snippets have no publishing step here; saving one is its publication.
    if raw or not isinstance(instance, TranslatableMixin) or isinstance(instance, Page):
        return
    if sender not in get_snippet_models():
        return
    transaction.on_commit(lambda: keep_translations_in_step(instance))


@receiver(page_published)
def english_address_from_english_title(sender, instance, **kwargs):
    """A translated page whose slug the translator left as it was in Finnish gets one made
    from its translated title when it is published (/en/projects/northern-data-economy-
    accelerator/, not …/pohjoisen-datatalouden-kiihdyttamo/). A slug the translator wrote
    is kept. Wagtail redirects the old address when redirects are created on slug changes."""
    default = Locale.get_default()
    if instance.locale_id == default.pk or instance.alias_of_id:
        return
    source = instance.get_translation_or_none(default)
    if source is None or instance.slug != source.slug or instance.title == source.title:
        return
    slug = find_available_slug(
        instance.get_parent(), slugify(instance.title), ignore_page_id=instance.pk
    )
    if not slug or slug == instance.slug:
        return
    instance.slug = slug
    instance.save(clean=False)  # Page.save moves the url_path of the page and its subpages
    # The published revision says the same, so the next edit starts from the new slug.
    revision = instance.live_revision
    if revision is not None:
        revision.content["slug"] = slug
        revision.save(update_fields=["content"])


def pages_that_follow_their_source(page):
    """The other languages' versions of a Finnish page — translations and untranslated
    placeholders — which are deleted with it, and unpublished with it.

    A page withdrawn in Finnish must not stay public in English (in listings, the sitemap,
    the funding sums), and a placeholder left behind would keep its slug and show up in
    choosers. A translation has nothing that follows it: the result is empty.
    """
    if page.locale_id != Locale.get_default().pk:
        return Page.objects.none()
    return Page.objects.translation_of(page, inclusive=False).order_by("locale__language_code")


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
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale, page_index=index)


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
