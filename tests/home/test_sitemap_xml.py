"""Search engines get every page in both languages, linked to its translations, and are
kept out of the admin and the endless search result pages."""

import re

import pytest

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home, english):
    translated = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")
    translation = translated.copy_for_translation(english, copy_parents=True)
    translation.slug = "about"
    translation.save_revision().publish()
    untranslated = StandardPageFactory(parent=home, title="Palaute", slug="palaute")
    untranslated.copy_for_translation(english, copy_parents=True, alias=True)


def entries(xml):
    """{location: {hreflang: href}} of the sitemap."""
    found = {}
    for url in re.findall(r"<url>(.*?)</url>", xml, re.DOTALL):
        location = re.search(r"<loc>(.*?)</loc>", url).group(1)
        found[location] = dict(
            re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', url)
        )
    return found


def test_sitemap_lists_both_languages_with_their_alternates(client, pages):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = entries(response.content.decode())
    finnish, english = "http://testserver/tietoa/", "http://testserver/en/about/"
    expected = {"fi": finnish, "en": english, "x-default": finnish}
    assert urls[finnish] == expected
    assert urls[english] == expected


def test_sitemap_leaves_out_placeholders_of_untranslated_pages(client, pages):
    urls = entries(client.get("/sitemap.xml").content.decode())
    assert "http://testserver/palaute/" in urls
    assert "http://testserver/en/palaute/" not in urls
    assert urls["http://testserver/palaute/"] == {
        "fi": "http://testserver/palaute/",
        "x-default": "http://testserver/palaute/",
    }


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_search(client, home):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /haku/" in lines and "Disallow: /en/search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
