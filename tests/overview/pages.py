"""Reading the overview pages as a visitor (or a screen reader) does: tables, charts, text."""

from decimal import Decimal

from django.utils import translation

from tests.html import parse, text


def fi(message):
    """The site text as Finnish visitors see it (the English id until it is translated)."""
    with translation.override("fi"):
        return translation.gettext(message)


def soup(response):
    assert response.status_code == 200
    return parse(response)


def table(page, caption):
    """{first cell: [other cells]} of the table with this caption, body and foot rows."""
    for candidate in page.select("table"):
        if text(candidate.caption) == caption:
            return {
                text(row.find("th")): [text(cell) for cell in row.find_all("td")]
                for row in candidate.select("tbody tr, tfoot tr")
            }
    raise AssertionError(f"no table captioned {caption!r}")


def euros(shown, language="fi"):
    """The amount in "432 760,50 €" (Finnish) or "€432,760.50" (English) as a Decimal."""
    digits = shown.replace("\xa0", "").replace(" ", "").replace("€", "")
    if language == "fi":
        return Decimal(digits.replace(",", "."))
    return Decimal(digits.replace(",", ""))


def amounts(rows, language="fi", column=0):
    """{first cell: amount} from a `table()`; `column` is the amount's index among the cells."""
    return {name: euros(cells[column], language) for name, cells in rows.items()}


def summary(page):
    return text(page.select_one(".overview__summary"))
