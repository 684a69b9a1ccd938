"""Importing into the shared calendar: upload an .ics file, subscribe to a feed, see each run's outcome.

Subscriptions belong to the installation (the events they feed are shared); every forum's
secretariat sees and manages them all, and each records the forum it was created through."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from mshub.calendar.feedforms import IcsUploadForm, SubscriptionForm
from mshub.calendar.importing import SubscriptionBusyError, delete_subscription, import_file
from mshub.calendar.models import FeedSubscription, ImportOutcome, ImportRun
from mshub.calendar.tasks import refresh_feed
from mshub.calendar.views.base import CalendarView


class ImportView(CalendarView, FormView[IcsUploadForm]):
    """Upload a file (imported at once: it is small, capped), or go to the subscriptions."""

    permission_required = "calendar.import_events"
    template_name = "calendar/import.html"
    form_class = IcsUploadForm

    def get_initial(self) -> dict[str, Any]:
        return {"timezone": self.forum.timezone}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["runs"] = ImportRun.objects.filter(subscription=None, forum=self.forum)[:10]
        context["subscriptions"] = FeedSubscription.objects.shown_in(self.forum)
        return context

    def form_valid(self, form: IcsUploadForm) -> HttpResponse:
        upload = form.cleaned_data["file"]
        run = import_file(upload.read(), upload.name or "upload.ics", self.forum, form.cleaned_data["timezone"])
        if run.outcome == ImportOutcome.FAILED:
            form.add_error("file", _("Nothing was imported: %(error)s") % {"error": run.error})
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Imported: %(created)s new, %(updated)s updated, %(cancelled)s cancelled, %(unchanged)s unchanged.")
            % {"created": run.created, "updated": run.updated, "cancelled": run.cancelled, "unchanged": run.unchanged},
        )
        return HttpResponseRedirect(reverse("calendar:import", kwargs={"forum": self.forum.slug}))


class SubscriptionCreateView(CalendarView, FormView[SubscriptionForm]):
    permission_required = "calendar.import_events"
    template_name = "calendar/subscription_form.html"
    form_class = SubscriptionForm

    def get_initial(self) -> dict[str, Any]:
        return {"timezone": self.forum.timezone, "active": True}

    def form_valid(self, form: SubscriptionForm) -> HttpResponse:
        subscription = form.save(commit=False)
        subscription.forum = self.forum
        subscription.created_by = self.request.user if self.request.user.is_authenticated else None
        subscription.save()
        subscription.forum_slug = self.forum.slug  # type: ignore[attr-defined] # as read through this forum
        refresh_feed.delay(subscription.pk)
        messages.success(self.request, _("Subscribed. The feed is being imported."))
        return HttpResponseRedirect(subscription.urls.subscription)


class SubscriptionDetailView(CalendarView, TemplateView):
    """The subscription and its runs (the latest 20): started, finished, counts, error."""

    permission_required = "calendar.import_events"
    template_name = "calendar/subscription.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        subscription = get_object_or_404(FeedSubscription.objects.shown_in(self.forum), pk=self.kwargs["pk"])
        context.update(subscription=subscription, runs=subscription.runs.all()[:20])
        return context


class SubscriptionRefreshView(CalendarView, View):
    """POST: refresh now (in the background; a run already under way makes this one skip)."""

    permission_required = "calendar.import_events"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        subscription = get_object_or_404(FeedSubscription.objects.shown_in(self.forum), pk=kwargs["pk"])
        if "active" in request.POST:
            subscription.active = request.POST["active"] == "1"
            subscription.save(update_fields=["active"])
        else:
            refresh_feed.delay(subscription.pk)
            messages.success(request, _("The feed is being refreshed."))
        return HttpResponseRedirect(subscription.urls.subscription)


class SubscriptionDeleteView(CalendarView, View):
    """POST with ``confirm``: delete the subscription and its runs (the events it brought stay)."""

    permission_required = "calendar.import_events"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        subscription = get_object_or_404(FeedSubscription.objects.shown_in(self.forum), pk=kwargs["pk"])
        if request.POST.get("confirm") != "on":
            messages.error(request, _("Tick the box to confirm the deletion."))
            return HttpResponseRedirect(subscription.urls.subscription)
        try:
            name = delete_subscription(subscription.pk, self.forum, request.user)
        except SubscriptionBusyError:
            messages.error(request, _("The feed is being refreshed: try again in a minute."))
            return HttpResponseRedirect(subscription.urls.subscription)
        if name is not None:
            messages.success(request, _("The subscription “%(name)s” was deleted; its events stay.") % {"name": name})
        return HttpResponseRedirect(reverse("calendar:import", kwargs={"forum": self.forum.slug}))
