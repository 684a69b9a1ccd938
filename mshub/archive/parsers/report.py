"""Meeting reports (レポート) and their minutes: overview, participation, agenda, Q/A/C, footnotes."""

from __future__ import annotations

import re
from typing import Any

from mshub.archive.normalize import SUPERSCRIPTS, clean_lines, ends_sentence, join_broken, narrow, sup_to_digits
from mshub.archive.parsers.common import find_date, find_times, labelled, split_presenter

_TITLE = re.compile(r"第\s*(\d+)\s*回\s*(.*?)\s*(レポート|報告書|報告|議事録|議事概要|議事メモ|メモ)?\s*$")
_ITEM = re.compile(r"^\s*(?:[-・•]\s*)?(\d{1,2}(?:\.\d{1,2})*)\s*(?:[.、)]\s*|\s+)(\S.*)$")
_AGENDA_HEAD = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s*(アジェンダ|議題|議事次第|プログラム)")
_DISCUSSION_HEAD = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s*.*(質疑応答|議論内容|議事内容|議事概要|意見交換)")
_PARTICIPATION_HEAD = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s*参加(状況|者)")
_OVERVIEW_HEAD = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s*.*(概要|開催概要)")
_MARKER = re.compile(
    r"^\s*(?:(?P<k>[QAC])\s*[.．:：]|(?P<w>質問|回答|コメント|意見)\s*(?:[(（]\s*[QAC]\s*[)）])?\s*[:：])\s*(?P<t>.*)$"
)
_WORD_KIND = {"質問": "Q", "回答": "A", "コメント": "C", "意見": "C"}
_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPTS}]+|注\s*\d+|※\s*\d+)\s*(.*)$")
_OUTCOMES = [
    ("cancelled", re.compile(r"取り止め|取りやめ|中止|キャンセル|休講|見送")),
    ("deferred", re.compile(r"次回に?(延期|持ち越|繰り越)|延期")),
    ("cut_for_time", re.compile(r"時間切れ|時間の都合|時間がな")),
]


def pull_footnotes(lines: list[str]) -> tuple[list[str], list[dict[str, str]]]:
    """Footnote definitions (¹ …, 注1 …) wherever page breaks put them; the text around them closes up."""
    kept: list[str] = []
    found: list[tuple[str, list[str]]] = []
    current: list[str] | None = None
    for line in lines:
        m = _FOOTNOTE.match(line)
        if m and (m.group(2) or "").strip() and not _MARKER.match(narrow(line)):
            current = [m.group(2).strip()]
            found.append((re.sub(r"\D", "", sup_to_digits(narrow(m.group(1)))), current))
            continue
        if current is not None and line.strip():
            current.append(line)
            continue
        current = None
        kept.append(line)
    notes = [{"mark": mark, "text": re.sub(r"<(https?://[^>]+)>", r"\1", join_broken(parts))} for mark, parts in found]
    return kept, sorted(notes, key=lambda n: int(n["mark"] or 0))


def _index(lines: list[str], pattern: re.Pattern[str], start: int = 0) -> int | None:
    for i in range(start, len(lines)):
        if pattern.match(narrow(lines[i])):
            return i
    return None


def parse_agenda(lines: list[str]) -> list[dict[str, Any]]:
    """Numbered items (2, 2.1 …) with the presenter lines under them, as a tree."""
    flat: list[dict[str, Any]] = []
    for line in lines:
        if not line.strip():
            continue
        m = _ITEM.match(narrow(line))
        if m:
            title = line[m.start(2) :].strip()
            flat.append(
                {
                    "number": m.group(1),
                    "title": title,
                    "presenters": [],
                    "outcome": None,
                    "outcome_note": None,
                    "summary": None,
                    "interventions": [],
                    "items": [],
                }
            )
        elif flat:
            for part in re.split(r"[、/／]\s*(?=\S)", line) if "、" in line or "/" in line else [line]:
                presenter = split_presenter(part)
                if presenter:
                    flat[-1]["presenters"].append(presenter)
    return nest(flat)


def nest(flat: list[dict[str, Any]]) -> list[dict[str, Any]]:
    roots: list[dict[str, Any]] = []
    by_number: dict[str, dict[str, Any]] = {}
    for item in flat:
        by_number[item["number"]] = item
        parent = by_number.get(item["number"].rsplit(".", 1)[0]) if "." in item["number"] else None
        (parent["items"] if parent else roots).append(item)
    return roots


