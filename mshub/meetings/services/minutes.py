"""The memo side of the minutes: materials with versions, decisions, action items that carry over."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction

from mshub.core.concurrency import save_as_last
from mshub.core.i18n import current_language
from mshub.core.models.events import record
from mshub.core.pages import url_for_each
from mshub.core.uploads import check_upload
from mshub.core.validators import web_url_or_empty
from mshub.meetings.models import (
    ActionItem,
    ActionStatus,
    Decision,
    Footnote,
    Material,
    MaterialVersion,
    Meeting,
)


@dataclass(slots=True)
class MaterialLine:
    """A material as the meeting page lists it: "資料1 title", linked to its file or its web address."""

    text: str
    href: str  # the latest file's download address, else the http(s) link, else ""
    external: bool  # ``href`` leads elsewhere (the link, not a file of ours)


def material_lines(meeting: Meeting, language: str | None = None) -> list[MaterialLine]:
    """The meeting's materials in order, in one query, read as values (no Material made)."""
    lang = language or current_language()
    other = "en" if lang == "ja" else "ja"
    has_file = models.Exists(MaterialVersion.objects.filter(material=models.OuterRef("pk")))
    rows = meeting.materials.annotate(has_file=has_file).values_list(
        "pk", "label", f"title_{lang}", f"title_{other}", "url", "has_file"
    )
    download = url_for_each("meetings:material", meeting.url_kwargs())
    lines = []
    for pk, label, title, other_title, url, stored in rows:
        text = " ".join(p for p in (label, title or other_title) if p)  # as Material.__str__
        link = "" if stored else web_url_or_empty(url)
        lines.append(MaterialLine(text, download(pk) if stored else link, bool(link)))
    return lines


@transaction.atomic
def add_decision(meeting: Meeting, decision: Decision) -> Decision:
    """Save ``decision`` (unsaved) as the meeting's last, the meeting locked while its position is taken."""
    decision.meeting = meeting
    return save_as_last(meeting, decision, Decision.objects.filter(meeting=meeting))


@transaction.atomic
def add_material_version(material: Material, upload: UploadedFile, actor: Any = None) -> MaterialVersion:
    """Store a new file for ``material``; earlier versions stay. The file is checked first."""
    checked = check_upload(upload)
    version = MaterialVersion(
        material=material,
        original_name=(upload.name or "file")[:255],
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    version.file.save(upload.name or "file", upload, save=False)
    version.save()
    record(material.meeting.forum, actor, "material.uploaded", material.meeting, summary=f"{material}: {version}")
    return version


@transaction.atomic
def add_material(meeting: Meeting, *, upload: UploadedFile | None = None, actor: Any = None, **fields: Any) -> Material:
    position = (meeting.materials.aggregate(p=models.Max("position"))["p"] or 0) + 1
    material = Material.objects.create(meeting=meeting, position=position, **fields)
    if upload is not None:
        add_material_version(material, upload, actor)
    return material


def carried_over_actions(meeting: Meeting) -> models.QuerySet[ActionItem]:
    """Open action items from earlier meetings of the same series: they stay on the agenda until closed."""
    return (
        ActionItem.objects.filter(
            meeting__series=meeting.series, meeting__start__lt=meeting.start, status=ActionStatus.OPEN
        )
        .select_related("owner", "meeting__series")
        .order_by("due", "pk")
    )


@transaction.atomic
def close_action(action: ActionItem, status: str, meeting: Meeting, actor: Any = None) -> ActionItem:
    action.status = status
    action.closed_in = meeting
    action.save(update_fields=["status", "closed_in"])
    record(meeting.forum, actor, "action.closed", meeting, summary=f"{action} → {status}")
    return action


def next_footnote_mark(meeting: Meeting) -> int:
    return (Footnote.objects.filter(meeting=meeting).aggregate(m=models.Max("mark"))["m"] or 0) + 1
