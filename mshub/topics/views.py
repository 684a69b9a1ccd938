"""Topic pages: the tree, one topic with everything tagged with it, and the secretariat's edits."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from mshub.core.views.base import ForumView
from mshub.topics import services
from mshub.topics.forms import TopicForm
from mshub.topics.listing import counts_by_year, tagged_records, tree_rows
from mshub.topics.models import Topic
from mshub.topics.statistics import totals_by_topic


class TopicListView(ForumView, TemplateView):
    permission_required = "topics.view_topic"
    template_name = "topics/topic_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # Only records that still exist (and this forum may see): one query per kind of record.
        totals = totals_by_topic(self.forum)
        topics = list(Topic.objects.of(self.forum).select_related("forum"))
        for t in topics:
            t.tag_count = totals.get(t.pk, 0)  # type: ignore[attr-defined]
        context["rows"] = tree_rows(topics)
        return context


class OneTopic(ForumView):
    """A view of one topic of this forum, named by its code (another forum's code: 404)."""

    _topic: Topic | None = None

    @property
    def topic(self) -> Topic:
        if self._topic is None:
            self._topic = get_object_or_404(
                Topic.objects.select_related("forum"), forum=self.forum, code=self.kwargs["code"]
            )
        return self._topic

    def get_permission_object(self) -> Any:
        return self.topic.forum


class TopicDetailView(OneTopic, TemplateView):
    permission_required = "topics.view_topic"
    template_name = "topics/topic_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        records = tagged_records(self.forum, self.topic, self.request.user)
        context.update(
            topic=self.topic,
            ancestors=list(reversed(self.topic.ancestors())),
            children=list(self.topic.children.select_related("forum")),
            records=records,
            years=counts_by_year(records),
        )
        return context


class TopicFormMixin(ForumView):
    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "forum": self.forum}  # type: ignore[misc]


class TopicCreateView(TopicFormMixin, FormView[TopicForm]):
    permission_required = "topics.add_topic"
    template_name = "topics/topic_form.html"
    form_class = TopicForm

    def form_valid(self, form: TopicForm) -> HttpResponse:
        try:
            topic = services.create_topic(self.forum, self.request.user, **form.cleaned_data)
        except services.TopicError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s was added.") % {"name": topic.name})
        return HttpResponseRedirect(topic.urls.topic)


class TopicUpdateView(TopicFormMixin, OneTopic, FormView[TopicForm]):
    permission_required = "topics.change_topic"
    template_name = "topics/topic_form.html"
    form_class = TopicForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.topic}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "topic": self.topic}

    def form_valid(self, form: TopicForm) -> HttpResponse:
        try:
            topic = services.update_topic(self.forum, self.request.user, self.topic, **form.cleaned_data)
        except services.TopicError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s was saved.") % {"name": topic.name})
        return HttpResponseRedirect(topic.urls.topic)


class TopicStateView(OneTopic, View):
    """POST ``active=0`` retires the topic, ``active=1`` brings it back."""

    permission_required = "topics.change_topic"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        active = request.POST.get("active") == "1"
        topic = services.set_active(self.forum, request.user, self.topic, active)
        if active:
            messages.success(request, _("%(name)s is in use again.") % {"name": topic.name})
        else:
            messages.success(request, _("%(name)s was retired; its tags stay.") % {"name": topic.name})
        return HttpResponseRedirect(self.topic.urls.topic)


class TopicDeleteView(OneTopic, TemplateView):
    permission_required = "topics.delete_topic"
    template_name = "topics/topic_delete.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(topic=self.topic, in_use=self.topic.is_in_use() or self.topic.children.exists())
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            services.delete_topic(self.forum, request.user, self.topic)
        except services.TopicError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(self.topic.urls.topic)
        messages.success(request, _("The topic was deleted."))
        return HttpResponseRedirect(reverse("topics:topic-list", kwargs={"forum": self.forum.slug}))
