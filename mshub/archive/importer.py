"""One file in, one JSON-ready record out (the schema is in docs/archive.md)."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from mshub.archive import problems
from mshub.archive.genres import GenreCode, detect, is_genre
from mshub.archive.parsed import ParsedFields, ParsedRecord
from mshub.archive.problems import Problem
from mshub.archive.sources import Extracted, ExtractionError, extract


def empty_record(source: str, sha256: str) -> ParsedRecord:
    """A record with nothing found yet: every fact null, every list empty."""
    return {
        "source": source,
        "sha256": sha256,
        "genre": None,
        "confidence": None,
        "series": None,
        "number": None,
        "title": None,
        "date": None,
        "start": None,
        "end": None,
        "venue": None,
        "url": None,
        "participants": {"onsite": None, "remote": None},
        "agenda": [],
        "footnotes": [],
        "next_meeting": None,
        "attendees": [],
        "attendee_details": [],
        "secretariat": [],
        "recorder": None,
        "materials": [],
        "decisions": [],
        "actions": [],
        "consultations": [],
        "events": [],
        "pages": None,
        "warnings": [],
        "errors": [],
        "problems": {"warnings": [], "errors": []},
    }


def parse_document(data: bytes, source: str, genre: str | None = None) -> ParsedRecord:
    """Parse one document. Never raises: a file that cannot be read comes back with ``errors``."""
    return read_document(data, source, genre)[0]


def read_document(data: bytes, source: str, genre: str | None = None) -> tuple[ParsedRecord, Extracted | None]:
    """``parse_document``, and the extracted text (None if the file could not be read), for callers
    that keep the text too: the file is extracted once."""
    record = empty_record(source, hashlib.sha256(data).hexdigest())
    try:
        extracted = extract(data, source)
    except ExtractionError as exc:
        problems.add(record, "errors", replace(exc.problem, source=source))
        return record, None
    detected, confidence = detect(extracted.text)
    if genre is not None:
        if not is_genre(genre):
            problems.add(record, "errors", Problem("unknown_genre", {"genre": genre}))
            return record, extracted
        detected, confidence = genre, 1.0
    record["genre"], record["confidence"] = detected, confidence
    record["pages"] = extracted.page_count
    try:
        record = {**record, **_parse(detected, extracted.text)}
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}"
        problems.add(record, "errors", Problem("unparsable", {"genre": detected, "detail": detail}, source=source))
    return record, extracted


def _parse(genre: GenreCode, text: str) -> ParsedFields:
    if genre == "meeting_report":
        from mshub.archive.parsers.report import parse_report

        return parse_report(text)
    if genre == "steering_memo":
        from mshub.archive.parsers.memo import parse_memo

        return parse_memo(text)
    if genre == "trend_briefing":
        from mshub.archive.parsers.briefing import parse_briefing

        return parse_briefing(text)
    return {}
