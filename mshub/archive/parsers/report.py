"""Meeting reports (レポート) and their minutes: overview, participation, agenda, Q/A/C, footnotes."""

from __future__ import annotations

import itertools
import re
from typing import Any

from mshub.archive.normalize import SUPERSCRIPTS, clean_lines, ends_sentence, join_broken, page_of, sup_to_digits
from mshub.archive.parsed import FootnoteEntry, ParsedFields, Participants
from mshub.archive.parsers.agenda import (
    AGENDA_WORDS,
    DECISION_WORDS,
    DISCUSSION_WORDS,
    ITEM,
    MATERIAL_WORDS,
    PARTICIPATION_WORDS,
    SEPARATOR,
    Draft,
    find_heading,
    finished,
    nest,
    parse_agenda,
    section_heading,
    squash,
    walk,
)
from mshub.archive.parsers.common import find_date, find_times, labelled, split_presenters
from mshub.archive.parsers.minutes import marker, parse_discussion
from mshub.archive.problems import Problem, settle
from mshub.core.text import narrow
from mshub.core.validators import is_web_url

__all__ = ["nest", "parse_report", "walk"]

_GENRE_WORD = r"レポート|報告書|報告|議事録|議事概要|議事メモ|ミーティングメモ|メモ|議事要旨|要旨|記録"
_TITLE = re.compile(rf"第\s*(\d+)\s*回\s*(.*?)\s*(?:{_GENRE_WORD})")
_SERIES_ONLY = re.compile(r"^\s*(.+?)\s*(?:ミーティングメモ|議事メモ|議事録|議事要旨|メモ)")
_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPTS}]+|注\s*\d+|※\s*\d+)\s*(.*)$")
_ONSITE = r"会場|現地|対面|オンサイト|来場|リアル"
_REMOTE = r"遠隔|リモート|オンライン|中継|配信|ウェブ|Web|Zoom|WebEx|視聴"
_PARTICIPATION_TOKEN = re.compile(
    rf"(?P<label>(?:(?P<on>{_ONSITE})|(?P<re>{_REMOTE}))[^\n:：\d、,。]{{0,12}}?"
    rf"(?:参加者?数?|視聴者?数?|者数|人数)?(?:\s*[(（][^)）\n]*[)）])?\s*[:：]?)|(?P<count>\d[\d,]*)\s*(?:名|人)"
)
_COUNT_VALUE = re.compile(r"[:：]\s*\d+\s*(?:名|人)")
_OTHER_SECTIONS = rf"{DECISION_WORDS}|{MATERIAL_WORDS}|今後の対応|ToDo|出席者|参加者"


def pull_footnotes(lines: list[str]) -> tuple[list[str], list[FootnoteEntry]]:
    """Footnote definitions (¹ …, 注1 …) wherever page breaks put them; the text around them closes up."""
    kept: list[str] = []
    found: list[tuple[str, list[str], int]] = []
    current: list[str] | None = None
    for line in lines:
        m = _FOOTNOTE.match(line)
        if m and (m.group(2) or "").strip() and not marker(line):
            if found and found[-1][2] < page_of(line):
                _continued(found[-1], kept, page_of(line))
            current = [m.group(2).strip()]
            found.append((re.sub(r"\D", "", sup_to_digits(narrow(m.group(1)))), current, page_of(line)))
            continue
        ends = marker(line) or ITEM.match(narrow(line)) or section_heading(line, DISCUSSION_WORDS)
        if current is not None and line.strip() and not ends:
            current.append(line)
            continue
        current = None
        kept.append(line)
    notes: list[FootnoteEntry] = [
        {"mark": mark, "text": re.sub(r"<(https?://[^>]+)>", r"\1", join_broken(parts)), "page": page}
        for mark, parts, page in found
    ]
    return kept, sorted(notes, key=lambda n: int(n["mark"] or 0))


