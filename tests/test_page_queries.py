"""Every public list and detail page, and the members' ones, reads in as many queries with many rows
as with few: more meetings, agenda items, presenters, affiliations, Q/A/C entries, materials,
registrations, decisions, action items, report versions, organisations and forums.

The data is built once small (one of each, so that no list is empty and skips its query), every page
is counted, the data grows, and every page is counted again. The secretariat's planning pages have
their own test (tests/meetings/test_manage.py), as do the report's rendering (test_report.py) and the
review page of the archive (tests/archive/test_upload.py). The report's PDF is left out: it finds
its version as the Markdown does, and rendering it (no PDF is stored: publishing stores it after the
commit, which a test's transaction never reaches) takes seconds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mshub.calendar.models import Body, EventKind, ExternalEvent
from mshub.calendar.services import add_presence, add_report_back, create_event, update_event
from mshub.consultations.models import Consultation
from mshub.core.models import Forum
from mshub.meetings.models import ActionItem, Decision, Footnote, Intervention, Meeting, MeetingSeries, Presenter
from mshub.meetings.services.agenda import add_item
from mshub.meetings.services.meetings import change_status, create_meeting
from mshub.meetings.services.minutes import add_material
from mshub.meetings.services.publishing import publish_report
from mshub.meetings.services.registration import walk_in
from mshub.people.models import Organization, Person, StakeholderGroup
from mshub.topics.models import Topic
from mshub.topics.services import tag
from tests.conftest import Cast
from tests.factories import AffiliationFactory, ForumFactory, MembershipFactory, OrganizationFactory, PersonFactory

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def grow_agenda(meeting: Meeting, n: int) -> None:
    """``n`` more items, each with a presenter (registry affiliation), Q/A/C entries, a sub-item,
    a material with a file, a registration, a decision, an action item and a footnote."""
    forum = meeting.forum
    group = StakeholderGroup.objects.get(forum=forum, code="civil-society")
    for _ in range(n):
        k = meeting.agenda_items.count()
        item = add_item(meeting, title_ja=f"議題{k}", title_en=f"Item {k}", duration_minutes=10)
        add_item(meeting, parent=item, title_ja=f"小項目{k}")
        person = PersonFactory(forum=forum)
        AffiliationFactory(person=person, start=dt.date(2001, 4, 1))
        Presenter.objects.create(item=item, person=person)
        Presenter.objects.create(item=item, person=PersonFactory(forum=forum), affiliation_ja="事務局")
        for position, kind in enumerate("QAC"):
            Intervention.objects.create(item=item, position=position, kind=kind, text_ja="発言", speaker=person)
        upload = SimpleUploadedFile(f"slides{k}.txt", b"slides\n", "text/plain")
        add_material(meeting, upload=upload, item=item, label=f"資料{k}", title_ja="資料")
        add_material(meeting, label=f"リンク{k}", title_ja="リンク", url="https://example.org/doc")
        walk_in(meeting, name=f"参加者{k}", mode="onsite" if k % 2 else "remote", stakeholder_group=group)
        Decision.objects.create(meeting=meeting, position=k, text_ja=f"決定{k}")
        ActionItem.objects.create(meeting=meeting, text_ja=f"宿題{k}", owner=person, due=dt.date(2030, 1, 1))
        Footnote.objects.create(meeting=meeting, mark=k + 1, text_ja=f"注{k}")


def past_meeting(series: MeetingSeries, days_ago: int, items: int) -> Meeting:
    """A meeting ``days_ago`` days ago with its report published."""
    start = timezone.now() - dt.timedelta(days=days_ago)
    meeting = create_meeting(series, start=start, end=start + dt.timedelta(hours=2), venue_ja="会議室", hybrid=True)
    grow_agenda(meeting, items)
    change_status(meeting, "announced")
    change_status(meeting, "held")
    publish_report(meeting)
    return meeting


def upcoming_meeting(series: MeetingSeries, days_ahead: int, items: int) -> Meeting:
    start = timezone.now() + dt.timedelta(days=days_ahead)
    meeting = create_meeting(series, start=start, end=start + dt.timedelta(hours=2), venue_ja="会議室", capacity=50)
    grow_agenda(meeting, items)
    return change_status(meeting, "announced")


def grow_calendar(forum: Forum, reported: Meeting, n: int) -> ExternalEvent:
    """``n`` summits, each with two days inside it, one of them timed in its own zone, presence of
    two people (dated affiliations) and a report-back to ``reported``; a month-only event and an
    undecided one; upcoming ones. Returns the last summit."""
    igf, summit = Body.objects.get(code="igf"), EventKind.objects.get(code="summit")
    today = timezone.localdate()
    event = None
    for k in range(n):
        first = dt.date(2015, 1 + k % 12, 10)
        event = create_event(
            forum,
            name_en=f"Summit {k}",
            body=igf,
            kind=summit,
            precision="days",
            start_date=first,
            end_date=first + dt.timedelta(days=2),
            country="BR",
            timezone="America/Sao_Paulo",
        )
        create_event(forum, name_en=f"Day {k}", parent=event, precision="days", start_date=first)
        start = dt.datetime.combine(first, dt.time(12), tzinfo=dt.UTC)
        create_event(
            forum,
            name_en=f"Session {k}",
            parent=event,
            precision="timed",
            timezone="America/Sao_Paulo",
            start=start,
            end=start + dt.timedelta(hours=2),
        )
        for _ in range(2):
            person = PersonFactory(forum=forum)
            AffiliationFactory(person=person, start=dt.date(2001, 4, 1))
            add_presence(forum, event, person, role="speaker")
        add_report_back(forum, event, meeting=reported)
        add_report_back(forum, event, url="https://example.org/report", title_en="Report")
        create_event(forum, name_en=f"Month {k}", precision="month", year=2015, month=1 + k % 12)
        create_event(forum, name_en=f"Undecided {k}", precision="tbd", year=today.year + 1)
        create_event(
            forum, name_en=f"Soon {k}", body=igf, precision="days", start_date=today + dt.timedelta(days=5 + k)
        )
    assert event is not None
    return event


def grow_calendar_on(event: ExternalEvent, reported: Meeting) -> None:
    """More days, presence and report-backs on the event whose page is counted."""
    forum = reported.forum
    for k in range(4):
        create_event(forum, name_en=f"Extra day {k}", parent=event, precision="days", start_date=event.first_day)
        person = PersonFactory(forum=forum)
        AffiliationFactory(person=person, start=dt.date(2001, 4, 1))
        AffiliationFactory(person=person, start=dt.date(2010, 4, 1))
        add_presence(forum, event, person, role="delegate")
        add_report_back(forum, event, url="https://example.org/more", title_en=f"More {k}")
        event.refresh_from_db()
        event.city_en = f"City {k}"
        update_event(event, event.version, forum)  # one more revision in the history


def grow_consultations(forum: Forum, n: int) -> Any:
    """``n`` consultations (open, closing in turn), each with questions, a document and this forum's response."""
    from mshub.consultations.services import create_consultation, response_of, save_response

    now = timezone.now()
    made = None
    for i in range(n):
        made = create_consultation(
            forum,
            title_en=f"Consultation {i}",
            body=Body.objects.get(code="icann"),
            opens=now - dt.timedelta(days=1),
            closes=now + dt.timedelta(days=i + 1),
            questions=[("", "Q1"), ("", "Q2")],
            documents=[("Draft", "https://example.org/draft.pdf")],
        )
        response = response_of(forum, made)
        response.decision, response.person_in_charge = "respond", Person.objects.filter(forum=forum).first()
        save_response(response, None)
    return made


