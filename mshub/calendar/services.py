"""Every write the calendar's screens make, each in one transaction with its activity-log entry.

A shared event is written through ``create_event`` / ``update_event``: both validate it, append a
revision (what it now is, who, through which forum, why) and log it in that forum's activity log. An
edit claims the event's row at the version the editor loaded (``save_versioned``): if someone saved
in between, ``EditConflictError`` and nothing is written. A forum's presence and report-backs are
checked to name only that forum's records.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from mshub.calendar.models import ExternalEvent, ExternalEventRevision, Presence, ReportBack
from mshub.calendar.models.events import REVISED_FIELDS, snapshot
from mshub.core.concurrency import save_versioned
from mshub.core.models import Forum
from mshub.core.models.events import record


class CalendarError(ValueError):
    """A change the calendar refuses, with a message for the person who asked for it."""


def _revise(event: ExternalEvent, forum: Forum | None, actor: Any, message: str, changed: list[str]) -> None:
    last = event.revisions.aggregate(n=models.Max("number"))["n"] or 0
    ExternalEventRevision.objects.create(
        event=event,
        number=last + 1,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        forum=forum,
        message=message[:300],
        fields=snapshot(event),
        changed=changed,
    )


@transaction.atomic
def create_event(forum: Forum | None, actor: Any = None, *, message: str = "", **fields: Any) -> ExternalEvent:
    """A new shared event (``ValidationError`` with a message per field if it does not hold together).

    ``forum``: the forum whose page it was added through (its activity log gets the entry); None for
    an event that came in otherwise (the demo, an import)."""
    event = ExternalEvent(**fields)
    event.normalise()
    event.full_clean()
    event.save()
    _revise(event, forum, actor, message, [])  # the first revision: everything is new
    if forum is not None:
        record(forum, actor, "calendar.event_created", event)
    return event


@transaction.atomic
def update_event(
    event: ExternalEvent, loaded_version: int, forum: Forum | None, actor: Any = None, *, message: str = ""
) -> list[str]:
    """Save an edited event unless someone saved it since ``loaded_version`` (``EditConflictError``).

    Returns the fields that changed; with none, nothing is written. Any change raises the iCalendar
    SEQUENCE (subscribers' calendars must take it) and appends a revision."""
    event.normalise()
    event.full_clean()
    saved = ExternalEvent.objects.select_related("body", "kind", "parent").get(pk=event.pk)
    before, after = snapshot(saved), snapshot(event)
    changed = [name for name in REVISED_FIELDS if before[name] != after[name]]
    if not changed:
        return []
    event.sequence = saved.sequence + 1
    save_versioned(event, loaded_version)
    _revise(event, forum, actor, message, changed)
    if forum is not None:
        record(forum, actor, "calendar.event_changed", event, fields=changed)
    return changed


# ---- what a forum adds ----------------------------------------------------------------------


@transaction.atomic
def add_presence(forum: Forum, event: ExternalEvent, person: Any, actor: Any = None, **fields: Any) -> Presence:
    """``person`` (of this forum's registry) was at ``event``; the log names neither person nor role by name."""
    if person.forum_id != forum.pk:
        raise CalendarError(_("Choose a person from this forum's registry."))
    if Presence.objects.filter(event=event, person=person).exists():
        raise CalendarError(_("This person is already listed at this event."))
    presence = Presence(forum=forum, event=event, person=person, **fields)
    try:
        presence.full_clean(exclude=["forum", "event", "person"])
    except ValidationError as exc:
        raise CalendarError(" ".join(exc.messages)) from exc
    presence.save()
    record(forum, actor, "calendar.presence_added", event, summary=f"#{presence.pk} {presence.role}")
    return presence


@transaction.atomic
def remove_presence(presence: Presence, actor: Any = None) -> None:
    forum, event, pk = presence.forum, presence.event, presence.pk
    presence.delete()
    record(forum, actor, "calendar.presence_removed", event, summary=f"#{pk}")


@transaction.atomic
def add_report_back(
    forum: Forum,
    event: ExternalEvent,
    actor: Any = None,
    *,
    meeting: Any = None,
    agenda_item: Any = None,
    url: str = "",
    title_ja: str = "",
    title_en: str = "",
) -> ReportBack:
    """Link ``event`` to where this forum reported back on it: a meeting or one of its agenda items, or a page."""
    if agenda_item is not None:
        meeting = agenda_item.meeting
    if meeting is not None and meeting.forum_id != forum.pk:
        raise CalendarError(_("Choose one of this forum's meetings."))
    if meeting is None and not url:
        raise CalendarError(_("Choose a meeting or give the address of a page."))
    report_back = ReportBack(
        forum=forum,
        event=event,
        meeting=meeting,
        agenda_item=agenda_item,
        url=url,
        title_ja=title_ja,
        title_en=title_en,
    )
    try:
        report_back.full_clean(exclude=["forum", "event", "meeting", "agenda_item"])
    except ValidationError as exc:
        raise CalendarError(" ".join(exc.messages)) from exc
    report_back.save()
    record(forum, actor, "calendar.report_back_added", event, summary=f"#{report_back.pk}")
    return report_back


@transaction.atomic
def remove_report_back(report_back: ReportBack, actor: Any = None) -> None:
    forum, event, pk = report_back.forum, report_back.event, report_back.pk
    report_back.delete()
    record(forum, actor, "calendar.report_back_removed", event, summary=f"#{pk}")
