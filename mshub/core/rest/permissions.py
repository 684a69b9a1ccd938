"""API permissions come from the same registry as the pages (``mshub.core.permissions``)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class RulesPermission(BasePermission):
    """Every API view names ``permission_required``; it is checked against the forum and each object."""

    def _perm(self, view: Any) -> str:
        perm = getattr(view, "permission_required", None)
        if not perm:
            raise ImproperlyConfigured(f"{type(view).__name__} must name its permission_required")
        return str(perm)

    def has_permission(self, request: Request, view: Any) -> bool:
        forum = getattr(request._request, "forum", None)
        if forum is None:
            return bool(getattr(view, "site_wide", False))
        return bool(request.user.has_perm(self._perm(view), forum))

    def has_object_permission(self, request: Request, view: Any, obj: Any) -> bool:
        return bool(request.user.has_perm(self._perm(view), obj))
