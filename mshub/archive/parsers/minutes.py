"""The minutes of a meeting report: per agenda item, its summary, Q/A/C entries and outcome."""

from __future__ import annotations

import re
from typing import Any

from mshub.archive.normalize import ends_sentence, join_broken
from mshub.archive.parsers.agenda import (
    AGENDA_WORDS,
    MATERIAL_WORDS,
    OVERVIEW_WORDS,
    PARTICIPATION_WORDS,
    Draft,
    Headings,
    heading_like,
    section_heading,
    squash,
)
from mshub.archive.parsers.common import split_presenters
from mshub.core.text import narrow

MARKER = re.compile(
    r"^\s*(?:"
    r"(?P<k>[QAC])\s*\d{0,2}\s*[.．:：)）]|[【\[]\s*(?P<b>[QAC])\s*\d{0,2}\s*[】\]]\s*[:：]?|"
    r"(?P<s>[QAC])\s+(?=[^\x00-\x7f社氏様さ])|"
    r"(?P<w>質問|回答|コメント|意見|応答|答)\s*\d{0,2}\s*(?:[(（]\s*[QAC]\s*[)）])?\s*[:：]"
    r")\s*(?P<t>.*)$"
)
WORD_KIND = {"質問": "Q", "回答": "A", "応答": "A", "答": "A", "コメント": "C", "意見": "C"}
# “A. 資料”, “C. 決定事項：” are lettered section headings, not minutes entries.
_LETTER_HEADING = re.compile(
    r"^(?:資料|配布資料|配付資料|アジェンダ|議題|決定事項|結論|議事録?|参加者|出席者|今後の対応|ToDo)\s*[:：]?\s*$"
)
_QA_LINE = re.compile(r"^\s*[\[【(（]?\s*(?:質疑応答|質疑|Q\s*&\s*A)\s*[\]】)）]?\s*[:：]?\s*$")
_OUTCOMES = [
    ("cancelled", re.compile(r"取り止め|取りやめ|中止|キャンセル|休講|見送")),
    ("deferred", re.compile(r"次回に?(延期|持ち越|繰り越)|延期")),
    ("cut_for_time", re.compile(r"時間切れ|時間の都合|時間がな")),
]
_STRUCTURE = f"{OVERVIEW_WORDS}|{PARTICIPATION_WORDS}|{AGENDA_WORDS}|{MATERIAL_WORDS}"
_ABOUT_ITEM = re.compile(r"発表|報告|質疑|議題|議論|本件")
NOTHING = re.compile(r"\s*(?:なし|無し|特になし|特に無し|特にありません|該当なし)\s*[。.]?\s*")  # nothing to report


def marker(line: str) -> tuple[str, int] | None:
    """``(kind, where the text starts)`` for a minutes entry line (Q. / Ｑ： / 【Q】 / 質問(Q)： / Q 本文)."""
    m = MARKER.match(narrow(line))
    if not m or _LETTER_HEADING.match(m.group("t")):
        return None
    kind = m.group("k") or m.group("b") or m.group("s") or WORD_KIND[m.group("w")]
    return kind, m.start("t")


def parse_discussion(
    lines: list[str], agenda: list[Draft], section: str | None = None, create: bool = False
) -> str | None:
    """Fill each item's interventions, summary and outcome; return the next-meeting note."""
    headings = Headings(agenda, section, memo=False, create=create)
    current: Draft | None = None
    entry: dict[str, Any] | None = None
    paragraphs: list[list[str]] = []
    next_meeting: list[str] = []
    fresh = False  # just after a heading: a presenter line may come first

    def close_paragraph() -> None:
        nonlocal paragraphs
        if current is not None and paragraphs and paragraphs[-1]:
            text = join_broken(paragraphs[-1])
            if entry is None:
                current["_summary"].append(text)
        paragraphs = [[]]

    for line in lines:
        n = narrow(line)
        item = headings.match(line)
        if item is not None:
            close_paragraph()
            current, entry, fresh = item, None, True
            current.setdefault("_summary", [])
            paragraphs = [[]]
            continue
        if section_heading(line, _STRUCTURE):
            close_paragraph()
            current = entry = None
            continue
        if current is None or _QA_LINE.match(n) or NOTHING.fullmatch(n):
            continue
        if re.match(r"^\s*次回", n) and not _mid_sentence(entry, paragraphs):
            close_paragraph()
            next_meeting, entry = [line], None
            continue
        if next_meeting:
            if line.strip():
                next_meeting.append(line)
            continue
        found = marker(line)
        if found:
            if entry is None:
                close_paragraph()
            entry = {"kind": found[0], "parts": [line[found[1] :].strip()]}
            current["interventions"].append(entry)
            paragraphs, fresh = [[]], False
            continue
        if not line.strip():
            if entry is None:
                close_paragraph()
            else:
                entry["parts"].append("\n")
            continue
        if fresh and _presenter_line(current, line):
            continue
        if fresh and _heading_goes_on(current, line):
            continue
        fresh = False
        if entry is not None:
            entry["parts"].append(line)
        elif paragraphs:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    close_paragraph()
    headings.done()
    for item in headings.flat:
        item["summary"] = _merge_paragraphs(item.pop("_summary", [])) or None
        item["interventions"] = [{"kind": e["kind"], "text": _entry_text(e["parts"])} for e in item["interventions"]]
        outcome(item)
    return join_broken(next_meeting) or None


def _mid_sentence(entry: dict[str, Any] | None, paragraphs: list[list[str]]) -> bool:
    """The line before was cut mid-sentence (“…準備会合を開き、” / “次回の参加を…”): this line goes on with it."""
    parts = entry["parts"] if entry is not None else (paragraphs[-1] if paragraphs else [])
    return bool(parts) and parts[-1] != "\n" and not ends_sentence(parts[-1])


def _presenter_line(item: Draft, line: str) -> bool:
    """A presenter line under the heading (“総務省 高根 優子”, “鶴巻 悟（WG）”): a presenter, not the summary."""
    if not heading_like(line) or len(line) > 80 or re.search(r"[。]", line):
        return False
    people = [p for p in split_presenters(line) if p["name"]]
    if not people and len(line) <= 30 and not re.search(r"[\u3040-\u309f、]", line):
        people = split_presenters(line)  # an organisation alone (“ポリシーワーキンググループ”)
    if not people:
        return False
    known = {re.sub(r"\s", "", p["name"] or p["organization"] or "") for p in item["presenters"]}
    item["presenters"].extend(p for p in people if re.sub(r"\s", "", p["name"] or p["organization"] or "") not in known)
    return True


def _heading_goes_on(item: Draft, line: str) -> bool:
    """The rest of a heading broken by the page width: the item's title goes on with this line."""
    heading = item.get("_heading") or ""
    return (
        bool(heading)
        and len(squash(item["title"])) > len(squash(heading))
        and squash(item["title"]).startswith(squash(heading + line))
    )


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


def outcome(item: Draft) -> None:
    """Cancelled, cut for time or deferred, when the minutes say so (the sentence is kept as the note)."""
    texts = [item["summary"] or ""] + [e["text"] for e in item["interventions"] if e["text"].startswith("【")]
    for text in texts:
        for sentence in re.split(r"(?<=。)", text):
            for name, pattern in _OUTCOMES:
                # A sentence about the item itself (not, say, a speaker's mention of a cancelled event).
                if pattern.search(sentence) and (name != "deferred" or _ABOUT_ITEM.search(sentence)):
                    item["outcome"], item["outcome_note"] = name, sentence.strip()
                    return
