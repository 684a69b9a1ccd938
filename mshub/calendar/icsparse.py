"""Reading an .ics file (RFC 5545, through ``icalendar`` only) into the calendar's event fields.

What a file may be and what is made of it (docs/calendar.md, "Importing"):

- at most ``MAX_BYTES`` bytes, ``MAX_EVENTS`` events and ``MAX_DEPTH`` nested components; no NUL
  bytes; UTF-8 (a byte-order mark is dropped; bytes that are not UTF-8 are replaced, and the run says so);
- CRLF or bare LF line ends, folded long lines (``icalendar`` unfolds them);
- ``DTSTART;TZID=…``: IANA names, and Windows names ("Tokyo Standard Time") mapped by ``icalendar``;
  a zone only the file's VTIMEZONE defines keeps the right instant and is stored as UTC;
  ``…Z``: UTC; a time without a zone ("floating"): read in the ``floating_zone`` the importer gives
  (the subscription's zone; for an upload, the forum's);
- DATE values: whole days, DTEND exclusive (a one-day event has DTEND the next day), or DURATION;
- RRULE (with EXDATE and RECURRENCE-ID overrides): each occurrence in a window around the import
  becomes an event of its own (``recurrence.py``);
- STATUS:CANCELLED: the event is marked cancelled;
- text is stripped of control characters and cut to the fields' lengths, and goes into the Japanese
  field when it holds Japanese characters (kana, kanji), else the English one; a URL that is not http(s)
  (``javascript:``, ``data:``) is dropped. Pages escape what they print, as for any event.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from mshub.calendar.recurrence import RuleError, occurrence_uid, occurrences
from mshub.core.text import language_of
from mshub.core.timezones import available_zones

MAX_BYTES = 2 * 1024 * 1024
MAX_EVENTS = 2000
MAX_DEPTH = 4  # VCALENDAR > VEVENT > VALARM, VCALENDAR > VTIMEZONE > STANDARD
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


class IcsError(ValueError):
    """The file cannot be imported; ``str()`` says why, for the person who gave it."""


@dataclass
class ParsedEvent:
    uid: str
    name: str
    fields: dict[str, Any]  # ExternalEvent's fields: precision, dates, zone, city, url, description, status
    cancelled: bool = False

    @property
    def first_day(self) -> dt.date:
        if "start_date" in self.fields:
            return self.fields["start_date"]
        return self.fields["start"].astimezone(zoneinfo.ZoneInfo(self.fields["timezone"])).date()


@dataclass
class ParsedFeed:
    events: list[ParsedEvent] = field(default_factory=list)
    skipped: int = 0
    notes: list[str] = field(default_factory=list)


def normalised_name(name: str) -> str:
    """How two names are compared when an event has no UID in common: case and spacing ignored."""
    return _SPACES.sub(" ", name).strip().casefold()


def _text(component: Any, name: str, limit: int) -> str:
    value = component.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    return _CONTROL.sub("", str(value)).strip()[:limit]


def in_its_language(field: str, value: str) -> dict[str, str]:
    """``{field}_ja`` for text with Japanese characters, else ``{field}_en`` (empty: neither)."""
    if not value:
        return {}
    return {f"{field}_{language_of(value)}": value}


def _web_url(value: str) -> str:
    value = value.strip()
    return value if re.match(r"^https?://[^\s<>\"']+$", value, re.IGNORECASE) and len(value) <= 200 else ""


def decode(data: bytes) -> tuple[str, list[str]]:
    """The file's text, after the checks that need no parsing (size, NUL, nesting, count)."""
    if len(data) > MAX_BYTES:
        raise IcsError(_("The file is larger than %(size)s bytes.") % {"size": MAX_BYTES})
    if b"\x00" in data:
        raise IcsError(_("This is not a calendar file (it holds NUL bytes)."))
    notes = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        notes.append(_("Some characters were not UTF-8 and were replaced."))
    if "BEGIN:VCALENDAR" not in text[:2000].upper():
        raise IcsError(_("This is not a calendar file (no BEGIN:VCALENDAR)."))
    depth = deepest = events = 0
    for line in text.splitlines():
        upper = line[:20].upper()
        if upper.startswith("BEGIN:"):
            depth += 1
            deepest = max(deepest, depth)
            events += upper.startswith("BEGIN:VEVENT")
        elif upper.startswith("END:"):
            depth -= 1
    if deepest > MAX_DEPTH:
        raise IcsError(_("The file nests components more than %(depth)s deep.") % {"depth": MAX_DEPTH})
    if events > MAX_EVENTS:
        raise IcsError(_("The file holds more than %(count)s events.") % {"count": MAX_EVENTS})
    return text, notes


