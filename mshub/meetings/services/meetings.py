"""Creating meetings (automatic numbering) and moving them through their statuses."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from mshub.core.concurrency import save_versioned
from mshub.core.models.events import record
from mshub.core.pagecache import forum_changed
from mshub.core.timezones import make_aware_in
from mshub.meetings.models import Meeting, MeetingSeries, MeetingStatus


def next_number(series: MeetingSeries) -> int:
    return (series.meetings.aggregate(n=Max("number"))["n"] or 0) + 1


@transaction.atomic
def create_meeting(
    series: MeetingSeries,
    *,
    start: datetime,
    end: datetime,
    timezone: str | None = None,
    number: int | None = None,
    actor: Any = None,
    series_venue: bool = True,
    log: bool = True,
    **fields: Any,
) -> Meeting:
    """A new meeting of ``series``; ``start``/``end`` are wall-clock times at the venue (naive) or aware.

    Numbers are given automatically (the next in the series) unless one is asked for. Without a
    venue it takes the series' usual one, unless ``series_venue`` is off (a meeting of the past, as
    its document gives it). ``log``: off for a caller that logs the act itself (an archive import
    logs the document it stored, with the meeting as its target).
    """
    series = MeetingSeries.objects.select_for_update().get(pk=series.pk)
    zone = timezone or series.timezone
    start = make_aware_in(start, zone) if start.tzinfo is None else start
    end = make_aware_in(end, zone) if end.tzinfo is None else end
    meeting = Meeting(
        forum=series.forum,
        series=series,
        number=number or next_number(series),
        timezone=zone,
        start=start,
        end=end,
        **fields,
    )
    if series_venue and not meeting.venue_ja and not meeting.venue_en:
        meeting.venue_ja, meeting.venue_en = series.default_venue_ja, series.default_venue_en
    meeting.full_clean()
    meeting.save()
    if log:
        record(meeting.forum, actor, "meeting.created", meeting, summary=str(meeting))
    return meeting


def validate_times(start: datetime, end: datetime) -> None:
    if end <= start:
        raise ValidationError({"end": _("A meeting must end after it starts.")})


@transaction.atomic
def change_status(
    meeting: Meeting, status: str, actor: Any = None, note: str = "", now: datetime | None = None
) -> Meeting:
    """Move a meeting to ``status`` if the lifecycle allows it (planned → announced → held → report published).

    A meeting is "held" only once it has started (``now`` is for tests and imports of the past).
    """
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.can_become(status):
        raise ValidationError(
            _("A meeting that is “%(from)s” cannot become “%(to)s”.")
            % {"from": MeetingStatus(meeting.status).label, "to": MeetingStatus(status).label}
        )
    if status == MeetingStatus.HELD and not meeting.has_started(now):
        raise ValidationError(
            _("A meeting can be marked as held only once it has started (%(start)s).")
            % {"start": f"{meeting.local_start:%Y-%m-%d %H:%M} {meeting.timezone}"}
        )
    previous = meeting.status
    meeting.status = status
    meeting.status_note = note
    meeting.sequence += 1  # calendar clients must see the change (iCalendar SEQUENCE)
    meeting.save(update_fields=["status", "status_note", "sequence", "updated_at"])
    record(meeting.forum, actor, "meeting.status", meeting, summary=f"{previous} → {status}", note=note)
    return meeting


# Fields calendar subscribers see: changing one bumps the iCalendar SEQUENCE.
CALENDAR_FIELDS = frozenset(
    {"date", "start_time", "end_time", "timezone", "venue_ja", "venue_en", "title_ja", "title_en"}
)


@transaction.atomic
def update_meeting(meeting: Meeting, loaded_version: int, changed: list[str], actor: Any = None) -> Meeting:
    """Save an edited meeting (``EditConflictError`` if someone saved since ``loaded_version``), bump its
    calendar sequence if a field subscribers see changed, and log the change: all or nothing."""
    save_versioned(meeting, loaded_version)
    if CALENDAR_FIELDS & set(changed):
        bump_sequence(meeting)  # calendar subscribers must see the change
    record(meeting.forum, actor, "meeting.changed", meeting, fields=sorted(changed))
    return meeting


def bump_sequence(meeting: Meeting) -> None:
    """Call after an edit that calendar subscribers must see (time, place, title)."""
    Meeting.objects.filter(pk=meeting.pk).update(sequence=meeting.sequence + 1)
    forum_changed(meeting.forum_id)  # the .ics feeds carry the sequence
    meeting.sequence += 1