def grow_trends(forum: Forum, n: int) -> Any:
    """``n`` trend items, each under two topics and naming two organisations and two countries."""
    from mshub.trends.services import create_item

    topics = list(Topic.objects.filter(forum=forum, code__in=["dns", "privacy"]))
    made = None
    for i in range(n):
        made = create_item(
            forum,
            None,
            topics=topics,
            organizations=[OrganizationFactory(forum=forum), OrganizationFactory(forum=forum)],
            title=f"Trend {forum.trend_items.count()} {i}",
            summary_en="A <b>summary</b>",
            date=dt.date(2020, 1, 1) + dt.timedelta(days=i),
            source_name=f"Source {i % 2}",
            countries=["JP", "FR"],
        )
    return made


def grow_working_groups(forum: Forum, event: Any, consultation: Any, n: int) -> Any:
    """``n`` working groups, each with a chair and two members (affiliated), a milestone aimed at the
    event and one at the consultation; and as many more members and milestones for the first group."""
    from mshub.workinggroups.models import WorkingGroup
    from mshub.workinggroups.services import add_member, add_milestone, create_group

    first = WorkingGroup.objects.filter(forum=forum).order_by("pk").first()
    made = None
    for _ in range(n):
        k = WorkingGroup.objects.filter(forum=forum).count()
        made = create_group(forum, None, name_ja=f"作業部会{k}", name_en=f"WG {k}", slug=f"wg-{k}", state="active")
        for group in {made, first or made}:
            for role in ("chair", "member", "member"):
                person = PersonFactory(forum=forum)
                AffiliationFactory(person=person, start=dt.date(2001, 4, 1))
                add_member(forum, None, group, person, role=role)
            add_milestone(
                forum, None, group, kind="draft", title_ja=f"原案{k}", month=dt.date(2015, 9, 1), target_event=event
            )
            add_milestone(
                forum,
                None,
                group,
                kind="submission",
                title_ja=f"提出{k}",
                day=dt.date(2015, 12, 1),
                target_consultation=consultation,
            )
    return first or made


