"""The news feed, the events calendars, the sitemaps and robots.txt, in both languages, with
any query string: never a server error, nothing written."""

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from .checks import assert_served, assert_unchanged, examples, fingerprint
from .strategies import hostile, query

pytestmark = pytest.mark.django_db

ANY_PARAMS = dict.fromkeys(["page", "p", "format", "q", "lang", "year", "limit"], hostile)


def addresses(content):
    found = [f"{url}calendar/" for url in content.event_urls]
    for language in ("fi", "en"):
        with translation.override(language):
            found += [reverse(name) for name in ("news_feed", "events_calendar", "sitemap")]
    return [*found, reverse("sitemap_xml"), reverse("robots_txt")]


@examples(0.75)
@given(data=st.data())
def test_feeds_calendars_and_sitemaps_ignore_any_query(content, client, data):
    url = data.draw(st.sampled_from(addresses(content)))
    params = data.draw(query(ANY_PARAMS))
    before = fingerprint()

    response = client.get(url, params)

    assert_served(response)
    # Django's sitemap.xml answers a `p` that is not one of its pages with 404 Not Found.
    paged = url == reverse("sitemap_xml") and "p" in dict(params)
    assert response.status_code == 200 or (paged and response.status_code == 404)
    assert_unchanged(before)
