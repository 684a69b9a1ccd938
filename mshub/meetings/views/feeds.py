"""Calendars (.ics) and the Atom feed of published reports."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.generic import View

from mshub.core.http import forum_of
from mshub.core.models import Forum
from mshub.core.views.base import ForumView
from mshub.meetings.calendar import calendar_for
from mshub.meetings.models import Meeting, ReportVersion, SeriesVisibility
from mshub.meetings.views.base import MeetingView, SeriesView, visible_meetings


def ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


class MeetingIcsView(MeetingView, View):
    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    permission_required = "meetings.view_meeting"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        meeting = self.meeting
        body = calendar_for(Meeting.objects.filter(pk=meeting.pk))
        return ics_response(body, f"{meeting.series.slug}-{meeting.number}.ics")


class SeriesIcsView(SeriesView, View):
    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    permission_required = "meetings.view_series"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        meetings = visible_meetings(self).filter(series=self.series).order_by("start")
        body = calendar_for(meetings, name=f"{self.forum.name} — {self.series.name}", zone=self.series.timezone)
        return ics_response(body, f"{self.series.slug}.ics")


class ForumIcsView(ForumView, View):
    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    permission_required = "core.view_forum"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        body = calendar_for(visible_meetings(self).order_by("start"), name=self.forum.name, zone=self.forum.timezone)
        return ics_response(body, f"{self.forum.slug}.ics")


class ReportsFeed(Feed):
    """The latest published reports of a forum (one entry per published version)."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Forum:
        forum = forum_of(request)
        self.seen = SeriesVisibility.seen_by(request.user, forum)  # the reader's series only
        return forum

    def title(self, forum: Forum) -> str:
        return f"{forum.name}: reports"

    def link(self, forum: Forum) -> str:
        return reverse("meetings:index", kwargs={"forum": forum.slug})

    def items(self, forum: Forum) -> list[ReportVersion]:
        return list(
            ReportVersion.objects.filter(meeting__forum=forum, meeting__series__visibility__in=self.seen)
            .select_related("meeting__series", "meeting__forum")
            .order_by("-published_at")[:30]
        )

    def item_title(self, item: ReportVersion) -> str:
        return f"{item.meeting} (v{item.version}, {item.language})"

    def item_description(self, item: ReportVersion) -> str:
        return item.note or str(item.meeting)

    def item_link(self, item: ReportVersion) -> str:
        return f"{item.urls.report_version}?lang={item.language}"

    def item_pubdate(self, item: ReportVersion) -> Any:
        return item.published_at

    def item_guid(self, item: ReportVersion) -> str:
        return f"urn:mshub:report:{item.meeting.uid}:{item.version}:{item.language}"


class ReportsFeedView(ForumView, View):
    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    permission_required = "core.view_forum"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return ReportsFeed()(request, *args, **kwargs)
