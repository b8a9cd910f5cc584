"""Editors see what visitors searched for, and what they did not find, in the last 30 days."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query

from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from search.report import search_terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def searches(client, home):
    index = ProjectIndexPageFactory(parent=home)
    ProjectPageFactory(parent=index, title="Arctic Smartness Portfolio")
    for query in ["portfolio", "portfolio", "Portfolio", "kultakaivos", "kultakaivos", "x y"]:
        client.get("/haku/", {"q": query})


def test_search_terms_count_searches_and_searches_that_found_nothing(searches):
    rows = {row.query_string: (row.searches, row.without_results) for row in search_terms()}
    assert rows == {"portfolio": (3, 0), "kultakaivos": (2, 2), "x y": (1, 1)}


def test_searches_older_than_30_days_are_left_out(searches):
    old = timezone.localdate() - datetime.timedelta(days=30)
    Query.get("vanha haku").add_hit(date=old)
    assert "vanha haku" not in {row.query_string for row in search_terms()}


def test_editors_open_both_reports(admin_client, searches):
    html = admin_client.get(reverse("search_terms_report")).content.decode()
    assert "portfolio" in html and "kultakaivos" in html

    html = admin_client.get(reverse("searches_without_results_report")).content.decode()
    assert "kultakaivos" in html
    assert ">portfolio<" not in html


def test_reports_export_as_spreadsheet(admin_client, searches):
    response = admin_client.get(reverse("search_terms_report"), {"export": "csv"})
    assert response.status_code == 200
    assert b"kultakaivos,2,2" in b"".join(response.streaming_content)
