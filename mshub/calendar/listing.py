"""What the calendar's lists read: the filters (GET parameters), the month grid and the timeline.

Every list reads its events in one query with their body and kind (``ExternalEvent.objects.listed``)
and links them through one ``reverse()`` (``url_for_each``): the number of queries stays the same
however many events there are.
"""

from __future__ import annotations

import calendar as stdcal
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from mshub.calendar.models import Body, EventKind, ExternalEvent
from mshub.calendar.models.events import ExternalEventQuerySet
from mshub.core.pages import url_for_each
from mshub.topics.forms import TopicField
from mshub.topics.tagging import with_topic

FILTERS = ("body", "kind", "country", "year", "topic")


class EventFilterForm(forms.Form):
    """``?body=igf&kind=meeting&country=BR&year=2015&topic=dns``: codes, so that a filtered address stays
    valid. The topic is one of the forum's (``forum``): events it tagged with it or a topic under it."""

    body = forms.ModelChoiceField(
        queryset=Body.objects.all(), to_field_name="code", required=False, label=_("Body"), empty_label=_("any")
    )
    kind = forms.ModelChoiceField(
        queryset=EventKind.objects.all(), to_field_name="code", required=False, label=_("Kind"), empty_label=_("any")
    )
    country = forms.ChoiceField(required=False, label=_("Country"))
    year = forms.IntegerField(required=False, min_value=1900, max_value=2200, label=_("Year"))

    def __init__(self, *args: Any, year: bool = True, forum: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if forum is not None:
            self.fields["topic"] = TopicField(forum)
        used = set(ExternalEvent.objects.exclude(country="").values_list("country", flat=True).distinct())
        choices = [("", _("any")), *((code, name) for code, name in countries if code in used)]
        self.fields["country"].choices = choices  # type: ignore[attr-defined]
        if not year:
            del self.fields["year"]

    def chosen(self) -> dict[str, Any]:
        """The valid filters given (an invalid one is ignored: the form shows why)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in self.fields if data.get(name) not in (None, "")}

    def query_string(self, leave_out: tuple[str, ...] = ()) -> str:
        """The valid filters as a query string (for the .ics link and the other views)."""
        chosen = self.chosen()
        return urlencode(
            {name: getattr(value, "code", value) for name, value in chosen.items() if name not in leave_out}
        )


def filtered(queryset: ExternalEventQuerySet, chosen: dict[str, Any], forum: Any = None) -> ExternalEventQuerySet:
    if "body" in chosen:
        queryset = queryset.filter(body=chosen["body"])
    if "kind" in chosen:
        queryset = queryset.filter(kind=chosen["kind"])
    if "country" in chosen:
        queryset = queryset.filter(country=chosen["country"])
    if "year" in chosen:
        queryset = queryset.in_year(chosen["year"])
    if "topic" in chosen and forum is not None:
        queryset = with_topic(queryset, forum, chosen["topic"])
    return queryset


def linked(events: Iterable[ExternalEvent], forum: Any) -> list[ExternalEvent]:
    """The events, each with ``link`` (its page under ``forum``), from one ``reverse()``."""
    url = url_for_each("calendar:event", {"forum": forum.slug})
    rows = list(events)
    for event in rows:
        event.link = url(event.pk)  # type: ignore[attr-defined]
    return rows


# ---- the month ------------------------------------------------------------------------------


@dataclass
class Day:
    date: dt.date
    in_month: bool
    events: list[ExternalEvent] = field(default_factory=list)


@dataclass
class Month:
    year: int
    month: int
    weeks: list[list[Day]]
    events: list[ExternalEvent]  # every event with a day in the month, in order
    month_only: list[ExternalEvent]  # those known only to be in this month

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def previous(self) -> dt.date:
        return (self.first - dt.timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> dt.date:
        return (self.first + dt.timedelta(days=31)).replace(day=1)


def month_grid(queryset: ExternalEventQuerySet, year: int, month: int, forum: Any) -> Month:
    """The weeks (Monday first) of ``year``-``month``, each day with the events on it."""
    weeks_of_dates = stdcal.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = dt.date(year, month, 1), dt.date(year, month, stdcal.monthrange(year, month)[1])
    events = linked(queryset.between(first, last).listed().chronological(), forum)
    month_only = [e for e in events if e.is_month_only]
    dated = [e for e in events if not e.is_month_only and e.first_day and e.last_day]
    weeks = []
    for week in weeks_of_dates:
        days = []
        for day in week:
            on_day = [e for e in dated if e.first_day <= day <= e.last_day] if first <= day <= last else []  # type: ignore[operator]
            days.append(Day(day, first <= day <= last, on_day))
        weeks.append(days)
    return Month(year, month, weeks, [e for e in events if not e.is_month_only], month_only)


# ---- the year and the timeline --------------------------------------------------------------


@dataclass
class MonthGroup:
    month: dt.date | None  # None: the date is to be decided
    events: list[ExternalEvent]
    url: str = ""  # the month's page


def by_month(events: Iterable[ExternalEvent], year: int) -> list[MonthGroup]:
    """The year's events under the month they start in (an event begun the year before: January);
    those to be decided last."""
    groups: dict[dt.date | None, list[ExternalEvent]] = {}
    for event in events:
        key = None if event.first_day is None else max(event.first_day, dt.date(year, 1, 1)).replace(day=1)
        groups.setdefault(key, []).append(event)
    dated = sorted((k for k in groups if k is not None), key=lambda d: d)
    result = [MonthGroup(k, groups[k]) for k in dated]
    if None in groups:
        result.append(MonthGroup(None, groups[None]))
    return result


@dataclass
class YearGroup:
    year: int
    events: list[ExternalEvent]


def by_year(events: Iterable[ExternalEvent]) -> list[YearGroup]:
    """Past events under the year they started in, the latest year first (events in order within it)."""
    groups: dict[int, list[ExternalEvent]] = {}
    for event in events:
        year = event.first_day.year if event.first_day else event.year
        if year is not None:
            groups.setdefault(year, []).append(event)
    return [YearGroup(year, groups[year]) for year in sorted(groups, reverse=True)]


def undecided(queryset: ExternalEventQuerySet, today: dt.date) -> ExternalEventQuerySet:
    """Events whose date is to be decided, for this year, a later one or none."""
    return queryset.filter(first_day=None).filter(Q(year__isnull=True) | Q(year__gte=today.year))
