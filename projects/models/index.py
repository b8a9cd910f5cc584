"""The project index: the list of all projects, filtered, counted and sorted by the visitor,
and its CSV and JSON exports."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import SummaryMixin
from core.pagination import paginate
from localisation.lookup import in_locale
from pagecache.query import ignored_part_of_the_query

PROJECTS_PER_PAGE = 12


class ProjectIndexPage(RoutablePageMixin, SummaryMixin, Page):
    """The list of all projects: filtered, counted and sorted by the visitor, and exported as
    CSV or JSON with the same filters (projects/browse.py, projects/export.py)."""

    page_description = _(
        "The list of all projects: visitors filter and sort it and download it as CSV or JSON."
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "projects.ProjectPage",
        "overview.FundingOverviewPage",
        "overview.ProjectTimelinePage",
    ]
    max_count_per_parent = 1

    intro = StreamField(
        BodyStreamBlock(),
        verbose_name=_("introduction"),
        blank=True,
        help_text=_("Optional text above the list of projects."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("summary")]

    class Meta:
        verbose_name = _("project index")
        verbose_name_plural = _("project indexes")

    def selection(self, request):
        """The projects the visitor's filters and sort select (browse.py imports the models,
        hence the import here)."""
        from ..browse import ProjectSelection

        selection = ProjectSelection(self, request.GET)
        if selection.unknown:  # the list and the exports alike
            ignored_part_of_the_query(request)
        return selection

    def get_context(self, request, *args, **kwargs):
        # Imported here, not above: the index is defined before the project page, as it
        # always was, so that Django and Wagtail list the page types in the same order.
        from .project import ProjectPage

        context = super().get_context(request, *args, **kwargs)
        selection = self.selection(request)
        projects = paginate(request, selection.ordered_ids, PROJECTS_PER_PAGE)
        projects.object_list = list(projects.object_list)
        # The ids passed live() and public() already; only the cards' facts are fetched.
        cards = ProjectPage.objects.filter(pk__in=projects.object_list).defer_streamfields()
        shown = {project.pk: project for project in cards.select_related("lead_organisation")}
        projects.object_list = [shown[pk] for pk in projects.object_list if pk in shown]
        # The cards name the lead organisation in the page's language (a placeholder's
        # relation points at the Finnish one); shown only, never saved.
        leads = [p.lead_organisation for p in projects.object_list if p.lead_organisation]
        in_language = {lead.translation_key: lead for lead in in_locale(leads, self.locale)}
        for project in projects.object_list:
            if project.lead_organisation:
                project.lead_organisation = in_language[project.lead_organisation.translation_key]
        context.update(
            projects=projects,
            selection=selection,
            facets=selection.facets(),
            year_options=selection.year_options(),
        )
        return context

    # The exports answer at <index>/export/csv/ and <index>/export/json/, with the list's
    # filters and sort in the query string.

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        from ..export import csv_response

        return csv_response(self.selection(request), request, self.slug)

    @path("export/json/", name="export_json")
    def export_json(self, request):
        from ..export import json_response

        return json_response(self.selection(request), request, self.slug)
