"""Dates and times as the admin's date picker writes them, and as a Finnish editor types
them, are accepted in either admin language (an event's start and end, go-live, expiry)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.test.utils.form_data import nested_form_data, streamfield

from news.factories import NewsIndexPageFactory, NewsPageFactory

HELSINKI = datetime.timezone(datetime.timedelta(hours=2))  # winter time, as in January
JANUARY_15_9AM = datetime.datetime(2027, 1, 15, 9, 0, tzinfo=HELSINKI)


@pytest.mark.parametrize("language", ["fi", "en"])
@pytest.mark.parametrize(
    "typed",
    [
        "15.01.2027 09:00",  # what the picker writes (WAGTAIL_DATETIME_FORMAT)
        "15.1.2027 9.00",  # what a Finnish editor types
        "15.1.2027 9:00",
        "15.01.2027 09.00.00",
        "2027-01-15 09:00",  # ISO, as an API or a pasted value has it
    ],
)
def test_admin_accepts_the_pickers_and_the_finnish_way_of_writing_times(language, typed):
    with translation.override(language), timezone.override("Europe/Helsinki"):
        assert forms.DateTimeField().clean(typed) == JANUARY_15_9AM


@pytest.mark.parametrize("language", ["fi", "en"])
@pytest.mark.parametrize("typed", ["15.01.2027", "15.1.2027"])
def test_admin_accepts_the_pickers_dates(language, typed):
    with translation.override(language):
        assert forms.DateField().clean(typed) == datetime.date(2027, 1, 15)


def _widget_value(html, name):
    field = BeautifulSoup(html, "html.parser").find("input", attrs={"name": name})
    return field["value"]


def test_an_event_with_times_can_be_saved_again_as_the_editor_shows_it(home, admin_client_in):
    """The edit form shows the times in the picker's format; posting them back unchanged
    saves the page (before, every save of a page with a time failed validation)."""
    finnish_editor = admin_client_in("fi")
    index = NewsIndexPageFactory(parent=home)
    event = NewsPageFactory(
        parent=index,
        title="Missä mennään?",
        event_start=JANUARY_15_9AM,
        event_end=JANUARY_15_9AM + datetime.timedelta(hours=3),
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[event.pk])
    html = finnish_editor.get(edit_url).content.decode()
    shown = {name: _widget_value(html, name) for name in ("date", "event_start", "event_end")}
    assert shown == {
        "date": "07.11.2018",
        "event_start": "15.01.2027 09:00",
        "event_end": "15.01.2027 12:00",
    }

    data = nested_form_data(
        {
            "title": event.title,
            "slug": event.slug,
            "summary": "Tilaisuus klusteritoimijoille.",
            "body": streamfield([]),
            **shown,
            "event_start": "15.1.2027 10.30",  # one field retyped by hand
            "venue": "Lapin yliopisto",
        }
    )
    response = finnish_editor.post(edit_url, data)

    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").select(
        ".error-message"
    )
    event.refresh_from_db()
    draft = event.get_latest_revision_as_object()
    assert draft.event_start == JANUARY_15_9AM + datetime.timedelta(minutes=90)
    assert draft.event_end == JANUARY_15_9AM + datetime.timedelta(hours=3)
    assert draft.summary == "Tilaisuus klusteritoimijoille."
