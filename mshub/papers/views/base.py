"""What the papers' pages share: the paper named by ``pk`` in the URL, looked up in this forum, read once."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from mshub.core.views.base import ForumView
from mshub.papers.models import Paper, PaperRevision


class PaperView(ForumView):
    """A page of one paper (``<pk>`` in the URL); the permission is checked on the paper, so another
    forum's paper is not found (404) before any rule is asked."""

    _paper: Paper | None = None
    paper_related: tuple[str, ...] = ("forum", "group", "group__forum")  # read with the paper

    @property
    def paper(self) -> Paper:
        if self._paper is None:
            self._paper = get_object_or_404(
                Paper.objects.filter(forum=self.forum).select_related(*self.paper_related), pk=self.kwargs["pk"]
            )
        return self._paper

    def get_permission_object(self) -> Any:
        return self.paper

    def revision(self, number: int) -> PaperRevision:
        """Revision ``number`` of the paper (404 if it has none), with its author."""
        return get_object_or_404(PaperRevision.objects.filter(paper=self.paper).select_related("author"), number=number)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            paper=self.paper,
            group=self.paper.group,
            can_run=self.request.user.has_perm("papers.run_paper", self.paper),
        )
        return context


def author_name(revision: PaperRevision) -> str:
    """Who saved a revision, as pages show it: the account's display name (never its address)."""
    author = revision.author
    return (author.display_name if author is not None else "") or "–"
