"""Request scoping: the current forum, and the zone to show times in."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from mshub.core.http import SiteRequest
from mshub.core.models import Forum
from mshub.core.timezones import available_zones

TZ_COOKIE = "mshub_tz"


class ForumMiddleware:
    """Resolve the ``forum`` URL argument to ``request.forum`` (404 if unknown)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: SiteRequest) -> HttpResponse:
        request.forum = None
        return self.get_response(request)

    def process_view(self, request: SiteRequest, view_func: Any, view_args: Any, view_kwargs: dict[str, Any]) -> None:
        slug = view_kwargs.get("forum")
        if slug is None:
            return
        try:
            forum = request.forum = Forum.objects.get(slug=slug)
        except Forum.DoesNotExist as exc:
            raise Http404("No such forum") from exc
        if forum.timezone and not _reader_zone(request):
            timezone.activate(zoneinfo.ZoneInfo(forum.timezone))


def _reader_zone(request: HttpRequest) -> str | None:
    user = getattr(request, "user", None)
    zone = getattr(user, "timezone", "") if user is not None and user.is_authenticated else ""
    zone = zone or request.COOKIES.get(TZ_COOKIE, "")
    return zone if zone in available_zones() else None


class ReaderTimezoneMiddleware:
    """Show times in the reader's chosen zone (profile or cookie); else the forum's; else UTC."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: SiteRequest) -> HttpResponse:
        zone = _reader_zone(request)
        if zone:
            timezone.activate(zoneinfo.ZoneInfo(zone))
        else:
            timezone.deactivate()
        request.reader_timezone = zone
        return self.get_response(request)
