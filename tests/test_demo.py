"""The demo community: realistic, invented, complete for every role, idempotent, and separate per forum.

Most tests build it without meetings (``--no-meetings``, about 0.3 s); one builds it whole.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from mshub.accounts.models import User
from mshub.core.demo import ACCOUNTS, ADMIN, MAIN, PASSWORD, TASKFORCE
from mshub.core.models import ActivityEntry, Forum, Membership, Role
from mshub.core.services import delete_forum
from mshub.meetings.models import Intervention, Meeting, ReportVersion
from mshub.people.models import Affiliation, Organization, Person, StakeholderGroup

pytestmark = pytest.mark.django_db

GROUPS = {
    "government",
    "private-sector",
    "civil-society",
    "technical-community",
    "academia",
    "intergovernmental",
    "media",
    "individual",
}
THEN = dt.date(2016, 1, 28)
EXAMPLE_DOMAINS = ("example.jp", "example.ac.jp", "example.org", "example.com")  # reserved for examples


def signs_in(email: str) -> bool:
    """Through the sign-in form, as a person would (and past the lock-out's checks)."""
    response = Client().post("/accounts/login/", {"username": email, "password": PASSWORD})
    return response.status_code == 302 and "_auth_user_id" in response.wsgi_request.session


def load(*args: str) -> str:
    out = StringIO()
    call_command("loaddemo", "--allow-insecure-demo-logins", *args, stdout=out)  # the tests run without DEBUG
    return out.getvalue()


@pytest.fixture
def demo() -> str:
    return load("--no-meetings")


def snapshot() -> dict[str, int]:
    models = (Forum, User, Membership, Organization, Person, Affiliation, ActivityEntry, Meeting)
    return {model.__name__: model.objects.count() for model in models}


def test_every_stakeholder_group_has_organisations(demo: str) -> None:
    forum = Forum.objects.get(slug=MAIN)
    orgs = Organization.objects.filter(forum=forum).select_related("kind", "stakeholder_group")
    assert orgs.count() >= 36
    assert set(StakeholderGroup.objects.filter(forum=forum).values_list("code", flat=True)) == GROUPS
    assert {o.stakeholder_group.code for o in orgs} == GROUPS
    for org in orgs:
        assert org.name_ja, org
        assert org.name_en, org
        assert org.kind, org
        assert org.country, org
        assert org.website == "" or org.website.rstrip("/").endswith(EXAMPLE_DOMAINS), org.website
    countries = Counter(o.country.code for o in orgs)
    assert countries["JP"] > len(orgs) / 2
    assert {"CH", "US", "SG"} <= set(countries)


def test_people_have_full_names_and_a_realistic_mix(demo: str) -> None:
    people = list(Person.objects.filter(forum__slug=MAIN).select_related("gender"))
    assert len(people) >= 60
    for p in people:
        assert all((p.family_name_ja, p.given_name_ja, p.family_name_kana, p.given_name_kana)), p.pk
        assert all((p.family_name_latin, p.given_name_latin)), p.pk
        assert p.email.endswith(EXAMPLE_DOMAINS), p.email
    assert len({p.email for p in people}) == len(people)
    genders = Counter(p.gender.code if p.gender else None for p in people)
    assert genders["male"] > genders["female"] > len(people) / 4  # more men, but far from none
    assert genders["other"] >= 1
    assert genders[None] < len(people) * 0.15  # set for most
    assert 0 < sum(p.consent_listing for p in people) < len(people)
    assert any(p.pronouns for p in people)


def test_many_affiliations_change_over_time(demo: str) -> None:
    today = dt.date.today()
    moved = []
    for person in Person.objects.filter(forum__slug=MAIN):
        then, now = person.affiliation_on(THEN), person.affiliation_on(today)
        if then and now and then.organization_id != now.organization_id:
            moved.append(person)
    assert len(moved) >= 10
    # The working-group chair left the ministry for a university on the Japanese fiscal-year boundary.
    chair = Person.objects.get(forum__slug=MAIN, user__email="chair@demo.example")
    then = chair.affiliation_on(THEN)
    assert then is not None
    assert then.organization.stakeholder_group.code == "government"
    assert all((then.department_ja, then.department_en, then.title_ja, then.title_en))
    assert then.end == dt.date(2016, 3, 31)
    after = chair.affiliation_on(dt.date(2016, 4, 1))
    assert after is not None
    assert after.organization.stakeholder_group.code == "academia"


def test_every_account_signs_in_with_its_role(demo: str) -> None:
    forum = Forum.objects.get(slug=MAIN)
    for email, role, key in ACCOUNTS:
        assert signs_in(email), email
        membership = Membership.objects.filter(forum=forum, user__email=email).first()
        assert (membership.role if membership else None) == role
        person = Person.objects.filter(forum=forum, user__email=email).first()
        assert bool(person) == bool(key), email
        if person:
            assert User.objects.get(email=email).display_name == person.name_ja
    assert signs_in(ADMIN)
    assert User.objects.get(email=ADMIN).is_superuser
    assert Membership.objects.filter(forum=forum, role=Role.SECRETARIAT).count() == 1


def test_second_forum_is_private_with_its_own_records(demo: str) -> None:
    main, tf = Forum.objects.get(slug=MAIN), Forum.objects.get(slug=TASKFORCE)
    assert (main.is_public, tf.is_public) == (True, False)
    assert (main.timezone, tf.timezone) == ("Asia/Tokyo", "Europe/Zurich")
    assert tf.memberships.count() < main.memberships.count()
    assert not tf.memberships.filter(user__email__in=["member@demo.example", "visitor@demo.example"]).exists()
    tf_orgs = set(Organization.objects.filter(forum=tf).values_list("pk", flat=True))
    assert tf_orgs
    assert tf_orgs.isdisjoint(Organization.objects.filter(forum=main).values_list("pk", flat=True))
    assert Person.objects.filter(forum=tf).count() < Person.objects.filter(forum=main).count()
    assert Person.objects.filter(forum=tf, family_name_ja="", family_name_latin="Fontaine").exists()
    for a in Affiliation.objects.select_related("person", "organization"):
        assert a.person.forum_id == a.organization.forum_id
    assert Person.objects.filter(forum=tf, user__email="chair@demo.example").exists()


def test_the_activity_log_is_not_empty(demo: str) -> None:
    verbs = set(ActivityEntry.objects.filter(forum__slug=MAIN).values_list("verb", flat=True))
    assert {"forum.created", "member.added", "demo.loaded"} <= verbs


def test_loading_twice_changes_nothing(demo: str) -> None:
    before = snapshot()
    again = load()
    assert "already there" in again
    assert snapshot() == before
    assert all(email in again for email, _role, _key in ACCOUNTS)


def test_reset_rebuilds_the_same_community(demo: str) -> None:
    def people() -> list[str]:
        rows = Affiliation.objects.values_list("person__email", "organization__name_en", "title_en", "start", "end")
        return sorted(" ".join(str(v) for v in row) for row in rows)

    before, old_pks = snapshot(), set(Person.objects.values_list("pk", flat=True))
    forum_pk, registry = Forum.objects.get(slug=MAIN).pk, people()
    assert "loaded" in load("--reset", "--no-meetings")
    assert snapshot() == before
    assert Forum.objects.get(slug=MAIN).pk != forum_pk
    assert old_pks.isdisjoint(Person.objects.values_list("pk", flat=True))
    assert people() == registry  # the seeded data comes out the same


def test_a_half_removed_demo_is_rebuilt(demo: str) -> None:
    before = snapshot()
    delete_forum(Forum.objects.get(slug=MAIN))
    load("--no-meetings")
    assert snapshot() == before


def test_output_gives_the_address_and_every_login(demo: str) -> None:
    assert "http://127.0.0.1:8000/" in demo
    for email, _role, _key in ACCOUNTS:
        assert email in demo
    assert all(text in demo for text in (ADMIN, PASSWORD, "Secretariat"))
    assert "https://demo.example.org/jipf/" in load("--url", "https://demo.example.org/")


def test_names_are_invented_not_taken_from_the_samples(demo: str) -> None:
    orgs = " ".join(f"{o.name_ja} {o.name_en} {o.short_name}" for o in Organization.objects.all())
    for real in ("JPNIC", "総務省", "IAJapan", "JCAFE", "IGCJ", "ICANN", "ITU", "OECD", "APNIC", "APT", "ISOC"):
        assert not re.search(rf"\b{real}\b", orgs, re.IGNORECASE), real
    people = [(p.family_name_ja, p.given_name_ja) for p in Person.objects.exclude(family_name_ja="")]
    samples = Path(__file__).resolve().parents[2] / "shared" / "samples"
    if not samples.exists():
        pytest.skip("../shared/samples is not beside the checkout")
    text = "\n".join(p.read_text(encoding="utf-8") for p in samples.glob("*.txt"))
    for org in Organization.objects.all():
        assert org.name_ja not in text, org.name_ja
        assert org.name_en not in text, org.name_en
    for family, given in people:
        assert family + given not in text, family + given
        assert f"{family} {given}" not in text, family + given


@pytest.mark.slow
def test_the_whole_demo_has_meetings_and_reset_removes_them() -> None:
    load()
    forum = Forum.objects.get(slug=MAIN)
    assert ReportVersion.objects.filter(meeting__forum=forum).count() >= 3
    assert Meeting.objects.filter(forum=forum, status="announced").exists()
    assert Meeting.objects.filter(forum=forum, timezone="Europe/Zurich").exists()
    # The archive: old reports (one a PDF), a steering memo and a briefing imported, one upload to review.
    from mshub.archive.models import ArchiveDocument, ImportItem

    documents = ArchiveDocument.objects.filter(forum=forum)
    assert sorted(documents.values_list("genre", flat=True)) == [
        "meeting_report",
        "meeting_report",
        "steering_memo",
        "trend_briefing",
    ]
    assert documents.get(kind="pdf").pages == 2
    old = Meeting.objects.get(forum=forum, number=3, series__name_ja__contains="JIPF")
    ota = Person.objects.get(forum=forum, family_name_ja="太田", given_name_ja="美咲")
    assert old.agenda_items.get(title_ja="APrIGF 2017 の報告").presenters.get().person == ota  # matched
    assert ImportItem.objects.filter(batch__forum=forum, status="parsed").count() == 1
    # The coming meeting's programme has times, a presenter has confirmed, action items are open.
    from mshub.meetings.models import ActionItem, Presenter

    upcoming = Meeting.objects.filter(forum=forum, status="announced", series__slug="regular").earliest("start")
    for item in upcoming.agenda_items.filter(parent=None):
        item.full_clean()  # within the meeting's start and end
    assert upcoming.agenda_items.filter(parent=None, planned_start__isnull=False).count() == 6
    assert Presenter.objects.filter(item__meeting=upcoming, answer="accepted").count() == 1
    assert ActionItem.objects.filter(meeting__forum=forum, status="open").count() >= 3
    # The briefing built from the trend items, published and attached to the coming meeting's first item.
    from mshub.briefings.models import Briefing

    briefing = Briefing.objects.get(forum=forum, state="published")
    assert briefing.versions.count() == 1
    assert briefing.sections.filter(entries__included=True).distinct().count() >= 5  # a section per topic
    assert briefing.agenda_item is not None
    assert briefing.agenda_item.materials.exists()
    load("--reset", "--no-meetings")  # a forum with meetings, registrations and reports can be removed
    assert not Meeting.objects.exists()
    assert not ArchiveDocument.objects.exists()
    assert Person.objects.filter(forum__slug=MAIN).count() >= 60


@pytest.mark.slow
def test_the_demo_minutes_read_like_a_meeting():
    """Each agenda item has its own discussion, and no answer comes before the first question."""
    load()
    meetings = Meeting.objects.filter(forum__slug=MAIN, agenda_items__interventions__isnull=False).distinct()
    assert meetings.count() >= 4
    for meeting in meetings:
        said: dict[str, set[str]] = {}
        for item in meeting.agenda_items.all():
            entries = list(item.interventions.order_by("position", "pk").values_list("kind", "text_ja", "text_en"))
            if not entries:
                continue
            kinds = [kind for kind, _ja, _en in entries]
            if "A" in kinds:
                assert "Q" in kinds, (meeting, item, kinds)
                assert kinds.index("Q") < kinds.index("A"), (meeting, item, kinds)
            texts = [text for _kind, ja, en in entries for text in (ja, en) if text]
            said[item.title_en or item.title_ja] = set(texts)
        assert len(said) >= 2, meeting
        for (one, texts), (other, others) in itertools.combinations(said.items(), 2):
            assert texts.isdisjoint(others), f"{meeting}: {one!r} and {other!r} repeat {texts & others}"
    # The demo's own meetings speak both languages and do not all say the same.
    demo = [m for m in meetings if m.series.slug == "regular"]
    for meeting in demo:
        assert not meeting.agenda_items.filter(interventions__text_en="").exists(), meeting
    discussions = {
        frozenset(Intervention.objects.filter(item__meeting=m).values_list("text_en", flat=True)) for m in demo
    }
    assert len(discussions) > 1