def _continued(note: tuple[str, list[str], int], kept: list[str], page: int) -> None:
    """A footnote cut at the foot of its page goes on at the foot of the next one, just before that
    page's own footnotes: the paragraph there (after a blank line) is moved back to it."""
    parts = note[1]
    if ends_sentence(parts[-1]) or re.search(r"https?://\S+>?$", parts[-1]) or page != note[2] + 1:
        return
    end = len(kept)
    while end and not kept[end - 1].strip():
        end -= 1
    start = end
    while start and kept[start - 1].strip() and page_of(kept[start - 1]) == page:
        start -= 1
    paragraph = kept[start:end]
    if not paragraph or start == 0 or page_of(kept[start - 1]) != page or not ends_sentence(paragraph[-1]):
        return
    first = narrow(paragraph[0])
    if marker(paragraph[0]) or ITEM.match(first) or re.match(r"\s*[-・•■【\[(（]", first):
        return
    parts.extend(ln.strip() for ln in paragraph)
    del kept[start:end]


def participation(lines: list[str]) -> Participants:
    """On-site and remote counts: “会場参加者数：28名”, “会場：30名、リモート：5名”, or a PDF table whose
    labels and counts come out as two runs (labels first, then the counts, in the same order)."""
    runs: list[tuple[str, list[Any]]] = []
    for m in _PARTICIPATION_TOKEN.finditer("\n".join(narrow(ln) for ln in lines)):
        kind = "count" if m.group("count") else "label"
        value: Any = int(m.group("count").replace(",", "")) if kind == "count" else ("onsite" if m["on"] else "remote")
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(value)
        else:
            runs.append((kind, [value]))
    result: Participants = {"onsite": None, "remote": None}
    for (kind, labels), (next_kind, counts) in itertools.pairwise(runs):
        if kind == "label" and next_kind == "count":
            if len(labels) > len(counts):
                labels = labels[-len(counts) :]  # labels without counts of their own (the venue line)
            for label, count in zip(labels, counts, strict=False):
                if label == "onsite" and result["onsite"] is None:
                    result["onsite"] = count
                elif label == "remote" and result["remote"] is None:
                    result["remote"] = count
    return result


def overview(lines: list[str], title: str | None, warnings: list[Problem]) -> ParsedFields:
    """Date, times, venue and URL from the overview labels (the date may be in the title instead)."""
    when = labelled(lines, "日時|日 時|開催日時|日程|開催日|日付|Date", follow=True)
    day = find_date(when or "", warnings) if when else None
    if day is None and title:
        day = find_date(title, warnings, weekday_from=when)
    start, end = find_times(when) if when else (None, None)
    venues = [ln for ln in lines if not _COUNT_VALUE.search(narrow(ln))]
    url = labelled(lines, "URL|Web|ウェブ|Webページ", follow=True)
    url = re.sub(r"^<|>$", "", url.strip()) if url else None
    if url and not is_web_url(url):
        warnings.append(Problem("not_web_url", {"url": url[:200]}))
        url = None
    return {
        "date": day.isoformat() if day else None,
        "start": start,
        "end": end,
        "venue": labelled(venues, "会場|開催場所|場所|Venue", follow=True),
        "url": url,
    }


def title_facts(content: list[str]) -> ParsedFields:
    """Title (the first line, or one of the next two that names the meeting, 第N回…; cut before a
    section number or date run into it), number and series."""
    title = next((ln for ln in content[:3] if _TITLE.search(narrow(ln))), content[0] if content else None)
    if title:
        title = re.sub(rf"({_GENRE_WORD})\s+(?:\d+\.\s|\d{{4}}\s*年).*$", r"\1", title).strip()
    m = _TITLE.search(narrow(title or ""))
    series = (title[m.start(2) : m.end(2)].strip() or None) if m and title else None
    if not m and title:
        only = _SERIES_ONLY.match(narrow(title))
        series = title[only.start(1) : only.end(1)].strip(" -–") if only else None
    return {"title": title, "number": int(m.group(1)) if m else None, "series": series}


