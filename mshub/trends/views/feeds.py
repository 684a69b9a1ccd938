"""The feed pages (the secretariat's): the list with each feed's last run, a feed with its runs,
the forms, deleting, and "poll now" (queued: a request never fetches)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from mshub.core.views.base import ForumObjectView, ForumView
from mshub.trends.forms import TrendFeedForm
from mshub.trends.models import FeedOutcome, FeedRun, TrendFeed
from mshub.trends.services import FeedBusyError, TrendError, create_feed, delete_feed, queue_poll, update_feed

RUNS_SHOWN = 20


class FeedListView(ForumView, TemplateView):
    permission_required = "trends.manage_feeds"
    template_name = "trends/feeds.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        last = FeedRun.objects.filter(feed=OuterRef("pk")).order_by("-started_at", "-pk")
        feeds = list(
            TrendFeed.objects.filter(forum=self.forum)
            .select_related("forum")
            .annotate(
                last_outcome=Subquery(last.values("outcome")[:1]),
                last_started=Subquery(last.values("started_at")[:1]),
                last_message=Subquery(last.values("message")[:1]),
                item_count=Count("items", distinct=True),
            )
        )
        for feed in feeds:
            outcome = feed.last_outcome
            feed.last_label = FeedOutcome(outcome).label if outcome else ""  # type: ignore[attr-defined]
        context["feeds"] = feeds
        return context


class FeedView(ForumObjectView, TemplateView):
    model = TrendFeed
    permission_required = "trends.manage_feeds"
    template_name = "trends/feed.html"

    def get_queryset(self) -> QuerySet[TrendFeed]:
        return TrendFeed.objects.filter(forum=self.forum).select_related("forum")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        feed = self.get_object()
        context.update(
            feed=feed,
            topics=list(feed.topics.order_by("order", "code")),
            runs=list(feed.runs.all()[:RUNS_SHOWN]),
            item_count=feed.items.count(),
        )
        return context


class FeedFormView(ForumView, FormView[TrendFeedForm]):
    template_name = "trends/feed_form.html"
    form_class = TrendFeedForm
    instance: TrendFeed | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "forum": self.forum, "instance": self.instance}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "feed": self.instance}

    def save(self, form: TrendFeedForm) -> TrendFeed:
        raise NotImplementedError

    def form_valid(self, form: TrendFeedForm) -> HttpResponse:
        try:
            feed = self.save(form)
        except TrendError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(feed.urls.feed)


class FeedCreateView(FeedFormView):
    permission_required = "trends.manage_feeds"

    def save(self, form: TrendFeedForm) -> TrendFeed:
        return create_feed(self.forum, self.request.user, **form.values())


class FeedUpdateView(ForumObjectView, FeedFormView):
    model = TrendFeed
    permission_required = "trends.manage_feeds"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.instance = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def save(self, form: TrendFeedForm) -> TrendFeed:
        assert self.instance is not None
        return update_feed(self.forum, self.request.user, self.instance, **form.values())


class FeedPollView(ForumObjectView, View):
    """POST: poll now, in the background (a poll already under way makes this one skip)."""

    model = TrendFeed
    permission_required = "trends.manage_feeds"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        feed = self.get_object()
        queue_poll(self.forum, request.user, feed)
        messages.success(request, _("The feed is being polled; its run shows below when it is done."))
        return HttpResponseRedirect(feed.urls.feed)


class FeedDeleteView(ForumObjectView, View):
    """POST with ``confirm``: delete the feed and its runs (the items it brought stay)."""

    model = TrendFeed
    permission_required = "trends.manage_feeds"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        feed = self.get_object()
        if request.POST.get("confirm") != "on":
            messages.error(request, _("Tick the box to confirm the deletion."))
            return HttpResponseRedirect(feed.urls.feed)
        try:
            name = delete_feed(self.forum, request.user, feed)
        except FeedBusyError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(feed.urls.feed)
        if name is not None:
            messages.success(request, _("The feed “%(name)s” was deleted; its items stay.") % {"name": name})
        return HttpResponseRedirect(reverse("trends:feeds", kwargs={"forum": self.forum.slug}))
