"""Trend briefings (動向): topic sections with items and sources, consultations (意見募集), events."""

from __future__ import annotations

import datetime as dt
import re

from mshub.archive.normalize import clean_lines, join_broken
from mshub.archive.parsed import ConsultationEntry, EventEntry, ParsedFields, TopicEntry, TopicItem
from mshub.archive.parsers.common import find_date
from mshub.archive.problems import Problem, settle
from mshub.core.text import narrow

_BULLET = re.compile(r"^\s*[•・●◆■▪○◦\-–]\s*")
_URL = re.compile(r"https?://\S+")
_CONTINUED = re.compile(r"\s*[(（]\s*(続き?|\d+|[０-９]+)\s*[)）]\s*$")
_LABEL = re.compile(r"^\s*(?:[•・●\-]\s*)?(期限|締切|締め切り|質問|URL|問い合わせ先|提出先)\s*[:：]?\s*(.*)$")
_EVENT_DATES = re.compile(
    r"[(（]\s*(?:[^)）]*?[:：])?\s*(\d{1,2}/\d{1,2})(?:\s*[-–~〜]\s*(\d{1,2}/)?(\d{1,2}))?[^)）]*[)）]"
)


def _sections(raw: str) -> list[tuple[str, list[str]]]:
    """Slide titles start a section: lines that text extraction indents, or that are not bullets
    and are followed by a bullet."""
    lines = raw.replace("\f", "\n").splitlines()
    cleaned = clean_lines(raw, keep_positions=True)
    sections: list[tuple[str, list[str]]] = [("", [])]
    for original, line in zip(lines, cleaned, strict=True):
        if original.startswith((" ", "\u3000")) and line and not _BULLET.match(line) and len(line) <= 40:
            sections.append((line, []))
        else:
            sections[-1][1].append(line)
    return [(title, body) for title, body in sections if title or any(b.strip() for b in body)]


def _items(body: list[str]) -> list[TopicItem]:
    """Bullets with their continuation lines; URL lines become the item's sources."""
    items: list[TopicItem] = []
    url_parts: list[str] | None = None
    for line in body:
        if not line.strip():
            continue
        text = _BULLET.sub("", line)
        broken_url = url_parts is not None and (
            url_parts[-1].endswith(("-", "/", "_", "%", "=")) or not re.search(r"\s", text)
        )
        if broken_url and not _URL.match(text) and not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text):
            assert url_parts is not None
            url_parts.append(text.strip())
            items[-1]["urls"][-1] = "".join(url_parts)
            continue
        url_parts = None
        if _URL.match(text):
            if not items:
                items.append({"text": "", "urls": []})
            items[-1]["urls"].append(text.strip())
            url_parts = [text.strip()]
        elif _BULLET.match(line) or not items:
            items.append({"text": text.strip(), "urls": []})
        else:
            items[-1]["text"] = join_broken([items[-1]["text"], text])
    for item in items:
        found = _URL.findall(item["text"])
        item["urls"] = [*found, *item["urls"]]
        item["text"] = _URL.sub("", item["text"]).strip(" :：")
    return [i for i in items if i["text"] or i["urls"]]


def _consultations(title: str, body: list[str], warnings: list[Problem]) -> list[ConsultationEntry]:
    issuer = re.split(r"関連|の意見募集|意見募集", title)[0].strip() or None
    entries: list[ConsultationEntry] = []
    field = None
    last_was_url = False
    for line in body:
        if not line.strip():
            continue
        n = narrow(line)
        text = _BULLET.sub("", line).strip()
        if last_was_url and entries and entries[-1]["url"] and _url_continues(text):
            entries[-1]["url"] += text
            continue
        last_was_url = False
        label = _LABEL.match(n)
        if label:
            field = {
                "期限": "deadline",
                "締切": "deadline",
                "締め切り": "deadline",
                "質問": "questions",
                "URL": "url",
            }.get(label.group(1))
            value = line[label.start(2) :].strip()
            if not entries:
                entries.append(_consultation(issuer))
            if field == "deadline":
                day = find_date(value, warnings)
                entries[-1]["deadline"] = day.isoformat() if day else None
            elif field == "url" and _URL.search(value):
                entries[-1]["url"] = _URL.search(value).group(0)  # type: ignore[union-attr]
                last_was_url = True
            continue
        if field == "url" and entries:
            if entries[-1]["url"] is None and _URL.match(text):
                entries[-1]["url"] = text
                last_was_url = True
            elif entries[-1]["url"] and not re.search(r"\s", text) and not _URL.match(text):
                entries[-1]["url"] += text
            else:
                field = None
            if field:
                continue
        if field == "questions" and entries:
            if re.match(r"^\d+\s*[.)]", narrow(text)) or _BULLET.match(line) or not entries[-1]["questions"]:
                entries[-1]["questions"].append(re.sub(r"^\d+\s*[.)]\s*", "", text))
            else:
                entries[-1]["questions"][-1] = join_broken([entries[-1]["questions"][-1], text])
            continue
        if _URL.match(text) and entries:
            entries[-1]["url"] = entries[-1]["url"] or text
            last_was_url = True
            continue
        if not entries or entries[-1]["deadline"] or entries[-1]["url"]:
            entries.append(_consultation(issuer))
            entries[-1]["title"] = text
        else:
            entries[-1]["title"] = join_broken([entries[-1]["title"] or "", text])
    for entry in entries:
        entry["questions"] = [q.strip().strip('"') for q in entry["questions"] if q.strip()]
    return [e for e in entries if e["title"] or e["url"]]


