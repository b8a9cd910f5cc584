"""A project page: who runs the project, when, with how much money from where, and what it
does; the editing panels, the search fields, the page's context and the facts derived from its
fields (status, duration, funding table, relations in the page's language)."""

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyStreamBlock
from core.models import SummaryMixin
from core.relations import organisations_in_locale, people_in_locale, related_rows
from core.widgets import FilterableCheckboxes
from localisation.lookup import in_locale

from ..api import PROJECT_API_FIELDS, prefetch_for_api
from ..forms import ProjectPageForm
from ..funding import build_funding_table
from ..publicity import eu_publicity
from ..timing import ProjectQuerySet, ProjectStatus, status_between


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

    # What the read-only API shows of a project, and how a listing fetches the relations it
    # reads (home/api.py calls api_prefetch): projects/api.py.
    api_fields = PROJECT_API_FIELDS
    api_prefetch = staticmethod(prefetch_for_api)

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["funding"] = self.funding_table
        # Each row with its source in the page's language: one query for all the rows.
        sources = [row.source for row in self.funding_table.rows if row.source is not None]
        shown = dict(zip(sources, in_locale(sources, self.locale), strict=True))
        context["funding_rows"] = [(row, shown.get(row.source)) for row in self.funding_table.rows]
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
