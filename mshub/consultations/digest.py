"""The weekly deadline-radar digest: members who opt in get, once a week, the consultations closing and
the international events starting in the next ``DIGEST_DAYS`` days (the radar's queries,
mshub/consultations/radar.py), by mail.

Exactly once per member and ISO week (the week of the forum's zone): each digest is a
``DigestDelivery`` row, unique per (forum, account, week). The row is inserted first, in its own
transaction; the mail is handed to ``send_mail_task`` only when that transaction commits. A second
run, or a concurrent worker, fails the insert (``IntegrityError``; on PostgreSQL after waiting for the
first transaction) and sends nothing: the same scheme as the deadline reminders (reminders.py).

A forum with nothing on its radar sends no mail and writes no row (the week's digest still goes if
something appears later that week). Only accounts that are active members of the forum when the job
runs are mailed: a subscription outlives a lost membership but sends nothing. The mail is plain text,
in the account's language (``User.language``), else ``LANGUAGE_CODE``; user text (titles, names) is
written as it is, on one line each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from itertools import groupby
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mshub.calendar.dates import event_dates
from mshub.calendar.models import ExternalEvent
from mshub.consultations.models import (
    Consultation,
    ConsultationResponse,
    DigestDelivery,
    DigestSubscription,
    ResponseDecision,
)
from mshub.consultations.radar import consultations_closing, events_starting
from mshub.core.models import Forum
from mshub.core.pages import url_for_each
from mshub.core.tasks import send_mail_task
from mshub.core.timezones import in_zone

DIGEST_DAYS = 14


# ---- the member's choice ---------------------------------------------------------------------


def is_subscribed(forum: Forum, user: Any) -> bool:
    return DigestSubscription.objects.filter(forum=forum, user=user).exists()


def set_subscription(forum: Forum, user: Any, subscribed: bool) -> bool:
    """Opt ``user`` in or out of ``forum``'s weekly digest; whether anything changed.

    Two requests at once (a double click) cannot make two rows: the unique constraint refuses the
    second insert and ``get_or_create`` then finds the first."""
    with transaction.atomic():
        if subscribed:
            _row, created = DigestSubscription.objects.get_or_create(forum=forum, user=user)
            return created
        deleted, _rows = DigestSubscription.objects.filter(forum=forum, user=user).delete()
        return deleted > 0


# ---- what a forum's digest holds ---------------------------------------------------------------


@dataclass
class Radar:
    forum: Forum
    consultations: list[Consultation]
    responses: dict[int, ConsultationResponse]
    events: list[ExternalEvent]

    def __bool__(self) -> bool:
        return bool(self.consultations or self.events)


def radar_of(forum: Forum, now: dt.datetime, days: int = DIGEST_DAYS) -> Radar:
    """Three queries: the consultations, this forum's responses to them, the events."""
    consultations = list(consultations_closing(days, now, forum))
    responses = ConsultationResponse.objects.filter(forum=forum, consultation__in=[c.pk for c in consultations])
    today = in_zone(now, forum.timezone).date()
    return Radar(
        forum=forum,
        consultations=consultations,
        responses={r.consultation_id: r for r in responses},
        events=list(events_starting(days, today)),
    )


def week_of(now: dt.datetime, zone: str) -> str:
    year, week, _day = in_zone(now, zone).date().isocalendar()
    return f"{year}-W{week:02d}"


def one_line(text: str) -> str:
    """User text on one line of the mail (no line of its own can be faked)."""
    return " ".join(str(text).split())


def _when(moment: dt.datetime, zone: str) -> str:
    return f"{in_zone(moment, zone):%Y-%m-%d %H:%M} {zone}"


