"""Filters of the news index: narrow by topic, cluster and year, each value with its count,
in plain GET parameters (shareable, no script); and which items are upcoming events.

They work like the search facets (search/facets.py): values within a filter are alternatives
(OR), filters combine (AND), and each filter counts the items as the other filters narrow
them, so a visitor sees what choosing a value would give. Topics and clusters are matched by
translation key: an English item's relations are synchronised from its Finnish source, so
they point to the Finnish rows, while the options show the names in the page's language.
The counts are grouped in SQL, one query per filter, so they cost the same for any number of
items.
"""

import datetime

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clusters.models import ClusterPage
from home.facets import Facet, FacetValue, chosen_values, is_year

from .models import NewsPage, Topic


def upcoming_q(now=None):
    """News items that are events starting today or later, or still running."""
    now = now or timezone.now()
    start_of_today = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(now), datetime.time.min)
    )
    return Q(event_start__gte=start_of_today) | Q(event_start__isnull=False, event_end__gte=now)


class NewsFilters:
    """The filters of one news index view: `narrow()` applies the visitor's choices to the
    index's items, `filters()` describes each filter with its counts, `unknown` lists the
    values that were ignored."""

    def __init__(self, params, locale, items):
        self.locale = locale
        self.items = items
        self.topics = self._topics()
        self.clusters = {
            cluster.slug: cluster
            for cluster in ClusterPage.objects.live().filter(locale=locale).order_by("title")
        }
        self.unknown = []
        self.chosen = {
            "topic": self._valid(params, "topic", self.topics),
            "cluster": self._valid(params, "cluster", self.clusters),
            "year": self._valid(params, "year", None),
        }

    def _topics(self):
        """{pk: topic} of every topic in the page's language, and of the Finnish topics
        not translated yet (shown in Finnish, as the news items show them)."""
        rows = Topic.objects.filter(
            Q(locale=self.locale) | Q(locale__language_code=settings.LANGUAGE_CODE)
        )
        by_key = {}
        for topic in rows:
            if topic.translation_key not in by_key or topic.locale_id == self.locale.pk:
                by_key[topic.translation_key] = topic
        topics = sorted(by_key.values(), key=lambda topic: topic.name.casefold())
        return {str(topic.pk): topic for topic in topics}

    def _valid(self, params, name, known):
        is_known = is_year if known is None else known.__contains__
        return chosen_values(params, name, is_known, self.unknown)

    @property
    def active(self):
        return any(self.chosen.values())

    # --- Filtering ----------------------------------------------------------------------

    def narrow(self, skip=None):
        """The items that pass every chosen filter except `skip`."""
        condition = Q()
        for name, values in self.chosen.items():
            if values and name != skip:
                condition &= self._condition(name, values)
        return self.items.filter(condition)

    def _condition(self, name, values):
        # Subqueries rather than joins: an item with two chosen topics is still one item.
        if name == "topic":
            keys = [self.topics[value].translation_key for value in values]
            linked = NewsPage.topics.through.objects.filter(topic__translation_key__in=keys)
            return Q(pk__in=linked.values("newspage_id"))
        if name == "cluster":
            keys = [self.clusters[value].translation_key for value in values]
            linked = NewsPage.related_clusters.through.objects.filter(
                clusterpage__translation_key__in=keys
            )
            return Q(pk__in=linked.values("newspage_id"))
        return Q(date__year__in=[int(value) for value in values])

    # --- Counting -----------------------------------------------------------------------

    def filters(self):
        """Every filter with the count of each value among the items as the other filters
        narrow them. Values with no items are shown only when chosen."""
        return [
            self._filter("topic", _("Topic"), self._topic_counts, self._topic_labels()),
            self._filter("cluster", _("Cluster"), self._cluster_counts, self._cluster_labels()),
            self._filter("year", _("Year"), self._year_counts, None),
        ]

    def _filter(self, name, label, counter, labels):
        counts = counter(self.narrow(skip=name).order_by())
        chosen = self.chosen[name]
        if labels is None:  # years: the newest first
            years = sorted(set(counts) | set(chosen), reverse=True)
            labels = [(year, year, "") for year in years]
        values = [
            FacetValue(value, str(value_label), counts.get(value, 0), value in chosen, lang)
            for value, value_label, lang in labels
            if counts.get(value) or value in chosen
        ]
        return Facet(name, label, values)

    def _topic_labels(self):
        return [
            (value, topic.name, "" if topic.locale_id == self.locale.pk else settings.LANGUAGE_CODE)
            for value, topic in self.topics.items()
        ]

    def _cluster_labels(self):
        return [(slug, cluster.title, "") for slug, cluster in self.clusters.items()]

    def _topic_counts(self, items):
        value_of = {topic.translation_key: value for value, topic in self.topics.items()}
        rows = items.values_list("topics__translation_key").annotate(count=Count("pk"))
        return {value_of[key]: count for key, count in rows if key in value_of}

    def _cluster_counts(self, items):
        slug_of = {cluster.translation_key: slug for slug, cluster in self.clusters.items()}
        rows = items.values_list("related_clusters__translation_key").annotate(count=Count("pk"))
        return {slug_of[key]: count for key, count in rows if key in slug_of}

    @staticmethod
    def _year_counts(items):
        rows = items.values_list("date__year").annotate(count=Count("pk"))
        return {str(year): count for year, count in rows}
