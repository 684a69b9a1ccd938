"""The deadlines as an .ics file, and a member's choice of the weekly digest by mail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from mshub.consultations.digest import DIGEST_DAYS, is_subscribed, set_subscription
from mshub.consultations.ics import deadlines_calendar
from mshub.consultations.views.pages import ConsultationsView
from mshub.core.pages import url_for_each

RECENT = dt.timedelta(days=90)  # deadlines passed this long ago stay in the file


class ConsultationIcsView(ConsultationsView, View):
    """Every consultation upcoming, open or closed in the last 90 days, at its deadline."""

    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    permission_required = "consultations.view_consultation"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        consultations = self.consultations().listed().closing_after(timezone.now() - RECENT).by_deadline()
        page_url = url_for_each("consultations:detail", {"forum": self.forum.slug})
        name = _("%(forum)s: consultation deadlines") % {"forum": self.forum.name}
        response = HttpResponse(
            deadlines_calendar(consultations, page_url, name), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'inline; filename="{self.forum.slug}-consultations.ics"'
        return response


class DigestChoiceForm(forms.Form):
    subscribed = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1")


class DigestView(ConsultationsView, TemplateView):
    """GET shows whether the member receives the weekly digest; POST (only) changes it."""

    permission_required = "consultations.receive_digest"
    template_name = "consultations/digest.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(subscribed=is_subscribed(self.forum, self.request.user), days=DIGEST_DAYS)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = DigestChoiceForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(), status=400)
        subscribed = form.cleaned_data["subscribed"]
        set_subscription(self.forum, request.user, subscribed)
        if subscribed:
            messages.success(request, _("You will receive the weekly digest."))
        else:
            messages.success(request, _("You will no longer receive the weekly digest."))
        return HttpResponseRedirect(reverse("consultations:digest", kwargs={"forum": self.forum.slug}))
