"""The filtering engine behind the project index, the news index and the search facets.

A listing declares its filters as facets (below and in each section's filters module): a
name (the GET parameter), a label, the options it offers in a language, how chosen options
narrow a queryset, and how many items each option would give. `Filtering` runs them: it
reads the visitor's choices, narrows the items in the database, and counts each facet as
the *other* facets narrow the items, so a visitor sees what choosing a value would give.
Values within a facet are alternatives (OR), facets combine (AND).

Options are matched by translation key: an English page's relations are synchronised from
its Finnish source and point at Finnish rows, and an address written for one language
(`/en/projects/?cluster=<Finnish slug>`) chooses the same option in another. A value no
facet knows is left out and listed in `unknown`, so the page can say so.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.functional import cached_property

# As long as a page slug may be; anything longer is not a value any facet knows.
MAX_VALUE_LENGTH = 255


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    # The label's language when it is not the page's: a topic not translated yet.
    lang: str = ""


@dataclass
class Facet:
    """A facet as the template shows it: its options with their counts."""

    name: str
    label: str
    values: list = field(default_factory=list)


@dataclass(frozen=True)
class Option:
    value: str  # as it travels in this language's addresses
    label: str
    key: object  # what it matches: a translation key, a status, a year
    lang: str = ""


@dataclass
class Listing:
    """What the facets of one view share: its language and day, and a cache for options
    that several facets or several calls would otherwise look up again."""

    locale: object
    today: object
    cache: dict = field(default_factory=dict)


def is_year(value):
    # isdigit() alone lets "²" through, which int() refuses: ASCII digits only; and four
    # of them, before int() is asked to read a number thousands of digits long.
    return len(value) == 4 and value.isascii() and value.isdecimal() and 1900 <= int(value) <= 2100


def submitted_values(params, name):
    """The non-blank values of GET parameter `name`, stripped, each once."""
    values = []
    for value in params.getlist(name):
        value = value.strip()
        if value and value not in values:
            values.append(value)
    return values


def chosen_years(params, name, unknown):
    """The years in GET parameter `name`, each once; other values are added to `unknown`."""
    years = []
    for value in submitted_values(params, name):
        if is_year(value):  # four digits: no longer value reaches int()
            if int(value) not in years:
                years.append(int(value))
        else:
            unknown.append(value[:MAX_VALUE_LENGTH])
    return years


class ChoiceFacet:
    """A facet whose options a visitor ticks; subclasses say which options there are
    (`options`), how chosen keys narrow the items (`condition`) and how many items each
    key has (`counts`)."""

    name = ""
    label = ""

    def options(self, listing):
        """[Option] in the listing's language, in the order shown."""
        raise NotImplementedError

    def other_values(self, listing):
        """{value: key} for values of other languages that choose the same option."""
        return {}

    def condition(self, keys, listing):
        raise NotImplementedError

    def counts(self, items, listing):
        """{key: number of items}"""
        raise NotImplementedError

    # --- Shared machinery -------------------------------------------------------------

    def read(self, params, listing, unknown):
        """The keys the visitor chose; values no option knows are added to `unknown`."""
        by_value = {option.value: option.key for option in self.options(listing)}
        keys = []
        for value in submitted_values(params, self.name):
            key = self._key_of(value, by_value, listing)
            if key is None:
                unknown.append(value[:MAX_VALUE_LENGTH])
            elif key not in keys:
                keys.append(key)
        return keys

    def _key_of(self, value, by_value, listing):
        if len(value) > MAX_VALUE_LENGTH:
            return None
        if value in by_value:
            return by_value[value]
        return self.other_values(listing).get(value)

    def describe(self, items, keys, listing):
        counts = self.counts(items, listing)
        values = [
            FacetValue(
                option.value,
                str(option.label),
                counts.get(option.key, 0),
                option.key in keys,
                option.lang,
            )
            for option in self.options(listing)
            if counts.get(option.key) or option.key in keys
        ]
        return Facet(self.name, self.label, values)

    def query_pairs(self, keys, listing):
        """The chosen keys as (name, value) in this language, for links that keep them."""
        value_of = {option.key: option.value for option in self.options(listing)}
        return [(self.name, value_of[key]) for key in keys if key in value_of]


class RelationFacet(ChoiceFacet):
    """Options that the items of `model` link to through `relation` (a field or a lookup
    path), matched by the related rows' translation keys."""

    def __init__(self, model, relation):
        self.model = model
        self.key_lookup = f"{relation}__translation_key"

    def condition(self, keys, listing):
        # A subquery rather than a join: an item linked to two chosen options is one item.
        linked = self.model.objects.filter(**{f"{self.key_lookup}__in": keys})
        return Q(pk__in=linked.values("pk"))

    def counts(self, items, listing):
        rows = items.order_by().values_list(self.key_lookup).annotate(n=Count("pk", distinct=True))
        return {key: count for key, count in rows if key is not None}


class YearsFacet(ChoiceFacet):
    """Years ticked one by one; the options are the years the items have, newest first."""

    name = "year"

    def read(self, params, listing, unknown):
        return chosen_years(params, self.name, unknown)

    def describe(self, items, keys, listing):
        counts = self.counts(items, listing)
        years = sorted(set(counts) | set(keys), reverse=True)
        values = [
            FacetValue(str(year), str(year), counts.get(year, 0), year in keys) for year in years
        ]
        return Facet(self.name, self.label, values)

    def query_pairs(self, keys, listing):
        return [(self.name, str(key)) for key in keys]


class Filtering:
    """One view's facets over its items (a queryset): `narrow()` applies the visitor's
    choices, `facets()` describes every facet with its counts, `unknown` lists the values
    that were left out."""

    def __init__(self, params, listing, items, facets):
        self.listing = listing
        self.items = items
        self.declared = list(facets)
        self.unknown = []
        self.chosen = {
            facet.name: facet.read(params, listing, self.unknown) for facet in self.declared
        }

    @property
    def active(self):
        return any(self.chosen.values())

    def narrow(self, skip=None):
        """The items passing every chosen facet except the one named `skip`."""
        condition = Q()
        for facet in self.declared:
            keys = self.chosen[facet.name]
            if keys and facet.name != skip:
                condition &= facet.condition(keys, self.listing)
        return self.items.filter(condition)

    @cached_property
    def narrowed(self):
        return self.narrow()

    def facets(self):
        """Every facet that has something to choose, counted over the items as the other
        facets narrow them; options with no items are shown only when chosen."""
        described = [
            facet.describe(self.narrow(skip=facet.name), self.chosen[facet.name], self.listing)
            for facet in self.declared
        ]
        return [facet for facet in described if facet.values]

    def query_pairs(self):
        """The choices as (name, value) pairs in this language, for links and exports."""
        return [
            pair
            for facet in self.declared
            for pair in facet.query_pairs(self.chosen[facet.name], self.listing)
        ]
