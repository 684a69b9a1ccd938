"""Registering for a meeting, and cancelling with the link from the confirmation mail."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from mshub.accounts import throttle
from mshub.meetings.forms import RegistrationForm
from mshub.meetings.models import Registration, RegistrationStatus
from mshub.meetings.services.registration import RegistrationError, cancel, register, registration_open
from mshub.meetings.views.base import MeetingView, RegistrantLinkView

REGISTRATION_LIMIT_REACHED = gettext_lazy(
    "Too many registrations for this address or from your network recently: nothing was registered "
    "and no mail was sent. Please try again later."
)


class RegisterView(MeetingView, FormView[RegistrationForm]):
    permission_required = "meetings.register"
    template_name = "meetings/register.html"
    form_class = RegistrationForm

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = {**super().get_form_kwargs(), "meeting": self.meeting}
        user = self.request.user
        if user.is_authenticated and self.request.method == "GET":
            kwargs["initial"] = {"name": str(user), "email": user.email}
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "registration_open": registration_open(self.meeting)}

    def form_valid(self, form: RegistrationForm) -> HttpResponse:
        data = form.cleaned_data
        # Registering mails a confirmation to the typed address: limited per address and per client.
        if not throttle.allow_mail(self.request, "registration", data["email"]):
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
    """Anyone holding the secret link from the mail may cancel that registration (and only it)."""

    permission_required = "meetings.register"
    template_name = "meetings/cancel.html"

    def get_registration(self) -> Registration:
        return get_object_or_404(Registration, meeting=self.meeting, token=self.kwargs["token"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "registration": self.get_registration()}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        registration = self.get_registration()
        if registration.status == RegistrationStatus.CANCELLED:
            messages.info(request, _("This registration was already cancelled."))
        else:
            cancel(registration)
            messages.success(request, _("Your registration is cancelled. Thank you for letting us know."))
        return HttpResponseRedirect(self.after())
