"""Kinds of record and real rows for the topic-trend tests: meetings, agenda items, shared events and
consultations registered as the areas above topics will register them (the registry is restored after
each test), created through the areas' services and tagged through topics.services."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import pytest

from mshub.calendar.models import ExternalEvent
from mshub.calendar.services import create_event
from mshub.consultations.models import Consultation
from mshub.consultations.services import create_consultation
from mshub.core.models import Forum
from mshub.meetings.models import AgendaItem, Meeting, MeetingSeries
from mshub.meetings.services.agenda import add_item
from mshub.meetings.services.meetings import create_meeting
from mshub.topics import registry, services
from mshub.topics.models import Topic

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
UTC = dt.UTC


@pytest.fixture
def kinds(monkeypatch: pytest.MonkeyPatch) -> list[registry.Taggable]:
    # these four kinds only (the areas' own registrations add interventions): restored after the test
    monkeypatch.setattr(registry, "_REGISTRY", {})
    return [
        registry.register("meetings.Meeting", kind="meeting", label="Meetings", date_path="start",
                          permission="meetings.change_meeting", order=10),
        registry.register("meetings.AgendaItem", kind="agenda-item", label="Agenda items",
                          date_path="meeting__start", permission="meetings.change_meeting", order=20),
        registry.register("calendar.ExternalEvent", kind="event", label="Events", date_path="first_day",
                          permission="calendar.change_event", order=30),
        registry.register("consultations.Consultation", kind="consultation", label="Consultations",
                          date_path="closes", permission="consultations.change_consultation", order=40),
    ]  # fmt: skip


def topic(forum: Forum, code: str) -> Topic:
    return Topic.objects.get(forum=forum, code=code)


def tag(forum: Forum, obj: Any, *codes: str) -> Any:
    services.tag(forum, obj, [topic(forum, c) for c in codes], None)
    return obj


def series(forum: Forum) -> MeetingSeries:
    found, _created = MeetingSeries.objects.get_or_create(
        forum=forum, slug="regular", defaults={"name_ja": "定例会合", "name_en": "Regular meeting"}
    )
    return found


def meeting(forum: Forum, start: dt.datetime, title: str = "会合") -> Meeting:
    """A meeting starting at ``start`` (aware, or naive in the series' zone)."""
    return create_meeting(series(forum), start=start, end=start + dt.timedelta(hours=2), title_ja=title, log=False)


def item(of: Meeting, title: str = "議題") -> AgendaItem:
    return add_item(of, title_ja=title, title_en=title)


def event(first: dt.date | None, name: str = "IGF") -> ExternalEvent:
    if first is None:
        return create_event(None, name_en=name, precision="tbd")
    return create_event(None, name_en=name, precision="days", start_date=first, end_date=first)


def consultation(closes: dt.datetime, title: str = "Call for comments") -> Consultation:
    return create_consultation(
        None, title_en=title, opens=closes - dt.timedelta(days=30), closes=closes, timezone="UTC"
    )
