"""iCalendar (RFC 5545) for the international calendar, only through the ``icalendar`` package.

- UIDs are the events' own (stable across edits; an imported event keeps its producer's); SEQUENCE
  grows with every edit.
- Timed events carry their IANA zone (``DTSTART;TZID=America/New_York:…``) with a VTIMEZONE for
  each zone used, its transitions generated for the years the calendar spans, so a calendar program
  places an event correctly on either side of a daylight-saving change.
- Whole-day events are DATE values; DTEND is the day after the last day (exclusive, RFC 5545 3.6.1).
- Events known only to the month, or whose date is to be decided, are left out: a calendar program
  would have to show them on a day they do not take place (docs/calendar.md).
- The forum's own meetings may be added (``mshub.meetings.calendar.meeting_events``: UTC times).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db.models import QuerySet
from icalendar import Calendar, Event

from mshub.calendar.models import DatePrecision, EventStatus, ExternalEvent
from mshub.core.i18n import current_language
from mshub.meetings.calendar import meeting_events
from mshub.meetings.models import Meeting

PRODID = "-//mshub//international calendar//EN"


def exported(event: ExternalEvent) -> bool:
    """Whether ``event`` goes into a calendar file: a timed or a whole-day event."""
    if event.precision == DatePrecision.TIMED:
        return event.start is not None and event.end is not None
    return event.precision == DatePrecision.DAYS and event.first_day is not None


def event_component(event: ExternalEvent, page_url: str = "") -> Event:
    component = Event()
    component.add("uid", event.uid)
    component.add("dtstamp", event.updated_at)
    if event.precision == DatePrecision.TIMED:
        component.add("dtstart", event.local_start)
        component.add("dtend", event.local_end)
    else:
        assert event.first_day is not None
        assert event.last_day is not None
        component.add("dtstart", event.first_day)
        component.add("dtend", event.last_day + dt.timedelta(days=1))
    component.add("summary", event.name)
    component.add("sequence", event.sequence)
    component.add("last-modified", event.updated_at)
    component.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    if event.place:
        component.add("location", event.place)
    if event.url:
        component.add("url", event.url)
    categories = [str(term) for term in (event.kind, event.body) if term is not None]
    if categories:
        component.add("categories", categories)
    other = event.name_en if current_language() == "ja" else event.name_ja
    lines = [line for line in (other if other != event.name else "", event.description) if line]
    if page_url:
        lines.append(settings.SITE_URL + page_url)
    if lines:
        component.add("description", "\n\n".join(lines))
    return component


def calendar_for(
    events: Iterable[ExternalEvent], meetings: QuerySet[Meeting] | None = None, name: str = "", page_url: object = None
) -> bytes:
    """The events that have days (``exported``) and ``meetings``, as one calendar file.

    ``page_url(pk)``: each event's page on the site, written into its description."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    days: list[dt.date] = []
    for event in events:
        if not exported(event):
            continue
        cal.add_component(event_component(event, page_url(event.pk) if callable(page_url) else ""))
        days += [event.first_day, event.last_day]  # type: ignore[list-item]
    for component in meeting_events(meetings) if meetings is not None else []:
        cal.add_component(component)
    if days:
        # The zones' transitions from a year before the first event to a year after the last.
        cal.add_missing_timezones(
            first_date=dt.date(min(days).year - 1, 1, 1), last_date=dt.date(max(days).year + 2, 1, 1)
        )
    return bytes(cal.to_ical())
