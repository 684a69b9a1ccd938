"""The working groups' permissions.

Whoever may read the forum reads its working groups, their charters, chairs and work plans; the
forum's members see who else is in a group (with their stakeholder group). The secretariat creates
groups, and so does a holder of the WG-chair role, who becomes the new (proposed) group's chair. A
group's own chairs (a current chair member whose account, or whose person's account, is the user,
and who is a member of the forum) and the secretariat edit the group, its members and its
work plan. A chair of one group has no rights on another.
"""

from __future__ import annotations

from typing import Any

import rules

from mshub.core.permissions import can_read_forum, is_member, is_secretariat, is_wg_chair


def _group_of(obj: Any) -> Any:
    from mshub.workinggroups.models import WorkingGroup

    group = getattr(obj, "group", obj)
    return group if isinstance(group, WorkingGroup) else None


def acts_in_group(user: Any, group_id: int, *, chair: bool = False) -> bool:
    """The user is a current member (``chair``: a current chair) of the working group ``group_id``,
    through the membership's account or, when that is empty, the person's; read once per request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    cache: dict[tuple[int, bool], bool] = user.__dict__.setdefault("_mshub_wg_roles", {})
    if (group_id, chair) not in cache:
        from mshub.workinggroups.models import MemberRole, WorkingGroupMember

        rows = WorkingGroupMember.objects.filter(group_id=group_id).current().acting_for(user)
        cache[(group_id, chair)] = (rows.filter(role=MemberRole.CHAIR) if chair else rows).exists()
    return cache[(group_id, chair)]


@rules.predicate
def chairs_group(user: Any, obj: Any) -> bool:
    """The user chairs the working group ``obj`` (or the group of a member or milestone ``obj``)."""
    group = _group_of(obj)
    return group is not None and acts_in_group(user, group.pk, chair=True)


can_run_group = is_secretariat | (is_member & chairs_group)

PERMISSIONS: dict[str, Any] = {
    "workinggroups.view_workinggroup": can_read_forum,
    "workinggroups.view_members": is_member,
    # A WG chair (the forum role, and above) proposes a group and becomes its chair; the secretariat
    # creates groups in any state and names their chairs.
    "workinggroups.add_workinggroup": is_wg_chair,
    # The group, its members and its work plan (also: put the group under topics).
    "workinggroups.change_workinggroup": can_run_group,
}
