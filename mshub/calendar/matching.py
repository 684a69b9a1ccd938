"""Finding an event the calendar already holds, from what another source says of it (a name, its
days, a web address), and the body a name points to.

An event is the same when it has the same web address (compared without scheme, ``www.`` or a
trailing slash: ``core.text.url_key``) and days that agree (several ICANN meetings share
``https://www.icann.org/``), or the same name (squashed: width, case and spaces ignored) and the same
first day. A day or session inside another event counts like any event; a top-level one is
preferred when both are found. Used by the archive's trend briefings (no import of the archive here).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from mshub.calendar.models import Body, EventKind, ExternalEvent
from mshub.core.text import narrow, squash, url_key


def _agrees(event: ExternalEvent, start: dt.date | None, end: dt.date | None) -> bool:
    """The days overlap, or one side has none."""
    if start is None or event.first_day is None or event.last_day is None:
        return True
    return start <= event.last_day and (end or start) >= event.first_day


def _first(found: Iterable[ExternalEvent]) -> ExternalEvent | None:
    ordered = sorted(found, key=lambda e: (e.parent_id is not None, e.pk))
    return ordered[0] if ordered else None


def find_event(name: str | None, start: dt.date | None, end: dt.date | None, url: str | None) -> ExternalEvent | None:
    """The event these facts describe, if the calendar has it (two queries at most)."""
    key = url_key(url)
    if key:
        by_url = ExternalEvent.objects.filter(url__icontains=key)
        found = _first(e for e in by_url if url_key(e.url) == key and _agrees(e, start, end))
        if found is not None:
            return found
    wanted = squash(name or "")
    if not wanted:
        return None
    same_day = ExternalEvent.objects.filter(first_day=start) if start else ExternalEvent.objects.filter(first_day=None)
    return _first(e for e in same_day if wanted in (squash(e.name_ja), squash(e.name_en)))


_LATIN = re.compile(r"[a-z]")


def _mentions(text: str, term: str) -> bool:
    """``term`` in ``text`` (both narrowed and lower-cased) as a word: not inside a longer Latin word
    ("IGF" in "IGF2016" and "IGF 2016", not in "APrIGF")."""
    start = text.find(term)
    while start >= 0:
        before = text[start - 1] if start else ""
        after = text[start + len(term) : start + len(term) + 1]
        if not (_LATIN.match(before) and _LATIN.match(term[0])) and not (
            _LATIN.match(after) and _LATIN.match(term[-1])
        ):
            return True
        start = text.find(term, start + 1)
    return False


def _words(value: str) -> str:
    return re.sub(r"\s+", " ", narrow(value or "")).strip().lower()


def guess_body(*texts: str | None) -> Body | None:
    """The body the first text that names one names (its abbreviation, code or name; the longest
    found wins), else None: a name that names none is not filed under a body by guess."""
    terms: list[tuple[str, Body]] = []
    for body in Body.objects.filter(active=True):
        for value in (body.short_name, body.code, body.name_en, body.name_ja):
            term = _words(value)
            if len(term) >= 2 and not (value == body.code and "-" in value):
                terms.append((term, body))
    for text in texts:
        words = _words(text or "")
        found = [(len(term), body) for term, body in terms if words and _mentions(words, term)]
        if found:
            return max(found, key=lambda pair: (pair[0], -pair[1].order))[1]
    return None


def kind_for(name: str | None) -> EventKind | None:
    """ "deadline" for a name that says so (締切, 期限, deadline), else "meeting" (if the installation has them)."""
    text = _words(name or "")
    code = "deadline" if re.search(r"締切|締め切り|期限|deadline|due", text) else "meeting"
    return EventKind.objects.filter(code=code).first()
