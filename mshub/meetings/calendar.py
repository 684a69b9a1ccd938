"""iCalendar (RFC 5545) for meetings, only through the ``icalendar`` package.

UIDs are stable across edits (the meeting's UUID), SEQUENCE grows with every change that
subscribers must see, and times are written in UTC (no VTIMEZONE needed); the venue's IANA zone
is kept in the description and as ``X-WR-TIMEZONE`` on series feeds.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import timezone
from icalendar import Calendar, Event

from mshub.meetings.models import Meeting, MeetingStatus
from mshub.meetings.services.agenda import agenda_tree, flatten

PRODID = "-//mshub//meetings//EN"


def programme(meeting: Meeting) -> list[str]:
    """The agenda as lines "14:10–14:40 2. Title" (indented sub-items), from prefetched ``agenda_items``."""
    lines = []
    for node in flatten(agenda_tree(meeting, list(meeting.agenda_items.all()))):
        item = node.item
        lines.append("  " * node.depth + " ".join(p for p in (item.planned_time, f"{node.number}.", item.title) if p))
    return lines


def meeting_event(meeting: Meeting) -> Event:
    event = Event()
    event.add("uid", f"{meeting.uid}@mshub")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.start)
    event.add("dtend", meeting.end)
    event.add("summary", str(meeting))
    event.add("sequence", meeting.sequence)
    event.add("last-modified", meeting.updated_at)
    event.add("url", settings.SITE_URL + meeting.get_absolute_url())
    where = ", ".join(p for p in (meeting.venue, meeting.address) if p)
    if where:
        event.add("location", where)
    description = f"{meeting.local_start:%Y-%m-%d %H:%M} {meeting.timezone}"
    lines = programme(meeting)
    if lines:
        description += "\n\n" + "\n".join(lines)
    event.add("description", f"{description}\n\n{settings.SITE_URL}{meeting.get_absolute_url()}")
    status = {
        MeetingStatus.CANCELLED: "CANCELLED",
        MeetingStatus.PLANNED: "TENTATIVE",
        MeetingStatus.POSTPONED: "TENTATIVE",
    }.get(meeting.status, "CONFIRMED")  # type: ignore[call-overload]
    event.add("status", status)
    return event


def calendar_for(meetings: Iterable[Meeting], name: str = "", zone: str = "") -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    if zone:
        cal.add("x-wr-timezone", zone)
    meetings = list(meetings)
    prefetch_related_objects(meetings, "agenda_items")
    for meeting in meetings:
        cal.add_component(meeting_event(meeting))
    return bytes(cal.to_ical())
