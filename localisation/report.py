"""The translation backlog: what translators need to do now, as a Wagtail report.

Three kinds of work are listed, oldest change first:

- a translation whose source was published after the translation was last published
  (found from wagtail-localize's own records: the source's `last_updated_at`, which the
  sync-on-publish in `localisation.sync` moves, against the newest `TranslationLog`);
- a translation with segments that have no translation yet (sent for translation but
  unfinished);
- a source page or snippet with no translation at all in a language (at most a placeholder
  alias in that language's tree).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import (
    CharField,
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, Revision, get_translatable_models
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
)

from core.pages import without_placeholders
from security.spreadsheets import SpreadsheetSafeExportMixin

from .lookup import translation_base_model


@dataclass
class BacklogItem:
    """One piece of translation work."""

    title: str
    kind: str
    language: str
    reason: str
    source_changed_at: datetime | None
    untranslated_segments: int | None
    url: str | None

    def __str__(self):
        return self.title


SOURCE_CHANGED = _("Finnish source changed")
NOT_FINISHED = _("Translation not finished")
NOT_TRANSLATED = _("Not translated yet")


def translations_with_progress():
    """Enabled translations with their last publication and segment counts, in one query."""
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))
    translated = segments.filter(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef(OuterRef("target_locale_id")),
                has_error=False,
            )
        )
    )

    def count(queryset):
        return Coalesce(
            Subquery(
                queryset.order_by().values("source_id").annotate(n=Count("pk")).values("n"),
                output_field=IntegerField(),
            ),
            0,
        )

    last_synced = (
        TranslationLog.objects.filter(
            source_id=OuterRef("source_id"), locale_id=OuterRef("target_locale_id")
        )
        .order_by()
        .values("source_id")
        .annotate(latest=Max("created_at"))
        .values("latest")
    )
    return (
        Translation.objects.filter(enabled=True)
        .select_related("source", "source__specific_content_type", "target_locale")
        .annotate(
            last_synced_at=Subquery(last_synced),
            total_segments=count(segments),
            translated_segments=count(translated),
        )
    )


def _targets(translations):
    """The translated objects, one query per model: {(model, key, locale_id): object}."""
    wanted = {}
    for translation in translations:
        base = translation_base_model(translation.source.specific_content_type.model_class())
        wanted.setdefault(base, set()).add(translation.source.object_id)
    found = {}
    for model, keys in wanted.items():
        for obj in model._default_manager.filter(translation_key__in=keys):
            found[(model, obj.translation_key, obj.locale_id)] = obj
    return found


def _published_in_translation(target):
    """A translated page once published; snippets have no publication of their own (the
    translation is saved when it is opened), so only their translated segments tell."""
    return getattr(target, "first_published_at", None) is not None


def _kind(model):
    return capfirst(model._meta.verbose_name)


def translation_backlog(user):
    """Everything that needs a translator or a communicator, as BacklogItems."""
    url_finder = AdminURLFinder(user)
    items = []

    translations = [
        translation
        for translation in translations_with_progress()
        if translation.last_synced_at is None
        or translation.source.last_updated_at > translation.last_synced_at
        or translation.translated_segments < translation.total_segments
    ]
    targets = _targets(translations)
    for translation in translations:
        source = translation.source
        model = source.specific_content_type.model_class()
        target = targets.get(
            (translation_base_model(model), source.object_id, translation.target_locale_id)
        )
        if target is None:
            continue  # the translated object was deleted; wagtail-localize cleans up later
        changed = (
            translation.last_synced_at is None
            or source.last_updated_at > translation.last_synced_at
        )
        if translation.translated_segments == 0 and not _published_in_translation(target):
            reason = NOT_TRANSLATED  # opened on its first publication, nothing done yet
        elif changed:
            reason = SOURCE_CHANGED
        else:
            reason = NOT_FINISHED
        items.append(
            BacklogItem(
                title=source.object_repr,
                kind=_kind(model),
                language=translation.target_locale.get_display_name(),
                reason=reason,
                source_changed_at=source.last_updated_at,
                untranslated_segments=translation.total_segments - translation.translated_segments,
                url=url_finder.get_edit_url(target),
            )
        )

    items.extend(_untranslated(user))
    items.sort(key=lambda item: (item.source_changed_at is None, item.source_changed_at))
    return items


def _scheduled_revisions():
    return Revision.page_revisions.filter(
        object_id=Cast(OuterRef("pk"), CharField()), approved_go_live_at__isnull=False
    )


def _untranslated(user):
    """Source pages and snippets without a real translation in some language."""
    default = Locale.get_default()
    can_submit = user.has_perm("wagtail_localize.submit_translation")
    snippet_models = [
        model
        for model in get_translatable_models()
        if model in get_snippet_models() and not issubclass(model, Page)
    ]
    for locale in Locale.objects.exclude(pk=default.pk):
        translated_pages = without_placeholders(
            Page.objects.filter(translation_key=OuterRef("translation_key"), locale=locale)
        )
        # Only what a translator can act on: Finnish pages that are live or approved and
        # waiting for their publishing time, not drafts (autosave makes one as soon as a
        # communicator starts typing a new page).
        pages = (
            Page.objects.filter(locale=default, depth__gt=1)
            .filter(Q(live=True) | Exists(_scheduled_revisions()))
            .exclude(Exists(translated_pages))
            .specific(defer=True)
            .order_by("path")
        )
        for page in pages:
            yield BacklogItem(
                title=page.get_admin_display_title(),
                kind=_kind(page.specific_class),
                language=locale.get_display_name(),
                reason=NOT_TRANSLATED,
                source_changed_at=page.last_published_at,
                untranslated_segments=None,
                url=reverse("wagtail_localize:submit_page_translation", args=[page.pk])
                if can_submit
                else None,
            )
        for model in snippet_models:
            translated = model._default_manager.filter(
                translation_key=OuterRef("translation_key"), locale=locale
            )
            for snippet in model._default_manager.filter(Q(locale=default), ~Exists(translated)):
                yield BacklogItem(
                    title=str(snippet),
                    kind=_kind(model),
                    language=locale.get_display_name(),
                    reason=NOT_TRANSLATED,
                    source_changed_at=None,
                    untranslated_segments=None,
                    url=reverse(
                        "wagtail_localize:submit_snippet_translation",
                        args=[model._meta.app_label, model._meta.model_name, snippet.pk],
                    )
                    if can_submit
                    else None,
                )


class TranslationBacklogView(SpreadsheetSafeExportMixin, ReportView):
    """Admin report: translations to update or finish, and content not yet translated."""

    page_title = _("Translation backlog")
    header_icon = "site"
    index_url_name = "translation_backlog"
    index_results_url_name = "translation_backlog_results"
    # No permission beyond admin access: communicators and translators both use it, and
    # each row links only where the user may go (AdminURLFinder checks their permissions).
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda item: item.url),
        Column("kind", label=_("Type")),
        Column("language", label=_("Language")),
        Column("reason", label=_("What needs doing")),
        Column("untranslated_segments", label=_("Segments to translate")),
        DateColumn("source_changed_at", label=_("Source changed")),
    ]
    # The spreadsheet export has the table's columns and headings.
    list_export = [column.name for column in columns]
    export_headings = {column.name: column.label for column in columns}

    def get_queryset(self):
        return translation_backlog(self.request.user)

    def get_filename(self):
        return "translation-backlog"
