"""Public pages: the list of meetings, a series, one meeting with its agenda."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone
from django.views.generic import ListView, TemplateView

from mshub.core.views.base import ForumView
from mshub.meetings.models import Meeting, MeetingStatus, RegistrationStatus
from mshub.meetings.services.agenda import agenda_lines
from mshub.meetings.services.minutes import carried_over_actions, material_lines
from mshub.meetings.services.registration import participation, registration_open, seats_taken
from mshub.meetings.views.base import MeetingView, SeriesView, visible_meetings, visible_series
from mshub.meetings.views.registration import own_registration


class MeetingIndexView(ForumView, TemplateView):
    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    permission_required = "core.view_forum"
    template_name = "meetings/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        meetings = visible_meetings(self)
        context["upcoming"] = list(meetings.filter(end__gte=now).order_by("start"))
        context["past"] = list(meetings.filter(end__lt=now).order_by("-start")[:100])
        context["series_list"] = visible_series(self)
        return context


class SeriesDetailView(SeriesView, ListView[Meeting]):
    """The series' meetings, the newest first, 50 a page (``?page=N``, or ``last``; any other value, or
    a page past the last, is a 404, as on every list), in as many queries whatever the series' size."""

    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    permission_required = "meetings.view_series"
    template_name = "meetings/series.html"
    context_object_name = "meetings"
    paginate_by = 50

    def get_queryset(self) -> models.QuerySet[Meeting]:
        return visible_meetings(self).filter(series=self.series).order_by("-number")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["series"] = self.series
        return context


class MeetingDetailView(MeetingView, TemplateView):
    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    permission_required = "meetings.view_meeting"
    template_name = "meetings/meeting.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        meeting = self.meeting
        user = self.request.user
        mine = own_registration(user, meeting)
        context.update(
            agenda=agenda_lines(meeting),
            materials=material_lines(meeting),
            carried_actions=carried_over_actions(meeting) if user.has_perm("meetings.edit_minutes", meeting) else [],
            registration_open=registration_open(meeting),
            seats_left=None if meeting.capacity is None else max(0, meeting.capacity - seats_taken(meeting)),
            my_registration=mine,
            show_online_url=bool(mine and mine.status == RegistrationStatus.CONFIRMED)
            or user.has_perm("meetings.view_registrations", meeting),
            counts=participation(meeting) if user.has_perm("meetings.view_registrations", meeting) else None,
            has_report=user.has_perm("meetings.view_report", meeting) and meeting.report_versions.exists(),
            status_choices=[(s, MeetingStatus(s).label) for s in meeting.next_statuses()],
        )
        return context
