"""The demo's international calendar: the events of the sample talk (2015) and trend briefing (2016),
and a few with dates relative to the day the demo is loaded (named as demo dates), shared by both
demo forums; each forum's presence rows and a report-back.

Events are shared facts: they are made once (the first forum's step) under stable UIDs, and a second
run, or a ``--reset`` (which removes the forums, not the installation's calendar), finds them there.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from mshub.calendar.demo_data import MAIN_PRESENCE, SAMPLE_EVENTS, TASKFORCE_PRESENCE
from mshub.calendar.models import Body, EventKind, ExternalEvent, Presence
from mshub.calendar.services import add_presence, add_report_back, create_event
from mshub.core.timezones import make_aware_in
from mshub.people.models import Person

DEMO_NOTE_JA = "デモ用の日程(デモを読み込んだ日からの相対日付)です。"
DEMO_NOTE_EN = "Demo dates, relative to the day the demo was loaded."


def relative_events(today: dt.date) -> list[tuple[str, dict[str, Any]]]:
    """A few events around ``today`` so that the lists always have something coming up."""
    day = lambda n: today + dt.timedelta(days=n)  # noqa: E731
    session = make_aware_in(dt.datetime.combine(day(20), dt.time(10, 0)), "America/New_York")
    return [
        (
            "annual-igf",
            {
                "name_ja": "IGF 年次会合(デモ日程)",
                "name_en": "Annual IGF (demo dates)",
                "body": "igf",
                "kind": "meeting",
                "precision": "days",
                "start_date": day(-33),
                "end_date": day(-29),
                "mode": "hybrid",
            },
        ),
        (
            "igf-proposals-due",
            {
                "name_ja": "IGF ワークショップ提案の締切(デモ日程)",
                "name_en": "IGF workshop proposals due (demo date)",
                "body": "igf",
                "kind": "deadline",
                "precision": "days",
                "start_date": day(10),
                "mode": "online",
            },
        ),
        (
            "oewg-session",
            {
                "name_ja": "国連OEWG 会合(デモ日程)",
                "name_en": "UN OEWG session (demo dates)",
                "body": "un-oewg",
                "kind": "meeting",
                "precision": "timed",
                "timezone": "America/New_York",
                "start": session,
                "end": session + dt.timedelta(hours=3),
                "city_ja": "ニューヨーク",
                "city_en": "New York",
                "country": "US",
                "mode": "hybrid",
            },
        ),
        (
            "apricot",
            {
                "name_ja": "APRICOT(デモ日程)",
                "name_en": "APRICOT (demo dates)",
                "body": "apricot",
                "kind": "meeting",
                "precision": "days",
                "start_date": day(60),
                "end_date": day(66),
            },
        ),
        (
            "wsis-forum",
            {
                "name_ja": "WSISフォーラム(デモ日程)",
                "name_en": "WSIS Forum (demo dates)",
                "body": "wsis",
                "kind": "meeting",
                "precision": "days",
                "start_date": day(198),
                "end_date": day(202),
                "city_ja": "ジュネーブ",
                "city_en": "Geneva",
                "country": "CH",
                "timezone": "Europe/Zurich",
            },
        ),
        (
            "next-igf",
            {
                "name_ja": "次回 IGF 年次会合(日程未定)",
                "name_en": "Next annual IGF (dates to be decided)",
                "body": "igf",
                "kind": "meeting",
                "precision": "tbd",
                "year": today.year + 1,
            },
        ),
    ]


def _sample_fields(row: tuple[Any, ...]) -> dict[str, Any]:
    _key, ja, en, body, kind, dates, city_ja, city_en, country, zone, url, _parent = row
    fields: dict[str, Any] = {
        "name_ja": ja,
        "name_en": en,
        "body": body,
        "kind": kind,
        "city_ja": city_ja,
        "city_en": city_en,
        "country": country,
        "timezone": zone,
        "url": url,
    }
    if dates[0] == "month":
        fields.update(precision="month", year=dates[1], month=dates[2])
    elif dates[0] == "tbd":
        fields.update(precision="tbd", year=dates[1])
    else:
        fields.update(precision="days", start_date=dates[0], end_date=dates[1])
    return fields


def build_events() -> dict[str, ExternalEvent]:
    """The demo's shared events by key, made if missing (``demo-<key>@mshub`` UIDs), through no forum:
    they are the installation's, and no forum's activity log shows them as its own work."""
    bodies = {b.code: b for b in Body.objects.all()}
    kinds = {k.code: k for k in EventKind.objects.all()}
    existing = {e.uid: e for e in ExternalEvent.objects.filter(uid__startswith="demo-")}
    events: dict[str, ExternalEvent] = {}
    relative = relative_events(timezone.localdate())
    rows = [(row[0], _sample_fields(row), row[11]) for row in SAMPLE_EVENTS]
    rows += [
        (key, {**fields, "description_ja": DEMO_NOTE_JA, "description_en": DEMO_NOTE_EN}, "")
        for key, fields in relative
    ]
    for key, fields, parent in rows:
        uid = f"demo-{key}@mshub"
        if uid in existing:
            events[key] = existing[uid]
            continue
        fields = {**fields, "body": bodies.get(fields.get("body", "")), "kind": kinds.get(fields.get("kind", ""))}
        if parent:
            fields["parent"] = events[parent]
        events[key] = create_event(None, message="demo", uid=uid, **fields)
    return events


def build_calendar(demo: Any) -> None:
    """The calendar's demo step: the shared events (once), then this forum's presence and report-back."""
    events = build_events()
    if Presence.objects.filter(forum=demo.forum).exists():
        return
    people = list(Person.objects.filter(forum=demo.forum).order_by("pk"))
    table = MAIN_PRESENCE if demo.is_main else TASKFORCE_PRESENCE
    for key, index, role in table:
        if index < len(people):
            add_presence(demo.forum, events[key], people[index], demo.secretariat, role=role)
    if demo.is_main:
        from mshub.meetings.models import Meeting

        report_back = Meeting.objects.filter(forum=demo.forum, title_en="Report-back on the annual IGF").first()
        if report_back is not None:
            add_report_back(demo.forum, events["annual-igf"], demo.secretariat, meeting=report_back)
