"""A paper's revisions: the list, one revision, and any two side by side (diff.py)."""

from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from mshub.papers.diff import counts, side_by_side
from mshub.papers.models import PaperRevision
from mshub.papers.paragraphs import numbered
from mshub.papers.views.base import PaperView, author_name


class RevisionListView(PaperView, TemplateView):
    permission_required = "papers.view_paper"
    template_name = "papers/revisions.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        revisions = list(
            PaperRevision.objects.filter(paper=self.paper)
            .select_related("author")
            .defer("text", "paragraphs")
            .order_by("-number")
        )
        for revision in revisions:
            revision.paper = self.paper  # its links need the paper's forum: no query per row
            revision.author_name = author_name(revision)  # type: ignore[attr-defined]
        context["revisions"] = revisions
        return context


class RevisionDetailView(PaperView, TemplateView):
    """One revision, read-only, with its numbered paragraphs and their anchors."""

    permission_required = "papers.view_paper"
    template_name = "papers/revision.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        revision = self.revision(self.kwargs["number"])
        revision.paper = self.paper
        context.update(
            revision=revision,
            author=author_name(revision),
            rows=[(p, []) for p in numbered(revision.paragraphs)],
            is_latest=revision.number == self.paper.revision_count,
        )
        return context


def _number(value: Any, default: int, latest: int) -> int:
    """A revision number from the query string: ``default`` when missing or not a number, kept in 1…latest."""
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return default
    return min(max(number, 1), latest)


class CompareView(PaperView, TemplateView):
    """Two revisions side by side (``?from=N&to=M``; by default the one before the latest, and the latest)."""

    permission_required = "papers.view_paper"
    template_name = "papers/compare.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        latest = self.paper.revision_count
        to = _number(self.request.GET.get("to"), latest, latest)
        start = _number(self.request.GET.get("from"), max(to - 1, 1), latest)
        found = {
            r.number: r
            for r in PaperRevision.objects.filter(paper=self.paper, number__in={start, to}).select_related("author")
        }
        old, new = found[start], found[to]
        rows = side_by_side(old.paragraphs, new.paragraphs)
        context.update(
            old=old,
            new=new,
            old_author=author_name(old),
            new_author=author_name(new),
            rows=rows,
            counts=counts(rows),
            numbers=list(range(1, latest + 1)),
        )
        return context
