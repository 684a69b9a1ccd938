"""The data the benchmarks serve: a meeting of N agenda items, a long run of past meetings, the demo around them.

``build_forum()`` is the realistic forum of ``bench/load.py`` (and of tests/test_bench_forum.py, which
checks the promised sizes): the demo community (``loaddemo``), plus, in its national forum, a plenary
with 200 agenda items (each with a presenter whose affiliation is looked up for the meeting date),
400 interventions and 200 registrations, held and its report published, and a study-group series of
300 past meetings with their reports. ``large_meeting()`` is also the meeting of ``bench/meetings.py``.

Builders only: nothing here measures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

ITEMS, REGISTRATIONS, INTERVENTIONS, PAST_MEETINGS = 200, 200, 400, 300
PLENARY, STUDY = "plenary", "study"


@dataclass(frozen=True)
class Page:
    name: str  # what the table calls it
    path: str


def large_meeting(
    series: Any,
    presenters: list[Any],
    *,
    start: dt.datetime,
    items: int = ITEMS,
    registrations: int = REGISTRATIONS,
    interventions: int = INTERVENTIONS,
    publish: bool = False,
) -> Any:
    """A meeting of ``items`` agenda items (one presenter each, in turn from ``presenters``), ``interventions``
    Q/A/C entries spread over the items, and ``registrations`` registrations (one in four remote).

    The rows are bulk-created (a second for 200 items and 200 registrations). ``publish``: the meeting
    (which must have started by now) is then marked as held, the on-site registrants checked in, and
    its report published, the PDF queued like any published report's.
    """
    from mshub.meetings.models import AgendaItem, AttendanceMode, Intervention, Presenter, Registration
    from mshub.meetings.services.meetings import change_status, create_meeting
    from mshub.meetings.services.publishing import publish_report
    from mshub.people.models import StakeholderGroup

    meeting = create_meeting(series, start=start, end=start + dt.timedelta(hours=8), venue_ja="会議室")
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, position=n + 1, title_ja=f"議題 {n + 1}: インターネットガバナンスの動向")
        for n in range(items)
    )
    agenda = list(meeting.agenda_items.order_by("position"))
    Presenter.objects.bulk_create(
        Presenter(item=item, person=presenters[n % len(presenters)]) for n, item in enumerate(agenda)
    )
    Intervention.objects.bulk_create(
        Intervention(item=item, position=k, kind="QAC"[k % 3], text_ja="発言の内容です。" * 8)
        for n, item in enumerate(agenda)
        for k in range(interventions // items + (n < interventions % items))
    )
    meeting = change_status(meeting, "announced")
    groups = list(StakeholderGroup.objects.filter(forum=series.forum).order_by("pk"))
    Registration.objects.bulk_create(
        Registration(
            meeting=meeting,
            name=f"参加者{n}",
            email=f"p{n}@example.org",
            mode=AttendanceMode.ONSITE if n % 4 else AttendanceMode.REMOTE,
            stakeholder_group=groups[n % len(groups)],
            checked_in_at=meeting.start if publish and n % 4 else None,
        )
        for n in range(registrations)
    )
    if publish:
        change_status(meeting, "held")
        publish_report(meeting)
    return meeting


def past_meetings(series: Any, count: int = PAST_MEETINGS, items: int = 3) -> list[Any]:
    """``count`` weekly meetings before the last month, each held with ``items`` agenda items and a
    published one-paragraph report (bulk-created: a second or two)."""
    from django.utils import timezone

    from mshub.meetings.models import AgendaItem, Meeting, MeetingStatus, ReportVersion

    last = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0) - dt.timedelta(days=30)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            forum=series.forum,
            series=series,
            number=n + 1,
            title_ja=f"第{n + 1}回 勉強会",
            start=last - dt.timedelta(weeks=count - n),
            end=last - dt.timedelta(weeks=count - n) + dt.timedelta(hours=2),
            timezone=series.timezone,
            venue_ja="オンライン",
            status=MeetingStatus.REPORT_PUBLISHED,
        )
        for n in range(count)
    )
    meetings = list(Meeting.objects.filter(series=series).order_by("number"))  # with keys on every database
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=m, position=k + 1, title_ja=f"話題 {k + 1}") for m in meetings for k in range(items)
    )
    ReportVersion.objects.bulk_create(
        ReportVersion(
            meeting=m,
            version=1,
            language="ja",
            html=f"<h1>第{m.number}回 勉強会 報告</h1><p>{'議論の概要です。' * 20}</p>",
            markdown=f"# 第{m.number}回 勉強会 報告\n\n{'議論の概要です。' * 20}\n",
        )
        for m in meetings
    )
    return meetings


def build_forum(
    items: int = ITEMS,
    registrations: int = REGISTRATIONS,
    interventions: int = INTERVENTIONS,
    past: int = PAST_MEETINGS,
) -> list[Page]:
    """The demo, the large plenary and the study group's past meetings; the public pages to drive."""
    from django.db import transaction
    from django.utils import timezone

    from mshub.core.demo import MAIN, build_demo
    from mshub.core.models import Forum
    from mshub.meetings.models import Meeting, MeetingSeries
    from mshub.people.models import Person

    build_demo()
    forum = Forum.objects.get(slug=MAIN)
    with transaction.atomic():
        plenary = MeetingSeries.objects.create(forum=forum, slug=PLENARY, name_ja="年次総会", name_en="Annual plenary")
        study = MeetingSeries.objects.create(forum=forum, slug=STUDY, name_ja="勉強会", name_en="Study group", order=2)
        people = list(Person.objects.filter(forum=forum, affiliations__isnull=False).distinct().order_by("pk"))
        start = timezone.now().replace(hour=1, minute=0, second=0, microsecond=0) - dt.timedelta(days=10)
        big = large_meeting(
            plenary,
            people,
            start=start,
            items=items,
            registrations=registrations,
            interventions=interventions,
            publish=True,
        )
        past_meetings(study, past)
    demo = Meeting.objects.filter(series__forum=forum, series__slug="regular", start__gte=timezone.now())
    upcoming = demo.order_by("start").first()
    assert upcoming is not None, "the demo has an upcoming regular meeting"
    at, meeting_of = big.get_absolute_url(), upcoming.get_absolute_url()
    return [
        Page("forum home", forum.get_absolute_url()),
        Page("meetings", f"/{MAIN}/meetings/"),
        Page(f"series ({past} meetings)", study.get_absolute_url()),
        Page("meeting (demo)", meeting_of),
        Page(f"meeting ({items} items)", at),
        Page(f"report ({items} items)", f"{at}report/"),
        Page(f"report PDF ({items} items)", f"{at}report.pdf"),
        Page("meeting .ics", f"{at}meeting.ics"),
        Page(f"series .ics ({past})", f"{study.get_absolute_url()}calendar.ics"),
        Page("forum .ics", f"/{MAIN}/meetings/calendar.ics"),
        Page("reports Atom", f"/{MAIN}/meetings/reports.atom"),
        Page("API meetings", f"/api/v1/{MAIN}/meetings/"),
        Page("API organisations", f"/api/v1/{MAIN}/organizations/"),
    ]


