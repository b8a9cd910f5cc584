"""Projects: the index of projects and each EU- or nationally funded project."""

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyStreamBlock
from core.models import StableOrderable, SummaryMixin
from core.pagination import paginate
from core.relations import (
    ContactRelation,
    OrganisationRelation,
    organisations_in_locale,
    people_in_locale,
    related_rows,
)
from core.widgets import FilterableCheckboxes
from localisation.lookup import in_locale
from pagecache.query import ignored_part_of_the_query

from .api import FundingTableSerializer, OrganisationSerializer, PageReferenceSerializer
from .forms import ProjectPageForm
from .funding import FundingSource, build_funding_table
from .publicity import eu_publicity
from .timing import ProjectQuerySet, ProjectStatus, status_between

__all__ = [
    "FundingSource",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPartner",
    "ProjectFundingLine",
    "ProjectGoal",
    "ProjectWorkPackage",
    "ProjectResult",
    "ProjectContact",
]

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
        """The projects the visitor's filters and sort select (browse.py imports this module,
        hence the import here)."""
        from .browse import ProjectSelection

        selection = ProjectSelection(self, request.GET)
        if selection.unknown:  # the list and the exports alike
            ignored_part_of_the_query(request)
        return selection

    def get_context(self, request, *args, **kwargs):
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
        from .export import csv_response

        return csv_response(self.selection(request), request, self.slug)

    @path("export/json/", name="export_json")
    def export_json(self, request):
        from .export import json_response

        return json_response(self.selection(request), request, self.slug)


