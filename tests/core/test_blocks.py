"""The rules of the body's blocks that editors meet, and where a call to action leads.

A call to action leads to a page of this site or to an address elsewhere — one of the two,
never both and never neither — and on an English page to the English translation of the
page it names. A table's rows each have as many cells as the table has column headings.
Each rule is tested through the block API (what a page's StreamField does when an editor
saves) and, for what the editor sees, through the page editor.
"""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.blocks import CallToActionBlock, CallToActionValue, TextTableBlock
from home.factories import StandardPageFactory
from home.models import StandardPage
from tests.translations import translate

pytestmark = pytest.mark.django_db

NEITHER = "Choose a page on this site or give an address elsewhere."
BOTH = "Choose a page on this site or give an address elsewhere, not both."
ELSEWHERE = "https://www.lapinliitto.fi/"


@pytest.fixture
def target(home):
    """A Finnish page to lead to."""
    return StandardPageFactory(parent=home, title="Hakuohjeet", slug="hakuohjeet")


def call_to_action(page=None, url=""):
    return CallToActionBlock().to_python(
        {"text": "Lue lisää", "description": "", "page": page.pk if page else None, "url": url}
    )


def refusal(block, value, language="en"):
    """The messages beside each field of the refused block, in the editor's `language`."""
    with translation.override(language):
        with pytest.raises(StructBlockValidationError) as refused:
            block.clean(value)
        return {
            name: [str(message) for message in ValidationError(error).messages]
            for name, error in refused.value.block_errors.items()
        }


# A call to action: a page or an address, one of the two.


def test_a_call_to_action_may_lead_to_a_page_on_this_site(target):
    value = call_to_action(page=target)

    assert CallToActionBlock().clean(value)["page"].pk == target.pk


def test_a_call_to_action_may_lead_to_an_address_elsewhere():
    value = call_to_action(url=ELSEWHERE)

    assert CallToActionBlock().clean(value)["url"] == ELSEWHERE


def test_a_call_to_action_leading_nowhere_is_refused_beside_both_fields():
    assert refusal(CallToActionBlock(), call_to_action()) == {"page": [NEITHER], "url": [NEITHER]}


def test_a_call_to_action_leading_to_both_a_page_and_an_address_is_refused(target):
    value = call_to_action(page=target, url=ELSEWHERE)

    assert refusal(CallToActionBlock(), value) == {"page": [BOTH], "url": [BOTH]}


def test_a_finnish_editor_reads_why_a_call_to_action_is_refused_in_finnish(target):
    neither = "Valitse sivu tältä sivustolta tai anna muu verkko-osoite."
    both = "Valitse joko sivu tältä sivustolta tai anna muu verkko-osoite, ei molempia."

    assert refusal(CallToActionBlock(), call_to_action(), "fi")["url"] == [neither]
    assert refusal(CallToActionBlock(), call_to_action(target, ELSEWHERE), "fi")["url"] == [both]


def test_a_call_to_action_is_stored_with_the_page_id_and_read_back_as_the_page(target):
    block = CallToActionBlock()
    stored = block.get_prep_value(call_to_action(page=target))

    assert stored == {"text": "Lue lisää", "description": "", "page": target.pk, "url": ""}
    read_back = block.to_python(stored)
    assert isinstance(read_back, CallToActionValue)
    assert read_back["page"].pk == target.pk and read_back.href == "/hakuohjeet/"


# Where a call to action leads.


def test_a_call_to_action_to_an_address_elsewhere_leads_there():
    assert call_to_action(url=ELSEWHERE).href == ELSEWHERE


def test_a_call_to_action_to_a_page_leads_to_the_page_in_the_active_language(
    target, english, django_capture_on_commit_callbacks
):
    translate(target, english, django_capture_on_commit_callbacks, slug="application-guide")
    value = call_to_action(page=target)

    with translation.override("fi"):
        assert value.href == "/hakuohjeet/"
    with translation.override("en"):
        assert value.href == "/en/application-guide/"


