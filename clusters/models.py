"""The Arctic Smartness clusters: regional networks around one strength of Lapland."""

from django.db import models
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import StableOrderable, SummaryMixin
from core.relations import (
    ContactRelation,
    OrganisationRelation,
    organisations_in_locale,
    people_in_locale,
)
from localisation.lookup import in_locale

__all__ = ["ClusterIndexPage", "ClusterPage", "ClusterMember", "ClusterTheme", "ClusterContact"]


class ClusterIndexPage(SummaryMixin, Page):
    """The list of clusters in the Arctic Smartness portfolio."""

    page_description = _("The list of clusters in the Arctic Smartness portfolio.")

    parent_page_types = ["home.HomePage"]
    subpage_types = ["clusters.ClusterPage"]
    max_count_per_parent = 1

    intro = StreamField(
        BodyStreamBlock(),
        verbose_name=_("introduction"),
        blank=True,
        help_text=_("Text above the list of clusters: what the cluster model is."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("summary")]

    class Meta:
        verbose_name = _("cluster index")
        verbose_name_plural = _("cluster indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["clusters"] = (
            ClusterPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .select_related("lead_organisation")
        )
        return context


class ClusterPage(SummaryMixin, Page):
    """One cluster: its lead organisation, members, themes, contacts and projects."""

    page_description = _(
        "One cluster: its lead organisation, members, themes, contacts and projects."
    )

    parent_page_types = ["clusters.ClusterIndexPage"]
    subpage_types = []

    lead_organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("lead organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_clusters",
        help_text=_("The organisation responsible for running the cluster."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("What the cluster does and for whom, built from blocks."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("lead_organisation"),
                InlinePanel("members", label=_("Member"), heading=_("Member organisations")),
            ],
            heading=_("Organisations"),
        ),
        InlinePanel("themes", label=_("Theme"), heading=_("Themes")),
        FieldPanel("body"),
        InlinePanel(
            "contacts", label=pgettext_lazy("a contact person", "Contact"), heading=_("Contacts")
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.RelatedFields(
            "lead_organisation", [index.SearchField("name"), index.SearchField("short_name")]
        ),
        index.RelatedFields(
            "members",
            [
                index.RelatedFields(
                    "organisation", [index.SearchField("name"), index.SearchField("short_name")]
                )
            ],
        ),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields(
            "contacts", [index.RelatedFields("person", [index.SearchField("name")])]
        ),
    ]

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lead"] = in_locale([self.lead_organisation], self.locale)
        context["members"] = organisations_in_locale(self.members, self.locale)
        context["contacts"] = people_in_locale(self.contacts, self.locale)
        from projects.linked import project_cards

        context["cluster_projects"] = project_cards(
            request, self.linked_projects(), self.locale, urlencode({"cluster": self.slug})
        )
        return context

    def linked_projects(self):
        """Projects that name this cluster, in this page's language, newest first.

        Matched by translation key, so an English project that still points at the Finnish
        cluster (relations are synchronised from the source) is found from the English page.
        """
        from projects.models import ProjectPage

        return (
            ProjectPage.listing()
            .filter(locale=self.locale, clusters__translation_key=self.translation_key)
            .distinct()
        )


class ClusterMember(OrganisationRelation):
    """A member organisation of a cluster (no text of its own: synchronised)."""

    cluster = ParentalKey(ClusterPage, on_delete=models.CASCADE, related_name="members")

    class Meta(OrganisationRelation.Meta):
        verbose_name = _("member")
        verbose_name_plural = _("members")


class ClusterTheme(TranslatableMixin, StableOrderable):
    """A theme the cluster works on, e.g. “mining and cleantech”."""

    cluster = ParentalKey(ClusterPage, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("theme"), max_length=200, help_text=_("A short theme name."))

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta, StableOrderable.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class ClusterContact(ContactRelation):
    """A contact person of the cluster."""

    cluster = ParentalKey(ClusterPage, on_delete=models.CASCADE, related_name="contacts")
