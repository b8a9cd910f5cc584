"""The regional strategy and its priority business areas."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyStreamBlock
from core.models import SummaryMixin
from core.widgets import FilterableCheckboxes
from localisation.forms import SourceLanguageChoicesForm
from localisation.lookup import in_locale

__all__ = ["StrategyPage", "StrategyPriorityPage"]


class StrategyPage(SummaryMixin, Page):
    """A strategy document, e.g. “Lappi – arktinen ja kansainvälinen menestyjä 2018–2022”."""

    page_description = _("A strategy document with its vision and priorities.")

    parent_page_types = ["home.HomePage"]
    subpage_types = ["strategy.StrategyPriorityPage"]

    period_start = models.PositiveSmallIntegerField(
        _("first year"), help_text=_("The first year the strategy covers, e.g. 2018.")
    )
    period_end = models.PositiveSmallIntegerField(
        _("last year"), help_text=_("The last year the strategy covers, e.g. 2022.")
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The strategy's vision and background, built from blocks."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Period")),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("period_start"),
        index.FilterField("period_end"),
    ]

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The last year is before the first year.")})

    @property
    def period(self):
        return f"{self.period_start}–{self.period_end}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["priorities"] = (
            StrategyPriorityPage.objects.child_of(self).live().public().defer_streamfields()
        )
        return context


class StrategyPriorityPage(SummaryMixin, Page):
    """A priority business area of the strategy, with the clusters and projects behind it."""

    page_description = _(
        "A priority business area of the strategy, with the clusters and projects behind it."
    )

    parent_page_types = ["strategy.StrategyPage"]
    subpage_types = []

    clusters = ParentalManyToManyField(
        "clusters.ClusterPage",
        verbose_name=_("clusters"),
        blank=True,
        related_name="priorities",
        help_text=_("Clusters that work on this priority. Projects link themselves."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("What the priority means and how it is advanced, built from blocks."),
    )

    base_form_class = SourceLanguageChoicesForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("clusters", widget=FilterableCheckboxes),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]

    override_translatable_fields = [SynchronizedField("clusters")]

    class Meta:
        verbose_name = _("strategy priority")
        verbose_name_plural = _("strategy priorities")

    def get_context(self, request, *args, **kwargs):
        from projects.linked import project_cards
        from projects.models import ProjectPage

        context = super().get_context(request, *args, **kwargs)
        context["linked_clusters"] = in_locale(list(self.clusters.filter(live=True)), self.locale)
        context["linked_projects"] = project_cards(
            request,
            ProjectPage.listing()
            .filter(locale=self.locale, priorities__translation_key=self.translation_key)
            .distinct(),
            self.locale,
        )
        return context