def cta_links(client, page):
    """Where the calls to action of `page`, as published, lead."""
    page.refresh_from_db()
    response = client.get(page.url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [link["href"] for link in html.select("main .cta a")]


@pytest.fixture
def page_with_cta(home, target):
    """A Finnish page whose call to action leads to the Finnish `target`."""
    body = [
        ("call_to_action", {"text": "Lue hakuohjeet", "description": "", "page": target, "url": ""})
    ]
    page = StandardPageFactory(parent=home, title="Haku", slug="haku-auki", body=body)
    page.save_revision().publish()
    return page


def test_on_an_english_page_a_call_to_a_finnish_page_leads_to_its_english_translation(
    client, page_with_cta, target, english, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    english_page = translate(page_with_cta, english, capture, slug="call-open")
    translate(target, english, capture, title="Application guide", slug="application-guide")

    assert cta_links(client, page_with_cta) == ["/hakuohjeet/"]
    assert cta_links(client, english_page) == ["/en/application-guide/"]


def test_on_an_english_page_a_call_to_an_untranslated_page_leads_to_the_finnish_page(
    client, page_with_cta, target, english, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    english_page = translate(page_with_cta, english, capture, slug="call-open")
    with capture(execute=True):
        target.save_revision().publish()  # opens its translation: an unpublished English draft
    assert not target.get_translation(english).live

    assert cta_links(client, english_page) == ["/hakuohjeet/"]


# A table: every row as wide as the heading row.


def table(header, *rows):
    return TextTableBlock().to_python(
        {
            "caption": "Rahoitus",
            "header": list(header),
            "rows": [{"cells": list(cells)} for cells in rows],
            "first_column_is_header": False,
        }
    )


def test_a_table_whose_rows_are_as_wide_as_its_headings_is_accepted():
    value = table(["Lähde", "Summa"], ["EAKR", "136 200 €"], ["Kunnat", "21 200 €"])

    cleaned = TextTableBlock().clean(value)

    assert [list(row["cells"]) for row in cleaned["rows"]] == [
        ["EAKR", "136 200 €"],
        ["Kunnat", "21 200 €"],
    ]


def test_empty_cells_count_as_cells():
    assert TextTableBlock().clean(table(["Lähde", "Summa"], ["EAKR", ""], ["", ""]))


def test_a_one_column_table_is_accepted():
    assert TextTableBlock().clean(table(["Kunta"], ["Rovaniemi"], ["Kemi"]))


def test_a_row_one_cell_short_is_refused_by_its_number():
    value = table(["Lähde", "Summa"], ["EAKR", "136 200 €"], ["Kunnat"])

    assert refusal(TextTableBlock(), value) == {
        "rows": ["Row 2 does not have 2 cells like the heading row."]
    }


def test_a_row_one_cell_too_many_is_refused():
    value = table(["Lähde", "Summa"], ["EAKR", "136 200 €", "88,1 %"])

    assert refusal(TextTableBlock(), value) == {
        "rows": ["Row 1 does not have 2 cells like the heading row."]
    }


def test_every_row_of_the_wrong_width_is_named_in_one_message():
    value = table(["Lähde", "Summa", "Osuus"], ["EAKR"], ["Kunnat", "21 200 €", "12 %"], [])

    assert refusal(TextTableBlock(), value) == {
        "rows": ["Rows 1, 3 do not have 3 cells like the heading row."]
    }


def test_a_finnish_editor_reads_which_rows_are_wrong_in_finnish():
    value = table(["Lähde", "Summa"], ["EAKR"])

    assert refusal(TextTableBlock(), value, "fi") == {
        "rows": ["Rivillä 1 ei ole 2 solua kuten otsikkorivillä."]
    }


def test_a_table_is_stored_as_lists_of_texts_and_read_back_the_same():
    block = TextTableBlock()
    value = table(["Lähde", "Summa"], ["EAKR", "136 200 €"])

    stored = block.get_prep_value(value)
    read_back = block.to_python(stored)

    assert [item["value"] for item in stored["header"]] == ["Lähde", "Summa"]
    assert list(read_back["header"]) == ["Lähde", "Summa"]
    assert [list(row["cells"]) for row in read_back["rows"]] == [["EAKR", "136 200 €"]]
    assert block.get_prep_value(read_back) == stored


# What the editor sees in the page editor.


def list_block(items):
    """A ListBlock's items as the editor's browser posts them."""
    data = {"count": len(items)}
    for number, item in enumerate(items):
        data[str(number)] = {"value": item, "deleted": "", "order": number, "id": ""}
    return data


def post_new_page(admin_client, home, *blocks):
    form = nested_form_data(
        {"title": "Haku", "slug": "haku-auki", "summary": "", "body": streamfield(list(blocks))}
    )
    return admin_client.post(f"/admin/pages/add/home/standardpage/{home.pk}/", form)


def test_an_editor_saving_a_call_to_action_leading_nowhere_is_told_why(admin_client, home):
    block = ("call_to_action", {"text": "Lue", "description": "", "page": "", "url": ""})

    response = post_new_page(admin_client, home, block)

    assert response.status_code == 200
    assert NEITHER in response.content.decode()
    assert not StandardPage.objects.filter(slug="haku-auki").exists()


def test_an_editor_saving_a_row_one_cell_short_is_told_which_row(admin_client, home):
    rows = list_block([{"cells": list_block(["EAKR", "1 €"])}, {"cells": list_block(["x"])}])
    block = (
        "table",
        {"caption": "Rahoitus", "header": list_block(["Lähde", "Summa"]), "rows": rows},
    )

    response = post_new_page(admin_client, home, block)

    assert response.status_code == 200
    assert "Row 2 does not have 2 cells like the heading row." in response.content.decode()
    assert not StandardPage.objects.filter(slug="haku-auki").exists()


def test_an_editor_saving_a_well_formed_table_and_call_to_action_gets_the_page(admin_client, home):
    rows = list_block([{"cells": list_block(["EAKR", "136 200 €"])}])
    header = list_block(["Lähde", "Summa"])
    link = {"text": "Lapin liitto", "description": "", "page": "", "url": ELSEWHERE}

    response = post_new_page(
        admin_client,
        home,
        ("table", {"caption": "Rahoitus", "header": header, "rows": rows}),
        ("call_to_action", link),
    )

    assert response.status_code == 302
    table_value, link_value = (child.value for child in StandardPage.objects.get().body)
    assert list(table_value["rows"][0]["cells"]) == ["EAKR", "136 200 €"]
    assert link_value.href == ELSEWHERE
