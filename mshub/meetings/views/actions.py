"""Open action items across the forum's meetings: who, what, by when; overdue ones stand out."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import BadRequest
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from mshub.core.params import int_param
from mshub.core.views.base import ForumView
from mshub.meetings.models import ActionItem, ActionStatus, MeetingStatus
from mshub.meetings.views.base import visible_meetings
from mshub.people.models import Person

STATUS_FILTERS = {"open": [ActionStatus.OPEN], "closed": [ActionStatus.DONE, ActionStatus.DROPPED], "all": None}


def readable_actions(view: ForumView) -> models.QuerySet[ActionItem]:
    """Action items of meetings whose minutes the reader may read: for the steering group every meeting of
    a series it may see; for members only meetings whose report is published (in a series they may see),
    since unpublished minutes are the steering group's."""
    meetings = visible_meetings(view)
    if not view.request.user.has_perm("meetings.edit_minutes", view.forum):
        meetings = meetings.filter(status=MeetingStatus.REPORT_PUBLISHED)
    return ActionItem.objects.filter(meeting__in=meetings.values("pk"))


class ActionItemListView(ForumView, TemplateView):
    permission_required = "meetings.view_action_items"
    template_name = "meetings/actions.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status") or "open"
        if status not in STATUS_FILTERS:
            raise BadRequest("status: not one of open, closed, all")
        owner = int_param(self.request.GET, "owner")
        readable = readable_actions(self)
        actions = readable.select_related("owner", "meeting__series", "meeting__forum").order_by(
            models.F("due").asc(nulls_last=True), "meeting__start", "pk"
        )
        if STATUS_FILTERS[status] is not None:
            actions = actions.filter(status__in=STATUS_FILTERS[status])
        if owner is not None:
            actions = actions.filter(owner_id=owner)
        today = timezone.localdate()
        rows = list(actions)
        for action in rows:
            action.overdue = bool(  # type: ignore[attr-defined]
                action.status == ActionStatus.OPEN and action.due and action.due < today
            )
        owners = Person.objects.filter(pk__in=readable.exclude(owner=None).values("owner_id")).order_by(
            "family_name_latin", "given_name_latin", "pk"
        )
        context.update(
            actions=rows,
            owners=owners,
            owner=owner,
            status=status,
            status_choices=[("open", _("Open")), ("closed", _("Done or dropped")), ("all", _("All"))],
            today=today,
        )
        return context
