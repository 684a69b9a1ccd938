"""Demo meetings: past ones with published reports, upcoming ones open for registration, a steering memo."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from mshub.meetings.demo_minutes import minutes_for
from mshub.meetings.models import (
    ActionItem,
    Attendance,
    AttendanceMode,
    Decision,
    Footnote,
    Intervention,
    Meeting,
    MeetingSeries,
    Presenter,
    PresenterAnswer,
    SeriesVisibility,
)
from mshub.meetings.models.agenda import new_confirmation_token
from mshub.meetings.services import registration as reg
from mshub.meetings.services.agenda import add_item
from mshub.meetings.services.meetings import change_status, create_meeting
from mshub.meetings.services.publishing import publish_report
from mshub.people.models import Gender, Organization, Person, StakeholderGroup

# (title ja, title en, [sub-items (ja, en)])
TOPICS = [
    ("国連デジタル協力の最新動向", "Latest on UN digital cooperation", []),
    (
        "IGF 年次会合の振り返り",
        "Looking back at the annual IGF",
        [
            ("全体概要", "Overview"),
            ("セキュリティ関連セッション", "Security sessions"),
            ("民間セクターの視点", "The private sector's view"),
            ("市民社会の視点", "Civil society's view"),
        ],
    ),
    ("地域IGFの報告", "Report from the regional IGF", []),
    ("データ流通と越境規制", "Data flows and cross-border regulation", []),
    ("次回テーマの検討", "Themes for the next meeting", []),
    ("その他", "Other business", []),
]


def _series(forum: Any) -> tuple[MeetingSeries, MeetingSeries]:
    regular = MeetingSeries.objects.create(
        forum=forum,
        slug="regular",
        name_ja="定例会合",
        name_en="Regular meeting",
        timezone="Asia/Tokyo",
        mailing_list="forum@lists.demo.example",
        default_venue_ja="みなとカンファレンスセンター 会議室A",
        default_venue_en="Minato Conference Center, Room A",
    )
    steering = MeetingSeries.objects.create(
        forum=forum,
        slug="steering",
        name_ja="運営委員会",
        name_en="Steering group",
        is_steering=True,
        visibility=SeriesVisibility.STEERING,
        order=1,
    )
    return regular, steering


# Minutes planned for each topic of TOPICS (two hours in all), printed as times in the programme.
MINUTES = [15, 40, 20, 25, 15, 5]


def _agenda(meeting: Meeting, people: list[Person], rng: random.Random) -> None:
    at = meeting.local_start
    for (title_ja, title_en, subs), minutes in zip(TOPICS, MINUTES, strict=True):
        item = add_item(
            meeting, title_ja=title_ja, title_en=title_en, planned_start=at.time(), duration_minutes=minutes
        )
        at += dt.timedelta(minutes=minutes)
        targets = [add_item(meeting, parent=item, title_ja=ja, title_en=en) for ja, en in subs] or [item]
        for target in targets:
            if title_en != "Other business":
                Presenter.objects.create(item=target, person=rng.choice(people))
    Footnote.objects.create(
        meeting=meeting,
        mark=1,
        term="ゼロレーティング",
        text_ja="特定のサービスの通信量を課金対象外にすること。",
        text_en="Not charging for the data used by particular services.",
    )


def _presenters_asked(meeting: Meeting) -> None:
    """The coming meeting's presenters: the first accepted, the second asked and not yet answered."""
    presenters = list(Presenter.objects.filter(item__meeting=meeting).order_by("item__position", "pk")[:2])
    now = timezone.now()
    for presenter, answer in zip(presenters, (PresenterAnswer.ACCEPTED, ""), strict=False):
        presenter.confirmation_token = new_confirmation_token()
        presenter.asked_at = now - dt.timedelta(days=5)
        presenter.answer = answer
        presenter.answered_at = now - dt.timedelta(days=4) if answer else None
        presenter.save()


def _minutes(meeting: Meeting, rng: random.Random) -> None:
    """Each item's own discussion, as said: questions before their answers (see demo_minutes)."""
    for item in meeting.agenda_items.order_by("pk"):
        Intervention.objects.bulk_create(
            Intervention(item=item, position=position, kind=kind, text_ja=ja, text_en=en)
            for position, (kind, ja, en) in enumerate(minutes_for(item.title_en, rng))
        )


