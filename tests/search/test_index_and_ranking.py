"""The index follows what editors publish, and a word in a title outranks the same word in a
summary, which outranks it in the body."""

import pytest
from django.core.management import call_command
from wagtail.rich_text import RichText

from home.factories import StandardPageFactory
from tests.html import search_result_titles

pytestmark = pytest.mark.django_db


def titles(client, query, url="/haku/"):
    return search_result_titles(client.get(url, {"q": query}))


def test_title_outranks_summary_outranks_body(client, home):
    StandardPageFactory(
        parent=home,
        title="Leipätekstissä",
        summary="Tavallinen kuvaus.",
        body=[("paragraph", RichText("<p>Tässä mainitaan poronhoito ohimennen.</p>"))],
    )
    StandardPageFactory(
        parent=home, title="Tiivistelmässä", summary="Tässä kuvauksessa on sana poronhoito."
    )
    StandardPageFactory(parent=home, title="Poronhoito", summary="Tavallinen kuvaus.")
    assert titles(client, "poronhoito") == ["Poronhoito", "Tiivistelmässä", "Leipätekstissä"]


def test_index_follows_publishing_unpublishing_moving_and_deleting(client, home):
    section = StandardPageFactory(parent=home, title="Osio", slug="osio")
    page = StandardPageFactory(parent=home, title="Tunturipöllö", slug="tunturipollo")
    assert titles(client, "Tunturipöllö") == ["Tunturipöllö"]

    page.title = "Lapinpöllö"
    page.save_revision().publish()
    assert titles(client, "Lapinpöllö") == ["Lapinpöllö"]
    assert titles(client, "Tunturipöllö") == []

    page.unpublish()
    assert titles(client, "Lapinpöllö") == []
    page.save_revision().publish()

    page.move(section, pos="last-child")
    html = client.get("/haku/", {"q": "Lapinpöllö"}).content.decode()
    assert 'href="/osio/tunturipollo/"' in html

    page.delete()
    assert titles(client, "Lapinpöllö") == []


def test_update_index_rebuilds_the_index(client, home):
    from wagtail.search.models import IndexEntry

    StandardPageFactory(parent=home, title="Kaamosvalo")
    IndexEntry.objects.all().delete()
    assert titles(client, "Kaamosvalo") == []
    call_command("update_index", stdout=open("/dev/null", "w"))
    assert titles(client, "Kaamosvalo") == ["Kaamosvalo"]
