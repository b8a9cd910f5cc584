"""News items and events."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyStreamBlock
from core.models import SummaryMixin
from core.pages import SitePageManager
from core.pagination import paginate
from core.widgets import FilterableCheckboxes
from localisation.forms import SourceLanguageChoicesForm
from localisation.lookup import in_locale
from pagecache.query import ignored_part_of_the_query

__all__ = ["NewsIndexPage", "NewsPage", "Topic"]

NEWS_PER_PAGE = 10


class NewsIndexPage(SummaryMixin, Page):
    """News and events: upcoming events first, then the rest newest first; visitors filter it."""

    page_description = _(
        "News and events: upcoming events first, then the rest newest first; visitors filter them."
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("summary")]

    search_fields = [*Page.search_fields, index.SearchField("summary")]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        from .facets import news_filtering, upcoming_q

        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.child_of(self).live().public().defer_streamfields()
        filtering = news_filtering(request.GET, self.locale, news)
        if filtering.unknown:
            ignored_part_of_the_query(request)
        narrowed = filtering.narrow()
        upcoming = upcoming_q()
        # Soonest first: the next event is what a visitor looks for.
        events = list(narrowed.filter(upcoming).order_by("event_start", "pk"))
        news_items = paginate(
            request, narrowed.exclude(upcoming).order_by("-date", "-pk"), NEWS_PER_PAGE
        )
        news_items.object_list = list(news_items.object_list)
        self._attach_topics([*events, *news_items.object_list])
        context.update(
            {
                # On the first page only: the following pages continue the news.
                "upcoming_events": events if news_items.number == 1 else [],
                "news_items": news_items,
                "item_count": len(events) + news_items.paginator.count,
                "filtering": filtering,
                "facets": filtering.facets(),
            }
        )
        return context

    def _attach_topics(self, items):
        """Each item's topics for its card as `item.topic_list`, [(name, lang)] in this
        page's language; `lang` is set for a topic shown in Finnish for want of a
        translation. Two queries for the whole list."""
        prefetch_related_objects(items, "topics")
        originals = [topic for item in items for topic in item.topics.all()]
        localised = dict(
            zip([topic.pk for topic in originals], in_locale(originals, self.locale), strict=True)
        )
        for item in items:
            topics = {localised[topic.pk] for topic in item.topics.all()}
            item.topic_list = [
                (topic.name, "" if topic.locale_id == self.locale_id else settings.LANGUAGE_CODE)
                for topic in sorted(topics, key=lambda topic: topic.name.casefold())
            ]


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject that news items are grouped by, e.g. “Strategia” / “Strategy”.

    A translatable snippet rather than free-form tags: a tag is typed in one language only,
    so the English news item would show the Finnish word.
    """

    name = models.CharField(
        _("name"), max_length=100, help_text=_("One or two words, e.g. “Strategia”.")
    )

    panels = [FieldPanel("name")]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


class NewsPage(RoutablePageMixin, SummaryMixin, Page):
    """A news item; with a start time it is also an event (venue, participants)."""

    page_description = _(
        "A news item; with a start time it is also an event (venue, participants)."
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    objects = SitePageManager()

    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("The publication date shown.")
    )
    body = StreamField(
        BodyStreamBlock(), verbose_name=_("body"), blank=True, help_text=_("The story.")
    )
    topics = ParentalManyToManyField(
        Topic,
        verbose_name=_("topics"),
        blank=True,
        related_name="news_items",
        help_text=_("Subjects this item is about, shown with it; add new ones under Snippets."),
    )
    related_clusters = ParentalManyToManyField(
        "clusters.ClusterPage",
        verbose_name=_("related clusters"),
        blank=True,
        related_name="news",
        help_text=_("Clusters this item is about."),
    )
    related_projects = ParentalManyToManyField(
        "projects.ProjectPage",
        verbose_name=_("related projects"),
        blank=True,
        related_name="news",
        help_text=_("Projects this item is about."),
    )
    event_start = models.DateTimeField(
        _("event starts"),
        null=True,
        blank=True,
        help_text=_("Fill in only if this item is an event: when it begins."),
    )
    event_end = models.DateTimeField(
        _("event ends"), null=True, blank=True, help_text=_("When the event ends, if known.")
    )
    venue = models.CharField(
        _("venue"),
        max_length=255,
        blank=True,
        help_text=_("Where the event takes place, e.g. “Lapin yliopisto, Rovaniemi”."),
    )
    participants = models.PositiveIntegerField(
        _("participants"),
        null=True,
        blank=True,
        help_text=_("How many took part (or are expected to), if known."),
    )

    base_form_class = SourceLanguageChoicesForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_start"), FieldPanel("event_end")]),
                FieldPanel("venue"),
                FieldPanel("participants"),
            ],
            heading=_("Event details"),
            help_text=_("Leave empty for a plain news item."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=FilterableCheckboxes),
                FieldPanel("related_clusters", widget=FilterableCheckboxes),
                FieldPanel("related_projects", widget=FilterableCheckboxes),
            ],
            heading=_("Topics"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    # The English item has the same topics and relations as its source; templates show
    # each in the page's language.
    override_translatable_fields = [
        SynchronizedField("topics"),
        SynchronizedField("related_clusters"),
        SynchronizedField("related_projects"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def clean(self):
        super().clean()
        errors = {}
        if self.event_end and not self.event_start:
            errors["event_start"] = _("Give the start time of the event as well.")
        elif self.event_start and self.event_end and self.event_end < self.event_start:
            errors["event_end"] = _("The event ends before it starts.")
        if (self.venue or self.participants is not None) and not self.event_start:
            errors.setdefault(
                "event_start", _("A venue or participant count needs the event's start time.")
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_event(self):
        return self.event_start is not None

    @property
    def event_is_upcoming(self):
        return self.is_event and (self.event_end or self.event_start) >= timezone.now()

    # Page addresses end in a slash and take no dots, so the file name is in the download.
    @path("calendar/", name="ics")
    def ics(self, request):
        """The event as a calendar file, for “Add to calendar”."""
        from .calendar import calendar_response

        if not self.is_event:
            raise Http404
        return calendar_response(request, [self], f"{self.slug}.ics")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = in_locale(list(self.topics.all()), self.locale)
        context["clusters"] = in_locale(list(self.related_clusters.filter(live=True)), self.locale)
        context["projects"] = in_locale(list(self.related_projects.filter(live=True)), self.locale)
        return context
