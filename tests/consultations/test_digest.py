"""The weekly digest: what it holds (consultations closing and events starting in 14 days, both zones,
the forum's response, absolute links), sent once per member and ISO week over a real SMTP server
whether the job runs twice in a row or in two workers at once; nothing to send, no mail; only
members who opted in; the recipient's language; erasure and forum deletion remove its rows."""

from __future__ import annotations

import datetime as dt
import threading
import zoneinfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone, translation

from mshub.accounts.models import User
from mshub.calendar.services import create_event
from mshub.consultations.digest import send_radar_digest, set_subscription, week_of
from mshub.consultations.models import DigestDelivery, DigestSubscription, ResponseDecision
from mshub.consultations.services import response_of, save_response
from mshub.core.models import Membership
from mshub.core.services import delete_forum
from mshub.people.erasure import erase_person
from tests.consultations.conftest import consultation
from tests.factories import ForumFactory, MembershipFactory, PersonFactory, UserFactory
from tests.mailserver import body_of

pytestmark = pytest.mark.django_db(transaction=True)  # the mail goes on commit: commits must really happen

DAY = dt.timedelta(days=1)
SITE = "https://hub.example.org"


@pytest.fixture(autouse=True)
def _site(settings):  # type: ignore[no-untyped-def]
    settings.SITE_URL = SITE


def member(forum, email, language="en", subscribe=True):  # type: ignore[no-untyped-def]
    user = UserFactory(email=email, language=language)
    MembershipFactory(forum=forum, user=user)
    if subscribe:
        set_subscription(forum, user, True)
    return user


def test_the_digest_holds_the_radar_and_goes_once_a_week_even_when_the_job_runs_twice(smtp):
    now = timezone.now()
    forum = ForumFactory(slug="jp", name_en="Japan IGF", timezone="Asia/Tokyo")
    member(forum, "reader@example.org")
    soon = consultation(forum, "WSIS review", now - DAY, now + 5 * DAY, body=None)
    soon.timezone = "America/Los_Angeles"  # the issuer's zone differs from the forum's
    soon.save()
    consultation(forum, "Later call", now - DAY, now + 20 * DAY)  # beyond 14 days: not listed
    response = response_of(forum, soon)
    response.decision = ResponseDecision.RESPOND
    save_response(response, None)
    event = create_event(None, name_en="IGF 2026", precision="days", start_date=(now + 6 * DAY).date())

    first, second = send_radar_digest(now), send_radar_digest(now)
    assert len(first.sent) == 1
    assert (second.sent, second.already) == ([], 1)
    [message] = smtp.wait_for(1)
    assert message["To"] == "reader@example.org"
    assert "Japan IGF" in message["Subject"]
    body = body_of(message)
    assert "WSIS review" in body
    assert "Later call" not in body
    la = soon.closes.astimezone(zoneinfo.ZoneInfo("America/Los_Angeles"))
    tokyo = soon.closes.astimezone(zoneinfo.ZoneInfo("Asia/Tokyo"))
    assert f"{la:%Y-%m-%d %H:%M} America/Los_Angeles / {tokyo:%Y-%m-%d %H:%M} Asia/Tokyo" in body
    assert "will respond" in body
    assert f"{SITE}/jp/consultations/{soon.pk}/" in body
    assert "IGF 2026" in body
    assert f"{SITE}/jp/calendar/events/{event.pk}/" in body
    assert f"{SITE}/jp/radar/digest/" in body  # the way out
    assert DigestDelivery.objects.get().week == week_of(now, "Asia/Tokyo")
    assert len(smtp.wait_for(2, timeout=0.5)) == 1
    # The next week: a new digest (the later call is now within 14 days).
    assert len(send_radar_digest(now + 7 * DAY).sent) == 1
    assert "Later call" in body_of(smtp.wait_for(2)[1])


def test_nothing_on_the_radar_sends_nothing_and_writes_nothing(smtp):
    now = timezone.now()
    forum = ForumFactory()
    member(forum, "reader@example.org")
    consultation(forum, "Far away", now - DAY, now + 30 * DAY)
    result = send_radar_digest(now)
    assert (result.sent, result.empty) == ([], 1)
    assert not DigestDelivery.objects.exists()
    assert smtp.wait_for(1, timeout=0.5) == []


def test_only_members_who_opted_in_get_it(smtp):
    now = timezone.now()
    forum, other = ForumFactory(), ForumFactory()
    consultation(forum, "Soon", now - DAY, now + 3 * DAY)
    member(forum, "in@example.org")
    member(forum, "never@example.org", subscribe=False)
    out = member(forum, "out@example.org")
    set_subscription(forum, out, False)
    gone = member(forum, "gone@example.org")
    Membership.objects.filter(forum=forum, user=gone).delete()  # the subscription stays, unused
    closed = member(forum, "closed@example.org")
    closed.is_active = False
    closed.save()
    member(other, "elsewhere@example.org")  # the other forum's radar has the same shared consultation
    result = send_radar_digest(now)
    assert sorted(user for _forum, user, _week in result.sent) == sorted(
        [User.objects.get(email=e).pk for e in ("in@example.org", "elsewhere@example.org")]
    )
    assert sorted(m["To"] for m in smtp.wait_for(2)) == ["elsewhere@example.org", "in@example.org"]
    assert len(smtp.wait_for(3, timeout=0.5)) == 2
    assert DigestSubscription.objects.filter(user=gone).exists()


