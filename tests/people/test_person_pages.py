"""Person pages: forms keep what was typed, emails are private, lists stay flat in queries."""

import datetime as dt
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mshub.core.models import ActivityEntry
from mshub.people.models import Person
from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory, group

pytestmark = pytest.mark.django_db


def test_create_person_records_consent_time_and_event(forum, cast):
    response = cast.client("secretariat").post(
        f"/{forum.slug}/people/new/",
        {
            "family_name_ja": "高橋",
            "given_name_ja": "美咲",
            "family_name_latin": "Takahashi",
            "given_name_latin": "Misaki",
            "email": "Misaki@Example.JP",
            "consent_listing": "on",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(family_name_ja="高橋")
    assert person.email == "misaki@example.jp"
    assert person.consent_listing is True
    assert person.consent_updated_at is not None
    assert ActivityEntry.objects.filter(verb="person.created", target_id=str(person.pk)).exists()


def test_duplicate_email_is_refused_with_a_clear_message_and_input_kept(forum, cast):
    PersonFactory(forum=forum, email="taken@example.org")
    response = cast.client("secretariat").post(
        f"/{forum.slug}/people/new/",
        {"family_name_latin": "Newcomer", "given_name_latin": "Nao", "email": "TAKEN@example.org"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "already has this email address" in html
    assert 'value="Newcomer"' in html
    assert Person.objects.filter(forum=forum).count() == 1


def test_same_email_is_allowed_in_another_forum(forum, cast):
    from tests.factories import ForumFactory

    PersonFactory(forum=ForumFactory(), email="shared@example.org")
    response = cast.client("secretariat").post(
        f"/{forum.slug}/people/new/", {"family_name_latin": "Ok", "email": "shared@example.org"}
    )
    assert response.status_code == 302


def test_a_person_needs_a_name(forum, cast):
    response = cast.client("secretariat").post(f"/{forum.slug}/people/new/", {"email": "x@example.org"})
    assert response.status_code == 200
    assert "Give the person" in response.content.decode()
    assert not Person.objects.exists()


def test_hostile_names_are_escaped(forum, cast):
    person = PersonFactory(forum=forum, family_name_latin="<script>alert(1)</script>", family_name_ja="")
    html = cast.client("member").get(person.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(("role", "sees_email"), [("member", False), ("steering", False), ("secretariat", True)])
def test_email_is_shown_only_to_the_secretariat(forum, cast, role, sees_email):
    person = PersonFactory(forum=forum, email="private@example.org")
    html = cast.client(role).get(person.get_absolute_url()).content.decode()
    assert ("private@example.org" in html) is sees_email


def test_a_member_sees_their_own_contact_data(forum, cast):
    person = PersonFactory(forum=forum, email="me@example.org", user=cast.users["member"])
    assert "me@example.org" in cast.client("member").get(person.get_absolute_url()).content.decode()


def test_person_page_answers_where_someone_was_on_a_date(forum, cast):
    person = PersonFactory(forum=forum)
    ministry = OrganizationFactory(forum=forum, name_ja="デジタル通信省", name_en="Ministry of Digital Affairs")
    AffiliationFactory(person=person, organization=ministry, start=dt.date(2013, 4, 1), end=dt.date(2016, 3, 31))
    AffiliationFactory(person=person, start=dt.date(2016, 4, 1))
    html = cast.client("member").get(person.get_absolute_url() + "?on=2016-01-28").content.decode()
    assert "Ministry of Digital Affairs" in html.split('data-testid="as-at"')[1].split("</p>")[0]


def test_people_list_filters_by_current_stakeholder_group(forum, cast):
    gov = OrganizationFactory(forum=forum, stakeholder_group=group(forum, "government"))
    civil = OrganizationFactory(forum=forum, stakeholder_group=group(forum, "civil-society"))
    official = PersonFactory(forum=forum, family_name_latin="Official")
    activist = PersonFactory(forum=forum, family_name_latin="Activist")
    former = PersonFactory(forum=forum, family_name_latin="Formerofficial")
    AffiliationFactory(person=official, organization=gov, start=dt.date(2020, 1, 1))
    AffiliationFactory(person=activist, organization=civil, start=dt.date(2020, 1, 1))
    AffiliationFactory(person=former, organization=gov, start=dt.date(2001, 1, 1), end=dt.date(2005, 1, 1))

    html = (
        cast.client("member")
        .get(f"/{forum.slug}/people/", {"stakeholder_group": group(forum, "government").pk})
        .content.decode()
    )
    assert "Official" in html
    assert "Activist" not in html
    assert "Formerofficial" not in html


def test_members_cannot_search_people_by_email(forum, cast):
    PersonFactory(forum=forum, family_name_latin="Hidden", email="needle@example.org")
    member = cast.client("member").get(f"/{forum.slug}/people/", {"q": "needle"}).content.decode()
    secretariat = cast.client("secretariat").get(f"/{forum.slug}/people/", {"q": "needle"}).content.decode()
    assert "Hidden" not in member
    assert "Hidden" in secretariat


def _queries_for_people_list(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_people_list_query_count_does_not_grow_with_rows(forum, cast):
    client = cast.client("secretariat")
    url = f"/{forum.slug}/people/"
    for _ in range(3):
        AffiliationFactory(person=PersonFactory(forum=forum))
    few = _queries_for_people_list(client, url)
    for _ in range(40):
        AffiliationFactory(person=PersonFactory(forum=forum))
    many = _queries_for_people_list(client, url)
    assert few == many


def test_person_page_query_count_does_not_grow_with_affiliations(forum, cast):
    client = cast.client("secretariat")
    person = PersonFactory(forum=forum)
    AffiliationFactory(person=person)
    few = _queries_for_people_list(client, person.get_absolute_url())
    for year in range(1990, 2020):
        AffiliationFactory(person=person, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    assert _queries_for_people_list(client, person.get_absolute_url()) == few


def test_export_contains_the_person_and_their_affiliations(forum, cast):
    person = PersonFactory(forum=forum, email="subject@example.org")
    AffiliationFactory(person=person, title_en="Researcher")
    response = cast.client("secretariat").get(f"/{forum.slug}/people/{person.pk}/export.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["person"]["fields"]["email"] == "subject@example.org"
    assert data["linked"]["people.Affiliation"][0]["fields"]["title_en"] == "Researcher"


def test_erase_deletes_the_person_and_logs_without_personal_data(forum, cast):
    person = PersonFactory(forum=forum, email="gone@example.org", family_name_latin="Gone")
    AffiliationFactory(person=person)
    response = cast.client("secretariat").post(f"/{forum.slug}/people/{person.pk}/erase/")
    assert response.status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()
    event = ActivityEntry.objects.get(verb="person.deleted")
    assert "gone@example.org" not in json.dumps(event.data) + event.summary
    assert "Gone" not in event.summary


def test_erase_anonymises_when_a_record_still_needs_the_person(forum, cast):
    from django.db.models.deletion import ProtectedError
    from django.db.models.signals import pre_delete

    person = PersonFactory(forum=forum, email="kept@example.org", family_name_latin="Needed", notes="private")
    AffiliationFactory(person=person, title_en="Chair")

    def still_referenced(sender, instance, **kwargs):
        # Stands in for a published report that protects its presenters (meetings app).
        if instance.pk == person.pk:
            raise ProtectedError("referenced by a published report", {instance})

    pre_delete.connect(still_referenced, sender=Person, dispatch_uid="test-protect")
    try:
        response = cast.client("secretariat").post(f"/{forum.slug}/people/{person.pk}/erase/")
    finally:
        pre_delete.disconnect(sender=Person, dispatch_uid="test-protect")
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.email == ""
    assert person.notes == ""
    assert "Needed" not in person.name
    assert person.affiliations.get().title_en == ""
    assert ActivityEntry.objects.filter(verb="person.anonymised").exists()


def test_a_japanese_full_name_typed_without_a_space_is_found(forum, cast):
    PersonFactory(forum=forum, family_name_ja="高野", given_name_ja="葵", family_name_latin="Takano")
    PersonFactory(forum=forum, family_name_ja="高野", given_name_ja="健", family_name_latin="Takano2")
    html = cast.client("member").get(f"/{forum.slug}/people/", {"q": "高野葵"}).content.decode()
    assert "高野 葵" in html
    assert "高野 健" not in html


def test_paging_through_search_results_keeps_the_search(forum, cast):
    for n in range(55):
        PersonFactory(forum=forum, family_name_ja="高野", family_name_latin=f"Takano{n:02d}")
    PersonFactory(forum=forum, family_name_ja="山田", family_name_latin="Yamada")
    client = cast.client("member")
    first = client.get(f"/{forum.slug}/people/", {"q": "高野"}).content.decode()
    assert 'rel="next" href="?q=%E9%AB%98%E9%87%8E&amp;page=2"' in first
    second = client.get(f"/{forum.slug}/people/", {"q": "高野", "page": "2"}).content.decode()
    assert 'rel="prev" href="?q=%E9%AB%98%E9%87%8E&amp;page=1"' in second
    assert "Yamada" not in second
    partial = client.get(f"/{forum.slug}/people/", {"q": "高野"}, headers={"HX-Request": "true"}).content.decode()
    assert 'href="?q=%E9%AB%98%E9%87%8E&amp;page=2"' in partial  # the results swapped in by htmx page alike


def _edit_url(forum, person):
    return f"/{forum.slug}/people/{person.pk}/edit/"


def test_the_steering_group_edits_names_but_never_sees_personal_fields(forum, cast):
    from mshub.people.models import Gender

    female = Gender.objects.get(forum=forum, code="female")
    person = PersonFactory(
        forum=forum, email="hidden@example.org", gender=female, notes="Prefers Tuesdays", consent_contact=True
    )
    client = cast.client("steering")
    html = client.get(_edit_url(forum, person)).content.decode()
    for absent in (
        "hidden@example.org",
        "Prefers Tuesdays",
        'name="email"',
        'name="gender"',
        'name="notes"',
        'name="consent_contact"',
        "Female",
    ):
        assert absent not in html, absent
    assert 'name="family_name_latin"' in html
    # A forged POST of the personal fields changes only the public ones.
    response = client.post(
        _edit_url(forum, person),
        {
            "family_name_latin": "Renamed",
            "email": "forged@example.org",
            "gender": "",
            "notes": "",
            "consent_contact": "",
            "version": person.version,
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.family_name_latin == "Renamed"
    assert (person.email, person.gender, person.notes, person.consent_contact) == (
        "hidden@example.org",
        female,
        "Prefers Tuesdays",
        True,
    )


def test_the_steering_group_adds_a_person_without_personal_data(forum, cast):
    client = cast.client("steering")
    html = client.get(f"/{forum.slug}/people/new/").content.decode()
    assert 'name="email"' not in html
    assert 'name="gender"' not in html
    response = client.post(f"/{forum.slug}/people/new/", {"family_name_latin": "Walker", "email": "w@example.org"})
    assert response.status_code == 302
    person = Person.objects.get(family_name_latin="Walker")
    assert person.email == ""
    assert person.consent_updated_at is None


def test_the_secretariat_edits_every_field(forum, cast):
    person = PersonFactory(forum=forum, email="old@example.org", notes="old note")
    client = cast.client("secretariat")
    html = client.get(_edit_url(forum, person)).content.decode()
    assert "old@example.org" in html
    assert "old note" in html
    assert 'name="gender"' in html
    response = client.post(
        _edit_url(forum, person),
        {"family_name_latin": "Same", "email": "new@example.org", "notes": "new note", "version": 1},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.email, person.notes) == ("new@example.org", "new note")


def test_a_steering_member_edits_their_own_personal_fields_but_not_the_notes(forum, cast):
    me = cast.users["steering"]
    person = PersonFactory(forum=forum, user=me, email="me@example.org", notes="secretariat only")
    html = cast.client("steering").get(_edit_url(forum, person)).content.decode()
    assert "me@example.org" in html
    assert 'name="gender"' in html
    assert "secretariat only" not in html
    assert 'name="notes"' not in html
