"""The base every forum view stands on: scoping and the permission check."""

from __future__ import annotations

from typing import Any, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import get_object_or_404

from mshub.core.http import ForumRequest
from mshub.core.models import Forum


class ForumView:
    """Mixin for every view under ``/<forum>/``.

    ``permission_required`` is mandatory: a view that forgets it refuses to
    serve. The permission is checked against ``get_permission_object()``,
    which is the forum unless a view narrows it to one record. Anonymous
    visitors who lack it are sent to sign in; signed-in users get 403.
    """

    permission_required: str | None = None
    request: HttpRequest  # Django's views declare it so; ``forum_request`` is the same, typed
    kwargs: dict[str, Any]

    @property
    def forum(self) -> Forum:
        forum: Forum | None = getattr(self.request, "forum", None)
        if forum is None:
            raise ImproperlyConfigured(f"{type(self).__name__} is not mounted under /<forum>/")
        return forum

    @property
    def forum_request(self) -> ForumRequest:
        """The request with what the middleware set on it typed (``forum``, ``htmx``, ``csp_nonce``)."""
        self.forum  # noqa: B018 -- refuses a view mounted outside /<forum>/
        return cast(ForumRequest, self.request)

    def get_permission_object(self) -> Any:
        return self.forum

    def has_permission(self) -> bool:
        if not self.permission_required:
            raise ImproperlyConfigured(f"{type(self).__name__} must name its permission_required")
        return self.request.user.has_perm(self.permission_required, self.get_permission_object())

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not self.has_permission():
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)  # type: ignore[misc]
        context["forum"] = self.forum
        return context


class ForumObjectView(ForumView):
    """A view of one record that belongs to the forum; the permission is checked on it."""

    model: type[models.Model]
    object: Any

    def get_queryset(self) -> models.QuerySet[Any]:
        return self.model._default_manager.filter(forum=self.forum)

    _object: Any = None

    def get_object(self, queryset: models.QuerySet[Any] | None = None) -> Any:
        """The record named by ``pk`` in this forum, fetched once per request."""
        if self._object is None:
            self._object = get_object_or_404(
                queryset if queryset is not None else self.get_queryset(), pk=self.kwargs["pk"]
            )
        return self._object

    def get_permission_object(self) -> Any:
        return self.get_object()
