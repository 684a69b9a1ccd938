from __future__ import annotations

from typing import Any

from django.db import models
from rest_framework import serializers, viewsets

from mshub.core.models import Forum


class ForumSerializer(serializers.ModelSerializer[Forum]):
    class Meta:
        model = Forum
        fields = ["slug", "name_ja", "name_en", "short_name", "description_ja", "description_en", "timezone"]


class ForumViewSet(viewsets.ReadOnlyModelViewSet):
    """Forums the caller may read."""

    serializer_class = ForumSerializer
    permission_required = "core.view_forum"
    site_wide = True
    lookup_field = "slug"

    def get_queryset(self) -> models.QuerySet[Any]:
        qs = Forum.objects.all()
        user = self.request.user
        if user.is_authenticated:
            return qs.filter(models.Q(is_public=True) | models.Q(memberships__user=user)).distinct()
        return qs.filter(is_public=True)