def test_each_member_reads_it_in_their_language_and_user_text_stays_one_line(smtp, settings):
    settings.LANGUAGE_CODE = "ja"
    now = timezone.now()
    forum = ForumFactory(timezone="UTC")
    consultation(forum, "Evil\r\nBcc: victim@example.org, <b>bold</b>", now - DAY, now + 2 * DAY, title_ja="日本語の題")
    member(forum, "en@example.org", language="en")
    member(forum, "default@example.org", language="")  # LANGUAGE_CODE: Japanese
    assert len(send_radar_digest(now).sent) == 2
    mails = {m["To"]: body_of(m) for m in smtp.wait_for(2)}
    english, japanese = mails["en@example.org"], mails["default@example.org"]
    assert "- Evil Bcc: victim@example.org, <b>bold</b> (ICANN)" in english.splitlines()
    assert "日本語の題" in japanese
    with translation.override("ja"):
        assert str(ResponseDecision.UNDECIDED.label) in japanese
    assert "not decided yet" in english
    assert all(m["Bcc"] is None for m in smtp.messages)


def test_the_management_command_reports_what_it_did(smtp, capsys):
    now = timezone.now()
    forum = ForumFactory()
    consultation(forum, "Soon", now - DAY, now + 3 * DAY)
    member(forum, "reader@example.org")
    call_command("send_radar_digest")
    call_command("send_radar_digest")
    out = capsys.readouterr().out
    assert "sent 1, already sent this week 0" in out
    assert "sent 0, already sent this week 1" in out
    assert len(smtp.wait_for(2, timeout=0.5)) == 1


def test_erasure_and_forum_deletion_remove_the_subscriptions_and_deliveries(smtp):
    now = timezone.now()
    forum, kept = ForumFactory(), ForumFactory()
    consultation(forum, "Soon", now - DAY, now + 3 * DAY)
    erased = member(forum, "erased@example.org")
    set_subscription(kept, erased, True)
    other = member(forum, "other@example.org")
    set_subscription(kept, other, True)
    MembershipFactory(forum=kept, user=other)
    assert len(send_radar_digest(now).sent) == 3
    erase_person(PersonFactory(forum=forum, user=erased))
    assert not DigestSubscription.objects.filter(user=erased).exists()
    assert not DigestDelivery.objects.filter(user=erased).exists()
    delete_forum(forum)
    assert list(DigestSubscription.objects.values_list("forum", "user")) == [(kept.pk, other.pk)]
    assert list(DigestDelivery.objects.values_list("forum", "user")) == [(kept.pk, other.pk)]


def test_two_workers_at_once_send_each_digest_once(smtp):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises them; the sequential test covers it)")
    now = timezone.now()
    forum = ForumFactory()
    consultation(forum, "Soon", now - DAY, now + 3 * DAY)
    for n in range(5):
        member(forum, f"m{n}@example.org")
    barrier, results, errors = threading.Barrier(2), [], []

    def worker() -> None:
        try:
            barrier.wait()
            results.append(send_radar_digest(now))
        except Exception as exc:  # pragma: no cover - shown in the assertion
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert sum(len(r.sent) for r in results) == 5
    assert sum(r.already for r in results) == 5
    assert DigestDelivery.objects.count() == 5
    assert sorted(m["To"] for m in smtp.wait_for(5)) == [f"m{n}@example.org" for n in range(5)]
    assert len(smtp.wait_for(6, timeout=1)) == 5


def test_the_scheduled_tasks_run_the_reminders_and_the_digest(smtp):
    """What celery beat calls (mshub.consultations.tasks): each returns how many mails it sent."""
    from mshub.consultations import tasks

    now = timezone.now()
    forum = ForumFactory(slug="tasks")
    member(forum, "digest@example.org")
    soon = consultation(forum, "WSIS review", now - DAY, now + 1.5 * DAY)
    response = response_of(forum, soon)
    response.person_in_charge = PersonFactory(forum=forum, user=UserFactory(email="charge@example.org"))
    response.decision = ResponseDecision.RESPOND
    save_response(response, None)
    assert tasks.send_deadline_reminders() == 1
    assert tasks.send_radar_digest() == 1
    assert (tasks.send_deadline_reminders(), tasks.send_radar_digest()) == (0, 0)  # once each
    assert sorted(m["To"] for m in smtp.wait_for(2)) == ["charge@example.org", "digest@example.org"]
