"""Base classes for the read-only JSON API of public resources."""

from __future__ import annotations

from typing import Any

from django.db import models
from rest_framework import viewsets


class ForumReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only list/detail of one forum's records (``/api/v1/<forum>/…``)."""

    permission_required: str
    queryset: models.QuerySet[Any]

    @property
    def forum(self) -> Any:
        return self.request._request.forum  # type: ignore[attr-defined]

    def get_queryset(self) -> models.QuerySet[Any]:
        return self.queryset.filter(forum=self.forum)
