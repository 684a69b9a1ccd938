"""Polling a trend feed (RSS or Atom) into trend items (docs/trends.md, "Feeds").

- **Fetching** goes through ``core.fetch`` (http/https only, no private addresses, a timeout on
  connecting and on each read, at most ``MAX_BYTES`` read in chunks, at most five redirects);
  ``feedparser`` only ever parses the bytes fetched here, never a URL.
- **Sanity.** A body of the wrong media type (an image, a PDF, JSON …), one that is not XML, a web
  page, or XML that is neither RSS nor Atom fails the run with a message saying so.
- **Storing.** Each entry becomes a trend item (origin *feed*, the feed's topics) unless the forum
  already has it (``dedupe.Seen``: the source address, or a near-identical title); summaries are
  sanitised (``sanitize.clean_html``). The whole run is one transaction: a run that fails changes
  nothing stored.
- **One poll at a time per feed.** A run first claims the feed (``select_for_update`` of its row,
  then a *running* run row); a second poll while one is under way is recorded as skipped. The
  unique source address per forum is the last guard (an entry another writer stored meanwhile
  counts as a duplicate).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass
from typing import Any

import feedparser  # type: ignore[import-untyped]
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mshub.core.fetch import FetchError, fetch_response
from mshub.core.models.events import record
from mshub.core.text import language_of
from mshub.core.validators import is_web_url
from mshub.trends.dedupe import Seen
from mshub.trends.models import FeedOutcome, FeedRun, Origin, TrendFeed
from mshub.trends.sanitize import clean_html, plain_text
from mshub.trends.services import DuplicateSourceError, TrendError, create_item

logger = logging.getLogger(__name__)

STALE_RUN = dt.timedelta(minutes=15)  # a run still "running" after this is taken as crashed
MAX_BYTES = 5 * 1024 * 1024
MAX_ENTRIES = 300
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
_REFUSED_TYPES = ("image/", "audio/", "video/", "font/", "multipart/")
_REFUSED_EXACT = {"application/pdf", "application/json", "application/zip", "application/gzip", "text/css"}


class NotAFeedError(Exception):
    """The body is not a feed; ``str()`` says why."""


@dataclass(frozen=True)
class Entry:
    title: str
    url: str
    date: dt.date
    summary: str  # sanitised HTML


def check_body(body: bytes, content_type: str) -> None:
    """Refuse what cannot be a feed before handing it to the parser."""
    if content_type.startswith(_REFUSED_TYPES) or content_type in _REFUSED_EXACT:
        raise NotAFeedError(_("The address gives %(type)s, not an RSS or Atom feed.") % {"type": content_type})
    start = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:100].lower()
    if not start.startswith(b"<"):
        raise NotAFeedError(_("The address does not give an RSS or Atom feed: the answer is not XML."))
    if start.startswith((b"<!doctype html", b"<html")):
        raise NotAFeedError(_("The address gives a web page, not an RSS or Atom feed."))


def parse(body: bytes, base_url: str = "") -> Any:
    """The parsed feed (``feedparser``, from the bytes only); ``NotAFeedError`` for anything else."""
    headers = {"content-location": base_url} if base_url else {}
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=True)
    if not parsed.get("version"):
        raise NotAFeedError(_("The address does not give an RSS or Atom feed."))
    return parsed


def _date(entry: Any, today: dt.date) -> dt.date:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        day = dt.date(*stamp[:3]) if stamp else today
    except (TypeError, ValueError):
        return today
    return day if dt.date(1990, 1, 1) <= day <= today + dt.timedelta(days=2) else today


def entries(parsed: Any, today: dt.date) -> tuple[list[Entry], int]:
    """The usable entries (at most ``MAX_ENTRIES``) and how many were left out."""
    found: list[Entry] = []
    raw = list(parsed.entries)
    skipped = max(0, len(raw) - MAX_ENTRIES)
    for entry in raw[:MAX_ENTRIES]:
        title = plain_text(entry.get("title"), 300)
        link = str(entry.get("link") or "")
        url = link if is_web_url(link) and len(link) <= 1000 else ""
        if not title:
            skipped += 1
            continue
        content = entry.get("content") or []
        summary = entry.get("summary") or (content[0].get("value") if content else "")
        found.append(Entry(title, url, _date(entry, today), clean_html(summary)))
    return found, skipped


def _claim(feed_pk: int) -> FeedRun | None:
    """A *running* run of the feed, unless another is under way (then a *skipped* one) or it is gone."""
    with transaction.atomic():
        feed = TrendFeed.objects.select_for_update().filter(pk=feed_pk).first()
        if feed is None:
            return None
        busy = feed.runs.filter(outcome=FeedOutcome.RUNNING, started_at__gte=timezone.now() - STALE_RUN)
        if busy.exists():
            run = FeedRun.objects.create(feed=feed, forum_id=feed.forum_id, outcome=FeedOutcome.SKIPPED)
            run.finished_at = run.started_at
            run.save(update_fields=["finished_at"])
            return run
        return FeedRun.objects.create(feed=feed, forum_id=feed.forum_id)


def _finish(run: FeedRun, outcome: str, message: str = "") -> FeedRun:
    run.outcome, run.message, run.finished_at = outcome, message[:2000], timezone.now()
    if outcome == FeedOutcome.FAILED:
        run.new = run.duplicate = run.skipped = 0
    run.save()
    return run


def store(feed: TrendFeed, run: FeedRun, found: list[Entry]) -> None:
    """Write the new entries of ``found`` (inside the caller's transaction) and count them on ``run``."""
    forum = feed.forum
    topics = list(feed.topics.filter(active=True))
    seen = Seen.around(forum, [e.url for e in found], [e.date for e in found])
    for entry in found:
        if seen.holds(entry.title, entry.url, entry.date):
            run.duplicate += 1
            continue
        summary = {f"summary_{language_of(entry.title + ' ' + plain_text(entry.summary, 2000))}": entry.summary}
        try:
            item = create_item(
                forum,
                None,
                topics=topics,
                log=False,
                title=entry.title,
                date=entry.date,
                source_name=feed.name[:200],
                source_url=entry.url,
                origin=Origin.FEED,
                **summary,
            )
        except DuplicateSourceError:
            run.duplicate += 1  # stored by another writer since ``seen`` was read
            continue
        except (ValidationError, TrendError):
            run.skipped += 1
            continue
        item.feed = feed
        item.save(update_fields=["feed"])
        seen.add(entry.title, entry.url, entry.date)
        run.new += 1
    if run.new:
        record(forum, None, "trends.feed_polled", feed, summary=feed.name[:200], new=run.new)


def poll(feed_pk: int) -> FeedRun | None:
    """Fetch and store one feed; the run records the outcome (never raises for bad feeds)."""
    run = _claim(feed_pk)
    if run is None or run.outcome == FeedOutcome.SKIPPED:
        return run
    feed = run.feed
    timeout = float(getattr(settings, "TRENDS_FEED_TIMEOUT", 10.0))
    try:
        fetched = fetch_response(feed.url, max_bytes=MAX_BYTES, timeout=timeout, accept=ACCEPT, agent="mshub trends")
        run.http_status = fetched.status
        check_body(fetched.body, fetched.content_type)
        found, run.skipped = entries(parse(fetched.body, feed.url), timezone.localdate())
        with transaction.atomic():
            store(feed, run, found)
    except FetchError as exc:
        run.http_status = exc.status
        return _finish(run, FeedOutcome.FAILED, str(exc))
    except NotAFeedError as exc:
        return _finish(run, FeedOutcome.FAILED, str(exc))
    except Exception:
        logger.exception("Polling trend feed %s failed", feed_pk)
        return _finish(run, FeedOutcome.FAILED, _("The poll failed unexpectedly; the administrators can see why."))
    return _finish(run, FeedOutcome.OK if run.new else FeedOutcome.UNCHANGED)


def active_feeds() -> list[int]:
    return list(TrendFeed.objects.filter(active=True).order_by("pk").values_list("pk", flat=True))


def poll_all() -> list[FeedRun]:
    return [run for pk in active_feeds() if (run := poll(pk)) is not None]
