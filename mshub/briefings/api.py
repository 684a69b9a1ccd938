"""JSON API of the briefings (read-only): the published briefings a reader may read, each with its
latest version's content."""

from __future__ import annotations

from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mshub.briefings.audience import visible_to
from mshub.briefings.models import Briefing
from mshub.core.rest.viewsets import ForumReadOnlyViewSet


class BriefingSerializer(serializers.ModelSerializer[Briefing]):
    version = serializers.SerializerMethodField()
    content = serializers.SerializerMethodField()
    page = serializers.SerializerMethodField()

    class Meta:
        model = Briefing
        fields = [
            "id",
            "title_ja",
            "title_en",
            "period_start",
            "period_end",
            "audience",
            "language",
            "version",
            "content",
            "page",
        ]

    def _latest(self, briefing: Briefing) -> Any:
        versions = briefing.versions.all()  # prefetched, newest first
        return versions[0] if versions else None

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_version(self, briefing: Briefing) -> int | None:
        latest = self._latest(briefing)
        return latest.number if latest else None

    @extend_schema_field(serializers.JSONField())
    def get_content(self, briefing: Briefing) -> Any:
        latest = self._latest(briefing)
        return latest.content if latest else None

    @extend_schema_field(serializers.CharField())
    def get_page(self, briefing: Briefing) -> str:
        return str(briefing.urls.detail)


class BriefingViewSet(ForumReadOnlyViewSet):
    """Published briefings (as their audience may read them), with the latest version's content."""

    serializer_class = BriefingSerializer
    queryset = Briefing.objects.all()
    permission_required = "briefings.view_briefings"

    def get_queryset(self) -> models.QuerySet[Any]:
        from django.db.models import Prefetch

        from mshub.briefings.models import BriefingVersion

        found = Briefing.objects.of(self.forum)
        if self.action == "list":
            found = visible_to(found, self.request.user, self.forum, drafts=False)
        latest = Prefetch("versions", queryset=BriefingVersion.objects.order_by("-number"))
        return found.select_related("forum").prefetch_related(latest).order_by("-period_end", "pk")

    def check_object_permissions(self, request: Any, obj: Any) -> None:
        """One briefing: only for those its audience lets read it (403 for the others, as every page)."""
        super().check_object_permissions(request, obj)
        if not request.user.has_perm("briefings.view_briefing", obj):
            self.permission_denied(request)
