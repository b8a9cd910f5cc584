"""Filters of the news index: narrow by topic, cluster and year, each value with its count
(core/filtering.py), in plain GET parameters (shareable, no script); and which items are
upcoming events. Topics and clusters are matched by translation key, while the options show
the names in the page's language; the counts are grouped in SQL, one query per filter, so
they cost the same for any number of items.
"""

import datetime

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clusters.facets import ClusterFacet
from core.filtering import Filtering, Listing, Option, RelationFacet, YearsFacet

from .models import NewsPage, Topic


def upcoming_q(now=None):
    """News items that are events starting today or later, or still running."""
    now = now or timezone.now()
    start_of_today = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(now), datetime.time.min)
    )
    return Q(event_start__gte=start_of_today) | Q(event_start__isnull=False, event_end__gte=now)


class TopicFacet(RelationFacet):
    """Every topic in the page's language, and the Finnish topics not translated yet (shown
    in Finnish, as the news items show them)."""

    name = "topic"
    label = _("Topic")

    def __init__(self):
        super().__init__(NewsPage, "topics")

    def options(self, listing):
        if "topics" not in listing.cache:
            rows = Topic.objects.filter(
                Q(locale=listing.locale) | Q(locale__language_code=settings.LANGUAGE_CODE)
            )
            by_key = {}
            for topic in rows:
                if topic.translation_key not in by_key or topic.locale_id == listing.locale.pk:
                    by_key[topic.translation_key] = topic
            topics = sorted(by_key.values(), key=lambda topic: topic.name.casefold())
            listing.cache["topics"] = [
                Option(
                    str(topic.pk),
                    topic.name,
                    topic.translation_key,
                    "" if topic.locale_id == listing.locale.pk else settings.LANGUAGE_CODE,
                )
                for topic in topics
            ]
        return listing.cache["topics"]

    def other_values(self, listing):
        shown = {option.value for option in self.options(listing)}
        return {
            str(pk): key
            for pk, key in Topic.objects.values_list("pk", "translation_key")
            if str(pk) not in shown
        }


class NewsYearFacet(YearsFacet):
    label = _("Year")

    def condition(self, keys, listing):
        return Q(date__year__in=keys)

    def counts(self, items, listing):
        rows = items.order_by().values_list("date__year").annotate(n=Count("pk"))
        return dict(rows)


def news_filtering(params, locale, items):
    """The facets of one news index view over its `items`, as the visitor chose them."""
    return Filtering(
        params,
        Listing(locale, timezone.localdate()),
        items,
        [TopicFacet(), ClusterFacet(NewsPage, "related_clusters"), NewsYearFacet()],
    )