def grow_papers(group: Any, reader: Any, n: int) -> Any:
    """The reader (the member client's account) in ``group``; ``n`` more papers of the group, and for
    its first paper ``n`` more revisions, each a paragraph longer, with one paragraph edited."""
    from mshub.papers.models import Paper
    from mshub.papers.services.revisions import create_paper, latest_revision, save_revision
    from mshub.workinggroups.services import add_member

    forum = group.forum
    if not Paper.objects.filter(group=group).exists():
        add_member(forum, None, group, PersonFactory(forum=forum, user=reader))
    first = Paper.objects.filter(group=group).order_by("pk").first()
    for k in range(n):
        made = create_paper(group, actor=reader, text=f"# 題{k}\n\n本文{k}。\n", title_ja=f"意見書{k}")
        first = first or made
        text = latest_revision(first).text.replace("。", "です。", 1) + f"\n段落{first.revision_count}を追加する。\n"
        save_revision(first, base_number=first.revision_count, text=text, message=f"r{k}", actor=reader)
        first.refresh_from_db()
    return first


def pages(
    cast: Cast,
    reported: Meeting,
    upcoming: Meeting,
    organization: int,
    person: int,
    event: ExternalEvent,
    consultation: Any = None,
    trend: Any = None,
    working_group: Any = None,
    paper: Any = None,
) -> dict[str, str]:
    f = {"forum": cast.forum.slug}
    series = {**f, "series": reported.series.slug}
    return {
        "core:home": reverse("core:home"),
        "core:forum": reverse("core:forum", kwargs=f),
        "meetings:index": reverse("meetings:index", kwargs=f),
        "meetings:series": reverse("meetings:series", kwargs=series),
        "meetings:series-ics": reverse("meetings:series-ics", kwargs=series),
        "meetings:forum-ics": reverse("meetings:forum-ics", kwargs=f),
        "meetings:reports-feed": reverse("meetings:reports-feed", kwargs=f),
        "meetings:meeting (reported)": reported.get_absolute_url(),
        "meetings:meeting (upcoming)": upcoming.get_absolute_url(),
        "meetings:meeting-ics": reverse("meetings:meeting-ics", kwargs=upcoming.url_kwargs()),
        "meetings:register": reverse("meetings:register", kwargs=upcoming.url_kwargs()),
        "meetings:report": reverse("meetings:report", kwargs=reported.url_kwargs()),
        "meetings:report-version": reverse("meetings:report-version", kwargs={**reported.url_kwargs(), "version": 1}),
        "meetings:report-md": reverse("meetings:report-md", kwargs=reported.url_kwargs()),
        "people:organization-list": reverse("people:organization-list", kwargs=f),
        "people:organization-detail": reverse("people:organization-detail", kwargs={**f, "pk": organization}),
        "people:stakeholdergroup-list": reverse("people:stakeholdergroup-list", kwargs=f),
        "topics:topic-list": reverse("topics:topic-list", kwargs=f),
        "topics:topic": reverse("topics:topic", kwargs={**f, "code": "dns"}),
        "topics:topic (heading)": reverse("topics:topic", kwargs={**f, "code": "infrastructure"}),
        "api:topic-list": reverse("api:topic-list", kwargs=f),
        "api:topic-detail": reverse("api:topic-detail", kwargs={**f, "code": "dns"}),
        "calendar:year (topic)": reverse("calendar:year", kwargs={**f, "year": 2015}) + "?topic=infrastructure",
        "consultations:index (topic)": reverse("consultations:index", kwargs=f) + "?topic=dns",
        "api:forum-list": reverse("api:forum-list"),
        "api:forum-detail": reverse("api:forum-detail", kwargs={"slug": cast.forum.slug}),
        "api:meeting-list": reverse("api:meeting-list", kwargs=f),
        "api:meeting-detail": reverse("api:meeting-detail", kwargs={**f, "pk": reported.pk}),
        "api:organization-list": reverse("api:organization-list", kwargs=f),
        "api:organization-detail": reverse("api:organization-detail", kwargs={**f, "pk": organization}),
        "api:stakeholdergroup-list": reverse("api:stakeholdergroup-list", kwargs=f),
        "api:stakeholdergroup-detail": reverse(
            "api:stakeholdergroup-detail",
            kwargs={**f, "pk": StakeholderGroup.objects.get(forum=cast.forum, code="civil-society").pk},
        ),
        "calendar:index": reverse("calendar:index", kwargs=f),
        "calendar:index (filtered)": reverse("calendar:index", kwargs=f) + "?body=igf&country=BR",
        "calendar:month": reverse("calendar:month", kwargs={**f, "year": 2015, "month": 1}),
        "calendar:year": reverse("calendar:year", kwargs={**f, "year": 2015}),
        "calendar:timeline": reverse("calendar:timeline", kwargs=f),
        "calendar:ics": reverse("calendar:ics", kwargs=f) + "?year=2015&meetings=1",
        "calendar:event": reverse("calendar:event", kwargs={**f, "pk": event.pk}),
        "api:event-list": reverse("api:event-list", kwargs=f),
        "api:event-detail": reverse("api:event-detail", kwargs={**f, "pk": event.pk}),
        "api:body-list": reverse("api:body-list", kwargs=f),
        "consultations:index": reverse("consultations:index", kwargs=f),
        "consultations:detail": reverse("consultations:detail", kwargs={**f, "pk": consultation.pk}),
        "api:consultation-list": reverse("api:consultation-list", kwargs=f),
        "consultations:radar": reverse("consultations:radar", kwargs=f) + "?days=365",
        "api:consultationresponse-list": reverse("api:consultationresponse-list", kwargs=f),
        # the members' lists and pages
        "calendar:presence-table": reverse("calendar:presence-table", kwargs={**f, "year": 2015}),
        "api:presence-list": reverse("api:presence-list", kwargs=f),
        "people:person-list": reverse("people:person-list", kwargs=f),
        "people:person-detail": reverse("people:person-detail", kwargs={**f, "pk": person}),
        "meetings:actions": reverse("meetings:actions", kwargs=f),
        "meetings:statistics": reverse("meetings:statistics", kwargs=f),
        "api:person-list": reverse("api:person-list", kwargs=f),
        "api:person-detail": reverse("api:person-detail", kwargs={**f, "pk": person}),
        "trends:index": reverse("trends:index", kwargs=f),
        "trends:index (filtered)": reverse("trends:index", kwargs=f) + "?topic=dns&source=Source+0",
        "trends:item": reverse("trends:item", kwargs={**f, "pk": trend.pk}),
        "api:trenditem-list": reverse("api:trenditem-list", kwargs=f),
        "workinggroups:index": reverse("workinggroups:index", kwargs=f),
        "workinggroups:group": working_group.urls.group,
        "workinggroups:plan": working_group.urls.plan,
        "papers:index": reverse("papers:index", kwargs=f),
        "papers:paper": paper.urls.paper,
        "papers:revisions": paper.urls.revisions,
        "papers:compare": paper.urls.compare,
    }


