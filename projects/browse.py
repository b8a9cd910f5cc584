"""Browsing the project index: filters with counts, sorting, and the projects they select.

The filters are facets of the shared engine (core/filtering.py, projects/facets.py,
clusters/facets.py): the projects are narrowed, counted, sorted and paginated in the
database, and only the projects shown are fetched in full. The same selection feeds the
list, the CSV and JSON exports and their links, so a shared address gives the same
projects in every form.
"""

from urllib.parse import urlencode

from django.db.models import F
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from clusters.facets import ClusterFacet
from clusters.models import ClusterPage
from core.filtering import MAX_VALUE_LENGTH, Filtering, Listing, submitted_values

from .facets import FundingFacet, LeadFacet, StatusFacet, YearRangeFacet
from .funding import FundingSource
from .models import ProjectPage

SORTS = {
    "start-desc": _("Start date, newest first"),
    "start-asc": _("Start date, oldest first"),
    "end-asc": _("End date, soonest first"),
    "end-desc": _("End date, latest first"),
    "budget-desc": _("Budget, largest first"),
    "budget-asc": _("Budget, smallest first"),
}
DEFAULT_SORT = "start-desc"
SORTED_FIELDS = {"start": "start_date", "end": "end_date", "budget": "total_budget"}


def _ordering(sort):
    """The order_by() of a sort: projects lacking the sorted figure go last either way,
    then by title."""
    name, direction = sort.split("-")
    field = F(SORTED_FIELDS[name])
    first = field.desc(nulls_last=True) if direction == "desc" else field.asc(nulls_last=True)
    return [first, Lower("title"), "pk"]


class ProjectSelection:
    """The projects of one project index as the visitor's GET parameters filter and sort
    them. `unknown` lists values that were not recognised and have been left out."""

    def __init__(self, index_page, params):
        self.index_page = index_page
        self.locale = index_page.locale
        self.today = timezone.localdate()
        self.projects = ProjectPage.objects.child_of(index_page).live().public()
        self.years = YearRangeFacet()
        self.filtering = Filtering(
            params,
            Listing(self.locale, self.today),
            self.projects,
            [
                StatusFacet(),
                ClusterFacet(ProjectPage, "clusters"),
                FundingFacet(),
                LeadFacet(self.projects),
                self.years,
            ],
        )
        self.unknown = self.filtering.unknown
        sorts = submitted_values(params, "sort")
        known = [value for value in sorts if value in SORTS]
        self.unknown.extend(value[:MAX_VALUE_LENGTH] for value in sorts if value not in SORTS)
        self.sort = known[0] if known else DEFAULT_SORT

    @property
    def active(self):
        return self.filtering.active

    @property
    def years_swapped(self):
        return self.years.swapped

    @property
    def year_from(self):
        return self._year_range[0]

    @property
    def year_to(self):
        return self._year_range[1]

    @property
    def _year_range(self):
        chosen = self.filtering.chosen["years"]
        return chosen[0] if chosen else (None, None)

    @cached_property
    def total(self):
        return self.projects.count()

    def query_string(self, with_sort=True):
        """The choices as a GET query: for the exports' links and the list's pages."""
        pairs = self.filtering.query_pairs()
        if with_sort and self.sort != DEFAULT_SORT:
            pairs.append(("sort", self.sort))
        return urlencode(pairs)

    @property
    def ordered_ids(self):
        """A query of the ids of the projects passing the filters, in the chosen order:
        the index pages through it in the database."""
        return self.filtering.narrowed.order_by(*_ordering(self.sort)).values_list("pk", flat=True)

    @cached_property
    def matching_ids(self):
        """The ids of every project passing the filters, in the chosen order (exports)."""
        return list(self.ordered_ids)

    def facets(self):
        """Each filter but the years with the number of projects each value would give as
        the other filters narrow them."""
        return [facet for facet in self._described if facet.name != "years"]

    def year_options(self):
        """(year, count of projects active in it as the other filters narrow them) for each
        year from the first project's start to the last one's end."""
        years = next((facet for facet in self._described if facet.name == "years"), None)
        return [(int(value.value), value.count) for value in years.values] if years else []

    @cached_property
    def _described(self):
        return self.filtering.facets()

    @property
    def sort_options(self):
        return [(value, label, value == self.sort) for value, label in SORTS.items()]

    # --- Names for the exports ----------------------------------------------------------

    @cached_property
    def clusters(self):
        clusters = ClusterPage.objects.live().filter(locale=self.locale).order_by("title")
        return {cluster.slug: cluster for cluster in clusters}

    @cached_property
    def sources(self):
        sources = FundingSource.objects.filter(locale=self.locale).order_by("name")
        return {str(source.pk): source for source in sources}
