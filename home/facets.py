"""Facets: the filters a visitor narrows a listing with, shared by search and the indexes.

A facet's choices travel in plain GET parameters (shareable, no script needed); values within
a facet are alternatives (OR), facets combine (AND), and each value is shown with the number
of items choosing it would give.
"""

from dataclasses import dataclass, field

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
    name: str
    label: str
    values: list = field(default_factory=list)

    @property
    def selected(self):
        return [value for value in self.values if value.selected]


def chosen_values(params, name, is_known, unknown):
    """The values of the GET parameter `name` that `is_known` accepts; the others are added
    to `unknown`, so that the page can say some of the address was left out."""
    chosen = []
    for value in params.getlist(name):
        value = value.strip()
        if not value:
            continue
        if len(value) <= MAX_VALUE_LENGTH and is_known(value):
            if value not in chosen:
                chosen.append(value)
        else:
            unknown.append(value[:MAX_VALUE_LENGTH])
    return chosen


def is_year(value):
    # isdigit() alone lets "²" through, which int() refuses: ASCII digits only.
    return value.isascii() and value.isdecimal() and 1900 <= int(value) <= 2100
