"""The deadline reminders: due at 14, 7 and 2 days (the setting), sent once per lead time over a real
SMTP server, whether the job runs twice in a row or in two workers at once; only the forum's own
person in charge, by their account's address."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from mshub.consultations.models import DeadlineReminder
from mshub.consultations.reminders import send_deadline_reminders
from mshub.consultations.services import response_of, save_response
from tests.consultations.conftest import consultation
from tests.factories import ForumFactory, PersonFactory, UserFactory
from tests.mailserver import body_of

pytestmark = pytest.mark.django_db(transaction=True)  # the mail goes on commit: commits must really happen

DAY = dt.timedelta(days=1)


def _in_charge(forum, closes, *, email="charge@example.org", decision="respond", now=None):  # type: ignore[no-untyped-def]
    now = now or timezone.now()
    c = consultation(forum, "ICANN comment", now - 30 * DAY, closes)
    person = PersonFactory(forum=forum, user=UserFactory(email=email) if email else None)
    response = response_of(forum, c)
    response.person_in_charge, response.decision = person, decision
    save_response(response, None)
    return c


def test_each_lead_time_is_mailed_once_even_when_the_job_runs_twice(forum, smtp, settings):
    settings.CONSULTATION_REMINDER_DAYS = [14, 7, 2]
    now = timezone.now()
    c = _in_charge(forum, now + 13 * DAY)
    assert send_deadline_reminders(now - 2 * DAY).sent == []  # 15 days before: nothing due
    first = send_deadline_reminders(now)
    second = send_deadline_reminders(now)
    assert first.sent == [(c.pk, forum.pk, 14)]
    assert second.sent == []
    assert second.already == 1
    [message] = smtp.wait_for(1)
    assert message["To"] == "charge@example.org"
    assert "ICANN comment" in message["Subject"]
    assert f"/{forum.slug}/consultations/{c.pk}/" in body_of(message)
    # A week later, the 7-day one; three days before, nothing new; then the 2-day one.
    assert send_deadline_reminders(now + 6 * DAY).sent == [(c.pk, forum.pk, 7)]
    assert send_deadline_reminders(now + 10 * DAY).sent == []
    assert send_deadline_reminders(now + 11.5 * DAY).sent == [(c.pk, forum.pk, 2)]
    assert send_deadline_reminders(now + 14 * DAY).sent == []  # closed
    assert len(smtp.wait_for(3)) == 3
    assert len(smtp.wait_for(4, timeout=0.5)) == 3
    assert sorted(DeadlineReminder.objects.values_list("lead_days", flat=True)) == [2, 7, 14]


def test_a_late_addition_gets_only_the_shortest_due_reminder(forum, smtp):
    now = timezone.now()
    c = _in_charge(forum, now + 1.5 * DAY)
    assert send_deadline_reminders(now).sent == [(c.pk, forum.pk, 2)]
    assert len(smtp.wait_for(2, timeout=0.5)) == 1


def test_no_mail_without_an_account_address_nor_when_not_responding_or_submitted(forum, smtp):
    now = timezone.now()
    _in_charge(forum, now + DAY, email="")
    _in_charge(forum, now + DAY, email="no@example.org", decision="not_respond")
    done = _in_charge(forum, now + DAY, email="done@example.org")
    response = response_of(forum, done)
    response.submitted_at = now
    save_response(response, response.version)
    result = send_deadline_reminders(now)
    assert (result.sent, result.skipped) == ([], 1)
    assert smtp.wait_for(1, timeout=0.5) == []
    assert not DeadlineReminder.objects.exists()


def test_each_forum_reminds_its_own_person_in_charge(smtp):
    now = timezone.now()
    first, second = ForumFactory(), ForumFactory(is_public=False)
    c = _in_charge(first, now + DAY, email="first@example.org")
    person = PersonFactory(forum=second, user=UserFactory(email="second@example.org"))
    response = response_of(second, c)
    response.person_in_charge = person
    save_response(response, None)
    assert sorted(send_deadline_reminders(now).sent) == sorted([(c.pk, first.pk, 2), (c.pk, second.pk, 2)])
    assert sorted(m["To"] for m in smtp.wait_for(2)) == ["first@example.org", "second@example.org"]


def test_the_management_command_reports_what_it_did(forum, smtp, capsys):
    _in_charge(forum, timezone.now() + DAY)
    call_command("send_deadline_reminders")
    call_command("send_deadline_reminders")
    out = capsys.readouterr().out
    assert "sent 1, already sent 0" in out
    assert "sent 0, already sent 1" in out
    assert len(smtp.wait_for(2, timeout=0.5)) == 1


def test_two_workers_at_once_send_each_reminder_once(smtp):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises them; the sequential test covers it)")
    now = timezone.now()
    forum = ForumFactory()
    for n in range(5):
        _in_charge(forum, now + DAY + n * dt.timedelta(hours=1), email=f"c{n}@example.org")
    barrier, results, errors = threading.Barrier(2), [], []

    def worker() -> None:
        try:
            barrier.wait()
            results.append(send_deadline_reminders(now))
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
    assert DeadlineReminder.objects.count() == 5
    assert sorted(m["To"] for m in smtp.wait_for(5)) == [f"c{n}@example.org" for n in range(5)]
    assert len(smtp.wait_for(6, timeout=1)) == 5
