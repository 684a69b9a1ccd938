"""The consultation deadlines as iCalendar (RFC 5545), only through the ``icalendar`` package, with the
conventions of the international calendar's file (mshub/calendar/ics.py):

- one VEVENT per consultation at its closing time; its UID is the consultation's own (stable across
  edits), SEQUENCE its version;
- the time carries the issuer's IANA zone (``DTSTART;TZID=America/Los_Angeles:…``) with a VTIMEZONE
  for each zone used, its transitions generated for the years the file spans (UTC: a ``Z`` time);
- the summary in the reader's language; URL is the consultation's page on this forum; the issuer's
  page and the title in the other language go into the description;
- user text is given to ``icalendar`` as text on one line (it escapes commas, semicolons and
  backslashes), so a title cannot add a line or a property of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from mshub.consultations.models import Consultation
from mshub.core.i18n import current_language

PRODID = "-//mshub//consultation deadlines//EN"


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def deadline_component(consultation: Consultation, page_url: str) -> Event:
    c = consultation
    component = Event()
    component.add("uid", c.uid)
    component.add("dtstamp", c.updated_at)
    component.add("dtstart", c.local_closes)
    component.add("summary", _("Deadline: %(title)s") % {"title": one_line(c.title)})
    component.add("sequence", c.version)
    component.add("last-modified", c.updated_at)
    component.add("transp", "TRANSPARENT")  # a deadline takes no time in anyone's day
    component.add("url", settings.SITE_URL + page_url)
    if c.body is not None:
        component.add("categories", [one_line(c.body.label)])
    other = c.title_en if current_language() == "ja" else c.title_ja
    lines = [one_line(other)] if other and other != c.title else []
    if c.url:
        lines.append(_("The issuer's page: %(url)s") % {"url": one_line(c.url)})
    lines.append(settings.SITE_URL + page_url)
    component.add("description", "\n\n".join(lines))
    return component


def deadlines_calendar(consultations: Iterable[Consultation], page_url: Callable[[int], str], name: str = "") -> bytes:
    """``page_url(pk)``: each consultation's page on this forum."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", one_line(name))
    days: list[dt.date] = []
    for consultation in consultations:
        cal.add_component(deadline_component(consultation, page_url(consultation.pk)))
        days.append(consultation.closes.date())
    if days:
        # The zones' transitions from a year before the first deadline to a year after the last.
        cal.add_missing_timezones(
            first_date=dt.date(min(days).year - 1, 1, 1), last_date=dt.date(max(days).year + 2, 1, 1)
        )
    return bytes(cal.to_ical())
