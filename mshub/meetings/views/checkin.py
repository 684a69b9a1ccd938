"""Registrations and check-in at the door (a fast search box, a printable list)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mshub.core.params import id_param
from mshub.meetings.forms import CheckInSearchForm, WalkInForm
from mshub.meetings.models import Registration, RegistrationStatus
from mshub.meetings.services.registration import (
    RegistrationError,
    check_in,
    participation,
    undo_check_in,
    walk_in,
)
from mshub.meetings.views.base import MeetingView


class RegistrationListView(MeetingView, TemplateView):
    """Everyone registered. Emails only for the secretariat; ``?print=1`` gives the door list."""

    permission_required = "meetings.view_registrations"
    template_name = "meetings/registrations.html"

    def get_template_names(self) -> list[str]:
        return ["meetings/registrations_print.html"] if self.request.GET.get("print") else [self.template_name]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            # read through the meeting, so that each row's page (r.urls) knows its meeting without a query
            registrations=self.meeting.registrations.select_related("stakeholder_group").order_by(
                "status", "mode", "name"
            ),
            show_contact=self.request.user.has_perm("meetings.view_registrant_contact", self.meeting),
            counts=participation(self.meeting),
        )
        return context


class CheckInView(MeetingView, TemplateView):
    permission_required = "meetings.check_in"
    template_name = "meetings/checkin.html"

    def matches(self) -> QuerySet[Registration]:
        form = CheckInSearchForm(self.request.GET or None)
        qs = Registration.objects.filter(meeting=self.meeting, status=RegistrationStatus.CONFIRMED)
        if form.is_valid() and form.cleaned_data["q"]:
            q = form.cleaned_data["q"]
            qs = qs.filter(Q(name__icontains=q) | Q(organization__icontains=q))
        return qs.order_by("checked_in_at", "name")

    def get_template_names(self) -> list[str]:
        if self.forum_request.htmx:
            return ["meetings/_checkin_rows.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            search_form=CheckInSearchForm(self.request.GET or None),
            registrations=self.matches()[:200],
            counts=participation(self.meeting),
            walk_in_form=kwargs.get("walk_in_form") or WalkInForm(meeting=self.meeting),
        )
        return context

    def walk_in(self, request: HttpRequest) -> HttpResponse:
        form = WalkInForm(request.POST, meeting=self.meeting)
        if form.is_valid():
            try:
                registration = walk_in(self.meeting, actor=request.user, **form.cleaned_data)
            except RegistrationError as exc:
                form.add_error("email", str(exc))
            else:
                messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
                return HttpResponseRedirect(self.meeting.urls.checkin)
        return self.render_to_response(self.get_context_data(walk_in_form=form), status=400)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if "walk_in" in request.POST:
            return self.walk_in(request)
        registration = get_object_or_404(Registration, meeting=self.meeting, pk=id_param(request.POST, "registration"))
        try:
            if request.POST.get("undo"):
                undo_check_in(registration)
            else:
                check_in(registration, actor=request.user)
                messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
        except RegistrationError as exc:
            messages.error(request, f"{registration.name}: {exc}")
        url = self.meeting.urls.checkin
        query = urlencode({"q": request.POST["q"]}) if request.POST.get("q") else ""
        return HttpResponseRedirect(f"{url}?{query}" if query else url)
