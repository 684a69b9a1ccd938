"""The calendar as an .ics file, for any filter of the lists (``?body=igf&year=2015``), with the
forum's own meetings added by ``?meetings=1``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.generic import View

from mshub.calendar.ics import calendar_for
from mshub.calendar.views.base import CalendarView
from mshub.core.pages import url_for_each
from mshub.meetings.models import Meeting, SeriesVisibility


class CalendarIcsView(CalendarView, View):
    """Without a year: from the first of January of last year on (a subscription stays small)."""

    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    permission_required = "calendar.view_calendar"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        events = self.filtered_events().top_level().listed().chronological()
        if "year" not in self.filters.chosen():
            events = events.filter(last_day__gte=dt.date(self.today().year - 1, 1, 1))
        meetings = None
        if request.GET.get("meetings") == "1":
            seen = SeriesVisibility.seen_by(request.user, self.forum)
            meetings = Meeting.objects.public().filter(forum=self.forum, series__visibility__in=seen).order_by("start")
        page_url = url_for_each("calendar:event", {"forum": self.forum.slug})
        body = calendar_for(events, meetings, name=self.forum.name, page_url=page_url)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{self.forum.slug}-calendar.ics"'
        return response
