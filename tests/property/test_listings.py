"""The project index (filters, sort, pages), its CSV and JSON exports, and the news index
(topic, cluster, year, page), in both languages: never a server error, nothing written."""

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from projects.browse import SORTS
from projects.export import CSV_COLUMNS

from .checks import assert_served, assert_unchanged, examples, fingerprint
from .strategies import page_numbers, query, value_of

pytestmark = pytest.mark.django_db


def project_params(content):
    return {
        "cluster": value_of(content.cluster_slugs),
        "status": value_of(["planned", "ongoing", "ended"]),
        "funding": value_of(content.funding_ids),
        "lead": value_of(content.organisation_ids),
        "from": value_of(content.years),
        "to": value_of(content.years),
        "sort": value_of(sorted(SORTS)),
        "page": page_numbers(),
    }


def news_params(content):
    return {
        "topic": value_of(content.topic_ids),
        "cluster": value_of(content.cluster_slugs),
        "year": value_of(content.years),
        "page": page_numbers(),
    }


@examples(1)
@given(data=st.data())
def test_project_index_answers_any_filters(content, client, data):
    url = data.draw(st.sampled_from(content.project_index_urls))
    params = data.draw(query(project_params(content)))
    before = fingerprint()

    response = client.get(url, params)

    assert_served(response)
    assert response.status_code == 200
    assert_unchanged(before)


@examples(1)
@given(data=st.data())
def test_project_exports_answer_any_filters(content, client, data):
    url = data.draw(st.sampled_from(content.project_index_urls))
    export = data.draw(st.sampled_from(["csv", "json"]))
    params = data.draw(query(project_params(content)))
    before = fingerprint()

    response = client.get(f"{url}export/{export}/", params)

    assert response.status_code == 200
    if export == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert rows[0] == CSV_COLUMNS
    else:
        payload = response.json()
        assert payload["count"] == len(payload["projects"])
    assert_unchanged(before)


@examples(1)
@given(data=st.data())
def test_news_index_answers_any_filters(content, client, data):
    url = data.draw(st.sampled_from(content.news_index_urls))
    params = data.draw(query(news_params(content)))
    before = fingerprint()

    response = client.get(url, params)

    assert_served(response)
    assert response.status_code == 200
    assert_unchanged(before)
