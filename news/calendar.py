"""Events as iCalendar (RFC 5545): one event from its page, or all events of a language."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import get_language
from wagtail.models import Locale

PRODUCT = "-//Regional Council of Lapland//Arctic Smartness//EN"


def calendar_response(request, events, filename):
    """An .ics file of `events` (NewsPages with a start time)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    stamp = _utc(timezone.now())
    for event in events:
        lines += _event(request, event, stamp)
    lines.append("END:VCALENDAR")
    body = "".join(_fold(line) + "\r\n" for line in lines)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def events_calendar(request):
    """Every published event of the visitor's language, newest first."""
    from .models import NewsPage

    events = (
        NewsPage.objects.live()
        .public()
        .filter(locale=Locale.get_active(), event_start__isnull=False)
        .not_placeholders()
        .defer_streamfields()
        .order_by("-event_start")
    )
    return calendar_response(request, events, f"arctic-smartness-{get_language()}.ics")


def _event(request, event, stamp):
    end = event.event_end or event.event_start + datetime.timedelta(hours=1)
    lines = [
        "BEGIN:VEVENT",
        # Stable across edits and distinct per language: a calendar updates, not duplicates.
        f"UID:{event.translation_key}-{event.locale_id}@arcticsmartness",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{_utc(event.event_start)}",
        f"DTEND:{_utc(end)}",
        f"SUMMARY:{_text(event.title)}",
        f"URL:{event.get_full_url(request)}",
    ]
    if event.summary:
        lines.append(f"DESCRIPTION:{_text(strip_tags(event.summary))}")
    if event.venue:
        lines.append(f"LOCATION:{_text(event.venue)}")
    lines.append("END:VEVENT")
    return lines


def _utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _text(value):
    """TEXT values escape backslashes, semicolons, commas and line breaks."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Lines longer than 75 octets continue on lines that begin with a space."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for character in line:
        octets = character.encode()
        if len(current) + len(octets) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += octets
    parts.append(current.decode())
    return "\r\n ".join(parts)
