"""Trend briefings feed the calendar and the consultations (docs/archive.md, "Trend briefings feed
the calendar").

A briefing lists consultations (意見募集: issuer, title, deadline, questions, URL) and events (name,
days, URL). Storing it (``store_briefing``, inside ``store_document``'s transaction) makes each one a
shared record, or finds the one the installation already holds (``calendar.matching`` /
``consultations.matching``: same web address, or same name and day), through the calendar's and the
consultations' services so that revisions are kept. An existing record is only completed: a field
that is empty gets the briefing's value, nothing typed is overwritten. Each record gets a
``SourceLink`` to the document (its page, the values as imported, key ``consultation N`` /
``event N``), once per document. The items of its topic sections become the forum's trend items
(``mshub.trends.briefings``: found or made, key ``trend S.I``; docs/trends.md).

The review page decides per entry (``match``: a record's pk, ``"new"`` or ``"skip"``); without a
decision (the command line) the match is automatic: the record found, else a new one.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from mshub.archive import problems
from mshub.archive.models import ArchiveDocument, SourceLink
from mshub.archive.parsed import ConsultationEntry, EventEntry, ParsedRecord
from mshub.archive.problems import Problem
from mshub.calendar.matching import find_event, guess_body, kind_for
from mshub.calendar.models import DatePrecision, ExternalEvent
from mshub.calendar.services import create_event, update_event
from mshub.consultations.matching import find_consultation, issuer_zone
from mshub.consultations.models import Consultation
from mshub.consultations.services import create_consultation, update_consultation
from mshub.core.text import language_of
from mshub.core.timezones import make_aware_in
from mshub.core.validators import is_web_url
from mshub.trends.briefings import item_from_briefing
from mshub.trends.services import TrendError

NEW, SKIP = "new", "skip"
MESSAGE = "imported from a trend briefing"  # a revision's note: every forum reads it, so no document name
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def text(value: Any, limit: int = 300) -> str:
    """A value as a field takes it: a string without control characters, trimmed, at most ``limit``."""
    return _CONTROL.sub("", str(value or "")).strip()[:limit].strip()


def language_fields(value: str, prefix: str) -> dict[str, str]:
    """``{prefix}_ja`` for text with Japanese characters, else ``{prefix}_en``."""
    return {f"{prefix}_{language_of(value)}": value}


def day(value: Any) -> dt.date | None:
    """A YYYY-MM-DD day between 1900 and 2200, else None."""
    try:
        parsed = dt.date.fromisoformat(str(value or ""))
    except ValueError:
        return None
    return parsed if 1900 <= parsed.year <= 2200 else None


def web(value: Any) -> str:
    return str(value) if is_web_url(value) and len(str(value)) <= 200 else ""


def suggested_consultation(entry: ConsultationEntry) -> Consultation | None:
    return find_consultation(text(entry.get("title")), day(entry.get("deadline")), web(entry.get("url")))


def suggested_event(entry: EventEntry) -> ExternalEvent | None:
    return find_event(text(entry.get("name")), day(entry.get("start")), day(entry.get("end")), web(entry.get("url")))


def _chosen(model: type[models.Model], match: Any) -> Any:
    if isinstance(match, int) or (isinstance(match, str) and match.isdigit()):
        return model._default_manager.filter(pk=int(match)).first()
    return None


def _page(pages: list[str], *needles: str | None) -> int | None:
    """The first page whose text names the entry (its URL, else its name)."""
    for needle in needles:
        if needle:
            for number, page in enumerate(pages, start=1):
                if needle in page:
                    return number
    return None


def _link(
    document: ArchiveDocument, target: models.Model, key: str, page: int | None, imported: dict[str, Any]
) -> None:
    """One link per document and record, however many entries name the record."""
    ct = ContentType.objects.get_for_model(target)
    if not SourceLink.objects.filter(document=document, target_type=ct, target_id=str(target.pk)).exists():
        SourceLink.objects.create(
            document=document, target_type=ct, target_id=str(target.pk), key=key, page=page, imported=imported
        )


def _refused(data: ParsedRecord, name: str, exc: ValidationError) -> None:
    detail = "; ".join(exc.messages)[:300]
    problems.add(data, "warnings", Problem("calendar_entry_refused", {"name": name[:100], "detail": detail}))


# ---- consultations ------------------------------------------------------------------------------


def _consultation_values(entry: ConsultationEntry) -> dict[str, Any]:
    title = text(entry.get("title")) or text(entry.get("url"))
    body = guess_body(title, text(entry.get("body"), 200))
    questions = [text(q, 5000) for q in entry.get("questions") or [] if text(q, 5000)]
    return {
        "title": title,
        "body": body,
        "url": web(entry.get("url")),
        "deadline": day(entry.get("deadline")),
        "questions": [(q, "") if language_of(q) == "ja" else ("", q) for q in questions[:50]],
    }


def _new_consultation(forum: Any, actor: Any, values: dict[str, Any]) -> Consultation:
    zone = issuer_zone(values["body"])
    closes = make_aware_in(dt.datetime.combine(values["deadline"], dt.time(23, 59)), zone)
    # The opening is not in a briefing: from the import (or the day before the deadline, if earlier).
    opens = min(timezone.now(), closes - dt.timedelta(days=1))
    fields: dict[str, Any] = {"body": values["body"], "url": values["url"], "timezone": zone, "opens": opens}
    fields.update(closes=closes, **language_fields(values["title"], "title"))
    return create_consultation(forum, actor, message=MESSAGE, questions=values["questions"], **fields)


def _complete_consultation(forum: Any, actor: Any, found: Consultation, values: dict[str, Any]) -> None:
    """Fill what is empty; nothing typed is overwritten."""
    for field, value in language_fields(values["title"], "title").items():
        if not getattr(found, field):
            setattr(found, field, value)
    if not found.url and values["url"]:
        found.url = values["url"]
    if found.body_id is None and values["body"] is not None:
        found.body = values["body"]
    questions = values["questions"] if values["questions"] and not found.questions.exists() else None
    update_consultation(found, found.version, forum, actor, message=MESSAGE, questions=questions)


def _consultation(document: ArchiveDocument, data: ParsedRecord, entry: ConsultationEntry, actor: Any) -> Any:
    match = entry.get("match")
    values = _consultation_values(entry)
    found = None if match == NEW else _chosen(Consultation, match)
    if found is None and match != NEW:
        found = find_consultation(values["title"], values["deadline"], values["url"])
    if found is not None:
        _complete_consultation(document.forum, actor, found, values)
        return found
    if values["deadline"] is None:
        problems.add(data, "warnings", Problem("consultation_no_deadline", {"title": values["title"][:100]}))
        return None
    return _new_consultation(document.forum, actor, values)


# ---- events -------------------------------------------------------------------------------------


def _event_values(entry: EventEntry) -> dict[str, Any]:
    name = text(entry.get("name")) or text(entry.get("url"))
    start, end = day(entry.get("start")), day(entry.get("end"))
    if start is None or (end is not None and end < start):
        end = None if start is None else start
    return {"name": name, "start": start, "end": end, "url": web(entry.get("url")), "body": guess_body(name)}


def _dates(values: dict[str, Any]) -> dict[str, Any]:
    if values["start"] is None:
        return {"precision": DatePrecision.TBD}
    return {
        "precision": DatePrecision.DAYS,
        "start_date": values["start"],
        "end_date": values["end"] or values["start"],
    }


def _new_event(forum: Any, actor: Any, values: dict[str, Any]) -> ExternalEvent:
    # Whole days as the briefing prints them; the place (and so its zone) is not in a briefing.
    return create_event(
        forum,
        actor,
        message=MESSAGE,
        body=values["body"],
        kind=kind_for(values["name"]),
        url=values["url"],
        timezone="UTC",
        **_dates(values),
        **language_fields(values["name"], "name"),
    )


def _complete_event(forum: Any, actor: Any, found: ExternalEvent, values: dict[str, Any]) -> None:
    """Fill what is empty (an undecided date included); nothing typed is overwritten."""
    for field, value in language_fields(values["name"], "name").items():
        if not getattr(found, field):
            setattr(found, field, value)
    if not found.url and values["url"]:
        found.url = values["url"]
    if found.body_id is None and values["body"] is not None:
        found.body = values["body"]
    if found.kind_id is None:
        found.kind = kind_for(values["name"])
    if found.precision == DatePrecision.TBD and values["start"] is not None:
        for field, value in _dates(values).items():
            setattr(found, field, value)
    update_event(found, found.version, forum, actor, message=MESSAGE)


def _event(document: ArchiveDocument, entry: EventEntry, actor: Any) -> Any:
    match = entry.get("match")
    values = _event_values(entry)
    found = None if match == NEW else _chosen(ExternalEvent, match)
    if found is None and match != NEW:
        found = find_event(values["name"], values["start"], values["end"], values["url"])
    if found is not None:
        _complete_event(document.forum, actor, found, values)
        return found
    return _new_event(document.forum, actor, values)


# ---- trend items -------------------------------------------------------------------------------


def _trend_items(document: ArchiveDocument, data: ParsedRecord, actor: Any, pages: list[str]) -> int:
    """Each item of the topic sections as a trend item of the forum (``trends.briefings``), linked
    to the document under the key ``trend S.I``; an entry already linked is left alone."""
    date = day(data.get("date")) or document.imported_at.date()
    done = set(SourceLink.objects.filter(document=document, key__startswith="trend ").values_list("key", flat=True))
    linked = 0
    for s, section in enumerate(data.get("topics") or [], start=1):
        title = text(section.get("title"), 200)
        for i, entry in enumerate(section.get("items") or [], start=1):
            key = f"trend {s}.{i}"
            if key in done:
                continue
            body = text(entry.get("text"), 5000)
            urls = [str(url) for url in entry.get("urls") or []]
            try:
                with transaction.atomic():
                    item = item_from_briefing(document.forum, actor, section=title, text=body, urls=urls, date=date)
                    if item is not None:
                        imported = {"section": title, "text": body, "urls": urls}
                        _link(document, item, key, _page(pages, urls[0] if urls else None, body[:40]), imported)
                        linked += 1
            except (ValidationError, TrendError) as exc:
                _refused(data, body[:100], exc if isinstance(exc, ValidationError) else ValidationError(str(exc)))
    return linked


# ---- the briefing -------------------------------------------------------------------------------


def store_briefing(document: ArchiveDocument, data: ParsedRecord, actor: Any = None) -> int:
    """Every consultation and event of the briefing as a shared record, and every topic item as a
    trend item of the forum, linked to ``document``;
    returns how many records were linked. An entry refused by the record's checks (a bad date, a
    name too long …) is a warning on the document; the rest go on."""
    pages = document.page_texts()
    linked = 0
    for number, consultation in enumerate(data.get("consultations") or [], start=1):
        if consultation.get("match") == SKIP:
            continue
        try:
            with transaction.atomic():
                target = _consultation(document, data, consultation, actor)
                if target is not None:
                    page = _page(pages, consultation.get("url"), consultation.get("title"))
                    imported = {k: v for k, v in consultation.items() if k != "match"}
                    _link(document, target, f"consultation {number}", page, imported)
                    linked += 1
        except ValidationError as exc:
            _refused(data, text(consultation.get("title")), exc)
    for number, event in enumerate(data.get("events") or [], start=1):
        if event.get("match") == SKIP:
            continue
        try:
            with transaction.atomic():
                target = _event(document, event, actor)
                page = _page(pages, event.get("url"), event.get("name"))
                _link(document, target, f"event {number}", page, {k: v for k, v in event.items() if k != "match"})
                linked += 1
        except ValidationError as exc:
            _refused(data, text(event.get("name")), exc)
    return linked + _trend_items(document, data, actor, pages)
