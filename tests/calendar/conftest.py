"""Shared events for the calendar's tests, made through the services as a secretariat would."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mshub.calendar.models import Body, EventKind, ExternalEvent
from mshub.calendar.services import create_event
from mshub.core.models import Forum
from mshub.core.timezones import make_aware_in


def body(code: str) -> Body:
    return Body.objects.get(code=code)


def kind(code: str) -> EventKind:
    return EventKind.objects.get(code=code)


def days_event(forum: Forum, name: str, first: dt.date, last: dt.date | None = None, **fields: Any) -> ExternalEvent:
    return create_event(
        forum,
        name_en=name,
        name_ja=fields.pop("name_ja", name),
        precision="days",
        start_date=first,
        end_date=last,
        **fields,
    )


def timed_event(
    forum: Forum, name: str, start: dt.datetime, end: dt.datetime, zone: str, **fields: Any
) -> ExternalEvent:
    """``start`` and ``end`` as wall-clock times in ``zone``."""
    return create_event(
        forum,
        name_en=name,
        precision="timed",
        timezone=zone,
        start=make_aware_in(start, zone),
        end=make_aware_in(end, zone),
        **fields,
    )


@pytest.fixture
def igf2015(forum: Forum) -> ExternalEvent:
    return days_event(
        forum,
        "IGF 2015",
        dt.date(2015, 11, 10),
        dt.date(2015, 11, 13),
        name_ja="IGF 2015 (第10回)",
        body=body("igf"),
        kind=kind("meeting"),
        city_en="João Pessoa",
        country="BR",
        timezone="America/Fortaleza",
        url="https://www.intgovforum.org/",
    )
