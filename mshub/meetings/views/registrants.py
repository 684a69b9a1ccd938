"""The secretariat's registrant tools: cancel or move one registration, export the list as CSV,
mail a group of registrants, print name badges (PDF)."""

from __future__ import annotations

import csv
from typing import Any

from django.contrib import messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from mshub.core.files import bytes_response
from mshub.meetings.models import AttendanceMode, DeliveryStatus, Registration, RegistrationStatus
from mshub.meetings.registrant_forms import MoveForm, RegistrantFilterForm, RegistrantMailForm
from mshub.meetings.services.registrant_mail import mail_registrants, recipients
from mshub.meetings.services.registration import RegistrationError, cancel, change_mode, move
from mshub.meetings.views.base import MeetingView

# A cell that a spreadsheet would read as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BADGES_PER_PAGE = 8
MAX_BADGES = 800  # rendered while the secretariat waits: a bounded list (about 100 pages)


def csv_cell(value: Any) -> str:
    """A CSV cell a spreadsheet shows as text: a leading = + - @ (or tab, CR) gets a leading '."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def registrations_of(view: MeetingView) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(meeting=view.meeting)
        .select_related("stakeholder_group")
        .order_by("status", "mode", "name", "pk")
    )


class RegistrationsUrlMixin(MeetingView):
    def registrations_url(self) -> str:
        return self.meeting.urls.registrations


class RegistrationManageView(RegistrationsUrlMixin, TemplateView):
    """One registration: cancel it, switch its mode, or move it to another open meeting of the series."""

    permission_required = "meetings.manage_registrations"
    template_name = "meetings/registration_manage.html"

    def registration(self) -> Registration:
        return get_object_or_404(Registration, meeting=self.meeting, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            registration=self.registration(),
            move_form=kwargs.get("move_form") or MoveForm(meeting=self.meeting),
            modes=AttendanceMode.choices,
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        registration = self.registration()
        action = request.POST.get("action")
        try:
            if action == "cancel":
                cancel(registration, actor=request.user)
                messages.success(request, _("%(name)s's registration is cancelled.") % {"name": registration.name})
            elif action == "mode":
                registration = change_mode(
                    registration, request.POST.get("mode", ""), actor=request.user, waitlist=True
                )
                messages.success(
                    request,
                    _("%(name)s now attends %(mode)s (%(status)s).")
                    % {
                        "name": registration.name,
                        "mode": registration.get_mode_display(),
                        "status": registration.get_status_display(),
                    },
                )
            elif action == "move":
                form = MoveForm(request.POST, meeting=self.meeting)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(move_form=form), status=400)
                moved = move(registration, form.cleaned_data["target"], actor=request.user)
                messages.success(
                    request,
                    _("%(name)s is moved to %(meeting)s (%(status)s).")
                    % {"name": moved.name, "meeting": moved.meeting, "status": moved.get_status_display()},
                )
            else:
                return HttpResponse(_("Unknown action."), status=400)
        except RegistrationError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.path)
        return HttpResponseRedirect(self.registrations_url())


class RegistrationCsvView(MeetingView, View):
    """The list as CSV with the stakeholder columns; addresses only for the secretariat. No gender
    column: registrants were promised it is counted in statistics only, never shown per person."""

    permission_required = "meetings.view_registrations"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        contact = request.user.has_perm("meetings.view_registrant_contact", self.meeting)
        header = [_("Name")]
        header += [_("Email")] if contact else []
        header += [_("Organisation"), _("Stakeholder group"), _("IGF category")]
        header += [_("Attendance"), _("Status"), _("Checked in")]
        rows: list[list[str]] = [header]
        for r in registrations_of(self):
            row = [r.name] + ([r.email] if contact else [])
            row += [r.organization, str(r.stakeholder_group), r.stakeholder_group.igf_category]
            checked = timezone.localtime(r.checked_in_at).strftime("%Y-%m-%d %H:%M") if r.checked_in_at else ""
            row += [r.get_mode_display(), r.get_status_display(), checked]
            rows.append(row)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"{self.meeting.series.slug}-{self.meeting.number}-registrations.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "private, no-store"
        response.write("\ufeff")  # so that spreadsheet software reads UTF-8 Japanese correctly
        csv.writer(response).writerows([[csv_cell(cell) for cell in row] for row in rows])
        return response


class RegistrantMailView(RegistrationsUrlMixin, TemplateView):
    """Write to a group of registrants: first the exact count, then the confirmed sending."""

    permission_required = "meetings.manage_registrations"
    template_name = "meetings/registrant_mail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault("form", RegistrantMailForm())
        context["sent"] = self.meeting.registrant_mails.annotate(
            n_sent=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.SENT)),
            n_failed=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.FAILED)),
            n_pending=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.PENDING)),
        )[:20]
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = RegistrantMailForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data, filters = form.cleaned_data, form.filters()
        if "confirm" not in request.POST or data["expected"] is None:
            group = recipients(self.meeting, **filters)
            count = group.count()
            confirm = RegistrantMailForm(initial={**data, "expected": count})
            return self.render_to_response(self.get_context_data(form=confirm, count=count, preview=data))
        try:
            mail = mail_registrants(
                self.meeting,
                subject=data["subject"],
                body=data["body"],
                filters=filters,
                expected=data["expected"],
                actor=request.user,
            )
        except RegistrationError as exc:
            form.add_error(None, str(exc))
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(request, _("The mail is being sent to %(n)s registrants.") % {"n": mail.deliveries.count()})
        return HttpResponseRedirect(request.path)


class BadgesPdfView(MeetingView, View):
    """Name badges, A4 with 8 a page: name, organisation, stakeholder group (confirmed registrants,
    or a filtered group: ``?mode=onsite``). Rendered on request, like a report PDF without a stored copy."""

    permission_required = "meetings.view_registrations"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from mshub.meetings.reports.pdf import render_pdf

        form = RegistrantFilterForm(request.GET or None)
        filters = form.filters() if form.is_valid() else {}
        qs = Registration.objects.filter(meeting=self.meeting, status=RegistrationStatus.CONFIRMED)
        if filters.get("mode"):
            qs = qs.filter(mode=filters["mode"])
        people = list(qs.select_related("stakeholder_group").order_by("name", "pk")[:MAX_BADGES])
        pages = [people[i : i + BADGES_PER_PAGE] for i in range(0, len(people), BADGES_PER_PAGE)]
        html = render_to_string("meetings/badges.html", {"meeting": self.meeting, "pages": pages}, request=request)
        name = f"{self.meeting.series.slug}-{self.meeting.number}-badges.pdf"
        return bytes_response(
            render_pdf(html), name, "application/pdf", as_attachment=False, sandbox=False, private=True
        )
