"""Which papers a reader may read, as a query: the rule ``papers.view_paper`` (rules.py) put into SQL
for the lists (the papers' index, a working group's page), so that a list reads in a fixed number of
queries instead of asking the rule once per paper. tests/papers/test_pages_revisions.py checks that
the two agree for every role.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from mshub.core.permissions import can_read_forum, is_member, is_steering
from mshub.papers.models import PUBLIC_STATES, Audience, Hearing, Paper
from mshub.workinggroups.models import WorkingGroupMember


def readable(papers: QuerySet[Paper], user: Any, forum: Any) -> QuerySet[Paper]:
    """``papers`` (of ``forum``) narrowed to those ``user`` may read."""
    if is_steering(user, forum):
        return papers
    reads_forum = bool(can_read_forum(user, forum))
    signed_in = bool(getattr(user, "is_authenticated", False) and user.is_active)
    allowed = Q(pk__in=[])
    if reads_forum:
        allowed |= Q(state__in=PUBLIC_STATES)
    if signed_in:
        in_group = WorkingGroupMember.objects.filter(group=OuterRef("paper__group")).current().acting_for(user)
        audiences = Q(audience=Audience.GROUP) & Q(Exists(in_group))
        if is_member(user, forum):
            audiences |= Q(audience=Audience.MEMBERS)
            mine = WorkingGroupMember.objects.filter(group=OuterRef("group")).current().acting_for(user)
            allowed |= Q(Exists(mine))
        if reads_forum:
            audiences |= Q(audience=Audience.PUBLIC)
        hearings = Hearing.objects.filter(paper=OuterRef("pk"), opens_at__lte=timezone.now()).filter(audiences)
        allowed |= Q(Exists(hearings))
    return papers.filter(allowed)
