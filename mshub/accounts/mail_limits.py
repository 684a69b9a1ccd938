"""Limits on mail that forms send to an address the visitor typed, kept in Django's cache.

(Sign-in lock-out is django-axes, configured in mshub.accounts.lockout and the settings.)

Counters are sliding windows made of ten fixed buckets: a hit increments the current bucket
(``cache.incr``, atomic in Redis and memcached), a check sums the buckets of the last window.
Across several web processes this needs a shared cache (``CACHE_URL=rediscache://…``); the
default local-memory cache counts per process (docs/deploy.md).

A form that mails an address the sender typed sends at most
``MAIL_PER_ADDRESS`` mails to one address and ``MAIL_PER_CLIENT`` from one client per
``MAIL_WINDOW_MINUTES``.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

BUCKETS = 10


def client_address(request: HttpRequest) -> str:
    """The client's IP address: REMOTE_ADDR, or behind our own proxy the address it appended last.

    Also the sign-in lock-out's (settings.AXES_CLIENT_IP_CALLABLE).

    Only the right-most X-Forwarded-For entry is trusted (the one the proxy added); anything to its
    left came from the client and could be forged.
    """
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return str(request.META.get("REMOTE_ADDR", "") or "unknown")


def _key(*parts: str) -> str:
    # Hash the identifiers: cache keys must be short ASCII (memcached) and addresses are personal.
    digest = hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32]
    return f"mail-limit:{parts[0]}:{digest}"


@dataclass(frozen=True)
class Window:
    """A sliding-window counter: ``limit`` events per ``seconds`` for one scope."""

    scope: str
    limit: int
    seconds: int

    @property
    def bucket_seconds(self) -> int:
        return max(1, math.ceil(self.seconds / BUCKETS))

    def _bucket_keys(self, ident: str, now: float) -> list[str]:
        current = int(now // self.bucket_seconds)
        span = math.ceil(self.seconds / self.bucket_seconds)
        return [_key(self.scope, ident, str(b)) for b in range(current - span + 1, current + 1)]

    def count(self, ident: str, now: float | None = None) -> int:
        keys = self._bucket_keys(ident, time.time() if now is None else now)
        return sum(int(v) for v in cache.get_many(keys).values())

    def hit(self, ident: str, now: float | None = None) -> int:
        """Count one event; returns the count in the window including it."""
        now = time.time() if now is None else now
        key = self._bucket_keys(ident, now)[-1]
        cache.add(key, 0, timeout=self.seconds + self.bucket_seconds)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.seconds + self.bucket_seconds)
        return self.count(ident, now)

    def exceeded(self, ident: str) -> bool:
        return self.count(ident) >= self.limit


def _minutes(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


# --- mail to typed addresses -----------------------------------------------------------------


def _mail_windows(purpose: str) -> tuple[Window, Window]:
    seconds = _minutes("MAIL_WINDOW_MINUTES", 60) * 60
    return (
        Window(f"mail-address-{purpose}", int(getattr(settings, "MAIL_PER_ADDRESS", 3)), seconds),
        Window(f"mail-client-{purpose}", int(getattr(settings, "MAIL_PER_CLIENT", 10)), seconds),
    )


def allow_mail(request: HttpRequest, purpose: str, address: str) -> bool:
    """Count a mail to ``address`` asked for by this client; False (and nothing counted) when over a limit.

    Call it before sending; a False answer means: do not send, tell the sender to try later.
    """
    per_address, per_client = _mail_windows(purpose)
    address = address.strip().lower()
    client = client_address(request)
    if per_address.exceeded(address) or per_client.exceeded(client):
        return False
    per_address.hit(address)
    per_client.hit(client)
    return True
