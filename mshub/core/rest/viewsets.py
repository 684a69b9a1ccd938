"""The base of every area's forum-scoped, read-only API viewsets."""

from __future__ import annotations

from typing import Any

from django.db import models
from rest_framework import viewsets

from mshub.core.http import forum_of
from mshub.core.models import Forum


class ForumReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only list/detail of one forum's records (``/api/v1/<forum>/…``)."""

    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)

    permission_required: str
    queryset: models.QuerySet[Any]

    @property
    def forum(self) -> Forum:
        return forum_of(self.request._request)

    def get_queryset(self) -> models.QuerySet[Any]:
        return self.queryset.filter(forum=self.forum)
