"""Only real variants of a page fill the cache: a query parameter no page reads, a filter value
the page does not know or a page number out of range is answered but never stored, so a
scanner cannot push real pages out of the cache or fill Redis."""

import json

import pytest

from .conftest import HEADER

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cache_on(page_cache):
    """The page cache on (tests/conftest.py)."""


def stored_pages(page_cache):
    # The per-process memory cache's entries that are pages (it holds other data too).
    return sum(":pagecache:" in key for key in page_cache._cache)


def test_parameters_no_page_reads_are_answered_but_never_stored(client, project, page_cache):
    client.get(project.url)
    stored = stored_pages(page_cache)

    answers = [client.get(project.url, {f"utm_{n}": "x", "a": str(n)}) for n in range(30)]

    assert all(answer.status_code == 200 for answer in answers)
    assert all(HEADER not in answer for answer in answers)
    assert stored_pages(page_cache) == stored
    assert client.get(project.url)[HEADER] == "hit"


@pytest.mark.parametrize(
    ("address", "query"),
    [
        ("", "status=kaikki"),
        ("", "sort='; drop table"),
        ("", "page=999"),
        ("", "page=abc"),
        ("", "status=%20ended"),
        ("", "status=ended&status=ended"),
        ("", "page=1&page=1"),
        ("", "from=&to=2020"),
        ("export/csv/", "status=kaikki"),
        ("export/json/", "lead=999999"),
    ],
)
def test_values_the_index_falls_back_from_are_not_stored(
    client, project, page_cache, address, query
):
    url = f"{project.get_parent().url}{address}?{query}"

    first, second = client.get(url), client.get(url)

    assert first.status_code == second.status_code == 200
    assert HEADER not in second
    assert stored_pages(page_cache) == 0


def test_real_filters_are_pages_of_their_own_whatever_their_order(client, project):
    index = project.get_parent()

    assert client.get(f"{index.url}?status=ended&sort=budget-asc")[HEADER] == "miss"
    assert client.get(f"{index.url}?sort=budget-asc&status=ended")[HEADER] == "hit"
    assert client.get(f"{index.url}?status=ongoing&sort=budget-asc")[HEADER] == "miss"


def test_the_api_is_not_cached_for_one_visitors_accept_header(client, project):
    """The API's answer varies with Accept (`indent=8` is a visitor's choice): the cache
    keys on no header, so such answers are never stored."""
    url = "/api/v2/pages/"
    indented = client.get(url, HTTP_ACCEPT="application/json; indent=8")
    plain = client.get(url, HTTP_ACCEPT="application/json")

    assert "Accept" in indented["Vary"]
    assert indented.content.startswith(b'{\n        "meta"')
    assert not plain.content.startswith(b'{\n        "meta"')
    assert json.loads(plain.content) == json.loads(indented.content)
    assert HEADER not in plain
