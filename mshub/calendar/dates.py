"""An event's date as pages print it: in the event's own zone, and for a timed event in the reader's too.

- whole days: "2015-11-10 (Tue) – 11-13 (Fri)" (the year again only when it changes);
- timed: "2015-11-10 (Tue) 09:00–18:00 America/Fortaleza", and the same span in the reader's zone
  when it differs ("2015-11-10 (Tue) 21:00 – 11-11 (Wed) 06:00 Asia/Tokyo");
- month only: "2015年12月" / "December 2015" (the language's year-month format);
- to be decided: "to be decided", or "2015, date to be decided".
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.formats import date_format as localized_format
from django.utils.translation import gettext as _

from mshub.calendar.models import DatePrecision, ExternalEvent
from mshub.core.timezones import available_zones

DAY = "Y-m-d (D)"
DAY_IN_YEAR = "m-d (D)"


@dataclass(frozen=True)
class EventDates:
    local: str  # in the event's zone (or no zone: days, a month)
    reader: str  # a timed event in the reader's zone, if it differs from the event's; else ""
    machine: str  # for <time datetime="…">: an ISO date, date-time or month; "" when undecided


def _days(first: dt.date, last: dt.date) -> str:
    if first == last:
        return date_format(first, DAY)
    tail = DAY_IN_YEAR if first.year == last.year else DAY
    return f"{date_format(first, DAY)} – {date_format(last, tail)}"


def _span(start: dt.datetime, end: dt.datetime, zone: str) -> str:
    if start.date() == end.date():
        return f"{date_format(start, DAY)} {start:%H:%M}–{end:%H:%M} {zone}"
    tail = DAY_IN_YEAR if start.year == end.year else DAY
    return f"{date_format(start, DAY)} {start:%H:%M} – {date_format(end, tail)} {end:%H:%M} {zone}"


def event_dates(event: ExternalEvent, reader_zone: str | None = None) -> EventDates:
    """``reader_zone``: the zone the page shows times in (default: the active one)."""
    precision = event.precision
    if precision == DatePrecision.TIMED and event.start and event.end:
        start, end = event.local_start, event.local_end
        assert start is not None
        assert end is not None
        local = _span(start, end, event.timezone)
        reader = reader_zone or timezone.get_current_timezone_name()
        shown = ""
        if reader != event.timezone and reader in available_zones():
            zone = zoneinfo.ZoneInfo(reader)
            shown = _span(event.start.astimezone(zone), event.end.astimezone(zone), reader)
        return EventDates(local, shown if shown != local else "", start.isoformat())
    if precision == DatePrecision.DAYS and event.first_day and event.last_day:
        return EventDates(_days(event.first_day, event.last_day), "", event.first_day.isoformat())
    if precision == DatePrecision.MONTH and event.first_day:
        return EventDates(localized_format(event.first_day, "YEAR_MONTH_FORMAT"), "", event.first_day.strftime("%Y-%m"))
    if event.year:
        return EventDates(_("%(year)s, date to be decided") % {"year": event.year}, "", "")
    return EventDates(_("date to be decided"), "", "")
