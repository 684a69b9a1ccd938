"""Every write on working groups, their members and their work plans: atomic and logged.

Domain errors (``WorkingGroupError``) carry a message for the reader; views show it. Records of
another forum (a person, a topic, a group) are refused here, whatever path the values came by.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mshub.core.models.events import record
from mshub.core.services import assign
from mshub.topics.models import Topic
from mshub.topics.services import TopicError, set_topics
from mshub.workinggroups.models import MemberRole, Milestone, WorkingGroup, WorkingGroupMember

GROUP_FIELDS = ("name_ja", "name_en", "slug", "charter_ja", "charter_en", "state", "mailing_list")
MILESTONE_FIELDS = (
    "kind",
    "title_ja",
    "title_en",
    "month",
    "day",
    "target_event",
    "target_consultation",
    "done",
    "note",
)


RESERVED_SLUGS = frozenset({"new"})  # working-groups/new/ is the form


class WorkingGroupError(Exception):
    """A write on working groups the rules refuse."""


def _message(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


def _set_topics(forum: Any, group: WorkingGroup, topics: Iterable[Topic], actor: Any) -> None:
    try:
        set_topics(forum, group, topics, actor)
    except TopicError as exc:
        raise WorkingGroupError(str(exc)) from exc


def _save_group(group: WorkingGroup) -> None:
    try:
        group.full_clean(exclude=["forum"], validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise WorkingGroupError(_message(exc)) from exc
    if group.slug in RESERVED_SLUGS:
        raise WorkingGroupError(_("“%(slug)s” is used by the site's addresses.") % {"slug": group.slug})
    if not (group.name_ja.strip() or group.name_en.strip()):
        raise WorkingGroupError(_("Give the group a name in Japanese or English."))
    try:
        with transaction.atomic():
            group.save()
    except IntegrityError as exc:
        raise WorkingGroupError(_("This forum already has a working group with this short name.")) from exc


@transaction.atomic
def create_group(
    forum: Any, actor: Any, *, topics: Iterable[Topic] = (), chair: Any = None, **fields: Any
) -> WorkingGroup:
    """A new working group of ``forum`` under ``topics`` (of the same forum); ``chair`` (a person of
    the forum, with ``actor`` as the account) becomes its first chair."""
    unknown = set(fields) - set(GROUP_FIELDS)
    if unknown:
        raise TypeError(sorted(unknown))
    group = WorkingGroup(forum=forum, **fields)
    _save_group(group)
    _set_topics(forum, group, topics, actor)
    record(forum, actor, "workinggroups.group_created", group, summary=group.name[:200])
    if chair is not None:
        add_member(forum, actor, group, chair, role=MemberRole.CHAIR, user=actor)
    return group


@transaction.atomic
def update_group(
    forum: Any, actor: Any, group: WorkingGroup, *, topics: Iterable[Topic] | None = None, **fields: Any
) -> WorkingGroup:
    """Change ``group``'s fields (and topics, when given)."""
    locked = WorkingGroup.objects.select_for_update().filter(pk=group.pk, forum=forum).first()
    if locked is None:
        raise WorkingGroupError(_("This working group belongs to another forum."))
    changed = assign(locked, fields, GROUP_FIELDS)
    _save_group(locked)
    if topics is not None:
        _set_topics(forum, locked, topics, actor)
    record(forum, actor, "workinggroups.group_changed", locked, summary=locked.name[:200], fields=sorted(changed))
    return locked


@transaction.atomic
def add_member(
    forum: Any,
    actor: Any,
    group: WorkingGroup,
    person: Any,
    *,
    role: str = MemberRole.MEMBER,
    user: Any = None,
    joined: dt.date | None = None,
) -> WorkingGroupMember:
    """Put ``person`` (of the group's forum) in ``group`` with ``role``; a current member changes role."""
    if group.forum_id != forum.pk or person.forum_id != forum.pk:
        raise WorkingGroupError(_("A person of another forum cannot join this working group."))
    if role not in MemberRole.values:
        raise WorkingGroupError(_("Choose chair or member."))
    if user is not None and not forum.memberships.filter(user=user).exists():
        raise WorkingGroupError(_("The account must belong to a member of this forum."))
    WorkingGroup.objects.select_for_update().get(pk=group.pk)  # one change of the group's members at a time
    current = WorkingGroupMember.objects.filter(group=group, person=person, left__isnull=True).first()
    if current is not None:
        current.role = role
        current.user = user if user is not None else current.user
        current.save(update_fields=["role", "user"])
        record(forum, actor, "workinggroups.member_changed", group, member=current.pk, role=role)
        return current
    member = WorkingGroupMember.objects.create(
        forum=forum,
        group=group,
        person=person,
        user=user if user is not None else person.user,
        role=role,
        joined=joined or timezone.localdate(),
    )
    record(forum, actor, "workinggroups.member_added", group, member=member.pk, role=role)
    return member


@transaction.atomic
def remove_member(forum: Any, actor: Any, member: WorkingGroupMember, *, left: dt.date | None = None) -> None:
    """``member`` leaves the group (the row stays, with the day they left)."""
    locked = WorkingGroupMember.objects.select_for_update().filter(pk=member.pk, forum=forum).first()
    if locked is None or locked.left is not None:
        return
    locked.left = left or timezone.localdate()
    locked.save(update_fields=["left"])
    record(forum, actor, "workinggroups.member_left", locked.group, member=locked.pk)


def _check_targets(forum: Any, fields: dict[str, Any]) -> None:
    if fields.get("target_event") is not None and fields.get("target_consultation") is not None:
        raise WorkingGroupError(_("Aim at an event or a consultation, not both."))


def _save_milestone(milestone: Milestone) -> None:
    try:
        milestone.full_clean(exclude=["forum", "group"], validate_constraints=False)
    except ValidationError as exc:
        raise WorkingGroupError(_message(exc)) from exc
    milestone.save()


@transaction.atomic
def add_milestone(forum: Any, actor: Any, group: WorkingGroup, **fields: Any) -> Milestone:
    if group.forum_id != forum.pk:
        raise WorkingGroupError(_("This working group belongs to another forum."))
    unknown = set(fields) - set(MILESTONE_FIELDS)
    if unknown:
        raise TypeError(sorted(unknown))
    _check_targets(forum, fields)
    milestone = Milestone(forum=forum, group=group, **fields)
    _save_milestone(milestone)
    record(forum, actor, "workinggroups.milestone_added", group, summary=milestone.title[:200], milestone=milestone.pk)
    return milestone


@transaction.atomic
def update_milestone(forum: Any, actor: Any, milestone: Milestone, **fields: Any) -> Milestone:
    locked = Milestone.objects.select_for_update().filter(pk=milestone.pk, forum=forum).first()
    if locked is None:
        raise WorkingGroupError(_("This milestone belongs to another forum."))
    _check_targets(forum, fields)
    changed = assign(locked, fields, MILESTONE_FIELDS)
    _save_milestone(locked)
    record(
        forum,
        actor,
        "workinggroups.milestone_changed",
        locked.group,
        summary=locked.title[:200],
        milestone=locked.pk,
        fields=sorted(changed),
    )
    return locked


@transaction.atomic
def delete_milestone(forum: Any, actor: Any, milestone: Milestone) -> None:
    locked = Milestone.objects.select_for_update().filter(pk=milestone.pk, forum=forum).first()
    if locked is None:
        return
    group, title = locked.group, locked.title
    locked.delete()
    record(forum, actor, "workinggroups.milestone_deleted", group, summary=title[:200])