class ProjectPage(SummaryMixin, Page):
    """One project: who runs it, when, with how much money from where, and what it does."""

    page_description = _(
        "One project: who runs it, when, with how much money from where, and what it does."
    )

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class ProgrammingPeriod(models.TextChoices):
        P2007_2013 = "2007-2013", "2007–2013"
        P2014_2020 = "2014-2020", "2014–2020"
        P2021_2027 = "2021-2027", "2021–2027"

    Status = ProjectStatus

    objects = PageManager.from_queryset(ProjectQuerySet)()

    acronym = models.CharField(
        _("acronym"),
        max_length=40,
        blank=True,
        help_text=_("Short name of the project, e.g. “ASP”. Visitors can search by it."),
    )
    lead_organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("lead organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_projects",
        help_text=_("The organisation that administers the project."),
    )
    start_date = models.DateField(
        _("start date"), null=True, blank=True, help_text=_("First day of the project.")
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Last day of the project.")
    )
    total_budget = models.DecimalField(
        _("total budget (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message=_("The budget cannot be negative."))],
        help_text=_("The whole budget in euros. The funding lines below must fit in it."),
    )
    funding_programme = models.CharField(
        _("funding programme"),
        max_length=255,
        blank=True,
        help_text=_("E.g. “Kestävää kasvua ja työtä 2014–2020 – Suomen rakennerahasto-ohjelma”."),
    )
    programming_period = models.CharField(
        _("programming period"),
        max_length=9,
        choices=ProgrammingPeriod.choices,
        blank=True,
        help_text=_("The EU programming period the funding belongs to, if EU-funded."),
    )
    register_code = models.CharField(
        _("register code"),
        max_length=40,
        blank=True,
        help_text=_("The project's code in the EURA, Kohesio or keep.eu register, if known."),
    )
    register_url = models.URLField(
        _("register record"),
        blank=True,
        help_text=_("Address of the project's record in that register."),
    )
    clusters = ParentalManyToManyField(
        "clusters.ClusterPage",
        verbose_name=_("clusters"),
        blank=True,
        related_name="projects",
        help_text=_("The Arctic Smartness clusters this project belongs to."),
    )
    priorities = ParentalManyToManyField(
        "strategy.StrategyPriorityPage",
        verbose_name=_("strategy priorities"),
        blank=True,
        related_name="projects",
        help_text=_("The priorities of the strategy that this project advances."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("description"),
        blank=True,
        help_text=_("The story of the project, built from blocks."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("acronym"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("lead_organisation"),
                InlinePanel("partners", label=_("Partner"), heading=_("Partners")),
            ],
            heading=_("Organisations"),
        ),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Duration")),
        MultiFieldPanel(
            [
                FieldPanel("total_budget"),
                InlinePanel(
                    "funding_lines",
                    label=_("Funding line"),
                    heading=_("Funding lines"),
                    help_text=_(
                        "Give each source's amount or its share of the budget; "
                        "the missing figure is calculated."
                    ),
                ),
                FieldPanel("funding_programme"),
                FieldPanel("programming_period"),
                FieldRowPanel([FieldPanel("register_code"), FieldPanel("register_url")]),
            ],
            heading=_("Funding"),
        ),
        InlinePanel("goals", label=_("Goal"), heading=_("Goals")),
        InlinePanel("work_packages", label=_("Work package"), heading=_("Work packages")),
        InlinePanel("results", label=_("Result"), heading=_("Results")),
        InlinePanel(
            "contacts", label=pgettext_lazy("a contact person", "Contact"), heading=_("Contacts")
        ),
        MultiFieldPanel(
            [
                FieldPanel("clusters", widget=FilterableCheckboxes),
                FieldPanel("priorities", widget=FilterableCheckboxes),
            ],
            heading=_("Clusters and strategy"),
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("acronym", boost=3),
        index.AutocompleteField("acronym"),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("funding_programme"),
        index.SearchField("register_code"),
        index.RelatedFields(
            "lead_organisation", [index.SearchField("name"), index.SearchField("short_name")]
        ),
        index.RelatedFields(
            "partners",
            [
                index.RelatedFields(
                    "organisation", [index.SearchField("name"), index.SearchField("short_name")]
                )
            ],
        ),
        index.RelatedFields(
            "funding_lines",
            [
                index.RelatedFields(
                    "source", [index.SearchField("name"), index.SearchField("short_name")]
                )
            ],
        ),
        index.RelatedFields("goals", [index.SearchField("text")]),
        index.RelatedFields(
            "work_packages", [index.SearchField("title"), index.SearchField("description")]
        ),
        index.RelatedFields("results", [index.SearchField("text")]),
        index.RelatedFields(
            "contacts", [index.RelatedFields("person", [index.SearchField("name")])]
        ),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
        index.FilterField("programming_period"),
    ]

    # wagtail-localize leaves many-to-many relations out unless told: the English project
    # belongs to the same clusters and priorities as its Finnish source.
    override_translatable_fields = [
        SynchronizedField("clusters"),
        SynchronizedField("priorities"),
    ]

    # The read-only API (/api/v2/pages/?type=projects.ProjectPage&fields=*): the facts
    # other systems reuse, the derived ones (status, funding table) included.
    api_fields = [
        APIField("acronym"),
        APIField("summary"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("status", serializer=serializers.CharField(read_only=True)),
        APIField("total_budget"),
        APIField("programming_period"),
        APIField("funding_programme"),
        APIField("register_code"),
        APIField("register_url"),
        APIField("lead_organisation", serializer=OrganisationSerializer(read_only=True)),
        APIField(
            "partners",
            serializer=OrganisationSerializer(
                many=True, read_only=True, source="partners_in_locale"
            ),
        ),
        APIField(
            "funding",
            serializer=FundingTableSerializer(read_only=True, source="funding_in_locale"),
        ),
        APIField(
            "clusters",
            serializer=PageReferenceSerializer(
                many=True, read_only=True, source="clusters_in_locale"
            ),
        ),
        APIField(
            "priorities",
            serializer=PageReferenceSerializer(
                many=True, read_only=True, source="priorities_in_locale"
            ),
        ),
    ]

    base_form_class = ProjectPageForm

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    @classmethod
    def listing(cls):
        """Live projects for a card list: newest first, body left out, lead joined in."""
        return (
            cls.objects.live()
            .public()
            .defer_streamfields()
            .select_related("lead_organisation")
            .order_by(models.F("start_date").desc(nulls_last=True), "title")
        )

    @classmethod
    def api_prefetch(cls, queryset):
        """The relations the API's fields read, fetched once for a whole listing."""
        return queryset.select_related("locale", "lead_organisation").prefetch_related(
            models.Prefetch(
                "funding_lines", queryset=ProjectFundingLine.objects.select_related("source")
            ),
            models.Prefetch(
                "partners", queryset=ProjectPartner.objects.select_related("organisation")
            ),
            "clusters",
            "priorities",
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["funding"] = self.funding_table
        context["eu_publicity"] = eu_publicity(self, self.funding_table)
        context["partners"] = organisations_in_locale(self.partners, self.locale)
        context["lead"] = in_locale([self.lead_organisation], self.locale)
        context["contacts"] = people_in_locale(self.contacts, self.locale)
        # filter(live=True) rather than live(): previews hold these relations in memory.
        context["related_clusters"] = in_locale(list(self.clusters.filter(live=True)), self.locale)
        context["related_priorities"] = in_locale(
            list(self.priorities.filter(live=True)), self.locale
        )
        return context

    # --- Derived facts ------------------------------------------------------------------

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})

    def status_on(self, day):
        """Planned, ongoing or ended on the given day; None when the dates do not tell
        (projects/timing.py)."""
        return status_between(self.start_date, self.end_date, day)

    @property
    def status(self):
        return self.status_on(timezone.localdate())

    @property
    def duration_months(self):
        """Whole months from the first to the last day, both included (20.2.2017–31.12.2018 is
        22 months)."""
        if not (self.start_date and self.end_date) or self.end_date < self.start_date:
            return None
        after_end = self.end_date + datetime.timedelta(days=1)
        months = (after_end.year - self.start_date.year) * 12 + (
            after_end.month - self.start_date.month
        )
        if after_end.day < self.start_date.day:
            months -= 1
        return months

    @cached_property
    def funding_table(self):
        lines = related_rows(self.funding_lines, "source")
        return build_funding_table(
            self.total_budget, [(line.source, line.amount, line.share) for line in lines]
        )

    # Relations are synchronised from the Finnish source, so they point at Finnish pages and
    # snippets; the API, like the templates, shows them in this page's language.

    @property
    def funding_in_locale(self):
        table = self.funding_table
        sources = in_locale([row.source for row in table.rows if row.source], self.locale)
        by_key = {source.translation_key: source for source in sources}
        rows = [
            dataclasses.replace(row, source=by_key.get(row.source.translation_key, row.source))
            if row.source
            else row
            for row in table.rows
        ]
        return dataclasses.replace(table, rows=rows)

    @property
    def partners_in_locale(self):
        return organisations_in_locale(self.partners, self.locale)

    @property
    def clusters_in_locale(self):
        return in_locale(list(self.clusters.all()), self.locale)

    @property
    def priorities_in_locale(self):
        return in_locale(list(self.priorities.all()), self.locale)

    @property
    def eu_contribution(self):
        return self.funding_table.eu_contribution

    @property
    def co_financing_rate(self):
        """The EU contribution as a percentage of the total budget."""
        eu = self.eu_contribution
        if eu is None or not self.total_budget:
            return None
        return (eu * 100 / self.total_budget).quantize(eu.__class__("0.1"))


class ProjectPartner(OrganisationRelation):
    """A partner organisation of a project (no text of its own: synchronised to translations)."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="partners")

    class Meta(OrganisationRelation.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class ProjectFundingLine(StableOrderable):
    """One source of a project's money: an amount in euros, a share of the budget, or both."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="funding_lines")
    source = models.ForeignKey(
        FundingSource,
        verbose_name=_("funding source"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Where the money comes from."),
    )
    amount = models.DecimalField(
        _("amount (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message=_("An amount cannot be negative."))],
        help_text=_("In euros. Leave empty if you give the share."),
    )
    share = models.DecimalField(
        _("share (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[
            # Validator messages are %-formatted by Django, hence "%%".
            MinValueValidator(0, message=_("A share must be between 0 and 100 %%.")),
            MaxValueValidator(100, message=_("A share must be between 0 and 100 %%.")),
        ],
        help_text=_("Percentage of the total budget. Leave empty if you give the amount."),
    )

    panels = [FieldRowPanel([FieldPanel("source"), FieldPanel("amount"), FieldPanel("share")])]

    class Meta(StableOrderable.Meta):
        verbose_name = _("funding line")
        verbose_name_plural = _("funding lines")


class ProjectGoal(TranslatableMixin, StableOrderable):
    """One goal of a project, in a sentence (translated segment by segment)."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(_("goal"), max_length=500, help_text=_("One goal, in a sentence."))

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, StableOrderable.Meta):
        verbose_name = _("goal")
        verbose_name_plural = _("goals")


class ProjectWorkPackage(TranslatableMixin, StableOrderable):
    """A work package: a named part of the project's work."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="work_packages")
    title = models.CharField(
        _("title"), max_length=255, help_text=_("Name of the work package, e.g. “Viestintä”.")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("What is done in this work package.")
    )

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, StableOrderable.Meta):
        verbose_name = _("work package")
        verbose_name_plural = _("work packages")


class ProjectResult(TranslatableMixin, StableOrderable):
    """One result the project achieved or aims at."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="results")
    text = models.TextField(_("result"), help_text=_("One result, in a sentence or two."))

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, StableOrderable.Meta):
        verbose_name = _("result")
        verbose_name_plural = _("results")


class ProjectContact(ContactRelation):
    """A contact person of the project."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="contacts")
