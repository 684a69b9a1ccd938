"""What this forum adds to an event: its people there, where it reported back; and the year's presence table."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from mshub.calendar.forms import PresenceForm, ReportBackForm
from mshub.calendar.listing import linked
from mshub.calendar.models import Presence, ReportBack
from mshub.calendar.presence import presence_table
from mshub.calendar.services import CalendarError, add_presence, add_report_back, remove_presence, remove_report_back
from mshub.calendar.views.base import CalendarView, EventView, year_in_range


class PresenceCreateView(EventView, FormView[PresenceForm]):
    permission_required = "calendar.change_presence"
    template_name = "calendar/presence_form.html"
    form_class = PresenceForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "forum": self.forum}

    def form_valid(self, form: PresenceForm) -> HttpResponse:
        data = form.cleaned_data
        fields = {name: data[name] for name in ("role", "affiliation_ja", "affiliation_en", "note")}
        try:
            add_presence(self.forum, self.event, data["person"], self.request.user, **fields)
        except CalendarError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("Added."))
        return HttpResponseRedirect(self.event.urls.event)


class PresenceDeleteView(EventView, View):
    """POST only: remove one of this forum's presence rows of the event (checked on the row)."""

    permission_required = "calendar.change_presence"
    event_kwarg = "event"

    def get_permission_object(self) -> Presence:
        return get_object_or_404(
            Presence.objects.select_related("forum"), forum=self.forum, event=self.event, pk=self.kwargs["pk"]
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        remove_presence(self.get_permission_object(), request.user)
        messages.success(request, _("Removed."))
        return HttpResponseRedirect(self.event.urls.event)


class ReportBackCreateView(EventView, FormView[ReportBackForm]):
    permission_required = "calendar.change_reportback"
    template_name = "calendar/reportback_form.html"
    form_class = ReportBackForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "forum": self.forum}

    def form_valid(self, form: ReportBackForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            add_report_back(
                self.forum,
                self.event,
                self.request.user,
                meeting=data.get("meeting"),
                agenda_item=data.get("agenda_item"),
                url=data.get("url") or "",
                title_ja=data.get("title_ja", ""),
                title_en=data.get("title_en", ""),
            )
        except CalendarError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("Added."))
        return HttpResponseRedirect(self.event.urls.event)


class ReportBackDeleteView(EventView, View):
    permission_required = "calendar.change_reportback"
    event_kwarg = "event"

    def get_permission_object(self) -> ReportBack:
        return get_object_or_404(
            ReportBack.objects.select_related("forum"), forum=self.forum, event=self.event, pk=self.kwargs["pk"]
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        remove_report_back(self.get_permission_object(), request.user)
        messages.success(request, _("Removed."))
        return HttpResponseRedirect(self.event.urls.event)


class PresenceTableView(CalendarView, TemplateView):
    """The year's events (top level) × this forum's stakeholder groups: how many of its people were at each."""

    permission_required = "calendar.view_presence"
    template_name = "calendar/presence_table.html"
    filter_by_year = False

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year = year_in_range(self.kwargs["year"])
        events = linked(self.filtered_events().top_level().in_year(year).listed().chronological(), self.forum)
        context.update(
            table=presence_table(self.forum, year, events, _("not known")),
            year=year,
            previous_url=self.page("calendar:presence-table", year=year - 1),
            next_url=self.page("calendar:presence-table", year=year + 1),
        )
        return context
