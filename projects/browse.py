"""Browsing the project index: filters with counts, sorting, and the projects they select.

A language's projects are read once as compact facts (dates, budget, and the translation keys
of their lead organisation, clusters and funding sources), in three queries whatever their
number; filtering, counting and sorting happen on those facts, and only the projects shown
are then fetched in full. Relations are matched by translation key because an English
project's clusters and funding lines are synchronised from its Finnish source and point at
Finnish pages and snippets.

The same selection feeds the list, the CSV and JSON exports and their links, so a shared
address gives the same projects in every form.
"""

import datetime
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from clusters.models import ClusterPage
from home.facets import Facet, FacetValue, chosen_values, is_year
from home.models import Organisation
from pagecache.store import current_generation

from .funding import FundingSource
from .models import ProjectFundingLine, ProjectPage

SORTS = {
    "start-desc": _("Start date, newest first"),
    "start-asc": _("Start date, oldest first"),
    "end-asc": _("End date, soonest first"),
    "end-desc": _("End date, latest first"),
    "budget-desc": _("Budget, largest first"),
    "budget-asc": _("Budget, smallest first"),
}
DEFAULT_SORT = "start-desc"


@dataclass
class ProjectFacts:
    """What filtering and sorting need to know of one project."""

    pk: int
    title: str
    start: datetime.date | None
    end: datetime.date | None
    budget: object
    lead: object  # the lead organisation's translation key
    clusters: set
    sources: set

    def status_on(self, day):
        return ProjectPage.status_between(self.start, self.end, day)

    def active_during(self, first_year, last_year):
        """Whether the project runs at some time in the years given (both included); a
        project without a start date has no place on the time line and is never in range."""
        if self.start is None:
            return False
        end = self.end or self.start
        return self.start.year <= last_year and end.year >= first_year

    @property
    def years(self):
        if self.start is None:
            return range(0)
        return range(self.start.year, (self.end or self.start).year + 1)


def _sort_key(name):
    """(key, reverse) for a sort; projects lacking the sorted figure go last either way."""
    field, direction = name.split("-")
    attribute = {"start": "start", "end": "end", "budget": "budget"}[field]
    descending = direction == "desc"

    def key(facts):
        value = getattr(facts, attribute)
        missing = value is None
        # Reversing the whole key for descending order would put the missing first.
        return (missing if not descending else not missing, value if not missing else 0)

    return key, descending


