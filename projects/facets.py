"""The project filters (core/filtering.py): status, funding source, lead organisation and
the range of years, used by the project index and, the first two, by search."""

from collections import Counter

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.filtering import (
    ChoiceFacet,
    Facet,
    FacetValue,
    Option,
    RelationFacet,
    chosen_years,
)
from core.models import Organisation

from .funding import FundingSource
from .models import ProjectPage
from .timing import ProjectStatus, active_years


def _projects_among(items):
    """The projects among `items`, which may be pages of any type (search results)."""
    return ProjectPage.objects.filter(pk__in=items.order_by().values("pk"))


class StatusFacet(ChoiceFacet):
    name = "status"
    label = _("Status")

    def options(self, listing):
        return [Option(value, label, value) for value, label in ProjectStatus.choices]

    def condition(self, keys, listing):
        return Q(pk__in=ProjectPage.objects.with_status(keys, listing.today).values("pk"))

    def counts(self, items, listing):
        return _projects_among(items).status_counts(listing.today)


class _TranslatableOptions(RelationFacet):
    """Options that are translatable snippets, chosen by their id in the page's language;
    the ids of their other languages' versions choose them too."""

    model_of_options = None

    def rows(self, listing):
        raise NotImplementedError

    def options(self, listing):
        cache_key = f"{self.name}:options"
        if cache_key not in listing.cache:
            listing.cache[cache_key] = [
                Option(str(row.pk), str(row), row.translation_key) for row in self.rows(listing)
            ]
        return listing.cache[cache_key]

    def other_values(self, listing):
        cache_key = f"{self.name}:other"
        if cache_key not in listing.cache:
            rows = self.model_of_options.objects.exclude(locale=listing.locale)
            listing.cache[cache_key] = {
                str(pk): key for pk, key in rows.values_list("pk", "translation_key")
            }
        return listing.cache[cache_key]

    def counts(self, items, listing):
        return super().counts(_projects_among(items), listing)


class FundingFacet(_TranslatableOptions):
    name = "funding"
    label = _("Funding source")
    model_of_options = FundingSource

    def __init__(self):
        super().__init__(ProjectPage, "funding_lines__source")

    def rows(self, listing):
        return FundingSource.objects.filter(locale=listing.locale).order_by("name")


class LeadFacet(_TranslatableOptions):
    """The organisations that lead one of the listing's projects."""

    name = "lead"
    label = pgettext_lazy("of a project", "Lead organisation")
    model_of_options = Organisation

    def __init__(self, projects):
        super().__init__(ProjectPage, "lead_organisation")
        self.projects = projects

    def rows(self, listing):
        leads = self.projects.order_by().values("lead_organisation__translation_key")
        return Organisation.objects.filter(
            locale=listing.locale, translation_key__in=leads
        ).order_by("name")


class YearRangeFacet:
    """The years from `from` to `to` (both included; either may be left out): projects
    active in at least one of them. Its options are every year from the first project's
    start to the last one's end, each with the number of projects active in it."""

    name = "years"

    def __init__(self):
        self.swapped = False

    def read(self, params, listing, unknown):
        first, last = (self._year(params, name, unknown) for name in ("from", "to"))
        if first is None and last is None:
            return []
        if first and last and first > last:
            self.swapped = True
            first, last = last, first
        return [(first, last)]

    @staticmethod
    def _year(params, name, unknown):
        years = chosen_years(params, name, unknown)
        return years[0] if years else None

    def condition(self, keys, listing):
        first, last = keys[0]
        active = ProjectPage.objects.active_in_years(first or 1900, last or 2100, listing.today)
        return Q(pk__in=active.values("pk"))

    def describe(self, items, keys, listing):
        counts = Counter()
        for start, end in items.order_by().values_list("start_date", "end_date"):
            counts.update(active_years(start, end, listing.today))
        chosen = [year for year in (keys[0] if keys else ()) if year]
        # The chosen years stay on offer even when the other filters leave no project in
        # them, so the selects show what narrows the list.
        years = [*counts, *chosen]
        values = []
        if years:
            values = [
                FacetValue(str(year), str(year), counts[year], year in chosen)
                for year in range(min(years), max(years) + 1)
            ]
        return Facet(self.name, "", values)

    def query_pairs(self, keys, listing):
        if not keys:
            return []
        first, last = keys[0]
        return [(name, year) for name, year in (("from", first), ("to", last)) if year]
