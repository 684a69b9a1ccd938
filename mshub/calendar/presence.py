"""Who from a forum's community was at an event, with their affiliation "as at the time", and the
per-year table of events × stakeholder groups that shows where the community was and was not.

Both read values in one query: each presence row comes with every affiliation of the person that
held on the event's first day (``held_on``), the best first (``best_first_order``); the first counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from django.db import models
from django.db.models import F

from mshub.calendar.models import ExternalEvent, Presence, PresenceRole
from mshub.core.i18n import current_language
from mshub.core.pages import url_for_each
from mshub.people.models import Person, StakeholderGroup, best_first_order, held_on

# Where a person with no affiliation on the day is counted in the table.
UNKNOWN = "unknown"


@dataclass(frozen=True)
class PresenceLine:
    pk: int
    name: str
    affiliation: str
    role: str  # the role's label
    note: str
    delete_url: str


def _affiliation_text(org_ja: str | None, org_en: str | None, department_ja: str, department_en: str, lang: str) -> str:
    if org_ja is None and org_en is None:
        return ""
    org = (org_en or org_ja) if lang == "en" else (org_ja or org_en)
    department = (department_en or department_ja) if lang == "en" else (department_ja or department_en)
    return " ".join(part for part in (org, department) if part)


def presence_lines(forum: Any, event: ExternalEvent, language: str | None = None) -> list[PresenceLine]:
    """This forum's people at ``event``, speakers first, each with the affiliation of the event's first day."""
    lang = language or current_language()
    day = event.first_day or dt.date.today()
    held = models.FilteredRelation("person__affiliations", condition=held_on(day, "person__affiliations__"))
    rows = (
        Presence.objects.filter(forum=forum, event=event)
        .annotate(held=held)
        .order_by("pk", *best_first_order("held__"))
        .values_list(
            "pk",
            "role",
            "note",
            "affiliation_ja",
            "affiliation_en",
            *(f"person__{f}" for f in Person.NAME_FIELDS),
            "held__organization__name_ja",
            "held__organization__name_en",
            "held__department_ja",
            "held__department_en",
        )
    )
    delete_url = url_for_each("calendar:presence-delete", {"forum": forum.slug, "event": event.pk})
    order = {role: n for n, role in enumerate(PresenceRole.values)}
    found: list[tuple[int, int, PresenceLine]] = []
    seen = set()
    for pk, role, note, typed_ja, typed_en, family_ja, given_ja, family_latin, given_latin, *on_the_day in rows:
        if pk in seen:
            continue  # a less good affiliation of the same person
        seen.add(pk)
        typed = (typed_en or typed_ja) if lang == "en" else (typed_ja or typed_en)
        org_ja, org_en, department_ja, department_en = on_the_day
        affiliation = typed or _affiliation_text(org_ja, org_en, department_ja or "", department_en or "", lang)
        name = Person.display_name(family_ja, given_ja, family_latin, given_latin, lang)
        line = PresenceLine(pk, name, affiliation, str(PresenceRole(role).label), note, delete_url(pk))
        found.append((order.get(role, len(order)), pk, line))
    return [line for _order, _pk, line in sorted(found, key=lambda row: row[:2])]


@dataclass
class TableRow:
    event: ExternalEvent
    counts: list[int]  # by column
    total: int
    labels: list[str]  # the columns' headings

    @property
    def cells(self) -> list[tuple[str, int]]:
        return list(zip(self.labels, self.counts, strict=True))


@dataclass
class PresenceTable:
    year: int
    columns: list[tuple[str, str]]  # (code, label): the forum's stakeholder groups, then "unknown"
    rows: list[TableRow]
    totals: list[int]

    @property
    def total(self) -> int:
        return sum(self.totals)


def presence_table(forum: Any, year: int, events: list[ExternalEvent], unknown_label: str) -> PresenceTable:
    """``events`` (the year's, in order) × the forum's stakeholder groups: how many of the forum's people
    were at each, counted by the group of their organisation on the event's first day."""
    groups = StakeholderGroup.objects.filter(forum=forum).order_by("order", "code").only("code", "name_ja", "name_en")
    columns = [(g.code, g.name) for g in groups] + [(UNKNOWN, unknown_label)]
    index = {code: n for n, (code, _label) in enumerate(columns)}
    on_the_day = cast(Any, F("event__first_day"))  # each row's own event's day
    held = models.FilteredRelation("person__affiliations", condition=held_on(on_the_day, "person__affiliations__"))
    rows = (
        Presence.objects.filter(forum=forum, event__in=[e.pk for e in events])
        .annotate(held=held)
        .order_by("pk", *best_first_order("held__"))
        .values_list("pk", "event_id", "held__organization__stakeholder_group__code")
    )
    counts: dict[int, list[int]] = {e.pk: [0] * len(columns) for e in events}
    seen = set()
    for pk, event_id, code in rows:
        if pk in seen:
            continue
        seen.add(pk)
        counts[event_id][index.get(code or UNKNOWN, index[UNKNOWN])] += 1
    labels = [label for _code, label in columns]
    table_rows = [TableRow(e, counts[e.pk], sum(counts[e.pk]), labels) for e in events]
    totals = [sum(row.counts[n] for row in table_rows) for n in range(len(columns))]
    return PresenceTable(year, columns, table_rows, totals)
