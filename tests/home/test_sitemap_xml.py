"""Search engines get every page in both languages, linked to its translations, through a
sitemap index of one file per language and section, and are kept out of the admin and the
endless search result pages."""

import pytest

from home.factories import StandardPageFactory
from home.sitemaps import SectionSitemap
from news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.sitemaps import client_fetch, index_locations, sitemap_entries

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home, english):
    translated = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")
    translation = translated.copy_for_translation(english, copy_parents=True)
    translation.slug = "about"
    translation.save_revision().publish()
    untranslated = StandardPageFactory(parent=home, title="Palaute", slug="palaute")
    untranslated.copy_for_translation(english, copy_parents=True, alias=True)


def test_sitemap_lists_both_languages_with_their_alternates(client, pages):
    urls = sitemap_entries(client_fetch(client))
    finnish, english = "http://testserver/tietoa/", "http://testserver/en/about/"
    expected = {"fi": finnish, "en": english, "x-default": finnish}
    assert urls[finnish] == expected
    assert urls[english] == expected


def test_sitemap_leaves_out_placeholders_of_untranslated_pages(client, pages):
    urls = sitemap_entries(client_fetch(client))
    assert "http://testserver/palaute/" in urls
    assert "http://testserver/en/palaute/" not in urls
    assert urls["http://testserver/palaute/"] == {
        "fi": "http://testserver/palaute/",
        "x-default": "http://testserver/palaute/",
    }


def test_the_index_lists_one_file_per_language_and_section_that_has_pages(client, home, pages):
    news_index = NewsIndexPageFactory(parent=home, title="Uutiset", slug="uutiset")
    NewsPageFactory(parent=news_index, title="Uutinen", slug="uutinen")

    assert index_locations(client_fetch(client)) == [
        "http://testserver/sitemap-fi-news.xml",
        "http://testserver/sitemap-fi-pages.xml",
        "http://testserver/sitemap-en-pages.xml",
    ]
    news = sitemap_entries(lambda path: client.get(path).content)
    assert "http://testserver/uutiset/uutinen/" in news
    assert "http://testserver/uutiset/" in news


def test_a_large_section_continues_in_numbered_files_listed_in_the_index(
    client, pages, monkeypatch
):
    monkeypatch.setattr(SectionSitemap, "limit", 2)  # the Finnish pages: home and two more

    locations = index_locations(client_fetch(client))
    listed = sitemap_entries(client_fetch(client))

    assert "http://testserver/sitemap-fi-pages.xml?p=2" in locations
    assert "http://testserver/sitemap-fi-pages.xml?p=3" not in locations
    assert {"http://testserver/", "http://testserver/tietoa/", "http://testserver/palaute/"} <= set(
        listed
    )
    assert client.get("/sitemap-fi-pages.xml?p=9").status_code == 404
    assert client.get("/sitemap-xx-pages.xml").status_code == 404


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_search(client, home):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /haku/" in lines and "Disallow: /en/search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
