"""Reminder mail to each forum's person in charge before a consultation closes, sent exactly once.

The lead times are ``settings.CONSULTATION_REMINDER_DAYS`` (default 14, 7 and 2 days). A reminder
for a lead time is due when the deadline is at most that many days away; when several are due at
once (the job was not run, or the consultation was added late) only the shortest is sent.

Exactly once: each reminder is a ``DeadlineReminder`` row, unique per (consultation, forum, lead
days). The row is inserted first in its own transaction; the mail is handed to ``send_mail_task``
only when that transaction commits. A second run, or a concurrent worker, fails the insert
(``IntegrityError``, or waits for the first and then fails on PostgreSQL) and sends nothing.

The address is the e-mail of the account linked to the person in charge (``Person.user``); a person
with no linked account, or an account with no address, gets no mail (``skipped`` in the result).
Responses decided "will not respond" or already submitted get none either.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mshub.consultations.models import ConsultationResponse, DeadlineReminder, ResponseDecision
from mshub.core.tasks import send_mail_task

DEFAULT_LEAD_DAYS = (14, 7, 2)


def lead_days() -> tuple[int, ...]:
    return tuple(sorted({int(d) for d in getattr(settings, "CONSULTATION_REMINDER_DAYS", DEFAULT_LEAD_DAYS)}))


@dataclass
class RunResult:
    sent: list[tuple[int, int, int]] = field(default_factory=list)  # (consultation, forum, lead days)
    already: int = 0  # sent before, by this run's predecessors or a concurrent one
    skipped: int = 0  # no account address for the person in charge


def _due_lead(closes: dt.datetime, now: dt.datetime, leads: tuple[int, ...]) -> int | None:
    left = closes - now
    due = [lead for lead in leads if dt.timedelta(0) < left <= dt.timedelta(days=lead)]
    return min(due) if due else None


def _message(response: ConsultationResponse, lead: int) -> tuple[str, str]:
    consultation, forum = response.consultation, response.forum
    with translation.override(settings.LANGUAGE_CODE):
        link = settings.SITE_URL + reverse("consultations:detail", kwargs={"forum": forum.slug, "pk": consultation.pk})
        subject = _("Consultation closes in %(days)s days: %(title)s") % {"days": lead, "title": consultation.title}
        body = _(
            "The consultation “%(title)s” closes on %(issuer)s (issuer's time, %(zone)s), %(utc)s UTC.\n"
            "You are in charge of %(forum)s's response. Its state: %(state)s.\n\n%(link)s\n"
        ) % {
            "title": consultation.title,
            "issuer": consultation.local_closes.strftime("%Y-%m-%d %H:%M"),
            "zone": consultation.timezone,
            "utc": consultation.closes.strftime("%Y-%m-%d %H:%M"),
            "forum": forum.name,
            "state": response.status_label,
            "link": link,
        }
    return subject, body


def send_deadline_reminders(now: dt.datetime | None = None) -> RunResult:
    """Send every due reminder not sent yet (safe to run twice, or in two workers at once)."""
    now = now or timezone.now()
    leads = lead_days()
    result = RunResult()
    if not leads:
        return result
    responses = (
        ConsultationResponse.objects.filter(
            person_in_charge__isnull=False,
            submitted_at__isnull=True,
            consultation__opens__lte=now,
            consultation__closes__gt=now,
            consultation__closes__lte=now + dt.timedelta(days=max(leads)),
        )
        .exclude(decision=ResponseDecision.NOT_RESPOND)
        .select_related("consultation", "forum", "person_in_charge__user")
    )
    for response in responses:
        lead = _due_lead(response.consultation.closes, now, leads)
        if lead is None:
            continue
        user: Any = response.person_in_charge.user  # type: ignore[union-attr]
        address = getattr(user, "email", "") if user is not None else ""
        if not address:
            result.skipped += 1
            continue
        subject, body = _message(response, lead)
        try:
            with transaction.atomic():
                DeadlineReminder.objects.create(
                    consultation=response.consultation, forum=response.forum, lead_days=lead, recipient=address
                )
                transaction.on_commit(partial(send_mail_task.delay, subject=subject, body=body, to=[address]))
        except IntegrityError:
            result.already += 1
            continue
        result.sent.append((response.consultation_id, response.forum_id, lead))
    return result