class ProjectSelection:
    """The projects of one project index as the visitor's GET parameters filter and sort
    them. `unknown` lists values that were not recognised and have been left out."""

    def __init__(self, index_page, params):
        self.index_page = index_page
        self.locale = index_page.locale
        self.today = timezone.localdate()
        self.projects = self._read_facts(index_page)
        self.unknown = []
        self.clusters = {
            cluster.slug: cluster
            for cluster in ClusterPage.objects.live().filter(locale=self.locale).order_by("title")
        }
        self.sources = {
            str(source.pk): source
            for source in FundingSource.objects.filter(locale=self.locale).order_by("name")
        }
        lead_keys = {facts.lead for facts in self.projects if facts.lead}
        self.organisations = {
            str(organisation.pk): organisation
            for organisation in Organisation.objects.filter(
                locale=self.locale, translation_key__in=lead_keys
            ).order_by("name")
        }
        self.chosen = {
            "cluster": self._valid(params, "cluster", self.clusters),
            "status": self._valid(params, "status", dict(ProjectPage.Status.choices)),
            "funding": self._valid(params, "funding", self.sources),
            "lead": self._valid(params, "lead", self.organisations),
        }
        self.year_from = self._year(params, "from")
        self.year_to = self._year(params, "to")
        self.years_swapped = bool(self.year_from and self.year_to and self.year_from > self.year_to)
        if self.years_swapped:
            self.year_from, self.year_to = self.year_to, self.year_from
        sort = chosen_values(params, "sort", SORTS.__contains__, self.unknown)
        self.sort = sort[0] if sort else DEFAULT_SORT

    # --- Reading the visitor's choices ---------------------------------------------------

    def _valid(self, params, name, known):
        return chosen_values(params, name, known.__contains__, self.unknown)

    def _year(self, params, name):
        years = chosen_values(params, name, is_year, self.unknown)
        return int(years[0]) if years else None

    @property
    def active(self):
        return any(self.chosen.values()) or bool(self.year_from or self.year_to)

    def query_string(self, with_sort=True):
        """The choices as a GET query: for the exports' links and the list's pages."""
        pairs = [(name, value) for name, values in self.chosen.items() for value in values]
        if self.year_from:
            pairs.append(("from", self.year_from))
        if self.year_to:
            pairs.append(("to", self.year_to))
        if with_sort and self.sort != DEFAULT_SORT:
            pairs.append(("sort", self.sort))
        return urlencode(pairs)

    # --- The facts ----------------------------------------------------------------------

    @staticmethod
    def _read_facts(index_page):
        """The facts of the index's projects, kept in the cache until the content changes:
        on a large site reading thousands of projects is most of the index's cost."""
        if not settings.DATA_CACHE_SECONDS:
            return ProjectSelection._query_facts(index_page)
        key = f"projects:facts:{index_page.pk}:{current_generation()}"
        facts = cache.get(key)
        if facts is None:
            facts = ProjectSelection._query_facts(index_page)
            cache.set(key, facts, settings.DATA_CACHE_SECONDS)
        return facts

    @staticmethod
    def _query_facts(index_page):
        projects = ProjectPage.objects.child_of(index_page).live().public()
        facts = {
            pk: ProjectFacts(pk, title, start, end, budget, lead, set(), set())
            for pk, title, start, end, budget, lead in projects.values_list(
                "pk",
                "title",
                "start_date",
                "end_date",
                "total_budget",
                "lead_organisation__translation_key",
            )
        }
        for pk, key in ProjectPage.clusters.through.objects.filter(
            projectpage__in=projects.values("pk")
        ).values_list("projectpage_id", "clusterpage__translation_key"):
            facts[pk].clusters.add(key)
        for pk, key in ProjectFundingLine.objects.filter(
            project__in=projects.values("pk")
        ).values_list("project_id", "source__translation_key"):
            facts[pk].sources.add(key)
        return list(facts.values())

    # --- Filtering ----------------------------------------------------------------------

    @cached_property
    def _value_by_key(self):
        """{facet: {translation key: the value naming it in this language's parameters}}."""
        return {
            "cluster": {c.translation_key: slug for slug, c in self.clusters.items()},
            "funding": {s.translation_key: pk for pk, s in self.sources.items()},
            "lead": {o.translation_key: pk for pk, o in self.organisations.items()},
        }

    def _values_of(self, facts, name):
        """The values of facet `name` that a project has."""
        if name == "status":
            return {facts.status_on(self.today)}
        keys = {"cluster": facts.clusters, "funding": facts.sources, "lead": {facts.lead}}[name]
        by_key = self._value_by_key[name]
        return {by_key[key] for key in keys if key in by_key}

    def _in_year_range(self, facts):
        if not (self.year_from or self.year_to):
            return True
        return facts.active_during(self.year_from or 1900, self.year_to or 2100)

    def narrow(self, skip=None):
        """The projects passing every choice except facet `skip` ("years" for the range)."""
        return [
            facts
            for facts in self.projects
            if all(
                self._values_of(facts, name) & set(values)
                for name, values in self.chosen.items()
                if values and name != skip
            )
            and (skip == "years" or self._in_year_range(facts))
        ]

    @cached_property
    def matching(self):
        """Every project passing the filters, in the chosen order."""
        key, descending = _sort_key(self.sort)
        by_title = sorted(self.narrow(), key=lambda facts: facts.title.lower())
        return sorted(by_title, key=key, reverse=descending)

    @property
    def matching_ids(self):
        return [facts.pk for facts in self.matching]

    # --- Counting -----------------------------------------------------------------------

    def facets(self):
        """Each filter with the number of projects each value would give as the other
        filters narrow them. Values no project has are left out unless chosen."""
        return [
            self._facet("status", _("Status"), list(ProjectPage.Status.choices)),
            self._facet("cluster", _("Cluster"), [(s, c.title) for s, c in self.clusters.items()]),
            self._facet(
                "funding", _("Funding source"), [(pk, str(s)) for pk, s in self.sources.items()]
            ),
            self._facet(
                "lead",
                pgettext_lazy("of a project", "Lead organisation"),
                [(pk, o.name) for pk, o in self.organisations.items()],
            ),
        ]

    def _facet(self, name, label, labels):
        counts = Counter()
        for facts in self.narrow(skip=name):
            counts.update(self._values_of(facts, name))
        chosen = self.chosen[name]
        values = [
            FacetValue(value, str(value_label), counts[value], value in chosen)
            for value, value_label in labels
            if counts[value] or value in chosen
        ]
        return Facet(name, label, values)

    def year_options(self):
        """(year, count of projects active in it as the other filters narrow them) for each
        year from the first project's start to the last one's end."""
        counts = Counter()
        for facts in self.narrow(skip="years"):
            counts.update(facts.years)
        if not counts:
            return []
        return [(year, counts[year]) for year in range(min(counts), max(counts) + 1)]

    @property
    def sort_options(self):
        return [(value, label, value == self.sort) for value, label in SORTS.items()]
