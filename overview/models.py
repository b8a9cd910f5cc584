"""Overviews of all projects, calculated live from their structured data (editors type no
figures here): where the money comes from, and when the projects run."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import SummaryMixin
from projects.models import ProjectPage

from .charts import bar_chart, timeline
from .figures import projects_beside, summarise_funding

__all__ = ["FundingOverviewPage", "ProjectTimelinePage"]


class OverviewPage(SummaryMixin, Page):
    """A page under the project index that draws all of its projects; one of each kind."""

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    intro = StreamField(
        BodyStreamBlock(),
        verbose_name=_("introduction"),
        blank=True,
        help_text=_(
            "Optional text above the overview. Its figures and charts are calculated from "
            "the projects' own data."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("summary")]

    class Meta:
        abstract = True


class FundingOverviewPage(OverviewPage):
    """The projects' funding summed by source, cluster and year, with the EU share."""

    page_description = _(
        "The projects' funding summed by source, cluster and year, with the EU share."
    )

    class Meta:
        verbose_name = _("funding overview")
        verbose_name_plural = _("funding overviews")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        funding = summarise_funding(projects_beside(self), self.locale)
        context["funding"] = funding
        context["charts"] = {
            "sources": bar_chart((row.name, row.amount) for row in funding.by_source),
            "eu": bar_chart((row.name, row.amount) for row in funding.eu_split),
            "clusters": bar_chart((row.name, row.amount) for row in funding.by_cluster),
            "years": bar_chart((row.name, row.amount) for row in funding.by_year),
        }
        return context


class ProjectTimelinePage(OverviewPage):
    """All projects on a time axis, coloured and labelled by status."""

    page_description = _("All projects on a time axis, coloured and labelled by status.")

    class Meta:
        verbose_name = _("project timeline")
        verbose_name_plural = _("project timelines")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        projects = list(ProjectPage.objects.sibling_of(self).live().public().defer_streamfields())
        projects.sort(key=lambda p: (p.start_date is None, p.start_date or today, p.title))
        context["today"] = today
        context["projects"] = [(project, project.status_on(today)) for project in projects]
        context["timeline"] = timeline(projects, today)
        return context