def _registrations(meeting: Meeting, n_onsite: int, n_remote: int, rng: random.Random, check_in: bool) -> None:
    groups = list(StakeholderGroup.objects.filter(forum=meeting.forum))
    weights = [5, 3, 4, 6, 3, 1, 1, 1][: len(groups)]
    genders: list[Gender | None] = [*Gender.objects.filter(forum=meeting.forum), None]
    now = meeting.start - dt.timedelta(days=3)
    organizations: dict[int | None, list[str]] = {}
    for org in Organization.objects.filter(forum=meeting.forum):
        organizations.setdefault(org.stakeholder_group_id, []).append(org.name)
    for i in range(n_onsite + n_remote):
        mode = AttendanceMode.ONSITE if i < n_onsite else AttendanceMode.REMOTE
        group = rng.choices(groups, weights)[0]
        r = reg.register(
            meeting,
            name=f"参加者 {meeting.number}-{i + 1}",
            email=f"participant{(i * 7 + meeting.number) % 60}@demo.example",
            mode=mode,
            stakeholder_group=group,
            gender=rng.choice(genders),
            organization=rng.choice(organizations.get(group.pk) or [""]),
            consent_listing=rng.random() < 0.5,
            now=now,
        )
        if check_in and mode == AttendanceMode.ONSITE and i % 9:
            reg.check_in(r)


def build_meetings(forum: Any, people: list[Person], actor: Any) -> None:
    rng = random.Random(11)
    regular, steering = _series(forum)
    today = timezone.localdate()
    for months_ago in (16, 12, 8, 4):
        day = today - dt.timedelta(days=30 * months_ago)
        meeting = create_meeting(
            regular,
            start=dt.datetime(day.year, day.month, day.day, 18, 0),
            end=dt.datetime(day.year, day.month, day.day, 20, 0),
            hybrid=True,
            capacity=40,
            web_url="https://jipf.demo.example/meetings/",
            actor=actor,
        )
        _agenda(meeting, people, rng)
        meeting = change_status(meeting, "announced", actor=actor)
        _registrations(meeting, rng.randint(22, 34), rng.randint(3, 12), rng, check_in=True)
        meeting = change_status(meeting, "held", actor=actor)
        _minutes(meeting, rng)
        meeting.next_meeting_note_ja = "次回は約4か月後に開催予定。決まり次第メーリングリストで連絡する。"
        meeting.next_meeting_note_en = "The next meeting is planned in about four months; the list will be told."
        meeting.save(update_fields=["next_meeting_note_ja", "next_meeting_note_en"])
        publish_report(meeting, actor=actor)

    day = today + dt.timedelta(days=18)
    upcoming = create_meeting(
        regular,
        start=dt.datetime(day.year, day.month, day.day, 18, 30),
        end=dt.datetime(day.year, day.month, day.day, 20, 30),
        hybrid=True,
        capacity=30,
        online_url="https://meet.demo.example/jipf",
        actor=actor,
        title_ja="IGF 年次会合 報告会",
        title_en="Report-back on the annual IGF",
    )
    _agenda(upcoming, people, rng)
    _presenters_asked(upcoming)
    change_status(upcoming, "announced", actor=actor)
    _registrations(upcoming, 12, 5, rng, check_in=False)

    day = today + dt.timedelta(days=200)
    geneva = create_meeting(
        regular,
        start=dt.datetime(day.year, day.month, day.day, 13, 0),
        end=dt.datetime(day.year, day.month, day.day, 14, 30),
        timezone="Europe/Zurich",
        venue_ja="ジュネーブ 国際会議場 (サイドイベント)",
        venue_en="Geneva, side event room",
        title_ja="WSISフォーラム サイドミーティング",
        title_en="WSIS Forum side meeting",
        actor=actor,
    )
    change_status(geneva, "announced", actor=actor)

    day = today - dt.timedelta(days=20)
    memo = create_meeting(
        steering,
        start=dt.datetime(day.year, day.month, day.day, 12, 0),
        end=dt.datetime(day.year, day.month, day.day, 13, 0),
        venue_ja="オンライン",
        hybrid=False,
        actor=actor,
    )
    for person in people[:6]:
        Attendance.objects.create(meeting=memo, person=person, remote=person.pk % 2 == 0)
    add_item(memo, title_ja="前回アンケートの振り返り", title_en="Review of the last survey")
    add_item(memo, title_ja="次回テーマ候補", title_en="Candidate themes for the next meeting")
    Decision.objects.create(
        meeting=memo,
        text_ja="次回の定例会合はIGF報告会とする。",
        text_en="The next regular meeting will report back on the IGF.",
    )
    ActionItem.objects.create(
        meeting=memo,
        text_ja="登壇者候補に打診する",
        text_en="Approach candidate speakers",
        owner=people[1],
        due=today + dt.timedelta(days=7),
    )
    ActionItem.objects.create(
        meeting=memo,
        text_ja="会場を予約する",
        text_en="Book the venue",
        owner_text="事務局",
        due=today - dt.timedelta(days=10),
        status="done",
    )
    ActionItem.objects.create(
        meeting=memo,
        text_ja="アンケート結果を次回の定例会合で報告する",
        text_en="Report the survey results at the next regular meeting",
        owner=people[2],
        due=today - dt.timedelta(days=2),
    )
    ActionItem.objects.create(
        meeting=memo,
        text_ja="オンライン配信の機材を確認する",
        text_en="Check the streaming equipment",
        owner_text="事務局",
        due=today + dt.timedelta(days=14),
    )
    change_status(memo, "announced", actor=actor)
    change_status(memo, "held", actor=actor)
