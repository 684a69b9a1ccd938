"""A comment's text as safe HTML (Markdown rendered without raw HTML and cleaned: paragraphs.render)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from mshub.papers import paragraphs

register = template.Library()


@register.filter
def comment_html(text: str) -> SafeString:
    return mark_safe(paragraphs.render(str(text or "")))  # noqa: S308 -- nh3-cleaned (paragraphs.render)


@register.simple_tag
def commentable_hearing(paper: Any, user: Any) -> Any:
    """The open hearing of ``paper`` that ``user`` may comment on, or None: one query per page (cached
    on the paper for the paragraphs that follow)."""
    cache = paper.__dict__.setdefault("_mshub_commentable", {})
    key = getattr(user, "pk", None)
    if key not in cache:
        from django.utils import timezone

        now = timezone.now()
        hearing = paper.hearings.filter(opens_at__lte=now, closes_at__gt=now).first() if key else None
        if hearing is not None:
            hearing.paper = paper
        cache[key] = hearing if hearing is not None and user.has_perm("papers.comment_hearing", hearing) else None
    return cache[key]
