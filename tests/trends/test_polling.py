"""Feeds polled from a real HTTP server in a thread (127.0.0.1, allowed for these tests only): RSS 2.0
and Atom, a second poll adds nothing, and each bad answer (too slow, not XML, too large, a web page,
hostile HTML, 404, 500) is a failed run with a clear message, or sanitised text; nothing stored
changes on a failed run; two polls at once store each entry once."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from mshub.topics.models import Topic
from mshub.topics.services import topics_on
from mshub.trends import polling
from mshub.trends.models import FeedOutcome, FeedRun, Origin, TrendFeed, TrendItem
from mshub.trends.polling import poll
from mshub.trends.services import create_feed, create_item
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Policy watch</title><link>https://policy.example.org/</link>
<item><title>EU adopts the NIS Directive</title><link>https://policy.example.org/nis</link>
<pubDate>Wed, 06 Jul 2016 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Member States must designate &lt;b&gt;CSIRTs&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>IANA stewardship transition completed</title><link>https://policy.example.org/iana</link>
<pubDate>Sat, 01 Oct 2016 04:00:00 GMT</pubDate><description>The NTIA contract expired.</description></item>
<item><title>IGF 2016 opens in Guadalajara</title><link>https://policy.example.org/igf2016</link>
<pubDate>Tue, 06 Dec 2016 15:00:00 GMT</pubDate><description>IGF 2016 の開会。</description></item>
</channel></rss>""".encode()

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Cyber norms</title><id>urn:x</id>
<updated>2017-06-23T00:00:00Z</updated>
<entry><title>UN GGE ends without a consensus report</title><id>urn:gge</id>
<link href="https://norms.example.org/gge-2017"/><updated>2017-06-23T12:00:00Z</updated>
<summary type="html">No &lt;i&gt;final report&lt;/i&gt;.</summary></entry>
<entry><title>OEWG adopts its first report</title><id>urn:oewg</id>
<link href="https://norms.example.org/oewg-2021"/><updated>2021-03-12T12:00:00Z</updated>
<content type="html">Eleven norms &lt;a href="https://un.example.org/r"&gt;reaffirmed&lt;/a&gt;.</content></entry>
</feed>"""

HOSTILE = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>&lt;script&gt;alert(1)&lt;/script&gt;Hostile &lt;b&gt;title&lt;/b&gt;</title>
<link>javascript:alert(2)</link>
<description><![CDATA[Read <script>alert(3)</script><img src=x onerror="alert(4)">
<a href="javascript:alert(5)">this</a>
<a href="https://ok.example.org/" onmouseover="alert(6)">ok</a>]]></description></item>
</channel></rss>"""


class Feed(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()  # no Content-Length: the cap is found by reading
            chunk = b"<!-- " + b"x" * 65536 + b" -->"
            try:
                self.wfile.write(b"<?xml version='1.0'?><rss version='2.0'>")
                for _ in range(100):  # about 6.5 MB
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        status, kind, body = type(self).routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


def serve(routes: dict[str, tuple[int, str, bytes]]) -> tuple[ThreadingHTTPServer, str, type[Feed]]:
    handler = type("ThisFeed", (Feed,), {"routes": dict(routes)})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}", handler


ROUTES = {
    "/rss": (200, "application/rss+xml; charset=utf-8", RSS),
    "/atom": (200, "application/atom+xml", ATOM),
    "/garbage": (200, "application/xml", b"\x00\x01\x02 this is not xml at all"),
    "/page": (200, "text/html", b"<!DOCTYPE html><html><body>Our news</body></html>"),
    "/json": (200, "application/json", b'{"items": []}'),
    "/xml": (200, "application/xml", b"<?xml version='1.0'?><catalog><book/></catalog>"),
    "/hostile": (200, "application/rss+xml", HOSTILE),
    "/error": (500, "text/plain", b"boom"),
    "/slow": (200, "application/rss+xml", RSS),
}


