"""Storing a parsed document: the original file and its text, then (for reports and memos) the
meeting and everything in it, each record linked back to its source and page (``records.py``); for
trend briefings, their consultations and events as the installation's shared records (``briefings.py``).

Each document is stored in one transaction. Importing the same file twice changes nothing; a
corrected re-import (a new file for the same meeting) updates the records it made, except fields
someone corrected by hand since (unless ``overwrite``).
"""

from __future__ import annotations

import re
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from mshub.archive.briefings import store_briefing
from mshub.archive.genres import STORABLE, Genre
from mshub.archive.models import ArchiveDocument, SourceLink
from mshub.archive.parsed import ParsedRecord
from mshub.archive.problems import stored_problems
from mshub.archive.records import StoreError, store_meeting
from mshub.archive.sources import Extracted, ExtractionError, extract
from mshub.core.models.events import record as log
from mshub.meetings.models import MeetingSeries
from mshub.meetings.models.series import RESERVED_SERIES_SLUGS
from mshub.people.matching import name_forms, squash

__all__ = ["STORABLE", "StoreError", "remove_document", "series_for", "store_document", "store_item"]


@transaction.atomic
def store_document(
    forum: Any,
    data: ParsedRecord,
    name: str,
    series: MeetingSeries | None = None,
    actor: Any = None,
    overwrite: bool = False,
    content: bytes | None = None,
    series_slug: str | None = None,
    extracted: Extracted | None = None,
    new_series: str | None = None,
) -> ArchiveDocument:
    """Store one parsed document (``data`` as ``parse_document`` returns it, perhaps corrected).

    ``content`` is the original file: kept beside the records, with its text by page. Without
    ``series``, the series is ``series_slug``'s, a new one named ``new_series``, or the one the
    record names (see ``series_for``). The meeting made stays unpublished (``awaiting_publication``)
    until the secretariat publishes the batch (``archive/publish.py``).
    ``extracted``: the content's text when the caller has it already (else it is extracted here).
    """
    existing = ArchiveDocument.objects.filter(forum=forum, sha256=data["sha256"]).first()
    if existing is not None:
        return existing  # the same bytes again: nothing changes
    if data.get("errors"):
        raise StoreError(*stored_problems(data, "errors"))
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
            series = series or series_for(forum, data, series_slug, new_series)
            document.meeting = store_meeting(document, data, series, overwrite)
            document.parsed = data  # with the warnings storing added
            document.save(update_fields=["meeting", "parsed"])
        elif document.genre == Genre.TREND_BRIEFING:
            store_briefing(document, data, actor)  # its consultations and events (briefings.py)
            document.parsed = data  # with the warnings storing added
            document.save(update_fields=["parsed"])
        log(forum, actor, "archive.imported", document.meeting or document, summary=name[:200], genre=document.genre)
    except BaseException:
        if document.file:  # the rows roll back; the file written for them goes too
            document.file.storage.delete(document.file.name)
        raise
    return document


def store_item(item: Any, data: ParsedRecord, actor: Any = None, **options: Any) -> ArchiveDocument:
    """Store an import item reviewed as ``data`` (``store_document``'s ``options``) and mark it stored,
    in one transaction; then its uploaded copy goes (the document keeps its own)."""
    from mshub.archive.models import ImportItem
    from mshub.archive.tasks import discard_upload

    with item.file.open("rb") as handle:
        content = handle.read()
    with transaction.atomic():
        document = store_document(item.batch.forum, data, item.name, actor=actor, content=content, **options)
        item.record, item.status, item.document = data, ImportItem.Status.STORED, document
        item.save(update_fields=["record", "status", "document"])
    discard_upload(item)
    return document


def _safe_name(name: str) -> str:
    base = re.sub(r"[^\w.\-]+", "_", name.rsplit("/", 1)[-1]).strip("._") or "document"
    return base[-120:]


def matching_series(forum: Any, data: ParsedRecord) -> MeetingSeries | None:
    """The forum's series the document names (Japanese or English name, or the abbreviation in
    brackets: "日本インターネットガバナンス会議(IGCJ)"), or for a steering memo the steering series;
    None when the document names none of them."""
    steering = data.get("genre") == Genre.STEERING_MEMO
    candidates = list(MeetingSeries.objects.filter(forum=forum, is_steering=steering))
    named = data.get("series") or ""
    main, short = name_forms(named)
    wanted = {squash(v) for v in (named, main, short) if squash(v)}
    for series in candidates:
        names = set()
        for value in (series.name_ja, series.name_en):
            names |= {squash(v) for v in (value, *name_forms(value)) if squash(v)}
        if wanted & names:
            return series
    if steering and candidates:  # the genre names the series
        return candidates[0]
    return None


def series_for(forum: Any, data: ParsedRecord, slug: str | None = None, new_name: str | None = None) -> MeetingSeries:
    """Where an imported meeting goes: the series ``slug`` (created if missing, for the command line),
    a new series named ``new_name`` (chosen on the review page), or the series the document names
    (``matching_series``); failing that, a new series named as the document says. Never the forum's
    regular series merely because it is there."""
    steering = data.get("genre") == Genre.STEERING_MEMO
    if slug is None and not new_name:
        found = matching_series(forum, data)
        if found is not None:
            return found
    name = (new_name or data.get("series") or "").strip()[:200] or ("運営会合" if steering else "アーカイブ")
    defaults = {
        "name_ja": name,
        "name_en": "" if new_name else ("Steering meetings" if steering else "Archive"),
        "is_steering": steering,
        "visibility": "steering" if steering else "public",
        "timezone": forum.timezone,
    }
    if slug is None:
        slug = _free_slug(forum, name_forms(name)[1] or ("steering" if steering else "archive"))
    series, _created = MeetingSeries.objects.get_or_create(forum=forum, slug=slug, defaults=defaults)
    return series


def _free_slug(forum: Any, base: str) -> str:
    base = slugify(base)[:30] or "archive"
    taken = set(MeetingSeries.objects.filter(forum=forum, slug__startswith=base).values_list("slug", flat=True))
    if base not in taken and base not in RESERVED_SERIES_SLUGS:
        return base
    return next(f"{base}-{n}" for n in range(2, len(taken) + 3) if f"{base}-{n}" not in taken)


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
