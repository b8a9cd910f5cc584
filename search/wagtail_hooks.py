"""The editors' search reports (search/report.py) in the Reports menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .report import SearchesWithoutResultsView, SearchTermsView, WagtailSearchTermsView


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path("reports/search-terms/", SearchTermsView.as_view(), name="search_terms_report"),
        path(
            "reports/search-terms/results/",
            SearchTermsView.as_view(results_only=True),
            name="search_terms_report_results",
        ),
        path(
            "reports/searches-without-results/",
            SearchesWithoutResultsView.as_view(),
            name="searches_without_results_report",
        ),
        path(
            "reports/searches-without-results/results/",
            SearchesWithoutResultsView.as_view(results_only=True),
            name="searches_without_results_report_results",
        ),
        # Ahead of wagtail.contrib.search_promotions' own URL (this app comes first in
        # INSTALLED_APPS), which reverse("wagtailsearchpromotions:search_terms") still gives.
        path("searchpicks/reports/search-terms/", WagtailSearchTermsView.as_view()),
    ]


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return MenuItem(
        _("Search terms"), reverse("search_terms_report"), icon_name="search", order=9100
    )


@hooks.register("register_reports_menu_item")
def register_searches_without_results_menu_item():
    return MenuItem(
        _("Searches without results"),
        reverse("searches_without_results_report"),
        icon_name="search",
        order=9110,
    )
