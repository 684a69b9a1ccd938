"""Participation and presenter statistics by stakeholder group, as NRIs report them to the global IGF.

Participants are confirmed registrations that attended: on-site ones checked in at the door, remote
ones checked in if any were, otherwise all confirmed remote registrations. A meeting without any
attending registration (an imported report, a meeting counted by hand) counts the participants its
report gives (``reported_onsite`` / ``reported_remote``); each row says which ``source`` it used, and a
reported count has no breakdown by group or gender.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Min, QuerySet

from mshub.meetings.models import AttendanceMode, Meeting, Presenter, Registration, RegistrationStatus
from mshub.people.models import Affiliation, Gender, StakeholderGroup


@dataclass
class MeetingStats:
    meeting: Meeting
    onsite: int = 0
    remote: int = 0
    by_group: Counter[str] = field(default_factory=Counter)
    by_igf_category: Counter[str] = field(default_factory=Counter)
    by_gender: Counter[str] = field(default_factory=Counter)
    first_time: int = 0
    source: str = "registrations"  # or "reported": the counts the meeting's report gives

    @property
    def total(self) -> int:
        return self.onsite + self.remote

    @property
    def as_reported(self) -> bool:
        """Counted from the numbers the report gives, not from registrations in mshub."""
        return self.source == "reported"


def attendees(meetings: QuerySet[Meeting]) -> QuerySet[Registration]:
    return Registration.objects.filter(meeting__in=meetings, status=RegistrationStatus.CONFIRMED).select_related(
        "stakeholder_group", "gender"
    )


def meeting_stats(meetings: QuerySet[Meeting]) -> list[MeetingStats]:
    """One row per meeting, in date order, in a fixed number of queries."""
    meetings = meetings.select_related("series", "forum").order_by("start")
    rows = list(attendees(meetings))
    remote_checked = {r.meeting_id for r in rows if r.mode == AttendanceMode.REMOTE and r.checked_in_at}
    forum_ids = {m.forum_id for m in meetings}
    first_seen = dict(
        Registration.objects.filter(meeting__forum__in=forum_ids, status=RegistrationStatus.CONFIRMED)
        .values_list("email")
        .annotate(first=Min("meeting__start"))
    )
    stats = {m.pk: MeetingStats(m) for m in meetings}
    for r in rows:
        came = (
            r.checked_in_at is not None if (r.mode == AttendanceMode.ONSITE or r.meeting_id in remote_checked) else True
        )
        if not came:
            continue
        s = stats[r.meeting_id]
        if r.mode == AttendanceMode.ONSITE:
            s.onsite += 1
        else:
            s.remote += 1
        s.by_group[r.stakeholder_group.code] += 1
        s.by_igf_category[r.stakeholder_group.igf_category or "Other"] += 1
        s.by_gender[r.gender.code if r.gender else "undisclosed"] += 1
        if not r.email or first_seen.get(r.email) == s.meeting.start:  # walk-ins without email count as new
            s.first_time += 1
    for s in stats.values():
        m = s.meeting
        if not s.total and (m.reported_onsite is not None or m.reported_remote is not None):
            s.onsite, s.remote, s.source = m.reported_onsite or 0, m.reported_remote or 0, "reported"
    return list(stats.values())


def yearly(rows: list[MeetingStats]) -> dict[int, MeetingStats]:
    out: dict[int, MeetingStats] = {}
    for row in rows:
        year = row.meeting.local_start.year
        agg = out.setdefault(year, MeetingStats(row.meeting))
        agg.onsite += row.onsite
        agg.remote += row.remote
        agg.by_group.update(row.by_group)
        agg.by_igf_category.update(row.by_igf_category)
        agg.by_gender.update(row.by_gender)
        agg.first_time += row.first_time
    return out


UNCLASSIFIED = "to_classify"


def presenters_by_group(meetings: QuerySet[Meeting]) -> dict[int, Counter[str]]:
    """Per year, presenters counted by the stakeholder group of their organisation at the meeting date;
    an organisation not classified yet (e.g. created by an archive import) counts as ``UNCLASSIFIED``."""
    presenters = Presenter.objects.filter(item__meeting__in=meetings).select_related("item__meeting")
    person_ids = {p.person_id for p in presenters}
    affiliations: dict[int, list[Affiliation]] = defaultdict(list)
    for a in Affiliation.objects.filter(person_id__in=person_ids).select_related("organization__stakeholder_group"):
        affiliations[a.person_id].append(a)
    out: dict[int, Counter[str]] = defaultdict(Counter)
    for p in presenters:
        day = p.item.meeting.local_date
        held = sorted(
            (a for a in affiliations[p.person_id] if a.holds_on(day)),
            key=lambda a: (not a.is_primary, -(a.start.toordinal() if a.start else 0)),
        )
        group = "unknown"
        if held:
            classified = held[0].organization.stakeholder_group
            group = classified.code if classified else UNCLASSIFIED
        out[day.year][group] += 1
    return dict(out)


def vocabulary(forum: Any) -> dict[str, Any]:
    return {
        "groups": list(StakeholderGroup.objects.filter(forum=forum)),
        "genders": list(Gender.objects.filter(forum=forum)),
    }


IGF_CATEGORIES = [
    "Government",
    "Civil Society",
    "Private Sector",
    "Technical Community",
    "Intergovernmental Organizations",
    "Press/Media",
]


def csv_rows(rows: list[MeetingStats], genders: list[Gender]) -> list[list[Any]]:
    """The shape an NRI reports to the global IGF: one line per meeting."""
    header = ["series", "meeting", "date", "source", "total", "onsite", "remote", *IGF_CATEGORIES, "Other"]
    genders = [g for g in genders if g.code != "undisclosed"]
    header += [f"gender:{g.code}" for g in genders] + ["gender:undisclosed", "first_time"]
    out: list[list[Any]] = [header]
    for r in rows:
        other = sum(n for k, n in r.by_igf_category.items() if k not in IGF_CATEGORIES)
        line: list[Any] = [r.meeting.series.name, str(r.meeting), r.meeting.local_date.isoformat(), r.source]
        line += [r.total, r.onsite, r.remote]
        line += [r.by_igf_category.get(c, 0) for c in IGF_CATEGORIES] + [other]
        line += [r.by_gender.get(g.code, 0) for g in genders]
        line += [r.by_gender.get("undisclosed", 0), r.first_time]
        out.append(line)
    return out
