"""Finding the meeting named in the URL, in the current forum."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.shortcuts import get_object_or_404

from mshub.core.views.base import ForumView
from mshub.meetings.models import Meeting, MeetingSeries, SeriesVisibility


class MeetingView(ForumView):
    """A view of one meeting (``<series>/<number>/``); the permission is checked on the meeting."""

    _meeting: Meeting | None = None

    @property
    def meeting(self) -> Meeting:
        if self._meeting is None:
            self._meeting = get_object_or_404(
                Meeting.objects.select_related("series", "forum"),
                forum=self.forum,
                series__slug=self.kwargs["series"],
                number=self.kwargs["number"],
            )
        return self._meeting

    def get_permission_object(self) -> Any:
        return self.meeting

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["meeting"] = self.meeting
        return context


class SecretLinkView(MeetingView):
    """A page reached by a secret link mailed to someone (``<token>`` in the URL). The link is the
    credential: it opens the page in a private forum too, signed in or not. Without a valid link
    the usual permission applies."""

    def link_holders(self) -> models.QuerySet[Any]:
        """The records of this meeting that the URL's token belongs to (none, or one)."""
        raise NotImplementedError

    def has_permission(self) -> bool:
        if self.kwargs.get("token") and self.link_holders().exists():
            return True
        return super().has_permission()


class RegistrantLinkView(SecretLinkView):
    """A page reached by the link mailed to a registrant (cancel, survey)."""

    def link_holders(self) -> models.QuerySet[Any]:
        from mshub.meetings.models import Registration

        return Registration.objects.filter(meeting=self.meeting, token=self.kwargs["token"])

    def after(self) -> str:
        """Where to go after the form: the meeting if the reader may see it, else this page again."""
        if self.request.user.has_perm("meetings.view_meeting", self.meeting):
            return self.meeting.get_absolute_url()
        return self.request.path


class SeriesView(ForumView):
    """A view of one series (``<series>/``); the permission is checked on the series."""

    _series: MeetingSeries | None = None

    def get_permission_object(self) -> Any:
        return self.series

    @property
    def series(self) -> MeetingSeries:
        if self._series is None:
            self._series = get_object_or_404(MeetingSeries, forum=self.forum, slug=self.kwargs["series"])
        return self._series


def visible_series(view: ForumView) -> models.QuerySet[MeetingSeries]:
    """The forum's series whose visibility admits the visitor."""
    seen = SeriesVisibility.seen_by(view.request.user, view.forum)
    return MeetingSeries.objects.filter(forum=view.forum, visibility__in=seen)


def visible_meetings(view: ForumView) -> models.QuerySet[Meeting]:
    """Meetings the visitor may see in lists: public ones, and planned ones for members, of the series
    the visitor may see."""
    seen = SeriesVisibility.seen_by(view.request.user, view.forum)
    qs = Meeting.objects.filter(forum=view.forum, series__visibility__in=seen).select_related("series", "forum")
    if not view.request.user.has_perm("meetings.view_planned_meetings", view.forum):
        qs = qs.public()
    return qs
