"""A working group with a chair (the wg_chair account), a member, a work plan aimed at an event and a
consultation, and a second group chaired by the same forum's steering account."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from mshub.calendar.services import create_event
from mshub.consultations.services import create_consultation
from mshub.workinggroups.models import MemberRole
from mshub.workinggroups.services import add_member, add_milestone, create_group
from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory, group


@dataclass
class World:
    forum: Any
    wsis: Any
    other: Any
    chair_person: Any
    member_person: Any
    event: Any
    later_event: Any
    consultation: Any
    slipped: Any
    on_time: Any


def make_world(forum: Any, users: dict[str, Any]) -> World:
    chair_person = PersonFactory(forum=forum, family_name_ja="小川", family_name_latin="Ogawa", user=users["wg_chair"])
    member_person = PersonFactory(forum=forum, family_name_ja="井上", family_name_latin="Inoue", user=users["member"])
    steering_person = PersonFactory(forum=forum, family_name_ja="三宅", user=users["steering"])
    organization = OrganizationFactory(forum=forum, name_en="Keio", stakeholder_group=group(forum, "academia"))
    AffiliationFactory(person=member_person, organization=organization)
    wsis = create_group(forum, None, name_ja="WSIS作業部会", name_en="WSIS WG", slug="wsis", state="active")
    other = create_group(forum, None, name_ja="資源管理WG", name_en="Resources WG", slug="resources", state="active")
    add_member(forum, None, wsis, chair_person, role=MemberRole.CHAIR)
    add_member(forum, None, wsis, member_person)
    add_member(forum, None, other, steering_person, role=MemberRole.CHAIR)
    event = create_event(
        None,
        name_ja="WGIG第1回会合",
        name_en="WGIG 1st meeting",
        precision="days",
        start_date=dt.date(2004, 11, 23),
        end_date=dt.date(2004, 11, 25),
        timezone="Europe/Zurich",
    )
    later_event = create_event(
        None,
        name_ja="ICANNケープタウン会議",
        name_en="ICANN Cape Town",
        precision="days",
        start_date=dt.date(2004, 12, 1),
        end_date=dt.date(2004, 12, 5),
        timezone="Africa/Johannesburg",
    )
    consultation = create_consultation(
        None,
        title_ja="WGIG意見募集",
        title_en="WGIG call for contributions",
        timezone="Europe/Zurich",
        opens=dt.datetime(2004, 9, 1, tzinfo=dt.UTC),
        closes=dt.datetime(2004, 10, 15, 15, 0, tzinfo=dt.UTC),
    )
    on_time = add_milestone(
        forum,
        None,
        wsis,
        kind="draft",
        title_ja="意見書①原案作成",
        title_en="Paper 1: draft",
        month=dt.date(2004, 8, 1),
        target_consultation=consultation,
    )
    slipped = add_milestone(
        forum,
        None,
        wsis,
        kind="submission",
        title_ja="意見書①発表・提出",
        title_en="Paper 1: submission",
        day=dt.date(2004, 11, 30),
        target_event=event,
    )
    return World(forum, wsis, other, chair_person, member_person, event, later_event, consultation, slipped, on_time)


@pytest.fixture
def world(cast: Any) -> World:
    return make_world(cast.forum, cast.users)
