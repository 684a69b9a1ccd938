"""One file in, one JSON-ready record out (the schema is in docs/archive.md)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from mshub.archive import problems
from mshub.archive.genres import GENRES, detect
from mshub.archive.problems import Problem
from mshub.archive.sources import Extracted, ExtractionError, extract

EMPTY: dict[str, Any] = {
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
}


def parse_document(data: bytes, source: str, genre: str | None = None) -> dict[str, Any]:
    """Parse one document. Never raises: a file that cannot be read comes back with ``errors``."""
    return read_document(data, source, genre)[0]


def read_document(data: bytes, source: str, genre: str | None = None) -> tuple[dict[str, Any], Extracted | None]:
    """``parse_document``, and the extracted text (None if the file could not be read), for callers
    that keep the text too: the file is extracted once."""
    record: dict[str, Any] = {
        "source": source,
        "sha256": hashlib.sha256(data).hexdigest(),
        "genre": None,
        "confidence": None,
        **{k: (v.copy() if isinstance(v, (dict, list)) else v) for k, v in EMPTY.items()},
        "problems": {"warnings": [], "errors": []},
    }
    try:
        extracted = extract(data, source)
    except ExtractionError as exc:
        problems.add(record, "errors", replace(exc.problem, source=source))
        return record, None
    detected, confidence = detect(extracted.text)
    if genre is not None:
        if genre not in GENRES:
            problems.add(record, "errors", Problem("unknown_genre", {"genre": genre}))
            return record, extracted
        detected, confidence = genre, 1.0
    record["genre"], record["confidence"] = detected, confidence
    record["pages"] = extracted.page_count
    try:
        record.update(_parse(detected, extracted.text))
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}"
        problems.add(record, "errors", Problem("unparsable", {"genre": detected, "detail": detail}, source=source))
    return record, extracted


def _parse(genre: str, text: str) -> dict[str, Any]:
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
