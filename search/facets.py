"""Facets of the search results: narrow by content type, cluster, project status, funding
source and year, each value with its count, in plain GET parameters (shareable, no script).

The search backend ranks the pages; the facets (core/filtering.py) then work on the ranked
page ids in the database, because they cut across page types (a cluster facet matches
projects, news and strategy priorities alike) where the backend only filters one model's
own fields.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Page

from clusters.facets import ClusterOptions
from clusters.models import ClusterPage
from core.filtering import ChoiceFacet, Filtering, Listing, Option, YearsFacet
from news.models import NewsPage
from projects.facets import FundingFacet, StatusFacet
from projects.models import ProjectPage
from projects.timing import active_years
from strategy.models import StrategyPage, StrategyPriorityPage

TYPES = {
    "cluster": (pgettext_lazy("search facet", "Clusters"), [ClusterPage]),
    "project": (pgettext_lazy("search facet", "Projects"), [ProjectPage]),
    "news": (pgettext_lazy("search facet", "News and events"), [NewsPage]),
    "strategy": (pgettext_lazy("search facet", "Strategy"), [StrategyPage, StrategyPriorityPage]),
}
# The pages that name clusters, and the relation they name them by.
CLUSTER_RELATIONS = [
    (ProjectPage, "clusters"),
    (NewsPage, "related_clusters"),
    (StrategyPriorityPage, "clusters"),
]


class TypeFacet(ChoiceFacet):
    name = "type"
    label = _("Content type")

    def options(self, listing):
        return [Option(key, label, key) for key, (label, _models) in TYPES.items()]

    def condition(self, keys, listing):
        models = [model for key in keys for model in TYPES[key][1]]
        return Q(content_type__in=[ContentType.objects.get_for_model(model) for model in models])

    def counts(self, items, listing):
        rows = dict(items.order_by().values_list("content_type").annotate(n=Count("pk")))
        return {
            key: sum(rows.get(ContentType.objects.get_for_model(model).pk, 0) for model in models)
            for key, (_label, models) in TYPES.items()
        }


class SearchClusterFacet(ClusterOptions, ChoiceFacet):
    """Clusters themselves, and the projects, news and priorities that name them."""

    def condition(self, keys, listing):
        condition = Q(pk__in=ClusterPage.objects.filter(translation_key__in=keys).values("pk"))
        for model, relation in CLUSTER_RELATIONS:
            linked = model.objects.filter(**{f"{relation}__translation_key__in": keys})
            condition |= Q(pk__in=linked.values("pk"))
        return condition

    def counts(self, items, listing):
        ids = items.order_by().values("pk")
        # order_by(): a page query is ordered by its path, which would split the groups.
        counts = dict(
            ClusterPage.objects.filter(pk__in=ids)
            .order_by()
            .values_list("translation_key")
            .annotate(n=Count("pk"))
        )
        for model, relation in CLUSTER_RELATIONS:
            rows = (
                model.objects.filter(pk__in=ids)
                .order_by()
                .values_list(f"{relation}__translation_key")
                .annotate(n=Count("pk", distinct=True))
            )
            for key, count in rows:
                if key is not None:
                    counts[key] = counts.get(key, 0) + count
        return counts


class SearchYearFacet(YearsFacet):
    """News items dated in one of the years, projects active in one of them."""

    label = _("Year")

    def condition(self, keys, listing):
        condition = Q(pk__in=NewsPage.objects.filter(date__year__in=keys).values("pk"))
        for year in keys:
            active = ProjectPage.objects.active_in_years(year, year, listing.today)
            condition |= Q(pk__in=active.values("pk"))
        return condition

    def counts(self, items, listing):
        ids = items.order_by().values("pk")
        counts = dict(
            NewsPage.objects.filter(pk__in=ids)
            .order_by()
            .values_list("date__year")
            .annotate(n=Count("pk"))
        )
        projects = ProjectPage.objects.filter(pk__in=ids)
        for start, end in projects.values_list("start_date", "end_date"):
            for year in active_years(start, end, listing.today):
                counts[year] = counts.get(year, 0) + 1
        return counts


class ProjectStatusFacet(StatusFacet):
    label = _("Project status")


class SearchFiltering(Filtering):
    """The facets of one search over its ranked page ids: `ranked()` keeps the ranking's
    order among the ids that pass the visitor's choices."""

    def __init__(self, params, locale, ranked_ids):
        self.ranked_ids = ranked_ids
        super().__init__(
            params,
            Listing(locale, timezone.localdate()),
            Page.objects.filter(pk__in=ranked_ids),
            [
                TypeFacet(),
                SearchClusterFacet(),
                ProjectStatusFacet(),
                FundingFacet(),
                SearchYearFacet(),
            ],
        )

    def ranked(self):
        if not self.active:
            return list(self.ranked_ids)
        allowed = set(self.narrowed.values_list("pk", flat=True))
        return [pk for pk in self.ranked_ids if pk in allowed]
