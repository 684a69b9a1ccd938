"""The papers' permissions (docs/papers.md, docs/roles.md).

- **Read** a paper: the secretariat and the steering group; the members of its working group; once
  it is published (or submitted), whoever may read the forum; while a hearing on it has opened, the
  hearing's audience (the group, the forum's members, or anyone signed in who may read the forum).
- **Edit** its text (save a revision): the members of its working group (any role) and the
  secretariat, while it is a draft or being revised.
- **Run** it (open hearings, dispose comments, move its state, record the submission): the group's
  chairs and the secretariat (``workinggroups.rules.chairs_group`` on the paper's group).
- **Comment** in a hearing: its audience, while it is open (checked on the hearing).
"""

from __future__ import annotations

from typing import Any

import rules
from django.utils import timezone

from mshub.core.permissions import can_read_forum, is_member, is_secretariat, is_steering
from mshub.workinggroups.rules import acts_in_group, chairs_group


def _paper_of(obj: Any) -> Any:
    from mshub.papers.models import Paper

    paper = getattr(obj, "paper", obj)
    return paper if isinstance(paper, Paper) else None


@rules.predicate
def in_paper_group(user: Any, obj: Any) -> bool:
    """The user is a current member (any role) of the working group of the paper ``obj`` (or of the
    paper of a revision, hearing or comment ``obj``; or of the group ``obj``)."""
    paper = _paper_of(obj)
    group_id = paper.group_id if paper is not None else getattr(obj, "pk", None)
    from mshub.workinggroups.models import WorkingGroup

    if paper is None and not isinstance(obj, WorkingGroup):
        return False
    return group_id is not None and acts_in_group(user, group_id)


@rules.predicate
def paper_is_public(user: Any, obj: Any) -> bool:
    paper = _paper_of(obj)
    return paper is not None and paper.is_public


def reaches(user: Any, hearing: Any) -> bool:
    """The hearing's audience includes the user."""
    from mshub.papers.models import Audience

    if not getattr(user, "is_authenticated", False):
        return False
    if hearing.audience == Audience.GROUP:
        return acts_in_group(user, hearing.paper.group_id)
    if hearing.audience == Audience.MEMBERS:
        return bool(is_member(user, hearing.paper))
    return bool(can_read_forum(user, hearing.paper))


@rules.predicate
def in_hearing_audience(user: Any, obj: Any) -> bool:
    """A hearing on the paper has opened and its audience includes the user."""
    paper = _paper_of(obj)
    if paper is None or not getattr(user, "is_authenticated", False):
        return False
    now = timezone.now()
    return any(reaches(user, h) for h in paper.hearings.filter(opens_at__lte=now))


@rules.predicate
def hearing_is_open(user: Any, obj: Any) -> bool:
    return bool(getattr(obj, "is_open", None)) and obj.is_open()


@rules.predicate
def in_this_audience(user: Any, obj: Any) -> bool:
    return reaches(user, obj)


@rules.predicate
def paper_is_editable(user: Any, obj: Any) -> bool:
    paper = _paper_of(obj)
    return paper is not None and paper.is_editable


can_run_paper = is_secretariat | (is_member & chairs_group)
can_read_paper = is_steering | (is_member & in_paper_group) | (can_read_forum & paper_is_public) | in_hearing_audience

PERMISSIONS: dict[str, Any] = {
    # On the forum: the list of papers (each row then needs view_paper); on a group: start a paper.
    "papers.view_papers": can_read_forum,
    "papers.add_paper": can_run_paper,
    "papers.view_paper": can_read_paper,
    "papers.change_paper": is_secretariat | (is_member & in_paper_group),
    # Hearings, dispositions, states and the submission.
    "papers.run_paper": can_run_paper,
    # Checked on a hearing: comment on it (and answer comments).
    "papers.comment_hearing": hearing_is_open & in_this_audience,
}
