"""Facets of the search results: narrow by content type, cluster, project status, funding
source and year, each value with its count, in plain GET parameters (shareable, no script).

The search backend ranks the pages; the facets work on the ranked page ids with the ORM,
because they cut across page types (a cluster facet matches projects, news and strategy
priorities alike) where the backend only filters one model's own fields. Values within a
facet are alternatives (OR); facets combine (AND). Each facet counts the results as the
other facets narrow them, so a visitor sees what choosing a value would give.
"""

import datetime
from collections import Counter

from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from clusters.models import ClusterPage
from home.facets import Facet, FacetValue, chosen_values, is_year
from news.models import NewsPage
from projects.models import FundingSource, ProjectPage
from strategy.models import StrategyPage, StrategyPriorityPage

TYPES = {
    "cluster": (pgettext_lazy("search facet", "Clusters"), [ClusterPage]),
    "project": (pgettext_lazy("search facet", "Projects"), [ProjectPage]),
    "news": (pgettext_lazy("search facet", "News and events"), [NewsPage]),
    "strategy": (pgettext_lazy("search facet", "Strategy"), [StrategyPage, StrategyPriorityPage]),
}


class SearchFacets:
    """The facets of one search: `narrow()` applies the visitor's choices to the ranked ids,
    `facets()` describes every facet with its counts, `unknown` lists ignored values."""

    def __init__(self, params, locale, ranked_ids):
        self.locale = locale
        self.ranked_ids = ranked_ids
        self.today = timezone.localdate()
        self.clusters = {
            cluster.slug: cluster
            for cluster in ClusterPage.objects.live().filter(locale=locale).order_by("title")
        }
        self.sources = {
            str(source.pk): source
            for source in FundingSource.objects.filter(locale=locale).order_by("name")
        }
        self.unknown = []
        self.chosen = {
            "type": self._valid(params, "type", TYPES),
            "cluster": self._valid(params, "cluster", self.clusters),
            "status": self._valid(params, "status", dict(ProjectPage.Status.choices)),
            "funding": self._valid(params, "funding", self.sources),
            "year": chosen_values(params, "year", is_year, self.unknown),
        }

    def _valid(self, params, name, known):
        return chosen_values(params, name, known.__contains__, self.unknown)

    @property
    def active(self):
        return any(self.chosen.values())

    # --- Filtering ----------------------------------------------------------------------

    @cached_property
    def _chosen_matches(self):
        """{facet: the result ids its chosen values let through}, each worked out once:
        every facet's counts need the others' choices applied."""
        ids = set(self.ranked_ids)
        return {
            name: self._matching(name, values, ids)
            for name, values in self.chosen.items()
            if values
        }

    def narrow(self, skip=None):
        """The ids that pass every chosen facet except `skip`, ranking order kept."""
        allowed = set(self.ranked_ids)
        for name, matching in self._chosen_matches.items():
            if name != skip:
                allowed &= matching
        return [pk for pk in self.ranked_ids if pk in allowed]

    def _matching(self, name, values, ids):
        if name == "type":
            models = [model for value in values for model in TYPES[value][1]]
            return self._of_types(ids, models)
        if name == "cluster":
            keys = [self.clusters[value].translation_key for value in values]
            return self._linked_to_clusters(ids, keys)
        if name == "status":
            return set(
                ProjectPage.objects.filter(pk__in=ids)
                .filter(self._status_filter(values))
                .values_list("pk", flat=True)
            )
        if name == "funding":
            keys = [self.sources[value].translation_key for value in values]
            return set(
                ProjectPage.objects.filter(
                    pk__in=ids, funding_lines__source__translation_key__in=keys
                ).values_list("pk", flat=True)
            )
        years = [int(value) for value in values]
        return self._in_years(ids, years)

    @staticmethod
    def _of_types(ids, models):
        found = set()
        for model in models:
            found |= set(model.objects.filter(pk__in=ids).values_list("pk", flat=True))
        return found

    @classmethod
    def _linked_to_clusters(cls, ids, keys):
        """Clusters themselves, and projects, news and priorities that name them."""
        keys = set(keys)
        return {pk for pk, key in cls._cluster_links(ids) if key in keys}

    @staticmethod
    def _cluster_links(ids):
        """(page id, cluster translation key) for each result and cluster it belongs to.
        Related clusters are matched by translation key: an English project's clusters are
        the Finnish pages its relations were synchronised from. Four queries."""
        links = set(ClusterPage.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
        for model, relation in (
            (ProjectPage, "clusters"),
            (NewsPage, "related_clusters"),
            (StrategyPriorityPage, "clusters"),
        ):
            links |= set(
                model.objects.filter(pk__in=ids, **{f"{relation}__isnull": False}).values_list(
                    "pk", f"{relation}__translation_key"
                )
            )
        return links

    def _status_filter(self, statuses):
        today = self.today
        conditions = {
            ProjectPage.Status.PLANNED: Q(start_date__gt=today),
            ProjectPage.Status.ENDED: Q(end_date__lt=today),
            ProjectPage.Status.ONGOING: Q(start_date__lte=today)
            & (Q(end_date__isnull=True) | Q(end_date__gte=today)),
        }
        combined = Q(pk__in=[])
        for status in statuses:
            combined |= conditions[status]
        return combined

    @staticmethod
    def _in_years(ids, years):
        """News items dated in one of the years, projects active in one of them."""
        found = set(
            NewsPage.objects.filter(pk__in=ids, date__year__in=years).values_list("pk", flat=True)
        )
        for year in years:
            first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
            found |= set(
                ProjectPage.objects.filter(pk__in=ids, start_date__lte=last)
                .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
                .values_list("pk", flat=True)
            )
        return found

    # --- Counting -----------------------------------------------------------------------

    def facets(self):
        """Every facet with the count of each value among the results as the other facets
        narrow them. Values with no results are shown only when chosen."""
        return [
            self._facet("type", _("Content type"), self._type_counts),
            self._facet("cluster", _("Cluster"), self._cluster_counts),
            self._facet("status", _("Project status"), self._status_counts),
            self._facet("funding", _("Funding source"), self._funding_counts),
            self._facet("year", _("Year"), self._year_counts),
        ]

    def _facet(self, name, label, counter):
        counts = counter(self.narrow(skip=name))
        chosen = self.chosen[name]
        values = [
            FacetValue(value, str(value_label), counts.get(value, 0), value in chosen)
            for value, value_label in self._labels(name, counts)
            if counts.get(value) or value in chosen
        ]
        return Facet(name, label, values)

    def _labels(self, name, counts):
        if name == "type":
            return [(key, label) for key, (label, _models) in TYPES.items()]
        if name == "cluster":
            return [(slug, cluster.title) for slug, cluster in self.clusters.items()]
        if name == "status":
            return list(ProjectPage.Status.choices)
        if name == "funding":
            return [(pk, source.name) for pk, source in self.sources.items()]
        years = sorted(set(counts) | set(self.chosen["year"]), reverse=True)
        return [(year, year) for year in years]

    def _type_counts(self, ids):
        return Counter(
            {key: len(self._of_types(ids, models)) for key, (_label, models) in TYPES.items()}
        )

    def _cluster_counts(self, ids):
        slug_of = {cluster.translation_key: slug for slug, cluster in self.clusters.items()}
        return Counter(slug_of[key] for _pk, key in self._cluster_links(ids) if key in slug_of)

    def _status_counts(self, ids):
        projects = ProjectPage.objects.filter(pk__in=ids).only("start_date", "end_date")
        return Counter(
            project.status_on(self.today) for project in projects if project.status_on(self.today)
        )

    def _funding_counts(self, ids):
        by_key = {source.translation_key: pk for pk, source in self.sources.items()}
        rows = (
            ProjectPage.objects.filter(pk__in=ids)
            .values_list("pk", "funding_lines__source__translation_key")
            .distinct()
        )
        return Counter(by_key[key] for _pk, key in rows if key in by_key)

    def _year_counts(self, ids):
        counts = Counter(
            str(day.year)
            for day in NewsPage.objects.filter(pk__in=ids).values_list("date", flat=True)
        )
        projects = ProjectPage.objects.filter(pk__in=ids, start_date__isnull=False)
        for start, end in projects.values_list("start_date", "end_date"):
            # An open-ended project is active from its start to this year (or its start).
            last = end.year if end else max(start.year, self.today.year)
            for year in range(start.year, last + 1):
                counts[str(year)] += 1
        return counts