def _zone_of(value: dt.datetime, tzid: str, floating_zone: str) -> tuple[dt.datetime, str, bool]:
    """The time in UTC and the IANA zone to store; whether it was floating.

    ``tzid``: the TZID parameter. A file's own VTIMEZONE gives the instant; the name tells the zone
    when it is IANA's or a Windows name ("Tokyo Standard Time"); else the zone stored is UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=zoneinfo.ZoneInfo(floating_zone)).astimezone(dt.UTC), floating_zone, True
    zones = available_zones()
    for name in (getattr(value.tzinfo, "key", None), tzid, WINDOWS_TO_OLSON.get(tzid)):
        if name and name in zones:
            return value.astimezone(dt.UTC), name, False
    return value.astimezone(dt.UTC), "UTC", False


def _dates(component: Any, floating_zone: str, feed: ParsedFeed) -> dict[str, Any] | None:
    start_prop = component.get("dtstart")
    if start_prop is None:
        return None
    start = start_prop.dt
    end_prop, duration = component.get("dtend"), component.get("duration")
    end = end_prop.dt if end_prop is not None else None
    if end is None and duration is not None:
        end = start + duration.dt
    if not isinstance(start, dt.datetime):  # DATE: whole days, the end exclusive
        if isinstance(end, dt.datetime):
            end = end.date()
        last = end - dt.timedelta(days=1) if end is not None and end > start else start
        return {"precision": "days", "start_date": start, "end_date": last}
    start, zone, floating = _zone_of(start, str(start_prop.params.get("TZID", "")), floating_zone)
    if isinstance(end, dt.datetime):
        end = _zone_of(end, str(end_prop.params.get("TZID", "")) if end_prop is not None else "", zone)[0]
    else:
        end = start
    if floating and _("Times without a zone were read in %(zone)s.") % {"zone": zone} not in feed.notes:
        feed.notes.append(_("Times without a zone were read in %(zone)s.") % {"zone": zone})
    return {"precision": "timed", "timezone": zone, "start": start, "end": max(start, end)}


def _occurrence_dates(dates: dict[str, Any], start: dt.date | dt.datetime, floating_zone: str) -> dict[str, Any]:
    """The first occurrence's ``dates`` moved to an occurrence starting at ``start`` (same length)."""
    if dates["precision"] == "days":
        assert isinstance(start, dt.date)
        length = dates["end_date"] - dates["start_date"]
        return {**dates, "start_date": start, "end_date": start + length}
    assert isinstance(start, dt.datetime)
    moved = _zone_of(start, "", dates["timezone"])[0]  # a floating time: in the zone the first was read in
    return {**dates, "start": moved, "end": moved + (dates["end"] - dates["start"])}


def parse(data: bytes, floating_zone: str = "UTC", now: dt.datetime | None = None) -> ParsedFeed:
    """The events of ``data`` (a repeating one's occurrences around ``now``: ``recurrence.py``);
    ``IcsError`` for a file that cannot be imported at all."""
    text, notes = decode(data)
    feed = ParsedFeed(notes=notes)
    try:
        calendar = Calendar.from_ical(text)
        components = list(calendar.walk("VEVENT"))
    except Exception as exc:  # icalendar raises ValueError, KeyError, … on malformed input
        raise IcsError(_("The calendar file could not be read: %(error)s") % {"error": str(exc)[:200]}) from exc
    now = now or dt.datetime.now(dt.UTC)
    overrides: dict[str, ParsedEvent] = {}  # by the occurrence's UID
    unexpanded = 0
    for component in components:
        event = _event(component, floating_zone, feed)
        if event is None:
            feed.skipped += 1
            continue
        if component.get("recurrence-id") is not None:  # one occurrence of a series, changed
            event.uid = occurrence_uid(event.uid, component.get("recurrence-id").dt)
            overrides[event.uid] = event
            continue
        if component.get("rrule") is None:
            feed.events.append(event)
            continue
        try:
            starts = occurrences(component, now)
        except RuleError:
            unexpanded += 1
            feed.events.append(event)
            continue
        for start in starts:
            fields = {**event.fields, **_occurrence_dates(event.fields, start, floating_zone)}
            uid = occurrence_uid(event.uid, start) if event.uid else ""
            feed.events.append(ParsedEvent(uid, event.name, fields, event.cancelled))
    for uid, override in overrides.items():
        index = next((n for n, e in enumerate(feed.events) if e.uid == uid), None)
        if index is None:
            feed.events.append(override)
        else:
            feed.events[index] = override
    if len(feed.events) > MAX_EVENTS:
        raise IcsError(_("The file holds more than %(count)s events.") % {"count": MAX_EVENTS})
    if unexpanded:
        feed.notes.append(
            _(
                "%(count)s repeating events have a rule that could not be read: only their first occurrence was imported."  # noqa: E501
            )
            % {"count": unexpanded}
        )
    if feed.skipped:
        feed.notes.append(_("%(count)s entries without a name or a date were left out.") % {"count": feed.skipped})
    return feed


def _event(component: Any, floating_zone: str, feed: ParsedFeed) -> ParsedEvent | None:
    """One VEVENT as an event; None without a name or a readable date."""
    name = _text(component, "summary", 300)
    try:
        dates = _dates(component, floating_zone, feed)
    except (TypeError, ValueError, AttributeError, OverflowError):
        dates = None
    if not name or dates is None:
        return None
    fields = {
        **dates,
        **in_its_language("name", name),
        **in_its_language("city", _text(component, "location", 100)),
        "url": _web_url(_text(component, "url", 1000)),
        **in_its_language("description", _text(component, "description", 5000)),
    }
    cancelled = _text(component, "status", 20).upper() == "CANCELLED"
    return ParsedEvent(_text(component, "uid", 255), name, fields, cancelled)
