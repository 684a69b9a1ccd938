"""The demo community: realistic, invented, complete for every role, and idempotent."""

import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from mshub.core.demo import ACCOUNTS, MAIN, PASSWORD, TASKFORCE
from mshub.core.models import Forum, Membership
from mshub.meetings.models import Meeting, ReportVersion
from mshub.people.models import Organization, Person, StakeholderGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> str:
    out = StringIO()
    call_command("loaddemo", stdout=out)
    return out.getvalue()


def test_demo_covers_every_stakeholder_group_with_enough_people(demo):
    forum = Forum.objects.get(slug=MAIN)
    assert Organization.objects.filter(forum=forum).count() >= 36
    assert Person.objects.filter(forum=forum).count() >= 60
    for group in StakeholderGroup.objects.filter(forum=forum):
        assert Organization.objects.filter(stakeholder_group=group).exists(), group.code


def test_affiliations_change_over_time_for_many_people(demo):
    forum = Forum.objects.get(slug=MAIN)
    movers = 0
    for person in Person.objects.filter(forum=forum).prefetch_related("affiliations"):
        dated = [a for a in person.affiliations.all() if a.end]
        for a in dated:
            before = person.affiliation_on(a.end)
            after = person.affiliation_on(a.end + dt.timedelta(days=1))
            if before and after and before.organization_id != after.organization_id:
                movers += 1
                break
    assert movers >= 10


def test_every_role_can_sign_in_and_has_its_role(demo):
    forum = Forum.objects.get(slug=MAIN)
    for email, _name, role in ACCOUNTS:
        assert Client().login(email=email, password=PASSWORD), email
        membership = Membership.objects.filter(forum=forum, user__email=email).first()
        assert (membership.role if membership else None) == (role.value if role else None)
    assert "admin@demo.example" in demo


def test_second_forum_is_private_with_its_own_records(demo):
    tf = Forum.objects.get(slug=TASKFORCE)
    assert tf.is_public is False
    assert tf.timezone == "Europe/Zurich"
    assert Organization.objects.filter(forum=tf).exists()
    main_ids = set(Organization.objects.filter(forum__slug=MAIN).values_list("pk", flat=True))
    assert main_ids.isdisjoint(Organization.objects.filter(forum=tf).values_list("pk", flat=True))


def test_meetings_have_published_reports_and_an_upcoming_one(demo):
    forum = Forum.objects.get(slug=MAIN)
    assert ReportVersion.objects.filter(meeting__forum=forum).count() >= 3
    assert Meeting.objects.filter(forum=forum, status="announced").exists()
    assert Meeting.objects.filter(forum=forum, timezone="Europe/Zurich").exists()


def test_loading_twice_changes_nothing_and_reset_rebuilds(demo):
    counts = (Organization.objects.count(), Person.objects.count(), Meeting.objects.count())
    first_pk = Forum.objects.get(slug=MAIN).pk
    again = StringIO()
    call_command("loaddemo", stdout=again)
    assert "already there" in again.getvalue()
    assert (Organization.objects.count(), Person.objects.count(), Meeting.objects.count()) == counts
    call_command("loaddemo", "--reset", stdout=StringIO())
    assert (Organization.objects.count(), Person.objects.count(), Meeting.objects.count()) == counts
    assert Forum.objects.get(slug=MAIN).pk != first_pk


def test_output_gives_the_url_and_every_login(demo):
    assert "http://127.0.0.1:8000/" in demo
    for email, _name, _role in ACCOUNTS:
        assert email in demo


def test_demo_names_are_invented_not_taken_from_the_samples(demo):
    samples = Path(__file__).resolve().parents[2] / "shared" / "samples"
    if not samples.exists():
        pytest.skip("../shared/samples is not beside the checkout")
    text = "\n".join(p.read_text(encoding="utf-8") for p in samples.glob("*.txt"))
    for org in Organization.objects.all():
        assert org.name_ja not in text, org.name_ja
    for person in Person.objects.all():
        assert f"{person.family_name_ja} {person.given_name_ja}" not in text
        assert f"{person.family_name_ja}{person.given_name_ja}" not in text
