"""The working groups' services: atomic writes with their log entries, records of another forum refused."""

from __future__ import annotations

import datetime as dt

import pytest

from mshub.core.models import ActivityEntry
from mshub.topics.models import Topic
from mshub.topics.services import topics_on
from mshub.workinggroups.models import MemberRole, Milestone, WorkingGroup
from mshub.workinggroups.services import (
    WorkingGroupError,
    add_member,
    add_milestone,
    create_group,
    delete_milestone,
    remove_member,
    update_group,
    update_milestone,
)
from tests.factories import ForumFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_create_and_update_a_group_with_topics_and_log(forum, cast):
    dns = Topic.objects.get(forum=forum, code="dns")
    group = create_group(forum, cast.users["secretariat"], name_ja="資源WG", slug="res", topics=[dns])
    assert topics_on(group) == [dns]
    assert ActivityEntry.objects.filter(forum=forum, verb="workinggroups.group_created").count() == 1
    wsis = Topic.objects.get(forum=forum, code="wsis")
    group = update_group(forum, None, group, name_en="Resources WG", state="active", topics=[wsis])
    assert (group.name_en, group.state, topics_on(group)) == ("Resources WG", "active", [wsis])
    entry = ActivityEntry.objects.get(forum=forum, verb="workinggroups.group_changed")
    assert entry.data["fields"] == ["name_en", "state"]


def test_group_names_slugs_and_topics_are_checked(forum):
    create_group(forum, None, name_ja="A", slug="a")
    with pytest.raises(WorkingGroupError):
        create_group(forum, None, name_ja="B", slug="a")  # taken in this forum
    with pytest.raises(WorkingGroupError):
        create_group(forum, None, name_ja="", name_en="  ", slug="b")
    with pytest.raises(WorkingGroupError):
        create_group(forum, None, name_ja="New", slug="new")  # the form's address
    other = ForumFactory(slug="other")
    create_group(other, None, name_ja="A", slug="a")  # another forum may use it
    with pytest.raises(WorkingGroupError):
        create_group(forum, None, name_ja="C", slug="c", topics=[Topic.objects.get(forum=other, code="dns")])
    assert not WorkingGroup.objects.filter(forum=forum, slug="c").exists()  # the whole write rolled back


def test_members_join_change_role_and_leave(forum, world):
    person = PersonFactory(forum=forum)
    member = add_member(forum, None, world.wsis, person)
    assert member.role == MemberRole.MEMBER
    assert member.joined is not None
    assert member.left is None
    again = add_member(forum, None, world.wsis, person, role=MemberRole.CHAIR)
    assert again.pk == member.pk
    assert again.role == MemberRole.CHAIR
    remove_member(forum, None, again, left=dt.date(2005, 1, 31))
    again.refresh_from_db()
    assert again.left == dt.date(2005, 1, 31)
    verbs = set(ActivityEntry.objects.filter(forum=forum).values_list("verb", flat=True))
    assert {"workinggroups.member_added", "workinggroups.member_changed", "workinggroups.member_left"} <= verbs
    entry = ActivityEntry.objects.filter(verb="workinggroups.member_added").last()
    assert str(person) not in entry.summary  # the log holds no names


def test_a_person_of_another_forum_cannot_join(forum, world):
    stranger = PersonFactory(forum=ForumFactory(slug="elsewhere"))
    with pytest.raises(WorkingGroupError):
        add_member(forum, None, world.wsis, stranger)


def test_milestones_add_edit_delete(forum, world):
    milestone = add_milestone(
        forum, None, world.wsis, kind="hearing", title_ja="ヒヤリング", month=dt.date(2004, 9, 17)
    )
    assert milestone.month == dt.date(2004, 9, 1)  # a month is its first day
    milestone = update_milestone(forum, None, milestone, day=dt.date(2004, 9, 20), done=dt.date(2004, 9, 30))
    assert (milestone.day, milestone.month, milestone.is_done) == (dt.date(2004, 9, 20), dt.date(2004, 9, 1), True)
    with pytest.raises(WorkingGroupError):
        update_milestone(forum, None, milestone, target_event=world.event, target_consultation=world.consultation)
    with pytest.raises(WorkingGroupError):
        add_milestone(forum, None, world.wsis, kind="draft", title_ja="日付なし")
    with pytest.raises(WorkingGroupError):
        add_milestone(forum, None, world.wsis, kind="draft", month=dt.date(2004, 9, 1))  # no title
    delete_milestone(forum, None, milestone)
    assert not Milestone.objects.filter(pk=milestone.pk).exists()
    assert ActivityEntry.objects.filter(forum=forum, verb="workinggroups.milestone_deleted").exists()


def test_slipped_milestones(world):
    assert world.slipped.is_slipped  # submission on 30 November, the meeting it aims at began on the 23rd
    assert not world.on_time.is_slipped  # drafted in August for a deadline in October
    world.slipped.done = dt.date(2004, 12, 1)
    assert not world.slipped.is_slipped  # done: history, not a warning
    month_only = Milestone(month=dt.date(2004, 11, 1), target_event=world.event)
    assert not month_only.is_slipped  # "November" may still be before the 23rd
    late_month = Milestone(month=dt.date(2004, 12, 1), target_event=world.event)
    assert late_month.is_slipped
    report_back = Milestone(kind="report-back", month=dt.date(2004, 12, 1), target_event=world.event)
    assert not report_back.is_slipped  # it reports on the event: after it by design
    no_target = Milestone(day=dt.date(2030, 1, 1))
    assert not no_target.is_slipped
