"""What the working groups' pages share: the group named by its slug in the URL, read once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from mshub.core.views.base import ForumView
from mshub.people.models import Affiliation
from mshub.workinggroups.models import WorkingGroup, WorkingGroupMember


class GroupView(ForumView):
    """A page of one working group (``<slug>`` in the URL); the permission is checked on the group."""

    _group: WorkingGroup | None = None

    @property
    def group(self) -> WorkingGroup:
        if self._group is None:
            self._group = get_object_or_404(
                WorkingGroup.objects.filter(forum=self.forum).select_related("forum"), slug=self.kwargs["slug"]
            )
        return self._group

    def get_permission_object(self) -> Any:
        return self.group

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["group"] = self.group
        context["can_change"] = self.request.user.has_perm("workinggroups.change_workinggroup", self.group)
        return context


def members_of(group: WorkingGroup, *, current: bool = True, day: dt.date | None = None) -> list[WorkingGroupMember]:
    """The group's members (chairs first) with their person and the stakeholder group of the person's
    affiliation on ``day`` (today by default) as ``member.stakeholder_group``: three queries."""
    day = day or timezone.localdate()
    rows: QuerySet[WorkingGroupMember] = WorkingGroupMember.objects.filter(group=group).select_related("person")
    if current:
        rows = rows.filter(left__isnull=True)
    affiliations = Affiliation.objects.valid_on(day).best_first().select_related("organization__stakeholder_group")
    found: list[WorkingGroupMember] = list(
        rows.prefetch_related(Prefetch("person__affiliations", queryset=affiliations, to_attr="affiliations_then"))
    )
    for member in found:
        member.group = group
        held = member.person.affiliations_then  # type: ignore[attr-defined]
        member.stakeholder_group = held[0].organization.stakeholder_group if held else None  # type: ignore[attr-defined]
    found.sort(key=lambda m: (not m.is_chair, m.left is not None, str(m.person), m.pk))
    return found
