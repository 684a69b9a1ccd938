"""``{% load topics_tags %}``: a record's topics on its page, and the picker for those who may tag it.

``{% prefetch_topics records %}`` reads the topics of a list of records in one query (before a loop
that shows ``{% record_topics obj %}`` for each); ``{% record_topics obj %}`` renders
``topics/_record_topics.html``: the topics as links to their pages, and, for a reader who holds the
record's registered permission, the picker. ``{% topics_for obj as topics %}`` gives the list only;
``{% topics_among_records meeting.agenda_items.all as topics %}`` the topics of a set of records at
once (the topics of an agenda, without reading its items).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.db import models
from django.template.loader import render_to_string

from mshub.topics.tagging import chips_context, remember, topics_among, topics_of

register = template.Library()


def _forum(context: template.Context) -> Any:
    return context.get("forum") or getattr(context.get("request"), "forum", None)


@register.simple_tag(takes_context=True)
def prefetch_topics(context: template.Context, records: Any) -> str:
    request, forum = context.get("request"), _forum(context)
    if request is not None and forum is not None:
        remember(request, forum, [r for r in records if isinstance(r, models.Model)])
    return ""


@register.simple_tag(takes_context=True)
def topics_for(context: template.Context, obj: models.Model) -> list[Any]:
    forum = _forum(context)
    return [] if forum is None else topics_of(context.get("request"), forum, obj)


@register.simple_tag(takes_context=True)
def topics_among_records(context: template.Context, queryset: Any) -> list[Any]:
    """The forum's topics on any record of ``queryset`` (a meeting's ``agenda_items.all``), one query."""
    forum = _forum(context)
    return [] if forum is None else topics_among(forum, queryset)


@register.simple_tag(takes_context=True)
def record_topics(context: template.Context, obj: models.Model, compact: bool = False) -> str:
    """The chips (and the picker) of ``obj``; ``compact`` leaves out the heading "Topics"."""
    request, forum = context.get("request"), _forum(context)
    if forum is None or obj is None:
        return ""
    extra = {
        "compact": compact,
        "topic_suggestions_template": context.get("topic_suggestions_template"),
    }
    return render_to_string(
        "topics/_record_topics.html", {**chips_context(request, forum, obj), **extra}, request=request
    )
