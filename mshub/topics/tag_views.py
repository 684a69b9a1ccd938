"""Tagging any registered record from its own page: POST ``/<forum>/topics/tag/<kind>/<pk>/``.

``action=add`` or ``action=remove`` with one or more ``topic`` codes of this forum (or ``topics``:
a suggestion's button, which then stands alone). The view needs
``topics.tag_records`` on the forum and the kind's registered permission on the record (403
otherwise); the writes are ``services.tag`` / ``untag``. An htmx request gets the record's chips
back (``topics/_record_topics.html``); any other goes back to ``next`` (a local address) or the
record's page, with a message.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from mshub.core.views.base import ForumView
from mshub.topics import registry, services
from mshub.topics.models import Topic
from mshub.topics.tagging import chips_context, forget


class TagRecordView(ForumView, View):
    permission_required = "topics.tag_records"
    http_method_names = ["post"]

    _record: models.Model | None = None

    @property
    def entry(self) -> registry.Taggable:
        entry = registry.by_kind(self.kwargs["kind"])
        if entry is None:
            raise Http404("no such kind of record")
        return entry

    @property
    def record(self) -> models.Model:
        if self._record is None:
            found = self.entry.records(self.forum).filter(pk=self.kwargs["pk"]).first()
            if found is None:
                raise Http404("no such record in this forum")
            self._record = found
        return self._record

    def has_permission(self) -> bool:
        return super().has_permission() and self.entry.may_tag(self.request.user, self.forum, self.record)

    def _topics(self, codes: list[str]) -> list[Topic]:
        """This forum's topics named by ``codes``; a code this forum does not have is refused."""
        wanted = {code for code in codes if code}
        topics = list(Topic.objects.of(self.forum).filter(code__in=wanted).select_related("forum"))
        if not wanted or len(topics) != len(wanted):
            raise services.ForeignTopicError(_("Choose topics of this forum."))
        return topics

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        action = request.POST.get("action")
        record, error = self.record, ""
        try:
            if action not in {"add", "remove"}:
                raise services.TopicError(_("Unknown action."))
            # a suggestion's button (topics/_suggestions.html: name="topics") adds that topic alone
            codes = request.POST.getlist("topics") or request.POST.getlist("topic")
            topics = self._topics(codes[:50])
            if action == "add":
                services.tag(self.forum, record, topics, request.user)
            else:
                services.untag(self.forum, record, topics, request.user)
        except services.TopicError as refused:
            error = str(refused)
        forget(request, record)
        if getattr(request, "htmx", False):
            # htmx swaps 2xx answers only: a refusal is shown in the chips, which stay as they were
            context = {**chips_context(request, self.forum, record, error=error), "next_url": self._next()}
            return render(request, "topics/_record_topics.html", context)
        if error:
            messages.error(request, error)
        else:
            messages.success(request, _("The topics were saved."))
        return HttpResponseRedirect(self._next())

    def _next(self) -> str:
        target = self.request.POST.get("next", "")
        if target and url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return target
        return self.entry.url_of(self.record) or f"/{self.forum.slug}/"
