"""The home page of each language and the free-form standard pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import StableOrderable, SummaryMixin
from localisation.lookup import in_locale

__all__ = ["HomePage", "HomeFeaturedItem", "StandardPage"]

LATEST_NEWS_ON_HOME = 3


class HomePage(Page):
    """The front page of one language: hero, introduction, featured items and latest news."""

    page_description = _(
        "The front page of one language: hero, introduction, featured items and latest news."
    )

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


class HomeFeaturedItem(StableOrderable):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A cluster, project, news item or other page to feature."),
    )

    panels = [FieldPanel("page")]

    class Meta(StableOrderable.Meta):
        verbose_name = _("featured item")
        verbose_name_plural = _("featured items")


class StandardPage(SummaryMixin, Page):
    """A free-form page such as About, the accessibility statement or feedback instructions."""

    page_description = _(
        "A free-form page such as About, the accessibility statement or feedback instructions."
    )

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
