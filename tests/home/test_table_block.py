"""The table block: visitors read an accessible table, translators translate it cell by cell,
and editors fill it in as a grid."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.admin.telepath import JSContext
from wagtail_localize.models import StringSegment, TranslationSource

from core.blocks import BodyStreamBlock
from home.factories import StandardPageFactory
from tests.translations import translate_segments

pytestmark = pytest.mark.django_db

FUNDING = {
    "caption": "Rahoitus lähteittäin",
    "header": ["Lähde", "Summa"],
    "rows": [{"cells": ["EAKR", "136 200 €"]}, {"cells": ["Kunnat", "21 200 €"]}],
    "first_column_is_header": True,
}
ENGLISH = {
    "Rahoitus lähteittäin": "Funding by source",
    "Lähde": "Source",
    "Summa": "Amount",
    "EAKR": "ERDF",
    "136 200 €": "€136,200",
    "Kunnat": "Municipalities",
    "21 200 €": "€21,200",
}


@pytest.fixture
def table_page(home):
    page = StandardPageFactory(
        parent=home, title="Rahoitus", slug="rahoitus", body=[("table", FUNDING)]
    )
    page.save_revision().publish()
    return page


def read_table(client, url):
    """(wrapper, caption, column headings, [[(tag, scope, text) of each cell] of each row])."""
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    [table] = soup.select("main table")
    headings = [th.get_text(strip=True) for th in table.select("thead th[scope=col]")]
    rows = [
        [
            (cell.name, cell.get("scope"), cell.get_text(strip=True))
            for cell in tr.find_all(["th", "td"])
        ]
        for tr in table.select("tbody tr")
    ]
    return table.parent, table.caption.get_text(strip=True), headings, rows


def funding_as_read(text=lambda finnish: finnish):
    """FUNDING as `read_table` reads it, each text through `text`: the caption, the column
    headings and the rows, the first cell of each the row's heading."""
    return (
        text(FUNDING["caption"]),
        [text(heading) for heading in FUNDING["header"]],
        [
            [("th", "row", text(source)), ("td", None, text(amount))]
            for source, amount in (row["cells"] for row in FUNDING["rows"])
        ],
    )


def test_visitor_reads_a_two_by_two_table_with_caption_and_headings(client, table_page):
    wrapper, *reading = read_table(client, table_page.url)

    assert tuple(reading) == funding_as_read()
    # A wide table scrolls in a region that keyboard users can reach and that is named.
    assert "table-scroll" in wrapper["class"]
    assert wrapper["role"] == "region" and wrapper["tabindex"] == "0"
    assert wrapper["aria-label"] == "Rahoitus lähteittäin"


def test_translator_gets_one_segment_per_cell_and_english_page_shows_them(
    client, table_page, english, django_capture_on_commit_callbacks
):
    source, _ = TranslationSource.get_or_create_from_instance(table_page)
    table_id = table_page.body[0].id
    segments = StringSegment.objects.filter(
        source=source, context__path__startswith=f"body.{table_id}."
    ).values_list("context__path", "string__data")

    # Caption, two headings and four cells, each its own segment at its own place.
    assert sorted(text for _path, text in segments) == sorted(ENGLISH)
    assert len({path for path, _text in segments}) == len(ENGLISH)

    translate_segments(table_page, english, django_capture_on_commit_callbacks, ENGLISH)
    english_page = table_page.get_translation(english)
    _wrapper, *reading = read_table(client, english_page.url)

    assert tuple(reading) == funding_as_read(ENGLISH.get)


def test_editor_gets_the_grid_form_in_the_admin_language():
    table = BodyStreamBlock().child_blocks["table"]

    with translation.override("fi"):
        packed = JSContext().pack(table)

    assert packed["_type"] == "core.blocks.TextTableBlock"
    meta = packed["_args"][2]
    assert meta["grid"]["addRow"] == "Lisää rivi"
    assert meta["grid"]["cell"] == "Rivi %(row)s, sarake %(column)s"


def test_page_editor_loads_the_grid_script_and_styles(admin_client, table_page):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[table_page.pk]))

    soup = BeautifulSoup(response.content, "html.parser")
    scripts = {script.get("src", "").split("?")[0] for script in soup.find_all("script")}
    styles = {link.get("href", "").split("?")[0] for link in soup.find_all("link")}
    assert "/static/core/js/table-grid.js" in scripts
    assert "/static/core/css/table-grid.css" in styles
