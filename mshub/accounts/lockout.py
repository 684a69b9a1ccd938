"""Sign-in lock-out with django-axes, configured in settings (``AXES_*``, docs/configuration.md).

Axes counts failed sign-ins in Django's cache, one counter per account (the typed address, lower
case) and one per client address, and refuses a locked attempt in its authentication backend, before
any password is hashed. Axes compares every counter with one ``AXES_FAILURE_LIMIT``; this handler
gives each counter its own limit instead (``LOGIN_FAILURES_PER_ACCOUNT`` for the account,
``LOGIN_FAILURES_PER_CLIENT`` for the client address), so that one network with many people
(a meeting venue) is not paused after a handful of typos. A right password clears the account's
counter only: signing in to one's own account must not clear a client's count of guesses at others.
"""

from __future__ import annotations

from typing import Any

from axes.handlers.cache import AxesCacheHandler
from axes.helpers import get_client_cache_keys, get_cool_off, get_credentials
from axes.signals import user_locked_out
from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

LOCKED_OUT = _(
    "Too many failed sign-ins for this account or from your network. Sign-in is paused for "
    "%(minutes)s minutes; if you forgot your password, reset it by mail."
)


def account_of(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """AXES_USERNAME_CALLABLE: the typed address, so that ``Chair@Example.org`` is the same account."""
    data = credentials if credentials else getattr(request, "POST", {})
    username = data.get(settings.AXES_USERNAME_FORM_FIELD)
    return username.strip().lower() if isinstance(username, str) and username.strip() else None


class AccountAndClientCacheHandler(AxesCacheHandler):
    """Axes' cache handler with a limit per lockout parameter (settings.AXES_LOCKOUT_PARAMETERS must
    be ``[["username"], ["ip_address"]]``, in that order)."""

    def _counts_and_limits(self, request: Any, credentials: dict[str, Any] | None) -> list[tuple[int, int]]:
        account_key, client_key = get_client_cache_keys(request, credentials)
        counts = self.cache.get_many([account_key, client_key])
        return [
            (int(counts.get(account_key, 0)), settings.LOGIN_FAILURES_PER_ACCOUNT),
            (int(counts.get(client_key, 0)), settings.LOGIN_FAILURES_PER_CLIENT),
        ]

    def is_locked(self, request: Any, credentials: dict[str, Any] | None = None) -> bool:
        if not getattr(settings, "AXES_LOCK_OUT_AT_FAILURE", True):
            return False
        return any(count >= limit for count, limit in self._counts_and_limits(request, credentials))

    def user_login_failed(self, sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
        # Axes counts the failure (and locks out once a counter reaches AXES_FAILURE_LIMIT, the larger
        # of our two limits); the smaller, per-account limit is checked here.
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or getattr(request, "axes_locked_out", False):
            return
        if self.is_locked(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials
            user_locked_out.send(
                "axes", request=request, username=account_of(request, credentials), ip_address=request.axes_ip_address
            )

    def user_logged_in(self, sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
        super().user_logged_in(sender, request, user, **kwargs)  # logs; AXES_RESET_ON_SUCCESS is off
        account_key, _client_key = get_client_cache_keys(request, get_credentials(user.get_username()))
        self.cache.delete(account_key)


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the sign-in page, in the site's layout, with the pause explained (429)."""
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else 0
    return render(
        request,
        "accounts/locked_out.html",
        {"message": LOCKED_OUT % {"minutes": minutes}},
        status=429,
    )


PER_PROCESS_CACHES = {
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.filebased.FileBasedCache",
}


@register(Tags.security, Tags.caches, deploy=True)
def shared_cache_check(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    """Axes' own cache check (axes.W001) names only its stock handler class; this one covers ours."""
    backend = settings.CACHES.get(getattr(settings, "AXES_CACHE", "default"), {}).get("BACKEND", "")
    if backend not in PER_PROCESS_CACHES:
        return []
    return [
        Warning(
            "The sign-in lock-out counts failures in a per-process cache: with several application "
            "processes each counts on its own, and a restart forgets them.",
            hint="Set CACHE_URL=rediscache://… (docs/deploy.md).",
            id="accounts.W001",
        )
    ]
