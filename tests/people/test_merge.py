"""Merging duplicate person records: every link moves, nothing is lost, all or nothing."""

import datetime as dt

import pytest
from django.db import IntegrityError

from mshub.core.models import ActivityEntry
from mshub.people.models import Affiliation, Person
from mshub.people.services import MergeError, merge_persons
from tests.factories import AffiliationFactory, ForumFactory, OrganizationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_merge_moves_affiliations_fills_gaps_and_removes_the_duplicate(forum, cast):
    keep = PersonFactory(
        forum=forum,
        family_name_ja="",
        given_name_ja="",
        family_name_latin="Sato",
        given_name_latin="Kenji",
        email="",
        pronouns="",
    )
    dupe = PersonFactory(
        forum=forum,
        family_name_ja="佐藤",
        given_name_ja="健二",
        family_name_latin="Satou",
        given_name_latin="K.",
        email="k.sato@example.jp",
        pronouns="he/him",
        notes="Met at the 2015 report meeting.",
    )
    org_a, org_b = OrganizationFactory(forum=forum), OrganizationFactory(forum=forum)
    AffiliationFactory(person=keep, organization=org_a, start=dt.date(2010, 4, 1), end=dt.date(2015, 3, 31))
    AffiliationFactory(person=dupe, organization=org_b, start=dt.date(2015, 4, 1))
    # The same affiliation recorded on both: it must end up once.
    AffiliationFactory(person=keep, organization=org_b, start=dt.date(2015, 4, 1))

    merged = merge_persons(keep, dupe, actor=cast.users["secretariat"])

    assert not Person.objects.filter(pk=dupe.pk).exists()
    merged.refresh_from_db()
    assert merged.family_name_latin == "Sato"  # the kept record's values win
    assert merged.family_name_ja == "佐藤"  # empty fields are filled from the duplicate
    assert merged.email == "k.sato@example.jp"
    assert merged.pronouns == "he/him"
    assert "2015 report meeting" in merged.notes
    orgs = sorted(a.organization_id for a in Affiliation.objects.filter(person=merged))
    assert orgs == sorted([org_a.pk, org_b.pk])
    assert merged.affiliation_on(dt.date(2016, 1, 28)).organization == org_b
    event = ActivityEntry.objects.get(verb="person.merged")
    assert event.actor == cast.users["secretariat"]
    assert event.data["duplicate"]["email"] == "k.sato@example.jp"  # the duplicate's record stays on file


def test_merge_takes_the_account_link_of_the_duplicate(forum):
    user = UserFactory()
    keep = PersonFactory(forum=forum, user=None)
    dupe = PersonFactory(forum=forum, user=user)
    merge_persons(keep, dupe)
    keep.refresh_from_db()
    assert keep.user == user


def test_merge_refuses_people_of_different_forums_and_self(forum):
    other = PersonFactory(forum=ForumFactory())
    person = PersonFactory(forum=forum)
    with pytest.raises(MergeError):
        merge_persons(person, other)
    with pytest.raises(MergeError):
        merge_persons(person, person)
    assert Person.objects.filter(pk=other.pk).exists()


def test_merge_is_atomic_when_a_step_fails(forum, monkeypatch):
    keep = PersonFactory(forum=forum, email="")
    dupe = PersonFactory(forum=forum, email="dupe@example.org")
    aff = AffiliationFactory(person=dupe)

    def explode(*args, **kwargs):
        raise IntegrityError("simulated failure after links were moved")

    monkeypatch.setattr("mshub.people.services._drop_repeated_affiliations", explode)
    with pytest.raises(IntegrityError):
        merge_persons(keep, dupe)

    dupe.refresh_from_db()
    aff.refresh_from_db()
    assert dupe.email == "dupe@example.org"
    assert aff.person_id == dupe.pk
    assert not ActivityEntry.objects.filter(verb="person.merged").exists()


def test_merge_page_for_secretariat(forum, cast):
    keep = PersonFactory(forum=forum)
    dupe = PersonFactory(forum=forum)
    client = cast.client("secretariat")
    url = f"/{forum.slug}/people/{keep.pk}/merge/"

    unconfirmed = client.post(url, {"duplicate": dupe.pk})
    assert unconfirmed.status_code == 200
    assert Person.objects.filter(pk=dupe.pk).exists()

    response = client.post(url, {"duplicate": dupe.pk, "confirm": "on"})
    assert response.status_code == 302
    assert response["Location"] == keep.get_absolute_url()
    assert not Person.objects.filter(pk=dupe.pk).exists()


def test_steering_member_may_not_merge(forum, cast):
    keep, dupe = PersonFactory(forum=forum), PersonFactory(forum=forum)
    response = cast.client("steering").post(
        f"/{forum.slug}/people/{keep.pk}/merge/", {"duplicate": dupe.pk, "confirm": "on"}
    )
    assert response.status_code == 403
    assert Person.objects.filter(pk=dupe.pk).exists()
