"""Feed subscriptions refreshed from a real HTTP server in a thread (127.0.0.1, allowed for these tests
only): created, updated, vanished → cancelled, a bad feed changes nothing, one run at a time, the pages."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from mshub.calendar.importing import refresh
from mshub.calendar.models import EventStatus, ExternalEvent, FeedSubscription, ImportOutcome, ImportRun
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"


def coming_feed() -> bytes:
    """The conference feed with its day moved a month ahead of today: what vanishes from it is not yet over."""
    day = (dt.date.today() + dt.timedelta(days=30)).strftime("%Y%m%d").encode()
    return (FIXTURES / "indico.ics").read_bytes().replace(b"20261110T", day + b"T")


class Feed(BaseHTTPRequestHandler):
    body = b""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/calendar")
        self.end_headers()
        self.wfile.write(type(self).body)


@pytest.fixture
def feed_server(settings) -> Iterator[tuple[str, type[Feed]]]:  # type: ignore[no-untyped-def]
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    handler = type("ThisFeed", (Feed,), {"body": coming_feed()})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/feed.ics", handler
    httpd.shutdown()
    httpd.server_close()


def subscribe(forum, url: str) -> FeedSubscription:  # type: ignore[no-untyped-def]
    return FeedSubscription.objects.create(name="Conference", url=url, forum=forum, timezone="Asia/Tokyo")


def test_refresh_creates_updates_and_cancels_what_vanished(forum, feed_server):
    url, handler = feed_server
    subscription = subscribe(forum, url)
    run = refresh(subscription.pk)
    assert (run.outcome, run.created, run.skipped) == (ImportOutcome.DONE, 2, 1)
    assert run.finished_at is not None
    # The plenary's UID is gone (a new event takes its place), and the workshop moved rooms.
    handler.body = coming_feed().replace(b"Room 2", b"Room 3")
    handler.body = handler.body.replace(b"UID:indico-contribution-1234-5678@indico.example.org", b"UID:gone")
    handler.body = handler.body.replace(b"SUMMARY:Opening plenary", b"SUMMARY:Opening plenary (moved)")
    run = refresh(subscription.pk)
    assert (run.created, run.updated, run.cancelled) == (1, 1, 1)
    plenary = ExternalEvent.objects.get(uid="indico-contribution-1234-5678@indico.example.org")
    assert plenary.status == EventStatus.CANCELLED  # vanished from the feed: marked, not deleted
    assert plenary.revisions.first().message == "no longer in Conference"
    assert ExternalEvent.objects.get(name_en="Workshop: DNS abuse").city_en == "Room 3"


def test_an_event_that_is_over_and_vanishes_was_pruned_not_cancelled(forum, feed_server):
    url, handler = feed_server
    handler.body = (FIXTURES / "indico.ics").read_bytes().replace(b"20261110T", b"20200110T")  # long over
    subscription = subscribe(forum, url)
    refresh(subscription.pk)
    handler.body = handler.body.replace(b"UID:indico-contribution-1234-5678@indico.example.org", b"UID:gone")
    handler.body = handler.body.replace(b"SUMMARY:Opening plenary", b"SUMMARY:Opening plenary (moved)")
    run = refresh(subscription.pk)
    assert (run.created, run.cancelled) == (1, 0)
    plenary = ExternalEvent.objects.get(uid="indico-contribution-1234-5678@indico.example.org")
    assert plenary.status == EventStatus.SCHEDULED


def test_a_bad_feed_changes_nothing_and_says_why(forum, feed_server):
    url, handler = feed_server
    subscription = subscribe(forum, url)
    refresh(subscription.pk)
    before = list(ExternalEvent.objects.values_list("pk", "status", "sequence"))
    handler.body = b"<html>garbage</html>"
    run = refresh(subscription.pk)
    assert run.outcome == ImportOutcome.FAILED
    assert "not a calendar file" in run.error
    assert (run.created, run.cancelled) == (0, 0)  # nothing vanished: the feed was not read
    assert list(ExternalEvent.objects.values_list("pk", "status", "sequence")) == before


def test_the_guard_refuses_loopback_by_default(forum, settings):
    settings.FETCH_ALLOWED_NETWORKS = []
    run = refresh(subscribe(forum, "http://127.0.0.1:9/feed.ics").pk)
    assert run.outcome == ImportOutcome.FAILED
    assert "private network" in run.error


def test_a_second_run_while_one_is_under_way_is_skipped(forum, feed_server):
    url, _handler = feed_server
    subscription = subscribe(forum, url)
    ImportRun.objects.create(subscription=subscription)  # another worker's run, still running
    run = refresh(subscription.pk)
    assert run.outcome == ImportOutcome.SKIPPED
    assert not ExternalEvent.objects.exists()


def test_two_runs_one_after_the_other_create_once(forum, feed_server):
    url, _handler = feed_server
    subscribe(forum, url)
    out = StringIO()
    call_command("refreshfeeds", stdout=out)
    call_command("refreshfeeds", stdout=out)
    assert ExternalEvent.objects.count() == 2
    assert "created=2" in out.getvalue()
    assert "created=0" in out.getvalue()


def test_pages_subscribe_upload_and_show_runs(forum, feed_server, cast):
    url, _handler = feed_server
    client = cast.client("secretariat")
    response = client.post(
        reverse("calendar:subscription-create", kwargs={"forum": forum.slug}),
        {"name": "Indico", "url": url, "timezone": "Asia/Tokyo", "active": "on"},
    )
    subscription = FeedSubscription.objects.get(name="Indico")
    assert subscription.forum == forum
    page = client.get(response["Location"])
    assert page.context["runs"][0].created == 2  # queued and (TASK_THREADS = 0) run at once
    bad = client.post(
        reverse("calendar:subscription-create", kwargs={"forum": forum.slug}),
        {"name": "File", "url": "file:///etc/passwd", "timezone": "UTC"},
    )
    assert bad.status_code == 200
    assert not FeedSubscription.objects.filter(name="File").exists()
    upload = SimpleUploadedFile("apple.ics", (FIXTURES / "apple.ics").read_bytes(), "text/calendar")
    response = client.post(
        reverse("calendar:import", kwargs={"forum": forum.slug}), {"file": upload, "timezone": "Asia/Tokyo"}
    )
    assert response.status_code == 302
    assert ExternalEvent.objects.filter(name_en="APRICOT 2026 social (floating)").exists()
    garbage = SimpleUploadedFile("x.ics", b"\x00\x01", "text/calendar")
    response = client.post(
        reverse("calendar:import", kwargs={"forum": forum.slug}), {"file": garbage, "timezone": "UTC"}
    )
    assert "Nothing was imported" in response.content.decode()


def test_two_workers_at_once_import_once(transactional_db, settings):
    """Two workers refresh the same subscription together while the feed is slow: one imports, the
    other is recorded as skipped, and the events are there once."""
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.0/8"]

    class Slow(Feed):
        body = (FIXTURES / "indico.ics").read_bytes()

        def do_GET(self) -> None:
            time.sleep(1)
            super().do_GET()

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    forum = ForumFactory(slug="feedrace")
    subscription = subscribe(forum, f"http://127.0.0.1:{httpd.server_address[1]}/feed.ics")
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait(timeout=10)
            refresh(subscription.pk)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    httpd.shutdown()
    httpd.server_close()
    assert not errors, errors
    outcomes = sorted(subscription.runs.values_list("outcome", flat=True))
    assert outcomes == [ImportOutcome.DONE, ImportOutcome.SKIPPED]
    assert ExternalEvent.objects.filter(imported_by__subscription=subscription).count() == 2


def test_deleting_a_subscription_keeps_its_events_and_is_logged(forum, feed_server, client):
    from mshub.core.models import ActivityEntry, Membership, Role
    from tests.factories import UserFactory

    url, _handler = feed_server
    subscription = subscribe(forum, url)
    refresh(subscription.pk)
    user = UserFactory(email="sec-feeds@example.org")
    Membership.objects.create(forum=forum, user=user, role=Role.SECRETARIAT)
    client.force_login(user)
    page = reverse("calendar:subscription", kwargs={"forum": forum.slug, "pk": subscription.pk})
    delete = reverse("calendar:subscription-delete", kwargs={"forum": forum.slug, "pk": subscription.pk})
    assert f'action="{delete}"' in client.get(page).content.decode()
    unconfirmed = client.post(delete, {})
    assert unconfirmed["Location"] == page
    assert FeedSubscription.objects.filter(pk=subscription.pk).exists()
    response = client.post(delete, {"confirm": "on"})
    assert response["Location"] == reverse("calendar:import", kwargs={"forum": forum.slug})
    assert not FeedSubscription.objects.filter(pk=subscription.pk).exists()
    assert not ImportRun.objects.filter(subscription_id=subscription.pk).exists()
    plenary = ExternalEvent.objects.get(uid="indico-contribution-1234-5678@indico.example.org")
    assert plenary.imported_by is None  # the calendar's own now: a later import matches, never overwrites
    entry = ActivityEntry.objects.get(verb="calendar.subscription_deleted")
    assert (entry.forum, entry.summary) == (forum, "Conference")
    assert client.post(delete, {"confirm": "on"}).status_code == 404


def test_a_subscription_being_refreshed_is_not_deleted(forum):
    from mshub.calendar.importing import SubscriptionBusyError, delete_subscription

    subscription = subscribe(forum, "https://feeds.example.org/f.ics")
    ImportRun.objects.create(subscription=subscription, forum=forum)  # running
    with pytest.raises(SubscriptionBusyError):
        delete_subscription(subscription.pk, forum)
    assert FeedSubscription.objects.filter(pk=subscription.pk).exists()


def test_the_scheduled_task_refreshes_every_active_subscription(forum, feed_server):
    """What celery beat calls (mshub.calendar.tasks.refresh_feeds): a paused subscription is left alone."""
    from mshub.calendar.tasks import refresh_feed, refresh_feeds

    url, _handler = feed_server
    active = subscribe(forum, url)
    paused = FeedSubscription.objects.create(name="Paused", url=url, forum=forum, active=False)
    refresh_feeds()
    assert active.runs.get().outcome == ImportOutcome.DONE
    assert not paused.runs.exists()
    refresh_feed(paused.pk)  # "Refresh now" works on a paused one
    assert paused.runs.get().outcome == ImportOutcome.DONE


def test_the_page_pauses_resumes_and_will_not_delete_while_a_refresh_runs(forum, client):
    from mshub.core.models import Membership, Role
    from tests.factories import UserFactory

    subscription = subscribe(forum, "https://feeds.example.org/f.ics")
    user = UserFactory(email="sec-pause@example.org")
    Membership.objects.create(forum=forum, user=user, role=Role.SECRETARIAT)
    client.force_login(user)
    kwargs = {"forum": forum.slug, "pk": subscription.pk}
    client.post(reverse("calendar:subscription-refresh", kwargs=kwargs), {"active": "0"})
    subscription.refresh_from_db()
    assert subscription.active is False
    client.post(reverse("calendar:subscription-refresh", kwargs=kwargs), {"active": "1"})
    subscription.refresh_from_db()
    assert subscription.active is True
    ImportRun.objects.create(subscription=subscription, forum=forum)  # a refresh under way
    response = client.post(reverse("calendar:subscription-delete", kwargs=kwargs), {"confirm": "on"}, follow=True)
    assert "being refreshed" in response.content.decode()
    assert FeedSubscription.objects.filter(pk=subscription.pk).exists()
