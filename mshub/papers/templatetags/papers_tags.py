"""Template tags of the papers, for pages of the areas below them that may not import them (a
working group's page lists its papers through ``{% include "papers/_group_papers.html" %}``)."""

from __future__ import annotations

from typing import Any

from django import template

from mshub.papers.access import readable
from mshub.papers.models import Paper

register = template.Library()


@register.simple_tag(takes_context=True)
def group_papers(context: template.Context, group: Any) -> list[Paper]:
    """The papers of ``group`` the page's reader may read (one query)."""
    user = context["request"].user
    papers = readable(Paper.objects.filter(forum_id=group.forum_id, group=group), user, group.forum)
    found = list(papers.order_by("-updated_at", "pk"))
    for paper in found:
        paper.group = group
        paper.forum = group.forum
    return found
