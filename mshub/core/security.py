"""Response headers: a Content-Security-Policy on every response, and no caching of signed-in pages.

The policy allows no inline code: scripts and styles come from our own origin, and the two inline
``<style>`` blocks we write (a forum's accent colour, a report's own styles) carry the request's
nonce (``request.csp_nonce``; in templates ``{{ request.csp_nonce }}``). ``style="…"`` attributes
are not allowed: use classes in mshub/core/static/mshub/css/site.css. Responses that already set
their own policy (file downloads set a sandboxing one) keep it.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from mshub.core.http import SiteRequest

CSP_HEADER = "Content-Security-Policy"


def policy(nonce: str) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            f"style-src 'self' 'nonce-{nonce}'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'none'",
            "form-action 'self'",
        ]
    )


class SecurityHeadersMiddleware:
    """Content-Security-Policy with a per-request nonce; ``Cache-Control: private, no-store`` for
    responses to signed-in users (unless the view chose its own caching)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: SiteRequest) -> HttpResponse:
        nonce = secrets.token_urlsafe(18)
        request.csp_nonce = nonce
        response = self.get_response(request)
        # Django's own debug pages (DEBUG only) are built with inline scripts and styles.
        debug_page = settings.DEBUG and response.status_code >= 400
        # A 304 has no body: the browser shows the page it kept, and merges the 304's headers into
        # the kept ones. A new nonce here would replace the one that page was written with, and
        # block its <style nonce> (the forum's colour); without a policy the kept one stays.
        not_modified = response.status_code == 304
        if CSP_HEADER not in response and not debug_page and not not_modified:
            response[CSP_HEADER] = policy(nonce)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_store=True, max_age=0)
            patch_vary_headers(response, ["Cookie"])
        return response


STYLE_TAG = re.compile(r"<style(?=[\s>])", re.IGNORECASE)


def nonce_styles(html: str, nonce: str) -> str:
    """Give every ``<style>`` element of a document we rendered ourselves the request's nonce.

    For a report shown in an ``<iframe srcdoc>``: such a frame lives under the page's policy.
    """
    return STYLE_TAG.sub(f'<style nonce="{nonce}"', html)
