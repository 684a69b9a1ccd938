"""The page cache: validators, 304s and a shared cache for the pages that anonymous readers see.

A view opts in with ``page_cache = True`` (a class attribute; DRF viewsets too). For such a view:

- every response carries an ``ETag`` made of what the page depends on: the address (host, path and
  query), the reader's language and time zone, whether (and as whom) they are signed in, an htmx or
  API ``Accept`` variant, the forum and its ``content_version``, and the current time slice
  (``PAGE_CACHE_SECONDS``: pages that change with the clock, "upcoming" or "held", move on at least
  that often). A request whose ``If-None-Match`` matches gets a 304 before the view runs.
- an anonymous reader's response from a **public** forum is kept in Django's cache (``CACHES``:
  local memory by default, Redis with ``CACHE_URL``) under the same key, and served from there,
  with the same ``Content-Security-Policy`` nonce as the page was rendered with, and a
  ``Cache-Control`` that lets a reverse proxy keep it ``PAGE_CACHE_PROXY_SECONDS`` (docs/deploy.md).
  Responses that set a cookie, stream, are not 200, or chose ``private`` caching are never kept.

Invalidation is by version, not by deletion: any saved or deleted record that belongs to a forum
(directly, or through the records it hangs from: an agenda item's meeting's forum) raises that
forum's ``content_version`` once its transaction commits, so every key and validator of that forum
changes at once on every app server. Writes that bypass ``save()`` (``QuerySet.update``,
``bulk_create``) call ``forum_changed`` themselves.

A model whose records every forum shows (the international calendar's events: one fact for the
installation, no ``forum`` key) says so with ``shown_in_every_forum = True``: saving or deleting one
raises every forum's ``content_version`` (``every_forum_changed``, which bulk writes call themselves).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache as shared_cache
from django.db import DatabaseError, models, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import get_language

from mshub.core.http import SiteRequest
from mshub.core.models import Forum
from mshub.core.security import CSP_HEADER, policy

logger = logging.getLogger(__name__)

KEY_PREFIX = "mshub-page:"
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "X-Content-Type-Options", "Link")


# ---- invalidation ----------------------------------------------------------------------------


@cache
def forum_path(model: type[models.Model]) -> tuple[str, ...] | None:
    """The foreign keys from ``model`` to its forum (``("forum",)``, ``("meeting", "forum")``), or None.

    The shortest path through required keys (an intervention's agenda item, not its optional speaker),
    else through optional ones."""
    if model is Forum:
        return ()
    return _path_to_forum(model, required=True) or _path_to_forum(model, required=False)


def _path_to_forum(model: type[models.Model], required: bool) -> tuple[str, ...] | None:
    queue: list[tuple[type[models.Model], tuple[str, ...]]] = [(model, ())]
    seen = {model}
    while queue:
        current, path = queue.pop(0)
        for field in current._meta.concrete_fields:
            if not isinstance(field, models.ForeignKey) or (required and field.null):
                continue
            target = field.related_model
            if target is Forum:
                return (*path, field.name)
            if isinstance(target, type) and target not in seen and target._meta.app_label != "auth":
                seen.add(target)
                queue.append((target, (*path, field.name)))
    return None


class _Batch:
    """What one transaction changed: forum ids, and records whose forum is found on commit."""

    def __init__(self) -> None:
        self.forum_ids: set[int] = set()
        self.lookups: dict[tuple[type[models.Model], str], set[Any]] = defaultdict(set)
        self.every_forum = False

    def __call__(self) -> None:
        try:
            self._raise_versions()
        except DatabaseError:
            if transaction.get_connection().in_atomic_block:
                raise  # inside a transaction (a test case's): its caller sees it
            # The write has committed: failing now (SQLite busy past its timeout under a burst of
            # writers) would answer 500 for a registration that was taken, and skip its confirmation
            # mail. Its forum's pages show it at the next write, at the latest in PAGE_CACHE_SECONDS.
            logger.exception("Page cache: a committed change could not raise its forum's content_version")

    def _raise_versions(self) -> None:
        if self.every_forum:
            Forum.objects.update(content_version=F("content_version") + 1)
            return
        forum_ids = set(self.forum_ids)
        for (model, path), pks in self.lookups.items():
            forum_ids.update(model._default_manager.filter(pk__in=pks).values_list(path, flat=True))
        forum_ids.discard(None)  # type: ignore[arg-type]
        if forum_ids:
            Forum.objects.filter(pk__in=forum_ids).update(content_version=F("content_version") + 1)


def _batch() -> _Batch:
    """The current transaction's batch, run when it commits (a new one after a rollback)."""
    connection = transaction.get_connection()
    current: _Batch | None = getattr(connection, "_mshub_page_batch", None)
    if current is None or not any(func is current for _sids, func, _robust in connection.run_on_commit):
        current = connection._mshub_page_batch = _Batch()
        transaction.on_commit(current)
    return current


def _deferred() -> bool:
    """Wait for the commit inside a transaction (no lock on the forum's row meanwhile, so writers in
    one forum never queue or deadlock on it), except in the one a test case wraps each test in: it
    never commits, so there the change counts at once (and a savepoint's rollback takes it back)."""
    connection = transaction.get_connection()
    return connection.in_atomic_block and not getattr(connection.atomic_blocks[0], "_from_testcase", False)


def _noted(add: Callable[[_Batch], None]) -> None:
    if not settings.PAGE_CACHE_ENABLED:
        return
    if _deferred():
        add(_batch())
    else:
        batch = _Batch()
        add(batch)
        batch()


def forum_changed(forum: Forum | int) -> None:
    """What ``forum`` shows changed (call after writes that send no signals)."""
    forum_id = forum if isinstance(forum, int) else forum.pk
    _noted(lambda batch: batch.forum_ids.add(forum_id))


def every_forum_changed() -> None:
    """What every forum shows changed: a record they all share (``shown_in_every_forum``)."""

    def add(batch: _Batch) -> None:
        batch.every_forum = True

    _noted(add)


def record_changed(instance: models.Model) -> None:
    """``instance`` was saved or deleted: its forum's pages change (its forum found on commit), or every
    forum's for a record they all show."""
    if getattr(type(instance), "shown_in_every_forum", False):
        every_forum_changed()
        return
    path = forum_path(type(instance))
    if path is None:
        return
    if not path:
        forum_changed(instance.pk)
        return
    first = type(instance)._meta.get_field(path[0])
    parent_id = getattr(instance, first.attname)  # type: ignore[union-attr]
    if parent_id is None:
        return
    if len(path) == 1:
        forum_changed(parent_id)
    else:
        lookup = (first.related_model, "__".join(path[1:]))
        _noted(lambda batch: batch.lookups[lookup].add(parent_id))  # type: ignore[index]


@cache
def _is_ours(sender: Any) -> bool:
    """Whether ``sender`` is one of mshub's models (asked on every save: remembered per model)."""
    config = apps.get_containing_app_config(sender.__module__)
    return config is not None and config.name.startswith("mshub.")


def _saved_or_deleted(sender: Any, instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    if not raw and _is_ours(sender):
        record_changed(instance)


def _members_changed(sender: Any, instance: models.Model, action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and _is_ours(type(instance)):
        record_changed(instance)


def connect() -> None:
    post_save.connect(_saved_or_deleted, dispatch_uid="mshub-pagecache-save")
    post_delete.connect(_saved_or_deleted, dispatch_uid="mshub-pagecache-delete")
    m2m_changed.connect(_members_changed, dispatch_uid="mshub-pagecache-m2m")


# ---- serving ---------------------------------------------------------------------------------


class _Plan:
    def __init__(self, key: str, etag: str, shared: bool) -> None:
        self.key, self.etag, self.shared = key, etag, shared


def _opted_in(view_func: Any) -> bool:
    view = getattr(view_func, "view_class", None) or getattr(view_func, "cls", None) or view_func
    return bool(getattr(view, "page_cache", False))


def _has_pending_messages(request: HttpRequest) -> bool:
    if "messages" in request.COOKIES:
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return bool(request.session.get("_messages"))
    return False


def _plan(request: SiteRequest) -> _Plan | None:
    """None where nothing is validated or kept: outside a forum, or with a message waiting to be shown."""
    forum = request.forum
    if forum is None or _has_pending_messages(request):
        return None
    user = request.user
    reader = f"user:{user.pk}" if user.is_authenticated else "anonymous"
    now_slice = int(time.time()) // max(1, settings.PAGE_CACHE_SECONDS)
    parts = [
        request.get_host(),
        request.get_full_path(),
        get_language() or "",
        timezone.get_current_timezone_name(),
        reader,
        request.headers.get("HX-Request", ""),
        request.headers.get("Accept", "") if request.path.startswith("/api/") else "",
        str(forum.pk),
        forum.created_at.isoformat() if forum.created_at else "",
        str(forum.content_version),
        str(now_slice),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]
    shared = not user.is_authenticated and forum.is_public and request.method == "GET"
    return _Plan(KEY_PREFIX + digest, f'"{digest}"', shared)


def _keepable(response: HttpResponse) -> bool:
    """A 200 (the caller checked) that may be kept for everyone."""
    control = response.get("Cache-Control", "")
    return not response.streaming and not response.cookies and "private" not in control and "no-store" not in control


def _allow_proxies(response: HttpResponse) -> None:
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_PROXY_SECONDS)


def _replay(entry: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(entry["content"], status=200)
    for name, value in entry["headers"].items():
        response[name] = value
    if entry["nonce"]:
        response[CSP_HEADER] = policy(entry["nonce"])  # the nonces written into the page
    response["X-Page-Cache"] = "hit"
    return response


class PageCacheMiddleware:
    """Serves and keeps opted-in pages (see the module's docstring). Placed after the forum and
    the reader's zone are known, so both are part of the key."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: SiteRequest) -> HttpResponse:
        response = self.get_response(request)
        plan: _Plan | None = getattr(request, "_page_cache_plan", None)
        if plan is None or response.status_code != 200:
            return response
        if plan.shared and _keepable(response) and "X-Page-Cache" not in response:
            entry = {
                "content": response.content,
                "headers": {name: response[name] for name in KEPT_HEADERS if name in response},
                "nonce": getattr(request, "csp_nonce", ""),
            }
            shared_cache.set(plan.key, entry, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        response["ETag"] = plan.etag
        if plan.shared and "Cache-Control" not in response:
            _allow_proxies(response)
        return response

    def process_view(self, request: SiteRequest, view_func: Any, view_args: Any, view_kwargs: Any) -> Any:
        if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD") or not _opted_in(view_func):
            return None
        plan = _plan(request)
        if plan is None:
            return None
        request._page_cache_plan = plan  # type: ignore[attr-defined]
        not_modified = get_conditional_response(request, etag=plan.etag)
        if not_modified is not None:
            not_modified["ETag"] = plan.etag
            if plan.shared:
                _allow_proxies(not_modified)
            return not_modified
        if plan.shared:
            entry = shared_cache.get(plan.key)
            if entry is not None:
                return _replay(entry)
        return None
