"""Finding a consultation the installation already holds, from what another source says of it (a
title, its deadline, a web address), and the zone its issuer states deadlines in.

A consultation is the same when it has the same web address (compared without scheme, ``www.`` or
a trailing slash: ``core.text.url_key``) and, if a deadline is given, closes on that day in its
issuer's zone; or the same title (squashed: width, case and spaces ignored) and the same closing day.
Used by the archive's trend briefings (no import of the archive here).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mshub.calendar.models import Body
from mshub.consultations.models import Consultation
from mshub.core.text import squash, url_key


def _closes_on(consultation: Consultation, day: dt.date | None) -> bool:
    return day is None or consultation.local_closes.date() == day


def _first(found: Iterable[Consultation]) -> Consultation | None:
    return min(found, key=lambda c: c.pk, default=None)


def find_consultation(title: str | None, deadline: dt.date | None, url: str | None) -> Consultation | None:
    """The consultation these facts describe, if there is one (two queries at most)."""
    key = url_key(url)
    if key:
        found = _first(
            c
            for c in Consultation.objects.filter(url__icontains=key)
            if url_key(c.url) == key and _closes_on(c, deadline)
        )
        if found is not None:
            return found
    wanted = squash(title or "")
    if not wanted or deadline is None:
        return None
    # The closing day is the issuer's: any zone puts it within a day of the UTC date.
    near = Consultation.objects.filter(
        closes__date__gte=deadline - dt.timedelta(days=1), closes__date__lte=deadline + dt.timedelta(days=1)
    )
    return _first(c for c in near if _closes_on(c, deadline) and wanted in (squash(c.title_ja), squash(c.title_en)))


def issuer_zone(body: Body | None) -> str:
    """The zone ``body`` stated its latest consultation's deadline in; UTC for a body without one."""
    if body is None:
        return "UTC"
    zone = Consultation.objects.filter(body=body).order_by("-closes").values_list("timezone", flat=True).first()
    return zone or "UTC"
