"""What a briefing says, as plain data: the draft read into JSON (what a version freezes), and that
JSON arranged as a deck of slides in the briefing's language(s).

Everything here is plain text: trend summaries (sanitised HTML in the trends area) lose their tags
here, and templates escape the rest.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from django.utils.html import strip_tags

from mshub.briefings.builder import sections_with_entries
from mshub.briefings.models import Briefing
from mshub.calendar.models import ExternalEvent
from mshub.consultations.models import Consultation

EVENT_MONTHS = 3


def plain(text: str) -> str:
    """Text out of (sanitised) HTML: tags dropped, entities read, whitespace squashed."""
    return " ".join(html.unescape(strip_tags(text or "")).split())


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def _start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)


def open_consultations(briefing: Briefing) -> list[Consultation]:
    """Consultations open at some time in the period: closing on or after its first day, opening by its last."""
    start, after_end = _start(briefing.period_start), _start(briefing.period_end + dt.timedelta(days=1))
    found = Consultation.objects.shown_in(briefing.forum).listed().filter(closes__gte=start, opens__lt=after_end)
    return list(found.by_deadline())


def coming_events(briefing: Briefing) -> list[ExternalEvent]:
    """International events starting from the period's end to three months after it."""
    last = add_months(briefing.period_end, EVENT_MONTHS)
    found = ExternalEvent.objects.shown_in(briefing.forum).listed().top_level()
    return list(found.filter(first_day__gte=briefing.period_end, first_day__lte=last).chronological())


def _pair(obj: Any, field: str) -> dict[str, str]:
    return {"ja": str(getattr(obj, f"{field}_ja", "") or ""), "en": str(getattr(obj, f"{field}_en", "") or "")}


def briefing_content(briefing: Briefing) -> dict[str, Any]:
    """The draft as it would be published: included entries only, sections with none left out."""
    sections = []
    for section in sections_with_entries(briefing):
        entries = []
        for entry in section.rows:  # type: ignore[attr-defined]
            if not entry.included:
                continue
            item = entry.item
            entries.append(
                {
                    "item": item.pk,
                    "title": plain(str(item.title)),
                    "text": {
                        "ja": entry.override_ja or plain(getattr(item, "summary_ja", "")),
                        "en": entry.override_en or plain(getattr(item, "summary_en", "")),
                    },
                    "date": item.date.isoformat() if item.date else "",
                    "source_name": plain(getattr(item, "source_name", "")),
                    "source_url": str(getattr(item, "source_url", "") or ""),
                }
            )
        if entries:
            sections.append(
                {
                    "topic": section.topic.code if section.topic else None,
                    "heading": {"ja": section.heading("ja"), "en": section.heading("en")},
                    "note": _pair(section, "note"),
                    "entries": entries,
                }
            )
    return {
        "title": _pair(briefing, "title"),
        "forum": briefing.forum.name,
        "period": {"start": briefing.period_start.isoformat(), "end": briefing.period_end.isoformat()},
        "audience": briefing.audience,
        "languages": briefing.languages,
        "intro": _pair(briefing, "intro"),
        "sections": sections,
        "consultations": [
            {
                "title": _pair(c, "title"),
                "body": c.body.short_name or c.body.name_en or c.body.name_ja if c.body else "",
                "opens": c.local_opens.date().isoformat(),
                "closes": c.local_closes.date().isoformat(),
                "url": c.url,
            }
            for c in open_consultations(briefing)
        ],
        "events": [
            {
                "name": _pair(e, "name"),
                "first_day": e.first_day.isoformat() if e.first_day else "",
                "last_day": e.last_day.isoformat() if e.last_day else "",
                "place": " ".join(p for p in (e.city_ja or e.city_en, str(e.country.name) if e.country else "") if p),
                "url": e.url,
            }
            for e in coming_events(briefing)
        ],
    }


def texts(pair: dict[str, str], languages: list[str]) -> list[str]:
    """The pair's texts in the briefing's languages (the other language if one is blank), each once."""
    found: list[str] = []
    for language in languages:
        other = "en" if language == "ja" else "ja"
        text = (pair.get(language) or pair.get(other) or "").strip()
        if text and text not in found:
            found.append(text)
    return found


def deck(content: dict[str, Any]) -> dict[str, Any]:
    """The content arranged for the slides and the Markdown: every bilingual pair as its texts."""
    languages = content.get("languages") or ["ja"]
    return {
        "language": languages[0],
        "title": texts(content["title"], languages),
        "forum": content.get("forum", ""),
        "period": content["period"],
        "intro": texts(content["intro"], languages),
        "sections": [
            {
                "heading": texts(s["heading"], languages),
                "note": texts(s["note"], languages),
                "entries": [{**e, "text": texts(e["text"], languages)} for e in s["entries"]],
            }
            for s in content["sections"]
        ],
        "consultations": [{**c, "title": texts(c["title"], languages)} for c in content["consultations"]],
        "events": [{**e, "name": texts(e["name"], languages)} for e in content["events"]],
    }


def changes(before: dict[str, Any] | None, after: dict[str, Any]) -> dict[str, list[str]]:
    """What a version added and dropped since the one before it: section headings and entry titles."""

    def sections(content: dict[str, Any] | None) -> list[str]:
        return [s["heading"]["ja"] or s["heading"]["en"] for s in (content or {}).get("sections", [])]

    def entries(content: dict[str, Any] | None) -> list[str]:
        return [e["title"] for s in (content or {}).get("sections", []) for e in s["entries"]]

    if before is None:
        return {}
    return {
        "sections_added": [h for h in sections(after) if h not in sections(before)],
        "sections_dropped": [h for h in sections(before) if h not in sections(after)],
        "entries_added": [t for t in entries(after) if t not in entries(before)],
        "entries_dropped": [t for t in entries(before) if t not in entries(after)],
    }