@dataclass(frozen=True)
class Grown:
    """The sizes ``scale_up`` added (for the benchmark's heading)."""

    persons: int
    affiliations: int
    registrations: int
    interventions: int
    activity: int
    documents: int
    upcoming: str  # the announced meeting of ``ITEMS`` items, open for registration


def scale_up(scale: int) -> Grown:
    """Grow the forum of ``build_forum`` (built with ``past = PAST_MEETINGS * scale``) towards years of use:
    ``500 × scale`` people with two affiliations each (one ended); for every past meeting 20
    registrations, and a presenter and two Q/A/C entries per agenda item; an announced plenary open
    for registration (200 items presented by the new people, ``200 × scale`` registrations,
    ``100 × scale`` seats); ``5,000 × scale`` activity entries and ``100 × scale`` archive documents.
    Bulk-created; the page cache is told once at the end.
    """
    import hashlib

    from django.db import transaction
    from django.utils import timezone

    from mshub.archive.models import ArchiveDocument
    from mshub.core.demo import MAIN
    from mshub.core.models import ActivityEntry, Forum
    from mshub.core.pagecache import forum_changed
    from mshub.meetings.models import AgendaItem, Intervention, Meeting, MeetingSeries, Presenter, Registration
    from mshub.people.models import Affiliation, Organization, Person, StakeholderGroup

    forum = Forum.objects.get(slug=MAIN)
    groups = list(StakeholderGroup.objects.filter(forum=forum).order_by("pk"))
    with transaction.atomic():
        orgs = Organization.objects.bulk_create(
            Organization(forum=forum, name_ja=f"団体{n}", name_en=f"Organisation {n}", stakeholder_group=groups[n % 5])
            for n in range(50 * scale)
        )
        people = Person.objects.bulk_create(
            Person(
                forum=forum,
                family_name_ja=f"姓{n}",
                given_name_ja="名",
                family_name_latin=f"Family{n}",
                given_name_latin="Given",
                email=f"person{n}@example.org",
            )
            for n in range(500 * scale)
        )
        people = list(Person.objects.filter(forum=forum, email__startswith="person").order_by("pk"))
        ended, current = dt.date(2015, 4, 1), dt.date(2020, 4, 1)
        Affiliation.objects.bulk_create(
            Affiliation(person=p, organization=orgs[(n + k) % len(orgs)], start=ended if k else current)
            for n, p in enumerate(people)
            for k in range(2)
        )
        Affiliation.objects.filter(person__in=people, start=ended).update(end=current - dt.timedelta(days=1))
        plenary = MeetingSeries.objects.get(forum=forum, slug=PLENARY)
        start = timezone.now().replace(hour=1, minute=0, second=0, microsecond=0) + dt.timedelta(days=30)
        upcoming = large_meeting(plenary, people, start=start, registrations=200 * scale)
        Meeting.objects.filter(pk=upcoming.pk).update(capacity=100 * scale)
        past = list(Meeting.objects.filter(series__forum=forum, series__slug=STUDY).order_by("pk"))
        Registration.objects.bulk_create(
            Registration(
                meeting=m,
                name=f"参加者{k}",
                email=f"s{k}@example.org",
                mode="onsite" if k % 4 else "remote",
                stakeholder_group=groups[k % len(groups)],
                person=people[(m.pk + k) % len(people)],
                checked_in_at=m.start if k % 4 else None,
            )
            for m in past
            for k in range(20)
        )
        items = list(AgendaItem.objects.filter(meeting__in=past))
        Presenter.objects.bulk_create(
            Presenter(item=item, person=people[n % len(people)]) for n, item in enumerate(items)
        )
        Intervention.objects.bulk_create(
            Intervention(item=item, position=k, kind="QAC"[k % 3], text_ja="発言の内容です。" * 4)
            for item in items
            for k in range(2)
        )
        ActivityEntry.objects.bulk_create(
            ActivityEntry(forum=forum, verb="meeting.updated", target_id=str(past[n % len(past)].pk), summary="…")
            for n in range(5000 * scale)
        )
        ArchiveDocument.objects.bulk_create(
            ArchiveDocument(
                forum=forum,
                sha256=hashlib.sha256(f"doc{n}".encode()).hexdigest(),
                name=f"minutes-{n}.pdf",
                kind="pdf",
                genre="minutes",
                text="議事録の本文です。" * 200,
                meeting=past[n % len(past)],
            )
            for n in range(100 * scale)
        )
    forum_changed(forum)
    return Grown(
        persons=len(people),
        affiliations=2 * len(people),
        registrations=20 * len(past) + 200 * scale,
        interventions=2 * len(items),
        activity=5000 * scale,
        documents=100 * scale,
        upcoming=upcoming.get_absolute_url(),
    )
