"""Repeating events in an imported .ics (RRULE, EXDATE, RECURRENCE-ID): their occurrences as events.

The calendar holds occurrences, not rules: a weekly call becomes one event per week, each with its
own UID (the series' UID, ``/``, the occurrence's start: ``weekly@google.com/20261127T130000Z``, or
``…/20261127`` for whole days), so that a refresh finds each again and a moved or cancelled one
(a RECURRENCE-ID override, an EXDATE) changes only that occurrence.

- Only the occurrences inside a window are made: from ``PAST_DAYS`` before the import to
  ``FUTURE_DAYS`` after it, at most ``MAX_OCCURRENCES`` a series (an endless rule stops there). A
  series wholly before the window keeps its first occurrence, so that it is not lost.
- Occurrences repeat the first one's wall-clock time in its zone (a 10:00 call in New York stays at
  10:00 across the change to daylight time), and its length.
- An override (a VEVENT with the series' UID and a RECURRENCE-ID) replaces the occurrence it names;
  an override whose occurrence is outside the window or not in the rule is imported as it is.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateutil.rrule import rruleset, rrulestr

PAST_DAYS = 180
FUTURE_DAYS = 400
MAX_OCCURRENCES = 60
UID_LIMIT = 255


def stamp(value: dt.date | dt.datetime) -> str:
    """An occurrence's key in its UID and in RECURRENCE-ID matching: the UTC instant, or the day."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.strftime("%Y%m%dT%H%M%S")
        return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def occurrence_uid(uid: str, start: dt.date | dt.datetime) -> str:
    suffix = "/" + stamp(start)
    return uid[: UID_LIMIT - len(suffix)] + suffix


class RuleError(ValueError):
    """The rule cannot be expanded (dateutil refuses it); the first occurrence is imported alone."""


def _rule_set(component: Any, start: dt.date | dt.datetime) -> rruleset:
    """The rule and its exceptions, expanded from ``start`` (its wall-clock time and zone)."""
    rules = component.get("rrule")
    first = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())
    found = rruleset()
    try:
        for rule in rules if isinstance(rules, list) else [rules]:
            found.rrule(rrulestr(rule.to_ical().decode(), dtstart=first))
        exdates = component.get("exdate")
        for group in exdates if isinstance(exdates, list) else [exdates] if exdates is not None else []:
            for value in group.dts:
                day = value.dt
                found.exdate(day if isinstance(day, dt.datetime) else dt.datetime.combine(day, dt.time()))
    except (ValueError, TypeError, AttributeError, OverflowError) as exc:
        raise RuleError(str(exc)) from exc
    return found


def occurrences(component: Any, now: dt.datetime) -> list[dt.date | dt.datetime]:
    """The starts of a repeating event's occurrences inside the window around ``now`` (see above);
    ``RuleError`` for a rule that cannot be expanded."""
    start = component.get("dtstart").dt
    timed = isinstance(start, dt.datetime)
    rules = _rule_set(component, start)
    low, high = now - dt.timedelta(days=PAST_DAYS), now + dt.timedelta(days=FUTURE_DAYS)
    if not timed or start.tzinfo is None:  # whole days, or floating times: compared as wall-clock
        low, high = low.replace(tzinfo=None), high.replace(tzinfo=None)
    found: list[dt.date | dt.datetime] = []
    try:
        for value in rules.xafter(low, inc=True):
            if value > high or len(found) >= MAX_OCCURRENCES:
                break
            found.append(value if timed else value.date())
    except (ValueError, TypeError, OverflowError) as exc:
        raise RuleError(str(exc)) from exc
    return found or [start]  # a series wholly outside the window: its first occurrence