MEMBERS_ONLY = {
    "people:",
    "meetings:actions",
    "meetings:statistics",
    "api:person-",
    "calendar:presence-table",
    "api:presence-",
    "consultations:radar",
    "api:consultationresponse-",
    "trends:",
    "api:trenditem-",
    "papers:paper",  # a draft: its working group's (the member client's account is in it)
    "papers:revisions",
    "papers:compare",
}


def counts(clients: dict[str, Client], urls: dict[str, str]) -> dict[str, int]:
    found = {}
    for name, url in urls.items():
        members_only = any(name.startswith(prefix) for prefix in MEMBERS_ONLY) and "organization" not in name
        for who in ("member",) if members_only else ("anonymous", "member"):
            client = clients[who]
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
                if hasattr(response, "streaming_content"):
                    b"".join(response.streaming_content)  # type: ignore[arg-type]
            assert response.status_code == 200, (name, who, response.status_code)
            found[f"{name} as {who}"] = len(queries.captured_queries)
    return found


def test_every_list_and_detail_page_reads_in_a_fixed_number_of_queries(cast: Cast) -> None:
    forum: Forum = cast.forum
    series = MeetingSeries.objects.create(forum=forum, slug="regular", name_ja="定例会合", name_en="Regular")
    reported = past_meeting(series, days_ago=60, items=1)
    upcoming = upcoming_meeting(series, days_ahead=30, items=1)
    person = reported.agenda_items.filter(parent=None).first().presenters.first().person  # type: ignore[union-attr]
    organization = person.affiliations.get().organization
    other_forum = ForumFactory()
    clients: dict[str, Any] = {"anonymous": Client(), "member": cast.client("member")}
    event = grow_calendar(forum, reported, 1)
    consultation = grow_consultations(forum, 1)
    trend = grow_trends(forum, 1)
    working_group = grow_working_groups(forum, event, consultation, 1)
    paper = grow_papers(working_group, cast.users["member"], 1)
    first_item = reported.agenda_items.first()
    assert first_item is not None
    # one query per kind of record tagged: every kind from the start
    entry = first_item.interventions.first()
    kinds = (organization, person, reported, upcoming, first_item, entry, event, consultation, trend, working_group)
    for tagged in kinds:
        tag(forum, tagged, [Topic.objects.get(forum=forum, code="dns")], None)
    urls = pages(cast, reported, upcoming, organization.pk, person.pk, event, consultation, trend, working_group, paper)
    few = counts(clients, urls)

    # Everything grows: the meetings' agendas and everything hanging from them, the series, the
    # report's versions, the organisation's people, the registry, the forums.
    grow_agenda(reported, 4)
    publish_report(reported, note="corrected")
    grow_agenda(upcoming, 4)
    for n in range(4):
        past_meeting(series, days_ago=90 + 30 * n, items=1)
        upcoming_meeting(series, days_ahead=60 + 30 * n, items=1)
        AffiliationFactory(person=PersonFactory(forum=forum), organization=organization)
        AffiliationFactory(person=person, organization=OrganizationFactory(forum=forum), start=dt.date(1990 + n, 1, 1))
        StakeholderGroup.objects.create(forum=forum, code=f"extra-{n}", name_ja=f"区分{n}", name_en=f"Group {n}")
        ForumFactory()
        MembershipFactory(forum=ForumFactory(), user=cast.users["member"])
    assert other_forum.pk
    grow_calendar(forum, reported, 6)
    grown = ExternalEvent.objects.filter(name_en="Summit 0").first()
    assert grown is not None
    grow_calendar_on(grown, reported)
    grow_consultations(forum, 6)
    grow_trends(forum, 6)
    grow_working_groups(forum, event, consultation, 6)
    grow_papers(working_group, cast.users["member"], 6)
    trend.organizations.add(*OrganizationFactory.create_batch(3, forum=forum))
    dns = Topic.objects.get(forum=forum, code="dns")
    for org in Organization.objects.filter(forum=forum):
        tag(forum, org, [dns], None)
    for tagged in Person.objects.filter(forum=forum):
        tag(forum, tagged, [dns, Topic.objects.get(forum=forum, code="privacy")], None)
    privacy = Topic.objects.get(forum=forum, code="privacy")
    for meeting in Meeting.objects.filter(forum=forum):
        tag(forum, meeting, [dns, privacy], None)
        for item in meeting.agenda_items.all():
            tag(forum, item, [dns, privacy], None)
            for entry in item.interventions.all():
                tag(forum, entry, [dns], None)
    for tagged in ExternalEvent.objects.all():
        tag(forum, tagged, [dns, privacy], None)
    for tagged in Consultation.objects.all():
        tag(forum, tagged, [dns, privacy], None)
    many = counts(clients, urls)

    grew = {page: (few[page], many[page]) for page in few if many[page] != few[page]}
    assert not grew, f"pages whose query count grows with the data (few, many): {grew}"
