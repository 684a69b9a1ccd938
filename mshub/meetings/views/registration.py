"""Registering for a meeting; switching on site/remote and cancelling, from the meeting page when signed
in or with the link from the confirmation mail."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from mshub.accounts import mail_limits
from mshub.meetings.forms import RegistrationForm
from mshub.meetings.models import Meeting, Registration, RegistrationStatus
from mshub.meetings.services.registration import (
    LIVE,
    RegistrationError,
    cancel,
    change_mode,
    register,
    registration_open,
)
from mshub.meetings.views.base import MeetingView, RegistrantLinkView
from mshub.people.models import Person

REGISTRATION_LIMIT_REACHED = gettext_lazy(
    "Too many registrations for this address or from your network recently: nothing was registered "
    "and no mail was sent. Please try again later."
)


def registry_initial(user: Any, meeting: Meeting) -> dict[str, Any]:
    """For a signed-in user linked to a registry person: their name, organisation and stakeholder group
    as at the meeting (the best current affiliation), offered as editable starting values."""
    person = Person.objects.filter(forum=meeting.forum, user=user).first()
    if person is None:
        return {}
    initial: dict[str, Any] = {"name": person.name}
    if person.gender_id:
        initial["gender"] = person.gender_id
    affiliation = person.affiliation_on(meeting.start.date())
    if affiliation is not None:
        initial["organization"] = affiliation.label
        initial["stakeholder_group"] = affiliation.organization.stakeholder_group_id
    return initial


def own_registration(user: Any, meeting: Meeting) -> Registration | None:
    """The signed-in user's live registration for the meeting (by the account's address)."""
    if not user.is_authenticated or not user.email:
        return None
    return Registration.objects.filter(meeting=meeting, email__iexact=user.email, status__in=LIVE).first()


def switch_mode(request: HttpRequest, registration: Registration) -> None:
    """Switch on site/remote; when the seats are taken, only with ``waitlist`` (joins the waiting list)."""
    try:
        registration = change_mode(
            registration, request.POST.get("mode", ""), waitlist=bool(request.POST.get("waitlist")), by_registrant=True
        )
    except RegistrationError as exc:
        messages.error(request, str(exc))
        return
    if registration.status == RegistrationStatus.WAITLISTED:
        messages.warning(
            request,
            _("You are number %(n)s on the waiting list for a seat on site.") % {"n": registration.waitlist_position},
        )
    else:
        messages.success(request, _("You now attend %(mode)s.") % {"mode": registration.get_mode_display()})


def cancel_own(request: HttpRequest, registration: Registration) -> None:
    if registration.status == RegistrationStatus.CANCELLED:
        messages.info(request, _("This registration was already cancelled."))
    else:
        cancel(registration)
        messages.success(request, _("Your registration is cancelled. Thank you for letting us know."))


class RegisterView(MeetingView, FormView[RegistrationForm]):
    permission_required = "meetings.register"
    template_name = "meetings/register.html"
    form_class = RegistrationForm

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = {**super().get_form_kwargs(), "meeting": self.meeting}
        user = self.request.user
        if user.is_authenticated and self.request.method == "GET":
            kwargs["initial"] = {"name": str(user), "email": user.email, **registry_initial(user, self.meeting)}
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "registration_open": registration_open(self.meeting)}

    def form_valid(self, form: RegistrationForm) -> HttpResponse:
        data = form.cleaned_data
        # Registering mails a confirmation to the typed address: limited per address and per client.
        if not mail_limits.allow_mail(self.request, "registration", data["email"]):
            form.add_error(None, REGISTRATION_LIMIT_REACHED)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        try:
            registration = register(self.meeting, **data)
        except RegistrationError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        if registration.status == RegistrationStatus.WAITLISTED:
            messages.warning(
                self.request,
                _("The on-site seats are taken: you are number %(n)s on the waiting list. We sent you a mail.")
                % {"n": registration.waitlist_position},
            )
        else:
            messages.success(self.request, _("You are registered. We sent a confirmation with a cancel link."))
        return HttpResponseRedirect(self.meeting.get_absolute_url())


class CancelRegistrationView(RegistrantLinkView, TemplateView):
    """Anyone holding the secret link from the mail may switch or cancel that registration (and only it)."""

    permission_required = "meetings.register"
    template_name = "meetings/cancel.html"

    def get_registration(self) -> Registration:
        return get_object_or_404(Registration, meeting=self.meeting, token=self.kwargs["token"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "registration": self.get_registration(),
            "registration_open": registration_open(self.meeting),
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        registration = self.get_registration()
        if request.POST.get("action") == "mode":
            switch_mode(request, registration)
            return HttpResponseRedirect(request.path)
        cancel_own(request, registration)
        return HttpResponseRedirect(self.after())


class MyRegistrationView(MeetingView, View):
    """A signed-in registrant switches mode or cancels from the meeting page (POST only)."""

    permission_required = "meetings.register"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        registration = own_registration(request.user, self.meeting)
        if registration is None:
            messages.error(request, _("You have no registration for this meeting."))
        elif request.POST.get("action") == "mode":
            switch_mode(request, registration)
        elif request.POST.get("action") == "cancel":
            cancel_own(request, registration)
        else:
            return HttpResponse(_("Unknown action."), status=400)
        return HttpResponseRedirect(self.meeting.get_absolute_url())
