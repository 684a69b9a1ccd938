"""Per-group rights: a group's chairs and the secretariat run it; a chair of another group, a member,
the steering group (unless chairing this group) and the public do not."""

from __future__ import annotations

import pytest

from mshub.core.models import Membership
from mshub.workinggroups.models import MemberRole
from mshub.workinggroups.services import add_member, remove_member
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

CHANGE = "workinggroups.change_workinggroup"


def fresh(user):  # type: ignore[no-untyped-def]
    """The user as a new request sees it (rank and chair caches empty)."""
    return type(user).objects.get(pk=user.pk)


def test_who_runs_which_group(world, cast):
    users = cast.users
    assert fresh(users["wg_chair"]).has_perm(CHANGE, world.wsis)
    assert not fresh(users["wg_chair"]).has_perm(CHANGE, world.other)  # chairs another group? no: none
    assert fresh(users["steering"]).has_perm(CHANGE, world.other)  # chairs "resources"
    assert not fresh(users["steering"]).has_perm(CHANGE, world.wsis)  # ... and not "wsis"
    assert not fresh(users["member"]).has_perm(CHANGE, world.wsis)  # a member, not a chair
    assert fresh(users["secretariat"]).has_perm(CHANGE, world.wsis)
    assert fresh(users["secretariat"]).has_perm(CHANGE, world.other)
    assert not fresh(users["visitor"]).has_perm(CHANGE, world.wsis)
    for obj in (world.slipped, world.wsis.members.first()):  # milestones and members follow their group
        assert fresh(users["wg_chair"]).has_perm(CHANGE, obj)
        assert not fresh(users["member"]).has_perm(CHANGE, obj)
    assert not fresh(users["wg_chair"]).has_perm(CHANGE, world.forum)  # no rights on the forum as such
    assert fresh(users["wg_chair"]).has_perm("workinggroups.add_workinggroup", world.forum)  # proposes groups
    assert not fresh(users["member"]).has_perm("workinggroups.add_workinggroup", world.forum)


def test_a_chair_who_leaves_or_leaves_the_forum_loses_the_rights(world, cast):
    chair = cast.users["wg_chair"]
    row = world.wsis.members.get(role=MemberRole.CHAIR)
    Membership.objects.filter(user=chair, forum=world.forum).delete()
    assert not fresh(chair).has_perm(CHANGE, world.wsis)  # an account outside the forum
    Membership.objects.create(user=chair, forum=world.forum, role="member")
    assert fresh(chair).has_perm(CHANGE, world.wsis)  # any member role: the group's chair is what counts
    remove_member(world.forum, None, row)
    assert not fresh(chair).has_perm(CHANGE, world.wsis)


def test_the_account_link_on_the_membership_wins(world, cast):
    person = PersonFactory(forum=world.forum)  # no account of their own
    add_member(world.forum, None, world.other, person, role=MemberRole.CHAIR, user=cast.users["member"])
    assert fresh(cast.users["member"]).has_perm(CHANGE, world.other)


@pytest.mark.parametrize(
    ("role", "sees_members"),
    [("anonymous", False), ("visitor", False), ("member", True), ("wg_chair", True), ("secretariat", True)],
)
def test_who_reads(world, cast, role, sees_members):
    client = cast.client(role)
    page = client.get(world.wsis.urls.group)
    assert page.status_code == 200  # a public forum: the charter, chairs and plan are public
    body = page.content.decode()
    assert "Ogawa" in body  # the chair
    assert ("Inoue" in body) is sees_members  # the members with their stakeholder groups: forum members only
    assert ("Academia" in body) is sees_members  # Inoue's, from the registry (the affiliation today)


def test_who_puts_the_group_under_topics(world, cast):
    """The chip picker (topics:tag-record) needs the topics' own rule (steering and above) and the
    group's rule: the secretariat; a chair sets the group's topics through the group's form."""
    from django.urls import reverse

    from mshub.topics.models import Topic
    from mshub.topics.services import topics_on

    url = reverse("topics:tag-record", kwargs={"forum": world.forum.slug, "kind": "working-group", "pk": world.wsis.pk})
    for role in ("member", "wg_chair", "steering"):  # steering chairs the other group only
        assert cast.client(role).post(url, {"action": "add", "topic": "privacy"}).status_code == 403
    assert topics_on(world.wsis) == []
    assert cast.client("secretariat").post(url, {"action": "add", "topic": "privacy"}).status_code == 302
    assert [t.code for t in topics_on(world.wsis)] == ["privacy"]
    dns = Topic.objects.get(forum=world.forum, code="dns")
    data = {"name_ja": "WSIS作業部会", "slug": "wsis", "state": "active", "topics": [dns.pk]}
    assert cast.client("wg_chair").post(world.wsis.urls.group_update, data).status_code == 302
    assert [t.code for t in topics_on(world.wsis)] == ["dns"]
    body = cast.client("anonymous").get(world.wsis.urls.group).content.decode()
    assert "DNS" in body  # the chips, through {% record_topics group %}