def _consultation_lines(radar: Radar, now: dt.datetime, link: Callable[[int], str]) -> list[str]:
    forum_zone = radar.forum.timezone
    lines = []
    for c in radar.consultations:
        issuer = f" ({one_line(c.body.label)})" if c.body is not None else ""
        closes = _when(c.closes, c.timezone)
        if forum_zone != c.timezone:
            closes += " / " + _when(c.closes, forum_zone)
        response = radar.responses.get(c.pk)
        state = response.status_label if response is not None else ResponseDecision.UNDECIDED.label
        left = (c.closes - now).days
        lines += [
            f"- {one_line(c.title)}{issuer}",
            "  " + _("Closes: %(when)s") % {"when": closes},
            "  " + ngettext("%(days)s day left", "%(days)s days left", left) % {"days": left},
            "  " + _("Our response: %(state)s") % {"state": state},
            "  " + link(c.pk),
        ]
    return lines


def _event_lines(radar: Radar, link: Callable[[int], str]) -> list[str]:
    lines = []
    for event in radar.events:
        dates = event_dates(event, radar.forum.timezone)
        when = dates.local + (f" / {dates.reader}" if dates.reader else "")
        place = f" — {one_line(event.place)}" if event.place else ""
        lines += [f"- {one_line(event.name)}", f"  {when}{place}", "  " + link(event.pk)]
    return lines


def message(radar: Radar, now: dt.datetime, language: str) -> tuple[str, str]:
    """The subject and plain-text body of ``radar`` in ``language``."""
    forum = radar.forum
    site = settings.SITE_URL
    with translation.override(language):
        detail = url_for_each("consultations:detail", {"forum": forum.slug})
        event = url_for_each("calendar:event", {"forum": forum.slug})
        name = one_line(forum.name)
        subject = _("Deadline radar of %(forum)s: the next %(days)s days") % {"forum": name, "days": DIGEST_DAYS}
        parts = [
            _("Consultations closing and international events starting in the next %(days)s days (%(week)s).")
            % {"days": DIGEST_DAYS, "week": week_of(now, forum.timezone)},
            "",
            _("Consultations closing"),
            *(_consultation_lines(radar, now, lambda pk: site + detail(pk)) or [_("None.")]),
            "",
            _("International events starting"),
            *(_event_lines(radar, lambda pk: site + event(pk)) or [_("None.")]),
            "",
            _("The radar: %(link)s") % {"link": site + reverse("consultations:radar", kwargs={"forum": forum.slug})},
            _("To stop this weekly mail: %(link)s")
            % {"link": site + reverse("consultations:digest", kwargs={"forum": forum.slug})},
        ]
    return subject, "\n".join(parts) + "\n"


# ---- the weekly job ------------------------------------------------------------------------------


@dataclass
class DigestResult:
    sent: list[tuple[int, int, str]] = field(default_factory=list)  # (forum, account, week)
    already: int = 0  # sent this week before, by an earlier run or a concurrent one
    empty: int = 0  # members of forums with nothing on the radar: no mail


def send_radar_digest(now: dt.datetime | None = None) -> DigestResult:
    """Send this week's digest to every subscribed member not mailed this week (safe to run twice,
    or in two workers at once)."""
    now = now or timezone.now()
    result = DigestResult()
    subscriptions = (
        DigestSubscription.objects.of_members().select_related("forum", "user").order_by("forum_id", "user_id")
    )
    for _forum_id, group in groupby(subscriptions, key=lambda s: s.forum_id):
        members = list(group)
        forum = members[0].forum
        radar = radar_of(forum, now)
        if not radar:
            result.empty += len(members)
            continue
        week = week_of(now, forum.timezone)
        messages: dict[str, tuple[str, str]] = {}
        for subscription in members:
            user = subscription.user
            language = user.language or settings.LANGUAGE_CODE
            if language not in messages:
                messages[language] = message(radar, now, language)
            subject, body = messages[language]
            try:
                with transaction.atomic():
                    DigestDelivery.objects.create(forum=forum, user=user, week=week, recipient=user.email)
                    transaction.on_commit(partial(send_mail_task.delay, subject=subject, body=body, to=[user.email]))
            except IntegrityError:
                result.already += 1
                continue
            result.sent.append((forum.pk, user.pk, week))
    return result