@pytest.fixture
def server(settings) -> Iterator[tuple[str, type[Feed]]]:  # type: ignore[no-untyped-def]
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    settings.TRENDS_FEED_TIMEOUT = 0.5
    httpd, base, handler = serve(ROUTES)
    yield base, handler
    httpd.shutdown()
    httpd.server_close()


def feed_for(forum: Any, url: str, topics: tuple[str, ...] = ()) -> TrendFeed:
    return create_feed(
        forum, None, name="Policy watch", url=url, topics=list(Topic.objects.filter(forum=forum, code__in=topics))
    )


def test_an_rss_feed_becomes_trend_items_and_a_second_poll_adds_nothing(forum, server):
    base, _handler = server
    feed = feed_for(forum, f"{base}/rss", topics=("cybersecurity",))
    run = poll(feed.pk)
    assert (run.outcome, run.new, run.duplicate, run.skipped, run.http_status) == (FeedOutcome.OK, 3, 0, 0, 200)
    assert run.finished_at is not None
    nis = TrendItem.objects.get(source_url="https://policy.example.org/nis")
    assert (nis.title, nis.date.isoformat(), nis.origin, nis.feed, nis.source_name) == (
        "EU adopts the NIS Directive",
        "2016-07-06",
        Origin.FEED,
        feed,
        "Policy watch",
    )
    assert nis.summary_en == "Member States must designate <b>CSIRTs</b>."
    assert [t.code for t in topics_on(nis)] == ["cybersecurity"]
    igf = TrendItem.objects.get(source_url="https://policy.example.org/igf2016")
    assert igf.summary_ja == "IGF 2016 の開会。"
    assert igf.summary_en == ""
    again = poll(feed.pk)
    assert (again.outcome, again.new, again.duplicate) == (FeedOutcome.UNCHANGED, 0, 3)
    assert TrendItem.objects.count() == 3


def test_an_atom_feed_and_near_identical_titles_from_another_source(forum, server):
    base, _handler = server
    create_item(forum, None, title="UN GGE ends without a consensus report.", date=dt_date("2017-06-24"))
    run = poll(feed_for(forum, f"{base}/atom").pk)
    assert (run.outcome, run.new, run.duplicate) == (FeedOutcome.OK, 1, 1)  # the GGE item is held already
    oewg = TrendItem.objects.get(source_url="https://norms.example.org/oewg-2021")
    assert oewg.summary_en == (
        'Eleven norms <a href="https://un.example.org/r" rel="noopener noreferrer nofollow">reaffirmed</a>.'
    )


def dt_date(text: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text)


def test_hostile_html_is_sanitised(forum, server):
    base, _handler = server
    run = poll(feed_for(forum, f"{base}/hostile").pk)
    assert run.new == 1
    item = TrendItem.objects.get()
    assert item.title == "Hostile title"
    assert item.source_url == ""  # a javascript: link is no source
    for bad in ("script", "alert", "onerror", "onmouseover", "javascript", "<img"):
        assert bad not in item.summary_en, bad
    assert '<a href="https://ok.example.org/" rel="noopener noreferrer nofollow">ok</a>' in item.summary_en


@pytest.mark.parametrize(
    ("path", "message", "status"),
    [
        ("/slow", "did not answer in time", 200),
        ("/garbage", "not XML", 200),
        ("/page", "web page", 200),
        ("/json", "application/json", 200),
        ("/xml", "does not give an RSS or Atom feed", 200),
        ("/missing", "error 404", 404),
        ("/error", "error 500", 500),
        ("/huge", "larger than", 200),
    ],
)
def test_a_bad_answer_is_a_failed_run_and_changes_nothing(forum, server, path, message, status):
    base, _handler = server
    feed = feed_for(forum, f"{base}/rss")
    poll(feed.pk)
    before = list(TrendItem.objects.values_list("pk", "title", "summary_en", "updated_at"))
    feed.url = f"{base}{path}"
    feed.save()
    run = poll(feed.pk)
    assert run.outcome == FeedOutcome.FAILED
    assert message in run.message, run.message
    assert (run.new, run.duplicate, run.skipped) == (0, 0, 0)
    if path != "/slow":  # the status line of a slow answer never arrived
        assert run.http_status == status
    assert list(TrendItem.objects.values_list("pk", "title", "summary_en", "updated_at")) == before


