"""Each event can be added to a calendar (.ics), and each language has a feed of its events;
both are valid iCalendar (RFC 5545)."""

import datetime
import re

import pytest
from django.utils import timezone

from news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(home):
    index = NewsIndexPageFactory(parent=home)
    event = NewsPageFactory(
        parent=index,
        title="Seminaari Brysselissä; osa 2, uusi",
        summary="Lapin päivä " * 20,
        event_start=timezone.make_aware(datetime.datetime(2018, 11, 6, 9, 0)),
        event_end=timezone.make_aware(datetime.datetime(2018, 11, 6, 16, 0)),
        venue="Lapin EU-toimisto, Bryssel",
    )
    plain = NewsPageFactory(parent=index, title="Pelkkä uutinen")
    return event, plain


def assert_valid_icalendar(body):
    """The RFC 5545 rules a calendar application relies on."""
    assert body.endswith("\r\n") and "\n" not in body.replace("\r\n", "")
    lines = body.split("\r\n")[:-1]
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = body.replace("\r\n ", "").split("\r\n")[:-1]
    assert unfolded.count("BEGIN:VEVENT") == unfolded.count("END:VEVENT")
    return unfolded


def test_event_page_offers_its_calendar_file(client, events):
    event, _plain = events
    assert f'href="{event.url}calendar/"' in client.get(event.url).content.decode()

    response = client.get(f"{event.url}calendar/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    lines = assert_valid_icalendar(response.content.decode())
    assert "DTSTART:20181106T070000Z" in lines  # 9.00 in Helsinki is 7.00 UTC
    assert "DTEND:20181106T140000Z" in lines
    assert "SUMMARY:Seminaari Brysselissä\\; osa 2\\, uusi" in lines
    assert "LOCATION:Lapin EU-toimisto\\, Bryssel" in lines
    assert f"URL:http://testserver{event.url}" in lines
    assert any(re.match(r"UID:[0-9a-f-]+-\d+@arcticsmartness", line) for line in lines)


def test_a_plain_news_item_has_no_calendar_file(client, events):
    _event, plain = events
    assert client.get(f"{plain.url}calendar/").status_code == 404
    assert "calendar/" not in client.get(plain.url).content.decode()


def test_events_feed_lists_the_events_of_the_language(client, events):
    response = client.get("/syotteet/tapahtumat.ics")
    lines = assert_valid_icalendar(response.content.decode())
    assert lines.count("BEGIN:VEVENT") == 1
    assert client.get("/en/feeds/events.ics").status_code == 200
