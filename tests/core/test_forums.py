"""Forums, roles and the event log."""

import pytest
from django.core.exceptions import ValidationError

from mshub.core.models import ActivityEntry, Forum, Membership, Role
from mshub.core.services import LastSecretariatError, add_member, change_role, create_forum
from mshub.people.models import Gender, OrganizationKind, StakeholderGroup
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_new_forum_gets_the_igf_vocabularies_as_editable_data():
    forum = create_forum("nri-x", name_en="NRI X", secretariat=UserFactory())
    codes = set(StakeholderGroup.objects.filter(forum=forum).values_list("code", flat=True))
    assert {
        "government",
        "private-sector",
        "civil-society",
        "technical-community",
        "academia",
        "intergovernmental",
        "media",
        "individual",
    } <= codes
    assert StakeholderGroup.objects.get(forum=forum, code="media").igf_category == "Press/Media"
    assert OrganizationKind.objects.filter(forum=forum).exists()
    assert Gender.objects.filter(forum=forum).count() == 3
    assert Membership.objects.get(forum=forum).role == Role.SECRETARIAT
    assert ActivityEntry.objects.filter(forum=forum, verb="forum.created").exists()


@pytest.mark.parametrize("slug", ["admin", "api", "accounts", "static"])
def test_forum_slugs_that_the_site_uses_are_refused(slug):
    with pytest.raises(ValidationError):
        create_forum(slug, name_en="Clash")
    assert not Forum.objects.filter(slug=slug).exists()


def test_events_are_append_only(forum):
    event = ActivityEntry.objects.create(forum=forum, verb="probe")
    event.summary = "rewritten"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()


def test_secretariat_adds_a_member_who_gets_an_account_without_password(cast):
    client = cast.client("secretariat")
    response = client.post(f"/{cast.forum.slug}/members/", {"email": "New@Example.org", "role": "steering"})
    assert response.status_code == 302
    membership = Membership.objects.get(forum=cast.forum, user__email="new@example.org")
    assert membership.role == Role.STEERING
    assert not membership.user.has_usable_password()


def test_adding_an_existing_member_is_refused_with_a_message(cast):
    response = cast.client("secretariat").post(
        f"/{cast.forum.slug}/members/", {"email": "member@example.org", "role": "steering"}
    )
    assert response.status_code == 400
    assert "already a member" in response.content.decode()
    assert Membership.objects.get(forum=cast.forum, user__email="member@example.org").role == Role.MEMBER


def test_steering_sees_members_but_cannot_change_roles(cast):
    client = cast.client("steering")
    page = client.get(f"/{cast.forum.slug}/members/")
    assert page.status_code == 200
    assert "member@example.org" not in page.content.decode()  # emails are for the secretariat
    membership = Membership.objects.get(forum=cast.forum, user=cast.users["member"])
    response = client.post(f"/{cast.forum.slug}/members/", {"membership": membership.pk, "role": "secretariat"})
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER


def test_the_last_secretariat_member_cannot_be_removed(cast):
    membership = Membership.objects.get(forum=cast.forum, user=cast.users["secretariat"])
    with pytest.raises(LastSecretariatError):
        change_role(membership, None)
    add_member(cast.forum, "second@example.org", Role.SECRETARIAT)
    change_role(membership, Role.MEMBER)
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER


def test_role_change_takes_effect_on_the_next_request(cast):
    client = cast.client("member")
    assert client.get(f"/{cast.forum.slug}/settings/").status_code == 403
    membership = Membership.objects.get(forum=cast.forum, user=cast.users["member"])
    change_role(membership, Role.SECRETARIAT)
    assert client.get(f"/{cast.forum.slug}/settings/").status_code == 200


def test_forum_settings_form_keeps_input_on_error(cast):
    response = cast.client("secretariat").post(
        f"/{cast.forum.slug}/settings/",
        {"name_ja": "", "name_en": "", "short_name": "KEEPME", "timezone": "Asia/Tokyo", "accent_color": "#123456"},
    )
    assert response.status_code == 200
    assert 'value="KEEPME"' in response.content.decode()
    cast.forum.refresh_from_db()
    assert cast.forum.short_name == ""


def test_deleting_a_forum_removes_everything_it_owns_and_nothing_else(forum):
    from mshub.core.services import delete_forum
    from mshub.meetings.models import Meeting
    from mshub.people.models import Organization, Person
    from tests.factories import ForumFactory
    from tests.meetings.sample11 import build_meeting_11

    other = ForumFactory()
    build_meeting_11(other)
    build_meeting_11(forum)
    delete_forum(forum)
    assert not Forum.objects.filter(pk=forum.pk).exists()
    assert not Person.objects.filter(forum_id=forum.pk).exists()
    assert Meeting.objects.filter(forum=other).count() == 1
    assert Organization.objects.filter(forum=other).exists()
