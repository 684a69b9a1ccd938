"""The work plan as one timeline by month: the group's milestones, the international events and
consultation deadlines they aim at, and the other events and deadlines of the same months.

Three queries whatever the plan's size: the milestones with their targets, the events of the span,
the consultations closing in it. The span runs from the first milestone's month to the last
milestone's or target's month, at most ``MAX_MONTHS`` months.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from mshub.calendar.models import ExternalEvent
from mshub.consultations.models import Consultation
from mshub.core.timezones import in_zone
from mshub.workinggroups.models import Milestone, WorkingGroup

MAX_MONTHS = 48


@dataclass
class Entry:
    """One line of a month: a milestone, an event or a consultation deadline."""

    kind: str  # "milestone", "event", "deadline"
    day: dt.date
    month_only: bool
    obj: Any
    aimed_at: bool = False  # an event or deadline a milestone of the plan aims at

    @property
    def sort_key(self) -> tuple[Any, ...]:
        return (self.day, 0 if self.kind == "milestone" else 1, self.obj.pk)


@dataclass
class Month:
    start: dt.date
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Plan:
    group: WorkingGroup
    milestones: list[Milestone]
    months: list[Month]

    @property
    def slipped(self) -> list[Milestone]:
        return [m for m in self.milestones if m.is_slipped]


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def milestones_of(group: WorkingGroup, forum: Any) -> list[Milestone]:
    """The group's milestones with their targets read through ``forum`` (links under it), one query."""
    rows = list(
        Milestone.objects.filter(group=group, forum=forum)
        .select_related("target_event", "target_consultation")
        .order_by("month", "day", "pk")
    )
    for row in rows:
        row.group = group  # urls without a query
        targets: list[Any] = [row.target_event, row.target_consultation]
        for target in targets:
            if target is not None:
                target.forum_slug = forum.slug
    rows.sort(key=lambda m: (m.when, m.pk))
    return rows


def build_plan(group: WorkingGroup, forum: Any) -> Plan:
    milestones = milestones_of(group, forum)
    if not milestones:
        return Plan(group, milestones, [])
    days = [m.when for m in milestones] + [d for d in (m.target_day for m in milestones) if d is not None]
    first = min(m.month_start for m in milestones)
    last = max(days)
    limit = first
    for _i in range(MAX_MONTHS - 1):
        limit = _next_month(limit)
    last = min(last, _next_month(limit) - dt.timedelta(days=1))
    end = _next_month(last.replace(day=1)) - dt.timedelta(days=1)
    aimed_events = {m.target_event_id for m in milestones if m.target_event_id}
    aimed_consultations = {m.target_consultation_id for m in milestones if m.target_consultation_id}
    months: dict[dt.date, Month] = {}
    cursor = first
    while cursor <= end:
        months[cursor] = Month(cursor)
        cursor = _next_month(cursor)

    def put(entry: Entry) -> None:
        month = months.get(entry.day.replace(day=1))
        if month is not None:
            month.entries.append(entry)

    for milestone in milestones:
        put(Entry("milestone", milestone.when, milestone.is_month_only, milestone))
    events = (
        ExternalEvent.objects.shown_in(forum)
        .listed()
        .top_level()
        .between(first, end)
        .exclude(first_day=None)
        .chronological()
    )
    for event in events:
        assert event.first_day is not None
        put(Entry("event", max(event.first_day, first), event.is_month_only, event, event.pk in aimed_events))
    for consultation in Consultation.objects.shown_in(forum).filter(
        closes__date__gte=first - dt.timedelta(days=1), closes__date__lte=end + dt.timedelta(days=1)
    ):
        day = in_zone(consultation.closes, consultation.timezone).date()
        if first <= day <= end:
            put(Entry("deadline", day, False, consultation, consultation.pk in aimed_consultations))
    for month in months.values():
        month.entries.sort(key=lambda e: e.sort_key)
    return Plan(group, milestones, list(months.values()))
