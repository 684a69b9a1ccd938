"""Storing a parsed document: the original file and its text, then (for reports and memos) the
meeting and everything in it, each record linked back to its source and page (``records.py``).

Each document is stored in one transaction. Importing the same file twice changes nothing; a
corrected re-import (a new file for the same meeting) updates the records it made, except fields
someone corrected by hand since (unless ``overwrite``).
"""

from __future__ import annotations

import re
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from mshub.archive.models import ArchiveDocument, SourceLink
from mshub.archive.records import StoreError, store_meeting
from mshub.archive.sources import Extracted, ExtractionError, extract
from mshub.core.models.events import record as log
from mshub.meetings.models import MeetingSeries
from mshub.people.matching import squash

STORABLE = ("meeting_report", "steering_memo")

__all__ = ["STORABLE", "StoreError", "remove_document", "series_for", "store_document"]


@transaction.atomic
def store_document(
    forum: Any,
    data: dict[str, Any],
    name: str,
    series: MeetingSeries | None = None,
    actor: Any = None,
    overwrite: bool = False,
    content: bytes | None = None,
    series_slug: str | None = None,
    extracted: Extracted | None = None,
) -> ArchiveDocument:
    """Store one parsed document (``data`` as ``parse_document`` returns it, perhaps corrected).

    ``content`` is the original file: kept beside the records, with its text by page. Without
    ``series``, the series is ``series_slug``'s or the one the record names (see ``series_for``).
    ``extracted``: the content's text when the caller has it already (else it is extracted here).
    """
    existing = ArchiveDocument.objects.filter(forum=forum, sha256=data["sha256"]).first()
    if existing is not None:
        return existing  # the same bytes again: nothing changes
    if data.get("errors"):
        raise StoreError("; ".join(data["errors"]))
    document = ArchiveDocument(
        forum=forum,
        sha256=data["sha256"],
        name=name[:255],
        genre=data.get("genre") or "other",
        confidence=data.get("confidence"),
        parsed=data,
        pages=data.get("pages"),
        imported_by=actor if getattr(actor, "pk", None) else None,
    )
    if content is not None:
        document.size = len(content)
        try:
            extracted = extracted or extract(content, name)
            document.kind, document.text = extracted.kind, extracted.text
            document.pages = document.pages or extracted.page_count
        except ExtractionError:
            pass  # parsed from corrected data; the file itself is still kept
        document.file.save(_safe_name(name), ContentFile(content), save=False)
    try:
        document.save()
        if document.genre in STORABLE:
            series = series or series_for(forum, data, series_slug)
            document.meeting = store_meeting(document, data, series, overwrite)
            document.parsed = data  # with the warnings storing added
            document.save(update_fields=["meeting", "parsed"])
        log(forum, actor, "archive.imported", document.meeting or document, summary=name[:200], genre=document.genre)
    except BaseException:
        if document.file:  # the rows roll back; the file written for them goes too
            document.file.storage.delete(document.file.name)
        raise
    return document


def _safe_name(name: str) -> str:
    base = re.sub(r"[^\w.\-]+", "_", name.rsplit("/", 1)[-1]).strip("._") or "document"
    return base[-120:]


def series_for(forum: Any, data: dict[str, Any], slug: str | None = None) -> MeetingSeries:
    """Where an imported meeting goes.

    ``slug`` given: that series (created if missing). Otherwise a steering memo goes to the forum's
    steering series, and a report to the series whose Japanese or English name is the one the
    report prints; failing that, to the series ``archive`` (created, named as the document says).
    """
    steering = data.get("genre") == "steering_memo"
    named = data.get("series") or ""
    if slug is None:
        candidates = MeetingSeries.objects.filter(forum=forum, is_steering=steering)
        if steering and candidates:
            return candidates[0]
        wanted = squash(named)
        for series in candidates:
            if wanted and wanted in (squash(series.name_ja), squash(series.name_en)):
                return series
        slug = "steering" if steering else "archive"
    series, _created = MeetingSeries.objects.get_or_create(
        forum=forum,
        slug=slug,
        defaults={
            "name_ja": named or ("運営会合" if steering else "アーカイブ"),
            "name_en": "Steering meetings" if steering else "Archive",
            "is_steering": steering,
            "visibility": "steering" if steering else "public",
            "timezone": forum.timezone,
        },
    )
    return series


@transaction.atomic
def remove_document(document: ArchiveDocument, actor: Any = None) -> bool:
    """Undo an import: the document, its file and its links go; the meeting made from it goes too
    when no other document was imported into it and nothing has been added to it since that an
    import cannot make (registrations, a published report). People and organisations created stay
    in the registry (with their notes). Returns whether the meeting was removed."""
    meeting = document.meeting
    removed = False
    if meeting is not None:
        others = SourceLink.objects.filter(document__meeting=meeting).exclude(document=document).exists()
        used = meeting.registrations.exists() or meeting.report_versions.exists()
        if not others and not used:
            meeting.delete()
            removed = True
    name = document.name
    if document.file:
        path = document.file.name
        transaction.on_commit(lambda: document.file.storage.delete(path))
    log(document.forum, actor, "archive.removed", None, summary=name[:200], meeting_removed=removed)
    document.delete()
    return removed