def test_a_failure_while_storing_rolls_back_every_item(forum, server, monkeypatch):
    base, _handler = server
    feed = feed_for(forum, f"{base}/rss")
    calls = {"n": 0}
    real = polling.create_item

    def failing(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(polling, "create_item", failing)
    run = poll(feed.pk)
    assert run.outcome == FeedOutcome.FAILED
    assert "unexpectedly" in run.message
    assert not TrendItem.objects.exists()  # the two items stored before the failure went too


def test_the_guard_refuses_loopback_by_default(forum, settings):
    settings.FETCH_ALLOWED_NETWORKS = []
    run = poll(feed_for(forum, "http://127.0.0.1:9/rss").pk)
    assert run.outcome == FeedOutcome.FAILED
    assert "private network" in run.message


def test_a_poll_while_another_runs_is_skipped(forum, server):
    base, _handler = server
    feed = feed_for(forum, f"{base}/rss")
    FeedRun.objects.create(feed=feed, forum=forum)  # another worker's run, still running
    run = poll(feed.pk)
    assert run.outcome == FeedOutcome.SKIPPED
    assert not TrendItem.objects.exists()


def test_the_command_polls_every_active_feed_and_is_safe_twice(forum, server):
    base, _handler = server
    feed_for(forum, f"{base}/rss")
    create_feed(forum, None, name="Paused", url=f"{base}/atom", active=False)
    out = StringIO()
    call_command("poll_trend_feeds", stdout=out)
    call_command("poll_trend_feeds", stdout=out)
    assert TrendItem.objects.count() == 3
    assert "Policy watch: ok new=3" in out.getvalue()
    assert "Policy watch: unchanged new=0 duplicate=3" in out.getvalue()
    assert "Paused" not in out.getvalue()


def _race(target: Any, args: list[Any]) -> list[BaseException]:
    barrier = threading.Barrier(len(args))
    errors: list[BaseException] = []

    def work(arg: Any) -> None:
        try:
            barrier.wait(timeout=10)
            target(arg)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(arg,)) for arg in args]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_two_polls_of_one_feed_at_once_store_each_item_once(transactional_db, settings):
    """Two workers poll the same feed together while the server is slow: one stores, the other is
    recorded as skipped (or, had it come later, finds the items held)."""
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    settings.TRENDS_FEED_TIMEOUT = 5
    httpd, base, _handler = serve({"/slow": (200, "application/rss+xml", RSS)})
    try:
        forum = ForumFactory(slug="trendrace")
        feed = feed_for(forum, f"{base}/slow")
        errors = _race(poll, [feed.pk, feed.pk])
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert not errors, errors
    assert TrendItem.objects.filter(forum=forum).count() == 3
    outcomes = sorted(feed.runs.values_list("outcome", flat=True))
    assert outcomes in (["ok", "skipped"], ["ok", "unchanged"]), outcomes


def test_two_feeds_with_the_same_entries_at_once_store_each_item_once(transactional_db, settings):
    """Two feeds of one forum carry the same entries and are polled together: no claim stops either,
    so the dedupe and, last, the unique source address per forum keep each item once."""
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    settings.TRENDS_FEED_TIMEOUT = 5
    httpd, base, _handler = serve({"/slow": (200, "application/rss+xml", RSS)})
    try:
        forum = ForumFactory(slug="trendrace2")
        feeds = [feed_for(forum, f"{base}/slow"), feed_for(forum, f"{base}/slow")]
        errors = _race(poll, [f.pk for f in feeds])
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert not errors, errors
    assert TrendItem.objects.filter(forum=forum).count() == 3
    runs = FeedRun.objects.filter(forum=forum)
    assert sorted(runs.values_list("outcome", flat=True)) in (["ok", "ok"], ["ok", "unchanged"])
    assert sum(r.new for r in runs) == 3
    assert sum(r.duplicate for r in runs) == 3
