"""Reading pages the way a browser does: with an HTML parser, never a regular expression."""

import re

from bs4 import BeautifulSoup, Tag


def parse(page):
    """A BeautifulSoup of a response, of HTML (str or bytes); a parsed element is kept as is."""
    if isinstance(page, Tag):
        return page
    content = getattr(page, "content", page)
    if isinstance(content, bytes):
        content = content.decode()
    return BeautifulSoup(content, "html.parser")


def text(element):
    """The element's text with runs of ordinary white space made one space."""
    # Only ordinary white space: the no-break spaces of Finnish numbers are kept.
    return re.sub(r"[ \t\r\n]+", " ", element.get_text(" ", strip=True)).strip()


def texts(page, selector):
    """The `text()` of each element the CSS selector matches, in document order."""
    return [text(element) for element in parse(page).select(selector)]


def search_result_titles(page):
    """The titles of the search results, in the order they are listed."""
    return texts(page, ".search-result__title > a")


def facet_counts(page, name, prefix="facet"):
    """{label: count} of one facet's checkboxes (includes/facet_group.html)."""
    found = {}
    for label in parse(page).select(f'label[for^="{prefix}-{name}-"]'):
        count = label.select_one(".search-facets__count")
        words = [
            string
            for string in label.find_all(string=True)
            if string.find_parent(class_="search-facets__count") is None
        ]
        shown = count.get_text().strip()  # "(3)"
        found["".join(words).strip()] = int(shown.removeprefix("(").removesuffix(")"))
    return found


def checked_values(page, name):
    """The values of the ticked checkboxes or radio buttons called `name`."""
    return [box["value"] for box in parse(page).select(f'input[name="{name}"][checked]')]
