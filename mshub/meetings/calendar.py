"""iCalendar (RFC 5545) for meetings, only through the ``icalendar`` package.

UIDs are stable across edits (the meeting's UUID), SEQUENCE grows with every change that
subscribers must see, and times are written in UTC (no VTIMEZONE needed); the venue's IANA zone
is kept in the description and as ``X-WR-TIMEZONE`` on series feeds.

A series or forum calendar of hundreds of meetings is among the largest things the site writes, and
calendar clients poll it. So it is read in three queries as values (meetings, their series, all
their agendas: no Meeting or AgendaItem is made), the language is asked once, each series' meeting
address is reversed once, and the events' properties are icalendar's own types set directly (which
skips ``Component.add`` guessing each value's type). What is left is icalendar writing the text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple
from uuid import UUID

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from icalendar import Calendar, Event, vDatetime, vInt, vText, vUri

from mshub.core.i18n import current_language
from mshub.core.pages import url_for_each
from mshub.core.timezones import in_zone
from mshub.meetings.models import AgendaItem, Meeting, MeetingSeries, MeetingStatus
from mshub.meetings.models.agenda import planned_span, planned_time_text

PRODID = "-//mshub//meetings//EN"

STATUS = {
    MeetingStatus.CANCELLED: "CANCELLED",
    MeetingStatus.PLANNED: "TENTATIVE",
    MeetingStatus.POSTPONED: "TENTATIVE",
}


class EventRow(NamedTuple):
    """What a meeting's VEVENT prints, read as values (the field names of ``Meeting``)."""

    pk: int
    uid: UUID
    series_id: int
    number: int
    title_ja: str
    title_en: str
    start: dt.datetime
    end: dt.datetime
    timezone: str
    venue_ja: str
    venue_en: str
    address: str
    status: str
    sequence: int
    updated_at: dt.datetime


# An agenda item as the programme reads it: id, parent id, title_ja, title_en, planned start, minutes.
ItemRow = tuple[int, int | None, str, str, dt.time | None, int | None]


def programmes(meetings: list[EventRow], language: str) -> dict[int, list[str]]:
    """Each meeting's programme (``programme``) by meeting id, all read in one query."""
    rows: dict[int, list[ItemRow]] = {}
    items = AgendaItem.objects.filter(meeting__in=[m.pk for m in meetings]).order_by("position", "pk")
    fields = ("meeting_id", "pk", "parent_id", "title_ja", "title_en", "planned_start", "duration_minutes")
    for meeting_id, *row in items.values_list(*fields):
        rows.setdefault(meeting_id, []).append(tuple(row))
    return {m.pk: programme(m, rows[m.pk], language) for m in meetings if m.pk in rows}


def programme(meeting: EventRow, items: list[ItemRow], language: str) -> list[str]:
    """The agenda as lines "14:10–14:40 2. Title", sub-items numbered 2.1 … and indented two spaces a
    level as ``agenda_tree`` numbers them, the titles in ``language`` (else the other)."""
    local_start, local_end = in_zone(meeting.start, meeting.timezone), in_zone(meeting.end, meeting.timezone)
    mine = 0 if language == "ja" else 1
    children: dict[int | None, list[ItemRow]] = {}
    for item in items:
        children.setdefault(item[1], []).append(item)
    lines: list[str] = []

    def walk(parent: int | None, prefix: str, depth: int) -> None:
        for n, (pk, _parent, *titles, start, minutes) in enumerate(children.get(parent, []), start=1):
            span = None if start is None else planned_span(local_start, local_end, start, minutes)
            parts = (planned_time_text(span, minutes), f"{prefix}{n}.", titles[mine] or titles[1 - mine])
            lines.append("  " * depth + " ".join(p for p in parts if p))
            walk(pk, f"{prefix}{n}.", depth + 1)

    walk(None, "", 0)
    return lines


def meeting_event(
    meeting: EventRow, series: MeetingSeries, *, language: str, agenda: list[str], url: str, stamp: vDatetime
) -> Event:
    """The meeting's VEVENT; ``agenda``: its ``programme``; ``url``: its page, absolute; ``stamp``: the
    calendar's DTSTAMP."""
    other = "en" if language == "ja" else "ja"
    title = getattr(meeting, f"title_{language}") or getattr(meeting, f"title_{other}")
    venue = getattr(meeting, f"venue_{language}") or getattr(meeting, f"venue_{other}")
    where = ", ".join(p for p in (venue, meeting.address) if p)
    description = f"{in_zone(meeting.start, meeting.timezone):%Y-%m-%d %H:%M} {meeting.timezone}"
    if agenda:
        description += "\n\n" + "\n".join(agenda)
    event = Event()
    event["UID"] = vText(f"{meeting.uid}@mshub")
    event["DTSTAMP"] = stamp
    event["DTSTART"] = vDatetime(meeting.start)
    event["DTEND"] = vDatetime(meeting.end)
    event["SUMMARY"] = vText(f"{series.numbered_name(meeting.number, language)} {title}".strip())
    event["SEQUENCE"] = vInt(meeting.sequence)
    event["LAST-MODIFIED"] = vDatetime(meeting.updated_at.astimezone(dt.UTC))
    event["URL"] = vUri(url)
    if where:
        event["LOCATION"] = vText(where)
    event["DESCRIPTION"] = vText(f"{description}\n\n{url}")
    event["STATUS"] = vText(STATUS.get(meeting.status, "CONFIRMED"))  # type: ignore[call-overload]
    return event


def series_urls(series: dict[int, MeetingSeries]) -> Callable[[EventRow], str]:
    """Each meeting's page, absolute, with one ``reverse`` a series rather than one a meeting."""
    each = {
        pk: url_for_each("meetings:meeting", {"forum": s.forum.slug, "series": s.slug}, key="number")
        for pk, s in series.items()
    }
    return lambda meeting: settings.SITE_URL + each[meeting.series_id](meeting.number)


def meeting_events(meetings: QuerySet[Meeting]) -> list[Event]:
    """The VEVENTs of ``meetings`` (in the queryset's order), read in three queries whatever their number
    (the international calendar adds a forum's meetings to its own file with them)."""
    rows = [EventRow(*row) for row in meetings.values_list(*EventRow._fields)]
    series = MeetingSeries.objects.select_related("forum").in_bulk({m.series_id for m in rows})
    language = current_language()
    lines = programmes(rows, language)
    url = series_urls(series)
    stamp = vDatetime(timezone.now().astimezone(dt.UTC))  # when this calendar was made, for every event
    return [
        meeting_event(
            meeting,
            series[meeting.series_id],
            language=language,
            agenda=lines.get(meeting.pk, []),
            url=url(meeting),
            stamp=stamp,
        )
        for meeting in rows
    ]


def calendar_for(meetings: QuerySet[Meeting], name: str = "", zone: str = "") -> bytes:
    """A calendar of ``meetings`` (in the queryset's order) in three queries, whatever their number."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    if zone:
        cal.add("x-wr-timezone", zone)
    for event in meeting_events(meetings):
        cal.add_component(event)
    return bytes(cal.to_ical())
