"""The public lists: what is coming up, a month, a year, and the timeline of the past."""

from __future__ import annotations

from typing import Any

from django.db.models import F
from django.http import Http404
from django.utils.dateformat import format as date_format
from django.views.generic import TemplateView

from mshub.calendar.listing import by_month, by_year, linked, month_grid, undecided
from mshub.calendar.views.base import CalendarView, year_in_range


class UpcomingView(CalendarView, TemplateView):
    """Events not over yet, the soonest first; then those whose date is still to be decided."""

    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    permission_required = "calendar.view_calendar"
    template_name = "calendar/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = self.today()
        events = self.filtered_events().top_level().listed()
        context["upcoming"] = linked(events.filter(last_day__gte=today).chronological()[:200], self.forum)
        context["undecided"] = linked(undecided(events, today).order_by("year", "pk"), self.forum)
        return context


class MonthView(CalendarView, TemplateView):
    """A month as a table of weeks (Monday first), each day with its events, and the month's list below."""

    page_cache = True
    permission_required = "calendar.view_calendar"
    template_name = "calendar/month.html"
    filter_by_year = False

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year, month = year_in_range(self.kwargs["year"]), self.kwargs["month"]
        if not 1 <= month <= 12:
            raise Http404("No such month")
        grid = month_grid(self.filtered_events().top_level(), year, month, self.forum)
        context.update(
            month=grid,
            weekdays=[date_format(grid.weeks[0][n].date, "D") for n in range(7)],
            today=self.today(),
            previous_url=self.page("calendar:month", year=grid.previous.year, month=grid.previous.month),
            next_url=self.page("calendar:month", year=grid.next.year, month=grid.next.month),
        )
        return context


class YearView(CalendarView, TemplateView):
    """A year's events under the month they start in; those still to be decided last."""

    page_cache = True
    permission_required = "calendar.view_calendar"
    template_name = "calendar/year.html"
    filter_by_year = False

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year = year_in_range(self.kwargs["year"])
        events = self.filtered_events().top_level().in_year(year).listed().chronological()
        months = by_month(linked(events, self.forum), year)
        for group in months:
            if group.month is not None:
                group.url = self.page("calendar:month", year=year, month=group.month.month)
        context.update(
            year=year,
            months=months,
            previous_url=self.page("calendar:year", year=year - 1),
            next_url=self.page("calendar:year", year=year + 1),
        )
        return context


class TimelineView(CalendarView, TemplateView):
    """What happened, year by year, the latest first: "main events of 2014"."""

    page_cache = True
    permission_required = "calendar.view_calendar"
    template_name = "calendar/timeline.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        events = self.filtered_events().top_level().past(self.today()).listed()
        latest = list(events.order_by(F("first_day").desc(), F("start").desc(nulls_last=True), "-pk")[:1000])
        context["years"] = by_year(linked(reversed(latest), self.forum))
        return context
