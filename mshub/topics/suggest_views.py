"""The suggestions partial: which topics a text is about, as buttons another page's tag form can use.

GET ``?text=…`` (or POST ``text``), repeated ``text`` fields read together; ``exclude`` names topic
codes not to offer (those already on the record); ``limit`` caps the list. The answer is the HTML
fragment ``topics/_suggestions.html``: one ``<button name="topics" value="<code>">`` per suggested
topic, so that inside a tag form one click submits that topic. Nothing is tagged here.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.generic import TemplateView

from mshub.core.views.base import ForumView
from mshub.topics.suggestions import suggest

MAX_TEXTS = 10
MAX_TEXT_CHARS = 20_000
MAX_LIMIT = 20
DEFAULT_LIMIT = 5


class TopicSuggestView(ForumView, TemplateView):
    permission_required = "topics.change_topic"  # the secretariat, who tags and edits topics
    template_name = "topics/_suggestions.html"
    http_method_names = ["get", "post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        data = self.request.POST if self.request.method == "POST" else self.request.GET
        texts = [text[:MAX_TEXT_CHARS] for text in data.getlist("text")[:MAX_TEXTS]]
        try:
            limit = min(MAX_LIMIT, max(1, int(data.get("limit", DEFAULT_LIMIT))))
        except ValueError:
            limit = DEFAULT_LIMIT
        exclude = data.getlist("exclude")[:200]
        context.update(
            asked=any(text.strip() for text in texts),
            suggestions=suggest(self.forum, *texts, limit=limit, exclude=exclude) if texts else [],
        )
        return context
