"""Template tags of the admin screens that the translation workflow changes."""

from dataclasses import dataclass

from django import template
from wagtail.models import Locale

from localisation.report import translations_with_progress
from localisation.sync import pages_that_follow_their_source

register = template.Library()


@register.simple_tag
def pages_deleted_with(page):
    """The other languages' versions of `page` that deleting it deletes too."""
    return list(pages_that_follow_their_source(page).select_related("locale"))


# How far a Finnish page's version in another language is.
NOT_SUBMITTED = "not_submitted"  # an untranslated placeholder
BEING_TRANSLATED = "being_translated"  # in the translation editor, never published
UPDATE_BEING_TRANSLATED = "update_being_translated"  # published; new Finnish text to do
PUBLISHED = "published"
DRAFT = "draft"  # edited outside the translation editor and not published


@dataclass(frozen=True)
class LanguageVersion:
    """One other language's version of a Finnish page, as its status panel describes it."""

    locale: Locale
    state: str
    translated_segments: int | None = None
    total_segments: int | None = None
    edit_url: str | None = None
    in_translation_editor: bool = False


@register.simple_tag
def versions_in_other_languages(page, editable_translations=None):
    """How far each other language's version of a Finnish page is: not yet submitted for
    translation, being translated (with the segment counts of the backlog report, so the
    two never disagree) or published. Empty for a page that is itself a translation.

    `editable_translations` is the list Wagtail's edit view gives the status panel: the
    versions the user may edit ({"locale", "url"}), so the links cost no permission checks.
    Three queries: the default locale, the pages, and the translations with their counts.
    """
    if page.pk is None:
        return []
    pages = list(pages_that_follow_their_source(page).select_related("locale"))
    if not pages:
        return []
    translations = {
        translation.target_locale_id: translation
        for translation in translations_with_progress().filter(
            source__object_id=page.translation_key, source__locale_id=page.locale_id
        )
    }
    urls = {item["locale"].pk: item["url"] for item in editable_translations or ()}
    return [_version(other, translations.get(other.locale_id), urls) for other in pages]


def _version(page, translation, urls):
    url = urls.get(page.locale_id)
    if translation is None:
        # Not (or no longer) translated in wagtail-localize's editor: a placeholder, or a
        # page whose synced translation a translator stopped.
        if page.alias_of_id:
            state = NOT_SUBMITTED
        else:
            state = PUBLISHED if page.live else DRAFT
        return LanguageVersion(page.locale, state, edit_url=url)
    total, translated = translation.total_segments, translation.translated_segments
    if not page.live:
        state = BEING_TRANSLATED
    elif translated < total:
        state = UPDATE_BEING_TRANSLATED
    else:
        state = PUBLISHED
    # The edit view of a page with a synced translation is the translation editor.
    return LanguageVersion(
        page.locale,
        state,
        translated_segments=translated,
        total_segments=total,
        edit_url=url,
        in_translation_editor=True,
    )
