"""Site search and its suggestions, in both languages, with generated words, facets, sorts
and pages: never a server error, and nothing written but the search log."""

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from search.facets import TYPES

from .checks import SEARCH_LOG, assert_served, assert_unchanged, examples, fingerprint
from .strategies import hostile, page_numbers, query, value_of

pytestmark = pytest.mark.django_db

WORDS = ["hanke", "hankkeet", "kiertotalous", "Lappi", "ASP", "tourism", "clusters", "Digipolis"]


def address(name, language):
    with translation.override(language):
        return reverse(name)


def search_params(content):
    return {
        "q": st.one_of(
            st.sampled_from(WORDS),
            st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join),
            hostile,
        ),
        "type": value_of(sorted(TYPES)),
        "cluster": value_of(content.cluster_slugs),
        "status": value_of(["planned", "ongoing", "ended"]),
        "funding": value_of(content.funding_ids),
        "year": value_of(content.years),
        "page": page_numbers(),
    }


@examples(1.5)
@given(data=st.data(), language=st.sampled_from(["fi", "en"]))
def test_search_answers_any_query_without_error(content, client, data, language):
    params = data.draw(query(search_params(content)))
    before = fingerprint()

    response = client.get(address("search", language), params)

    assert_served(response)
    assert response.status_code == 200
    assert_unchanged(before, allowed=SEARCH_LOG)


@examples(0.5)
@given(data=st.data(), language=st.sampled_from(["fi", "en"]))
def test_search_suggestions_answer_any_query_with_json(content, client, data, language):
    params = data.draw(query({"q": search_params(content)["q"]}))
    before = fingerprint()

    response = client.get(address("search_suggestions", language), params)

    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)
    assert_unchanged(before)
