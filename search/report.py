"""Reports → Search terms: what visitors looked for in the last 30 days, and what they did
not find, so editors can add content, promoted results or better words."""

import datetime

from django.db.models import IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

from security.spreadsheets import SpreadsheetSafeExportMixin

from .models import SearchWithoutResults

REPORT_DAYS = 30


def search_terms(days=REPORT_DAYS):
    """Queries searched in the last `days` days, with their counts, most searched first."""
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    without_results = (
        SearchWithoutResults.objects.filter(query=OuterRef("pk"), date__gte=since)
        .order_by()
        .values("query")
        .annotate(total=Sum("hits"))
        .values("total")
    )
    return (
        Query.objects.annotate(
            searches=Coalesce(Sum("daily_hits__hits", filter=Q(daily_hits__date__gte=since)), 0),
            without_results=Coalesce(Subquery(without_results, output_field=IntegerField()), 0),
        )
        .filter(searches__gt=0)
        .order_by("-searches", "query_string")
    )


class SearchTermsView(SpreadsheetSafeExportMixin, ReportView):
    page_title = _("Search terms")
    header_icon = "search"
    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"
    columns = [
        Column("query_string", label=_("Search terms")),
        Column("searches", label=_("Searches in 30 days")),
        Column("without_results", label=_("Found nothing")),
    ]
    # The spreadsheet export has the table's columns and headings.
    list_export = [column.name for column in columns]
    export_headings = {column.name: column.label for column in columns}

    def get_queryset(self):
        return search_terms()

    def get_filename(self):
        return "search-terms"


class SearchesWithoutResultsView(SearchTermsView):
    page_title = _("Searches without results")
    index_url_name = "searches_without_results_report"
    index_results_url_name = "searches_without_results_report_results"

    def get_queryset(self):
        return (
            search_terms()
            .filter(without_results__gt=0)
            .order_by("-without_results", "query_string")
        )

    def get_filename(self):
        return "searches-without-results"


class WagtailSearchTermsView(SpreadsheetSafeExportMixin, SearchTermsReportView):
    """Wagtail's own Search terms report (Settings → Promoted search results, superusers
    only), served at its address (search/wagtail_hooks.py) so that its CSV export, which
    holds visitors' words too, is spreadsheet-safe like ours."""
