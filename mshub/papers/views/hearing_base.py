"""What the hearing pages share: the paper and the hearing named in the URL, looked up in this forum."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from mshub.papers.models import Hearing
from mshub.papers.views.base import PaperView


class HearingScopedView(PaperView):
    """A page of one hearing (``hearing``) of the paper: another paper's or forum's is not found,
    whatever the method (it is looked up before the permission is checked)."""

    _hearing: Hearing | None = None

    @property
    def hearing(self) -> Hearing:
        if self._hearing is None:
            hearing = get_object_or_404(
                Hearing.objects.filter(paper=self.paper, forum=self.forum).select_related("revision"),
                pk=self.kwargs["hearing"],
            )
            hearing.paper = self.paper
            self._hearing = hearing
        return self._hearing

    def get_permission_object(self) -> Any:
        self.hearing  # noqa: B018 -- looked up first: a foreign hearing is a 404 for everyone
        return self.paper

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["hearing"] = self.hearing
        return context