def _url_continues(text: str) -> bool:
    """A URL broken by extraction goes on with a word that has no spaces or Japanese, and has - or /."""
    return (
        bool(text)
        and not re.search(r"\s|[\u3040-\u30ff\u4e00-\u9fff]", text)
        and bool(re.search(r"[-/_.%=]", text))
        and not _URL.match(text)
    )


def _consultation(issuer: str | None) -> ConsultationEntry:
    return {"body": issuer, "title": None, "deadline": None, "questions": [], "url": None}


def _events(title: str, items: list[TopicItem]) -> list[EventEntry]:
    year_match = re.search(r"(\d{4})\s*年", narrow(title))
    year = int(year_match.group(1)) if year_match else None
    # "2017年12月～2018年3月": a month before the first one is in the second year.
    span = re.findall(r"(\d{4})\s*年\s*(\d{1,2})\s*月", narrow(title))
    first_month = int(span[0][1]) if len(span) > 1 else None
    events: list[EventEntry] = []
    for item in items:
        m = _EVENT_DATES.search(narrow(item["text"]))
        name = item["text"][: m.start()].strip() if m else item["text"]
        start = end = None
        if m and year:
            days = [d for d in (_month_day(md, year, first_month) for md in _days_in(m.group(0))) if d]
            if days:
                start, end = days[0], days[-1]
                if end < start:  # runs into the next year
                    end = end.replace(year=end.year + 1)
        events.append(
            {
                "name": name,
                "dates": m.group(0).strip("()（）") if m else None,
                "start": start.isoformat() if start else None,
                "end": end.isoformat() if end else None,
                "place": None,
                "url": item["urls"][0] if item["urls"] else None,
            }
        )
    return events


def _days_in(text: str) -> list[str]:
    """Every month/day in "(10/25-11/3)", "(Day0:12/5、本会議12/6-12/9)": a bare day follows its month."""
    out: list[str] = []
    for month, day in re.findall(r"(?:(\d{1,2})/)?(\d{1,2})\b", text):
        if month:
            out.append(f"{month}/{day}")
        elif out:
            out.append(f"{out[-1].split('/')[0]}/{day}")
    return out


def _month_day(text: str, year: int, first_month: int | None = None) -> dt.date | None:
    month, day = (int(x) for x in text.split("/"))
    if first_month is not None and month < first_month:
        year += 1
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_briefing(text: str) -> ParsedFields:
    warnings: list[Problem] = []
    topics: list[TopicEntry] = []
    consultations: list[ConsultationEntry] = []
    events: list[EventEntry] = []
    for title, body in _sections(text):
        if "意見募集" in title or "パブリックコメント" in title:
            consultations += _consultations(_CONTINUED.sub("", title), body, warnings)
        elif re.search(r"会議|イベント|会合予定|Events?", title) and re.search(r"\d", narrow(title)):
            events += _events(title, _items(body))
        elif title and not re.search(r"意見募集・イベント|^Q&A$|はじめに", title):
            base = _CONTINUED.sub("", title).strip()
            if topics and topics[-1]["title"] == base:
                topics[-1]["items"] += _items(body)
            else:
                topics.append({"title": base, "items": _items(body)})
    return settle({"title": None, "topics": topics, "consultations": consultations, "events": events}, warnings)
