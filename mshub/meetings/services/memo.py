"""What the memo screen does: each change to the memo and its line in the activity log ("memo.<section>"),
all or nothing."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from mshub.core.models.events import record
from mshub.meetings.models import ActionItem, Attendance, Decision, Footnote, Material, MaterialVersion, Meeting
from mshub.meetings.services.minutes import (
    add_decision,
    add_material,
    add_material_version,
    close_action,
    next_footnote_mark,
)


def _log(meeting: Meeting, actor: Any, section: str) -> None:
    record(meeting.forum, actor, f"memo.{section}", meeting)


@transaction.atomic
def note_attendance(meeting: Meeting, actor: Any, *, person: Any, remote: bool) -> Attendance:
    attendance, _created = Attendance.objects.get_or_create(meeting=meeting, person=person, defaults={"remote": remote})
    _log(meeting, actor, "attendance")
    return attendance


@transaction.atomic
def add_memo_material(meeting: Meeting, actor: Any, *, upload: UploadedFile | None, **fields: Any) -> Material:
    """``add_material``; a file that fails its checks (``ValidationError``) leaves nothing behind."""
    material = add_material(meeting, upload=upload, actor=actor, **fields)
    _log(meeting, actor, "material")
    return material


@transaction.atomic
def add_memo_material_version(material: Material, upload: UploadedFile, actor: Any) -> MaterialVersion:
    version = add_material_version(material, upload, actor)
    _log(material.meeting, actor, "version")
    return version


@transaction.atomic
def add_memo_decision(meeting: Meeting, decision: Decision, actor: Any) -> Decision:
    add_decision(meeting, decision)
    _log(meeting, actor, "decision")
    return decision


@transaction.atomic
def add_action(action: ActionItem, actor: Any) -> ActionItem:
    action.save()
    _log(action.meeting, actor, "action")
    return action


@transaction.atomic
def close_memo_action(action: ActionItem, status: str, meeting: Meeting, actor: Any) -> ActionItem:
    close_action(action, status, meeting, actor)
    _log(meeting, actor, "close_action")
    return action


@transaction.atomic
def add_footnote(footnote: Footnote, actor: Any) -> Footnote:
    """Save ``footnote`` (unsaved) with the meeting's next mark, taken with the meeting locked."""
    meeting = footnote.meeting
    Meeting.objects.select_for_update().filter(pk=meeting.pk).values_list("pk").first()
    footnote.mark = next_footnote_mark(meeting)
    footnote.save()
    _log(meeting, actor, "footnote")
    return footnote
