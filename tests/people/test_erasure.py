"""Erasure leaves no trace of the person anywhere in the database, and keeps the counts right."""

from __future__ import annotations

import datetime as dt
import io
import json

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client

from mshub.accounts.models import User
from mshub.core.models import ActivityEntry, Role
from mshub.core.services import add_member
from mshub.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Intervention,
    MeetingSeries,
    Presenter,
    Registration,
    SurveyResponse,
    TopicProposal,
)
from mshub.meetings.services.meetings import create_meeting
from mshub.people.models import Person, StakeholderGroup
from mshub.people.services import merge_persons
from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory

EMAIL = "mariko.watanabe@example.jp"
OLD_EMAIL = "m.watanabe@old.example.jp"  # on a duplicate record merged into hers
TRACES = [EMAIL, OLD_EMAIL, "渡辺", "真理子", "わたなべ", "まりこ", "Watanabe", "Mariko"]


def database_dump() -> str:
    """Every table of every app, as text that shows Japanese as typed (dumpdata escapes it)."""
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    raw = out.getvalue()
    return raw + json.dumps(json.loads(raw), ensure_ascii=False)


def a_meeting(forum, day: int):
    series, _ = MeetingSeries.objects.get_or_create(forum=forum, slug="regular", defaults={"name_ja": "定例会合"})
    start = dt.datetime(2024, 5, day, 18, 0, tzinfo=dt.UTC)
    return create_meeting(series, start=start, end=start + dt.timedelta(hours=2), title_ja=f"第{day}回")


def test_erasure_leaves_no_name_or_email_anywhere_in_the_database(forum, cast):
    secretariat = cast.client("secretariat")
    group = StakeholderGroup.objects.get(forum=forum, code="civil-society")
    account = User.objects.create_user(email=EMAIL, password="a long password 1", display_name="Watanabe Mariko")
    add_member(forum, EMAIL, Role.MEMBER, actor=cast.users["secretariat"])
    Client().force_login(account)  # a live session
    assert Session.objects.count() == 2
    person = PersonFactory(
        forum=forum,
        family_name_ja="渡辺",
        given_name_ja="真理子",
        family_name_kana="わたなべ",
        given_name_kana="まりこ",
        family_name_latin="Watanabe",
        given_name_latin="Mariko",
        email=EMAIL,
        user=account,
        notes="prefers mail",
    )
    AffiliationFactory(person=person, organization=OrganizationFactory(forum=forum), title_en="Lecturer")
    dupe = PersonFactory(forum=forum, family_name_latin="Watanabe", given_name_latin="M.", email=OLD_EMAIL)
    merge_persons(person, dupe, actor=cast.users["secretariat"])
    names = {"family_name_ja": "渡辺", "given_name_ja": "真理子", "family_name_kana": "わたなべ"}
    names |= {"given_name_kana": "まりこ", "family_name_latin": "Watanabe", "given_name_latin": "Mariko"}
    secretariat.post(f"/{forum.slug}/people/{person.pk}/edit/", {**names, "email": EMAIL, "user": account.pk})
    secretariat.get(f"/{forum.slug}/people/{person.pk}/export.json")
    # An entry written before the log stopped storing names.
    ActivityEntry.objects.create(forum=forum, verb="affiliation.created", summary="渡辺 真理子 — 大学", target=person)
    LogEntry.objects.create(
        user=cast.users["secretariat"],
        content_type=ContentType.objects.get_for_model(Person),
        object_id=str(person.pk),
        object_repr="Mariko Watanabe",
        action_flag=CHANGE,
    )

    first, second = a_meeting(forum, 10), a_meeting(forum, 20)
    registered = Registration.objects.create(
        meeting=first,
        person=person,
        name="渡辺 真理子",
        email=EMAIL,
        organization="Example University",
        stakeholder_group=group,
        mode="onsite",
        consent_listing=True,
        checked_in_at=first.start,
    )
    anonymous = Registration.objects.create(
        meeting=second,
        name="Mariko Watanabe",
        email="Mariko.Watanabe@Example.JP",
        stakeholder_group=group,
        mode="remote",
    )
    SurveyResponse.objects.create(meeting=first, registration=registered, satisfaction=5, comments="渡辺です。良かった")
    item = AgendaItem.objects.create(meeting=first, title_ja="報告")
    Presenter.objects.create(item=item, person=person)
    Intervention.objects.create(item=item, kind="Q", text_ja="料金について", speaker=person)
    ActionItem.objects.create(meeting=first, text_ja="資料を送る", owner=person)
    Attendance.objects.create(meeting=first, person=person)
    TopicProposal.objects.create(meeting=second, title="IPv6", presenter=person)
    before = database_dump()
    assert [trace for trace in TRACES if trace.lower() not in before.lower()] == []  # the test would see them

    response = secretariat.post(f"/{forum.slug}/people/{person.pk}/erase/")

    assert response.status_code == 302
    dump = database_dump().lower()
    assert [trace for trace in TRACES if trace.lower() in dump] == []
    # What statistics and the record need stays, anonymous.
    assert Person.objects.filter(pk=person.pk).exists()  # a presenter and an attendee: anonymised
    assert Presenter.objects.filter(item__meeting=first).count() == 1
    assert Intervention.objects.filter(item=item).count() == 1
    assert Registration.objects.filter(meeting=first).attended().count() == 1
    assert Registration.objects.filter(meeting=second).count() == 1
    registered.refresh_from_db()
    assert (registered.email, registered.person, registered.consent_listing) == ("", None, False)
    assert registered.stakeholder_group == group
    assert Registration.objects.get(pk=anonymous.pk).token != anonymous.token  # the mailed link is dead
    account.refresh_from_db()
    assert not account.is_active
    assert not account.has_usable_password()
    assert account.email.endswith(".invalid")
    signed_in = [s.get_decoded().get("_auth_user_id") for s in Session.objects.all()]
    assert signed_in == [str(cast.users["secretariat"].pk)]  # hers is gone, the secretariat's stays
    assert ActivityEntry.objects.filter(verb="person.anonymised").exists()


def test_a_secretariat_member_cannot_erase_their_own_record(forum, cast):
    me = cast.users["secretariat"]
    person = PersonFactory(forum=forum, email=me.email, user=me)
    response = cast.client("secretariat").post(f"/{forum.slug}/people/{person.pk}/erase/", follow=True)
    assert "your own record" in response.content.decode()
    me.refresh_from_db()
    assert me.is_active
    assert Person.objects.get(pk=person.pk).email == me.email


def test_the_erase_page_names_the_account_it_will_close(forum, cast):
    account = User.objects.create_user(email="holder@example.org")
    person = PersonFactory(forum=forum, email="holder@example.org")
    page = cast.client("secretariat").get(f"/{forum.slug}/people/{person.pk}/erase/").content.decode()
    assert "closed on every forum" in page
    assert account.email in page
    assert (
        "closed on every forum"
        not in cast.client("secretariat")
        .get(f"/{forum.slug}/people/{PersonFactory(forum=forum).pk}/erase/")
        .content.decode()
    )
