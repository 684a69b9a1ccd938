"""What the calendar's views share: the events as read through this forum, the filters, the event in the URL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from mshub.calendar.listing import FILTERS, EventFilterForm
from mshub.calendar.models import ExternalEvent
from mshub.calendar.models.events import ExternalEventQuerySet
from mshub.core.views.base import ForumView

FIRST_YEAR, LAST_YEAR = 1900, 2200  # the years a page may be asked for (as the model accepts)


class CalendarView(ForumView):
    """A page of the calendar. The events are shared by every forum: the permission is checked on the forum."""

    filter_by_year = True

    def events(self) -> ExternalEventQuerySet:
        """Every event, linked under this forum (``event.urls``)."""
        return ExternalEvent.objects.shown_in(self.forum)

    def today(self) -> dt.date:
        return timezone.localdate()  # in the zone the reader sees times in

    _filters: EventFilterForm | None = None

    @property
    def filters(self) -> EventFilterForm:
        if self._filters is None:
            data = self.request.GET if any(k in self.request.GET for k in FILTERS) else None
            self._filters = EventFilterForm(data, year=self.filter_by_year, forum=self.forum)
        return self._filters

    def filtered_events(self) -> ExternalEventQuerySet:
        from mshub.calendar.listing import filtered

        return filtered(self.events(), self.filters.chosen(), self.forum)

    def page(self, name: str, **kwargs: Any) -> str:
        """A page of the calendar with the filters chosen here (the year, which the page names, left out)."""
        url = reverse(name, kwargs={"forum": self.forum.slug, **kwargs})
        query = self.filters.query_string(leave_out=("year",))
        return f"{url}?{query}" if query else url

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["filters"] = self.filters
        context["query"] = self.filters.query_string()
        context["query_any_year"] = self.filters.query_string(leave_out=("year",))
        today, slug = self.today(), self.forum.slug
        context["nav"] = {
            "month": reverse("calendar:month", kwargs={"forum": slug, "year": today.year, "month": today.month}),
            "year": reverse("calendar:year", kwargs={"forum": slug, "year": today.year}),
            "presence": reverse("calendar:presence-table", kwargs={"forum": slug, "year": today.year}),
        }
        return context


def year_in_range(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404("No such year")
    return year


class EventView(CalendarView):
    """A page of one event (``<pk>``, or ``<event>`` beside a record's own ``<pk>``)."""

    event_kwarg = "pk"
    _event: ExternalEvent | None = None

    @property
    def event(self) -> ExternalEvent:
        if self._event is None:
            self._event = get_object_or_404(
                self.events().select_related("body", "kind", "parent"), pk=self.kwargs[self.event_kwarg]
            )
        return self._event

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["event"] = self.event
        return context
