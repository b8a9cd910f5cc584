"""Hand-made requests on a few pages and listings: broken percent-escapes (bytes that are
not UTF-8, NUL, lone surrogates), long and repeated parameters, odd paths and methods.
Never a server error, nothing written."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .checks import SEARCH_LOG, assert_served, assert_unchanged, examples, fingerprint
from .strategies import percent_escape

pytestmark = pytest.mark.django_db

FIXED = [
    "/",
    "/en/",
    "/haku/",
    "/en/search/",
    "/sivukartta/",
    "/api/v2/pages/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/sitemap.xml",
    "/no-such-page/",
]
NAMES = ["q", "page", "cluster", "year", "topic", "sort", "from", "to", "type", "fields", "x"]

raw_text = st.lists(
    st.one_of(percent_escape, st.sampled_from(NAMES), st.text("aä1-_.~ ", max_size=8)),
    max_size=6,
).map("".join)
raw_pair = st.one_of(
    st.tuples(st.sampled_from(NAMES), raw_text).map("=".join),
    raw_text,
    st.integers(1, 5000).map(lambda size: "q=" + "%41" * size),
)
query_strings = st.lists(raw_pair, max_size=8).map("&".join)


def addresses(content):
    listings = [*content.project_index_urls, *content.news_index_urls]
    pages = sorted(content.page_urls)[:: max(1, len(content.page_urls) // 8)]
    return st.one_of(
        st.sampled_from([*FIXED, *listings, *pages]),
        st.tuples(st.sampled_from(["/", "/en/", *listings]), raw_text).map(
            lambda parts: f"{parts[0]}{parts[1]}/"
        ),
    )


@examples(1.5)
@given(
    data=st.data(),
    query_string=query_strings,
    method=st.sampled_from(["GET", "GET", "GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE"]),
)
def test_any_address_and_query_string_are_answered_without_error(
    content, client, data, query_string, method
):
    path = data.draw(addresses(content))
    before = fingerprint()

    response = client.generic(method, path, QUERY_STRING=query_string)

    assert_served(response)
    searched = path.startswith(("/haku/", "/en/search/"))
    assert_unchanged(before, allowed=SEARCH_LOG if searched else ())
