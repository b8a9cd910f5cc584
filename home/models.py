"""The home page, free-form standard pages and the site-wide settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from localisation.lookup import in_locale

from .blocks import BodyStreamBlock
from .snippets import Organisation, Person

__all__ = [
    "HomePage",
    "HomeFeaturedItem",
    "StandardPage",
    "SiteFooterSettings",
    "Organisation",
    "Person",
]

LATEST_NEWS_ON_HOME = 3


class SummaryMixin(models.Model):
    """A plain-text summary used in listings, search results and the meta description."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences shown in listings and search results (max 400)."),
    )

    class Meta:
        abstract = True


class HomePage(Page):
    """The front page of one language: hero, introduction, featured items and latest news."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "clusters.ClusterIndexPage",
        "projects.ProjectIndexPage",
        "news.NewsIndexPage",
        "strategy.StrategyPage",
        "home.StandardPage",
        "feedback.FeedbackFormPage",
    ]

    hero_text = models.CharField(
        _("hero text"),
        max_length=200,
        help_text=_("The large lead sentence at the top of the front page."),
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short introduction below the lead sentence."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_text"),
        FieldPanel("intro"),
        InlinePanel(
            "featured_items",
            label=_("Featured items"),
            heading=_("Featured items"),
            help_text=_("Pages lifted to the front page, in this order. Latest news is automatic."),
            max_num=6,
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("intro"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from news.models import NewsPage

        context = super().get_context(request, *args, **kwargs)
        featured_ids = [item.page_id for item in self.featured_items.all()]
        by_id = {}
        if featured_ids:
            pages = Page.objects.filter(pk__in=featured_ids).live().public().specific()
            by_id = {page.pk: page for page in pages}
        # The rows are synchronised from the Finnish home page: show each page in this
        # page's language.
        context["featured_pages"] = in_locale(
            [by_id[pk] for pk in featured_ids if pk in by_id], self.locale
        )
        context["latest_news"] = (
            NewsPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .defer_streamfields()
            .order_by("-date", "-pk")[:LATEST_NEWS_ON_HOME]
        )
        return context


class HomeFeaturedItem(Orderable):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A cluster, project, news item or other page to feature."),
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        # A stable order for rows sharing a sort_order (home.relations).
        ordering = ["sort_order", "pk"]
        verbose_name = _("featured item")
        verbose_name_plural = _("featured items")


class StandardPage(SummaryMixin, Page):
    """A free-form page such as About, the accessibility statement or feedback instructions."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The content of the page, built from blocks."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="site")
class SiteFooterSettings(BaseSiteSetting):
    """Contact details and service links shown in every page's footer."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation that runs the site; its name is shown in each language."),
    )
    street_address = models.CharField(
        _("street address"), max_length=200, blank=True, help_text=_("E.g. “Hallituskatu 20 B”.")
    )
    postal_address = models.CharField(
        _("postal code and town"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “96100 Rovaniemi”."),
    )
    email = models.EmailField(
        _("email"), blank=True, help_text=_("The shared address of the programme.")
    )
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("The switchboard number.")
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every page's footer, as the law requires."),
    )
    feedback_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("feedback page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where visitors can send feedback; linked from the header and footer."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The privacy notice (tietosuojaseloste), linked from every page's footer."),
    )
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("about page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("street_address"),
                FieldPanel("postal_address"),
                FieldPanel("email"),
                FieldPanel("phone"),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("about_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
                FieldPanel("feedback_page"),
            ],
            heading=_("Service links"),
        ),
    ]

    class Meta:
        verbose_name = _("site footer")
