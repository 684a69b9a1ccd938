"""The trend item pages: the list (newest first, filtered by topic, source and period), one item, and
the secretariat's forms. Writes go through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from mshub.core.views.base import ForumObjectView, ForumView
from mshub.topics.models import Topic
from mshub.topics.tagging import with_topic
from mshub.trends.forms import TrendFilterForm, TrendItemForm
from mshub.trends.models import TrendItem
from mshub.trends.services import TrendError, create_item, delete_item, topics_by_item, update_item


class TrendListView(ForumView, ListView[TrendItem]):
    permission_required = "trends.view_trenditem"
    template_name = "trends/index.html"
    paginate_by = 25

    def get_queryset(self) -> QuerySet[TrendItem]:
        items = TrendItem.objects.of(self.forum).select_related("forum").newest_first()
        self.filters = TrendFilterForm(self.request.GET or None, forum=self.forum)
        if not self.filters.is_bound:
            return items
        if not self.filters.is_valid():
            return items.none()  # the form says why
        chosen = self.filters.cleaned_data
        topic = Topic.objects.of(self.forum).filter(code=chosen["topic"]).first() if chosen.get("topic") else None
        if topic is not None:  # the topic and those under it, as the calendar and consultations filter
            items = with_topic(items, self.forum, topic)
        if chosen.get("source"):
            items = items.filter(source_name=chosen["source"])
        if chosen.get("period"):
            items = items.filter(date__gte=timezone.localdate() - dt.timedelta(days=int(chosen["period"])))
        if chosen.get("year"):
            items = items.filter(date__year=chosen["year"])
        return items

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        rows = list(context["object_list"])
        topics = topics_by_item(rows)
        for row in rows:
            row.topic_list = topics.get(row.pk, [])
        context.update(rows=rows, filters=self.filters)
        return context


class TrendItemView(ForumObjectView, TemplateView):
    model = TrendItem
    permission_required = "trends.view_trenditem"
    template_name = "trends/item.html"

    def get_queryset(self) -> QuerySet[TrendItem]:
        return TrendItem.objects.of(self.forum).select_related("forum", "feed__forum")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        item = self.get_object()
        context.update(
            item=item,
            organizations=list(item.organizations.select_related("forum").order_by("name_en", "pk")),
        )
        return context


class TrendItemFormView(ForumView, FormView[TrendItemForm]):
    template_name = "trends/item_form.html"
    form_class = TrendItemForm
    instance: TrendItem | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "forum": self.forum, "instance": self.instance}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "item": self.instance}

    def save(self, form: TrendItemForm) -> TrendItem:
        raise NotImplementedError

    def form_valid(self, form: TrendItemForm) -> HttpResponse:
        try:
            item = self.save(form)
        except TrendError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(item.urls.item)


class TrendItemCreateView(TrendItemFormView):
    permission_required = "trends.change_trenditem"

    def get_initial(self) -> dict[str, Any]:
        return {"date": timezone.localdate()}

    def save(self, form: TrendItemForm) -> TrendItem:
        return create_item(self.forum, self.request.user, **form.values())


class TrendItemUpdateView(ForumObjectView, TrendItemFormView):
    model = TrendItem
    permission_required = "trends.change_trenditem"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.instance = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def save(self, form: TrendItemForm) -> TrendItem:
        assert self.instance is not None
        # the form wrote its values onto the instance; the service reads the row again under a lock
        return update_item(self.forum, self.request.user, self.instance, **form.values())


class TrendItemDeleteView(ForumObjectView, View):
    """POST with ``confirm``: delete the item (its topic tags go with it)."""

    model = TrendItem
    permission_required = "trends.change_trenditem"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        item = self.get_object()
        if request.POST.get("confirm") != "on":
            messages.error(request, _("Tick the box to confirm the deletion."))
            return HttpResponseRedirect(item.urls.item)
        delete_item(self.forum, request.user, item)
        messages.success(request, _("The trend item was deleted."))
        return HttpResponseRedirect(reverse("trends:index", kwargs={"forum": self.forum.slug}))
