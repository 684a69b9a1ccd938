"""The request as the site's middleware leaves it, typed: views read ``request.forum`` without casts.

``ForumMiddleware`` sets ``forum`` (``None`` outside ``/<forum>/``), ``SecurityHeadersMiddleware`` the
CSP ``csp_nonce``, ``ReaderTimezoneMiddleware`` the ``reader_timezone`` and django-htmx ``htmx``.
Under ``/<forum>/`` the forum is always there: ``ForumView.request`` is a ``ForumRequest``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from mshub.core.models import Forum


class SiteRequest(HttpRequest):
    """Any request to the site, after the middleware."""

    forum: Forum | None
    csp_nonce: str
    reader_timezone: str | None
    htmx: HtmxDetails


class ForumRequest(SiteRequest):
    """A request under ``/<forum>/``: the forum was found (else the middleware answered 404)."""

    forum: Forum


def forum_of(request: HttpRequest) -> Forum:
    """The forum of a request under ``/<forum>/``; a view mounted elsewhere is a programming error."""
    forum: Forum | None = getattr(request, "forum", None)
    if forum is None:
        raise ImproperlyConfigured(f"{request.path} is not under /<forum>/")
    return forum