def agenda_end(lines: list[str], start: int, stop: int) -> int:
    """Where the agenda block ends: the minutes, another section (決定事項, 資料 …), a rule line, or
    the heading after the agenda's own (“1.3.” after “1.2. アジェンダ”, when no item 1 came first)."""
    heading = section_heading(lines[start - 1], AGENDA_WORDS) if start > 0 else None
    number = heading[0] if heading else None
    sibling = parent = None
    if number and "." in number:
        parent, _, last = number.rpartition(".")
        sibling = f"{parent}.{int(last) + 1}"
    for i in range(start, stop):
        n = narrow(lines[i])
        if SEPARATOR.match(n) or section_heading(lines[i], f"{DISCUSSION_WORDS}|{_OTHER_SECTIONS}"):
            return i
        m = ITEM.match(n)
        if m and sibling and m.group(1) == parent:
            sibling = None  # item “1” is on the agenda: “1.3” may be one of its sub-items
        if m and m.group(1) == sibling:
            return i
    return stop


def locate(lines: list[str]) -> tuple[int | None, int | None, str | None]:
    """The agenda heading, the minutes heading after it (the one numbered next, when several) and the
    minutes' section number."""
    agenda_at = find_heading(lines, AGENDA_WORDS)
    prefer = None
    if agenda_at is not None:
        number = (section_heading(lines[agenda_at], AGENDA_WORDS) or (None,))[0]
        prefer = str(int(number.split(".")[0]) + 1) if number else None
    discussion_at = find_heading(lines, DISCUSSION_WORDS, agenda_at + 1 if agenda_at is not None else 0, prefer)
    section = (section_heading(lines[discussion_at], DISCUSSION_WORDS) or (None,))[0] if discussion_at else None
    return agenda_at, discussion_at, section


def inline_presenters(items: list[Draft]) -> None:
    """An agenda line that ran title and presenter together (PDF tables) is split at the end of the
    title the minutes' heading gives."""
    for item in items:
        heading = item.pop("_heading", None)
        if not heading or item["presenters"]:
            continue
        head, whole = squash(heading), squash(item["title"])
        if len(whole) > len(head) and whole.startswith(head):
            cut, seen = 0, 0
            while cut < len(item["title"]) and seen < len(head):
                seen += bool(squash(item["title"][cut]))
                cut += 1
            people = [p for p in split_presenters(item["title"][cut:].strip()) if p["name"]]
            if people:
                item["title"], item["presenters"] = item["title"][:cut].strip(), people


def finish_pages(result: ParsedFields, agenda: list[Draft], text: str) -> None:
    """The ``agenda`` as the record keeps it, ``pages`` (1 without form feeds) and a ``page`` on every
    item and footnote (null without them)."""
    result["pages"] = text.count("\f") + 1
    if "\f" not in text:
        for item in walk(agenda):
            item["page"] = None
        for note in result.get("footnotes") or []:
            note["page"] = None
    result["agenda"] = finished(agenda)


def parse_report(text: str) -> ParsedFields:
    warnings: list[Problem] = []
    lines, footnotes = pull_footnotes(clean_lines(text))
    content = [ln for ln in lines if ln.strip()]
    result: ParsedFields = {"footnotes": footnotes, **title_facts(content)}
    agenda_at, discussion_at, section = locate(lines)
    header = lines[: discussion_at if discussion_at is not None else len(lines)]
    result.update(overview(header, result.get("title"), warnings))
    part_at = find_heading(header, PARTICIPATION_WORDS)
    if part_at is not None:
        stop = next((i for i in range(part_at + 1, len(header)) if section_heading(header[i], AGENDA_WORDS)), None)
        result["participants"] = participation(header[part_at + 1 : stop])
    else:  # labelled lines only, not a sentence that mentions a number of people
        labels = [ln for ln in header[: agenda_at if agenda_at is not None else len(header)] if "。" not in ln]
        result["participants"] = participation([ln for ln in labels if re.search(r"[:：]", ln) or len(ln) <= 30])
    agenda: list[Draft] = []
    body_at = 0  # without an agenda, the numbered sections of the body are the items
    if agenda_at is not None:
        stop = discussion_at if discussion_at is not None else len(lines)
        end = agenda_end(lines, agenda_at + 1, stop)
        agenda = parse_agenda(lines[agenda_at + 1 : end])
        body_at = end - 1 if agenda else body_at
    if discussion_at is not None:
        body_at = discussion_at
    result["next_meeting"] = parse_discussion(lines[body_at + 1 :], agenda, section, create=not agenda)
    inline_presenters(walk(agenda))
    finish_pages(result, agenda, text)
    return settle(result, warnings)
