"""Finnish is heavily inflected: on PostgreSQL a visitor's inflected words find the pages
about their base forms, each language with its own stemming. SQLite matches words as they
are (the README's default path), so these tests run on PostgreSQL only."""

import pytest
from django.db import connection

from home.factories import StandardPageFactory
from tests.html import search_result_titles

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="stemming needs PostgreSQL's text search"
    ),
]


def result_titles(client, url, query):
    return search_result_titles(client.get(url, {"q": query}))


@pytest.fixture
def pages(home, english):
    StandardPageFactory(
        parent=home,
        title="Kiertotalous",
        summary="Hankkeet edistävät kiertotaloutta ja klustereiden yhteistyötä.",
    )
    StandardPageFactory(parent=home, title="Kestävä matkailu", summary="Matkailu kasvaa.")
    english_home = home.get_translation(english)
    StandardPageFactory(
        parent=english_home,
        title="Circular economy",
        summary="Projects advance the circular economy and cooperation between clusters.",
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kiertotaloudessa", "Kiertotalous"),  # stem change: -us / -ude-
        ("kiertotalouden", "Kiertotalous"),
        ("hankkeiden", "Kiertotalous"),  # consonant gradation: hanke / hankkeet
        ("klustereita", "Kiertotalous"),
        ("matkailussa", "Kestävä matkailu"),
    ],
)
def test_inflected_finnish_words_find_the_page(client, pages, query, expected):
    assert expected in result_titles(client, "/haku/", query)


@pytest.mark.parametrize("query", ["economies", "project", "clustering"])
def test_english_words_are_stemmed_as_english(client, pages, query):
    assert result_titles(client, "/en/search/", query) == ["Circular economy"]


def test_each_language_searches_its_own_pages(client, pages):
    assert "Circular economy" not in result_titles(client, "/haku/", "circular")
    assert "Kiertotalous" not in result_titles(client, "/en/search/", "kiertotalous")


def test_short_stems_are_not_matched_as_prefixes(client, home):
    StandardPageFactory(parent=home, title="Hanna Virtasen blogi", summary="")
    assert result_titles(client, "/haku/", "hankkeiden") == []
