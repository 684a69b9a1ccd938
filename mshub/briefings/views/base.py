"""What every briefing page stands on: one briefing of this forum, and one of its versions."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from mshub.briefings.models import Briefing, BriefingVersion
from mshub.core.views.base import ForumObjectView


class BriefingView(ForumObjectView):
    model = Briefing

    def get_queryset(self) -> Any:
        return Briefing.objects.filter(forum=self.forum).select_related("forum", "meeting", "agenda_item")

    @property
    def briefing(self) -> Briefing:
        briefing: Briefing = self.get_object()
        return briefing

    def version(self) -> BriefingVersion | None:
        """The version the URL names (404 if none), else the latest (None before the first)."""
        versions = self.briefing.versions.select_related("briefing__forum", "author")
        if "version" in self.kwargs:
            found = versions.filter(number=self.kwargs["version"]).first()
            if found is None:
                raise Http404("No such version")
            return found
        return versions.order_by("-number").first()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["briefing"] = self.briefing
        context["can_build"] = self.request.user.has_perm("briefings.build_briefing", self.briefing)
        return context
