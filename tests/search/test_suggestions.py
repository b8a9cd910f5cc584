"""Titles suggested while a visitor types in a search box (search/suggestions.py), and the
header search form that hands the script its language's endpoint."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from search.suggestions import MAX_SUGGESTIONS

pytestmark = pytest.mark.django_db


def suggestions_url(language):
    with translation.override(language):
        return reverse("search_suggestions")


def suggest(client, query, language="fi"):
    response = client.get(suggestions_url(language), {"q": query})
    assert response.status_code == 200
    return response.json()


def titles(client, query, language="fi"):
    return [item["title"] for item in suggest(client, query, language)["suggestions"]]


@pytest.fixture
def project(home):
    index = ProjectIndexPageFactory(parent=home)
    return ProjectPageFactory(parent=index, title="Arctic Smartness Portfolio", acronym="ASP")


@pytest.fixture
def english_page(home, english):
    return StandardPageFactory(parent=home.get_translation(english), title="Portfolio guide")


def test_suggestion_gives_title_address_and_page_type(client, project):
    assert suggest(client, "Portf") == {
        "query": "Portf",
        "suggestions": [
            {"title": "Arctic Smartness Portfolio", "url": project.url, "type": "Hanke"},
        ],
    }


def test_suggestions_are_in_the_language_of_the_address(client, project, english_page):
    assert suggest(client, "Portf", "en")["suggestions"] == [
        {"title": "Portfolio guide", "url": english_page.url, "type": "Standard page"},
    ]
    assert english_page.url.startswith("/en/")
    assert titles(client, "Portf", "fi") == ["Arctic Smartness Portfolio"]


@pytest.mark.parametrize(
    "typed", ["Po", "Portf", "portf", "PORTFOLIO", "arctic smart", "Arctic Smartness Portfolio"]
)
def test_title_is_suggested_while_typing_it(client, project, typed):
    assert titles(client, typed) == ["Arctic Smartness Portfolio"]


def test_unrelated_words_suggest_nothing(client, project):
    assert titles(client, "kiertotalous") == []


def test_at_most_eight_suggestions(client, home):
    for number in range(MAX_SUGGESTIONS + 3):
        StandardPageFactory(parent=home, title=f"Portfolio {number}")
    assert MAX_SUGGESTIONS == 8
    assert len(titles(client, "portf")) == 8


def test_unpublished_and_private_pages_are_not_suggested(client, home):
    StandardPageFactory(parent=home, title="Portfolio draft", live=False)
    private = StandardPageFactory(parent=home, title="Portfolio for partners")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="salasana"
    )
    StandardPageFactory(parent=home, title="Portfolio in public")
    assert titles(client, "portf") == ["Portfolio in public"]


@pytest.mark.parametrize("query", ["", "   ", "P", " p ", "'P'", "&"])
def test_fewer_than_two_characters_are_not_searched(
    client, project, query, django_assert_num_queries
):
    with django_assert_num_queries(0):
        data = suggest(client, query)
    assert data["suggestions"] == []


def test_long_query_is_cut(client, project):
    data = suggest(client, "Portfolio " + "x" * 10_000)
    assert len(data["query"]) == 200
    assert data["query"].startswith("Portfolio xxx")


@pytest.mark.parametrize(
    "raw",
    [
        "q=%E0%A4%A",  # invalid percent-encoding / UTF-8
        "q=%FF%FE%FD",
        "q=%",
        "q=Port%00folio",
        "q=Portf%00",
        "q=%22Portf%22",
        "q=Portf*",
        "q=%26+%7C+%21+%3A+*+(+)+%27+%22",
        "q=%27%3B+DROP+TABLE+wagtailcore_page%3B+--",
        "q=portf+AND+OR+NOT+NEAR",
        "q=NEAR(portf+arctic)",
        "q=-portf+%2Bportf+%5E2",
        "q=__",
        "q=ab&q=cd",
        "q[]=portf",
        "q=" + "x" * 10_000,
        "q=" + "a+" * 150,
    ],
)
def test_bad_input_never_fails(client, project, raw):
    response = client.get(f"{suggestions_url('fi')}?{raw}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert isinstance(response.json()["suggestions"], list)


def test_operators_around_a_word_still_find_the_title(client, project):
    assert titles(client, '"arctic" & (smart*') == ["Arctic Smartness Portfolio"]


def test_response_may_be_cached_briefly_and_is_not_indexed(client, project):
    response = client.get(suggestions_url("fi"), {"q": "portf"})
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"max-age=60", "public"}
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize(("language", "address"), [("fi", "/"), ("en", "/en/")])
def test_header_search_form_names_the_endpoint_of_its_language(
    client, home, english, language, address
):
    html = client.get(address).content.decode()
    url = suggestions_url(language)
    assert url.startswith("/en/") == (language == "en")
    assert f'data-suggest-url="{url}"' in html
    assert '<script src="/static/js/search-suggest.js" defer></script>' in html


def test_suggestions_script_is_shipped(client):
    from django.contrib.staticfiles import finders

    assert finders.find("js/search-suggest.js")


def test_english_search_and_suggestions_leave_out_untranslated_placeholders(client, home, english):
    """A placeholder repeats its Finnish source under /en/: it is not an English match."""
    untranslated = StandardPageFactory(parent=home, title="Saamelaiskulttuuri", slug="saame")
    untranslated.copy_for_translation(english, copy_parents=True, alias=True)
    written = StandardPageFactory(parent=home.get_translation(english), title="Sami culture")

    def results(query):
        with translation.override("en"):
            url = reverse("search")
        soup = BeautifulSoup(client.get(url, {"q": query}).content, "html.parser")
        return [link["href"] for link in soup.select(".search-result__title a")]

    assert results("Sami culture") == [written.url]
    assert results("Saamelaiskulttuuri") == []
    assert titles(client, "Saamelaiskult", "en") == []
    assert titles(client, "Saamelaiskult", "fi") == ["Saamelaiskulttuuri"]