def walk(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for item in items:
        out.append(item)
        out.extend(walk(item["items"]))
    return out


def _same_title(a: str, b: str) -> bool:
    squash = lambda s: re.sub(r"\s+", "", narrow(s))  # noqa: E731
    return squash(a).startswith(squash(b)[:12]) or squash(b).startswith(squash(a)[:12])


def parse_discussion(lines: list[str], agenda: list[dict[str, Any]]) -> str | None:
    """Fill each item's interventions, summary and outcome; return the next-meeting note."""
    items = {i["number"]: i for i in walk(agenda)}
    current: dict[str, Any] | None = None
    entry: dict[str, Any] | None = None
    paragraphs: list[list[str]] = []
    next_meeting: list[str] = []

    def close_paragraph() -> None:
        nonlocal paragraphs
        if current is not None and paragraphs and paragraphs[-1]:
            text = join_broken(paragraphs[-1])
            if entry is None:
                current["_summary"].append(text)
        paragraphs = [[]]

    for line in lines:
        n = narrow(line)
        head = _ITEM.match(n)
        if head and head.group(1) in items and _same_title(line[head.start(2) :], items[head.group(1)]["title"]):
            close_paragraph()
            current, entry = items[head.group(1)], None
            current.setdefault("_summary", [])
            paragraphs = [[]]
            continue
        if current is None:
            continue
        if re.match(r"^\s*次回", n):
            close_paragraph()
            next_meeting = [line]
            entry = None
            continue
        if next_meeting and line.strip():
            next_meeting.append(line)
            continue
        if next_meeting and not line.strip():
            continue
        marker = _MARKER.match(n)
        if marker:
            if entry is None:
                close_paragraph()
            kind = marker.group("k") or _WORD_KIND[marker.group("w")]
            entry = {"kind": kind, "parts": [line[marker.start("t") :].strip()]}
            current["interventions"].append(entry)
            paragraphs = [[]]
            continue
        if not line.strip():
            if entry is None:
                close_paragraph()
            else:
                entry["parts"].append("\n")
            continue
        if entry is not None:
            entry["parts"].append(line)
        elif paragraphs:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    close_paragraph()
    for item in items.values():
        item["summary"] = _merge_paragraphs(item.pop("_summary", [])) or None
        item["interventions"] = [{"kind": e["kind"], "text": _entry_text(e["parts"])} for e in item["interventions"]]
        _outcome(item)
    return join_broken(next_meeting) or None


def _merge_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs split by a page or column break (the first does not end a sentence) become one."""
    merged: list[str] = []
    for paragraph in (p for p in paragraphs if p):
        if merged and not ends_sentence(merged[-1]):
            merged[-1] = join_broken([merged[-1], paragraph])
        else:
            merged.append(paragraph)
    return "\n".join(merged)


def _entry_text(parts: list[str]) -> str:
    """Lines of one entry: broken lines rejoin; a blank line after a full sentence starts a new paragraph."""
    paragraphs: list[str] = []
    buffer: list[str] = []
    for part in parts:
        if part == "\n":
            if buffer and ends_sentence(join_broken(buffer)):
                paragraphs.append(join_broken(buffer))
                buffer = []
            continue
        buffer.append(part)
    if buffer:
        paragraphs.append(join_broken(buffer))
    return "\n".join(p for p in paragraphs if p)


_ABOUT_ITEM = re.compile(r"発表|報告|質疑|議題|議論|本件")


def _outcome(item: dict[str, Any]) -> None:
    """Cancelled, cut for time or deferred, when the minutes say so (the sentence is kept as the note)."""
    texts = [item["summary"] or ""] + [e["text"] for e in item["interventions"] if e["text"].startswith("【")]
    for text in texts:
        for sentence in re.split(r"(?<=。)", text):
            for outcome, pattern in _OUTCOMES:
                # A sentence about the item itself (not, say, a speaker's mention of a cancelled event).
                if pattern.search(sentence) and (outcome != "deferred" or _ABOUT_ITEM.search(sentence)):
                    item["outcome"], item["outcome_note"] = outcome, sentence.strip()
                    return


def _count(value: str | None) -> int | None:
    m = re.search(r"\d+", narrow(value or ""))
    return int(m.group(0)) if m else None


def parse_report(text: str) -> dict[str, Any]:
    warnings: list[str] = []
    lines, footnotes = pull_footnotes(clean_lines(text))
    content = [ln for ln in lines if ln.strip()]
    result: dict[str, Any] = {"warnings": warnings, "footnotes": footnotes}
    title = content[0] if content else None
    result["title"] = title
    m = _TITLE.search(narrow(title or ""))
    result["number"] = int(m.group(1)) if m else None
    result["series"] = (title[m.start(2) : m.end(2)].strip() or None) if m and title else None

    discussion_at = _index(lines, _DISCUSSION_HEAD) or len(lines)
    header = lines[:discussion_at]
    when = labelled(header, "日時|日 時|開催日時|日程")
    day = find_date(when or "", warnings) if when else None
    result["date"] = day.isoformat() if day else None
    result["start"], result["end"] = find_times(when or "") if when else (None, None)
    result["venue"] = labelled(header, "会場|場所|開催場所")
    url = labelled(header, "URL|Web|ウェブ")
    result["url"] = re.sub(r"^<|>$", "", url) if url else None
    onsite = labelled(header, "会場参加者数|会場参加者|会場参加")
    remote = labelled(header, "遠隔参加者数|遠隔参加者|遠隔参加|リモート参加者数|オンライン参加者数")
    result["participants"] = {"onsite": _count(onsite), "remote": _count(remote)}

    agenda_at = _index(lines, _AGENDA_HEAD)
    agenda = parse_agenda(lines[agenda_at + 1 : discussion_at]) if agenda_at is not None else []
    result["next_meeting"] = parse_discussion(lines[discussion_at + 1 :], agenda) if agenda else None
    result["agenda"] = agenda
    return result
