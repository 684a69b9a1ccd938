"""Steering memos (考える会 / 運営委員会): the report's structure plus attendees, materials,
decisions (決定事項 / 結論) and action items (今後の対応 / ToDo: what, who).

A memo's agenda is often a list of unnumbered bullets under “2. 議題”; its discussion (“3. 議論”) has
“3.N.” sections for the N-th agenda item, each with bullets (a “-” alone, the text on the next
lines), “→” answers, “■” sub-headings, “結論” blocks and “今後の対応：…（担当）” lines.
"""

from __future__ import annotations

import re
from typing import Any

from mshub.archive.normalize import clean_lines, join_broken, narrow
from mshub.archive.parsers.agenda import (
    ACTION_WORDS,
    AGENDA_WORDS,
    BULLET,
    DECISION_WORDS,
    DISCUSSION_WORDS,
    ITEM,
    LETTERED,
    MATERIAL_WORDS,
    OVERVIEW_WORDS,
    Headings,
    parse_agenda,
    section_heading,
    walk,
)
from mshub.archive.parsers.common import find_date
from mshub.archive.parsers.minutes import marker, outcome
from mshub.archive.parsers.people import materials, people
from mshub.archive.parsers.report import (
    agenda_end,
    finish_pages,
    locate,
    overview,
    participation,
    pull_footnotes,
    title_facts,
)

_OWNER = re.compile(r"^(?P<what>.+?)\s*[(（](?:担当\s*[:：]?\s*)?(?P<who>[^()（）]{1,30})[)）]\s*$")
_OWNER_FIRST = re.compile(r"^(?P<who>[^:：]{1,20})\s*[:：]\s*(?P<what>.+)$")
_OWNER_BRACKET = re.compile(r"^(?P<what>.+?)\s*【(?:担当\s*[:：]?\s*)?(?P<who>[^【】]{1,20})】\s*$")
_NOT_OWNER = re.compile(r"^(?:[月火水木金土日]|.*\d.*|.*(?:仮称|案|予定|済|完了|未定|参照|など|等|笑).*)$")
_INLINE = re.compile(rf"^\s*(?:[-・•]\s*)?(?P<kind>{DECISION_WORDS}|{ACTION_WORDS})\s*[:：]\s*(?P<text>\S.*)$")
_ANSWER = re.compile(r"^\s*(?:→|⇒|->|=>)\s*(.*)$")
_SUBHEADING = re.compile(r"^\s*(?:[■□◆◇●]\s*\S.*|【[^】]{1,30}】|[^\s:：。、]{1,20}\s*[:：])\s*$")
_OTHER_SECTIONS = f"{MATERIAL_WORDS}|{AGENDA_WORDS}|{OVERVIEW_WORDS}|出席者|参加者|事務局"
_QUESTION = re.compile(r"(?:\?|か。?|のか|でしょうか)\s*$")


def _action(text: str) -> dict[str, Any]:
    """“text（owner）”, “text【owner】” or “owner：text” → {text, owner}."""
    for pattern in (_OWNER_BRACKET, _OWNER):
        m = pattern.match(text)
        if m and not _NOT_OWNER.match(m["who"].strip()):
            return {"text": m["what"].strip(), "owner": m["who"].strip()}
    m = _OWNER_FIRST.match(text)
    if m and len(m["who"]) <= 12 and not re.search(r"\d", m["who"]):
        return {"text": m["what"].strip(), "owner": m["who"].strip()}
    return {"text": text, "owner": None}


class Minutes:
    """Reads a memo's discussion into its items (summary lines, Q/A entries), decisions and actions."""

    def __init__(self, agenda: list[dict[str, Any]], section: str | None) -> None:
        self.headings = Headings(agenda, section, memo=True, create=True)
        self.section = section
        self.current: dict[str, Any] | None = None
        self.mode = "text"  # or "decision", "action"
        self.block: dict[str, Any] | None = None  # the text block or entry lines go on
        self.pending_bullet = False
        self.decisions: list[dict[str, Any]] = []
        self.actions: list[dict[str, Any]] = []
        self.next_meeting: str | None = None

    # -- blocks -------------------------------------------------------------------------------
    def _open(self, text: str, bullet: bool, kind: str = "text") -> None:
        """A new block: a decision or action entry in those modes, else a line of the item's minutes."""
        block = {"kind": kind, "parts": [text] if text else [], "bullet": bullet}
        if self.mode == "decision" and kind == "text":
            self.decisions.append(block)
        elif self.mode == "action" and kind == "text":
            self.actions.append(block)
        elif self.current is not None:
            self.current.setdefault("_blocks", []).append(block)
        else:
            block = {**block, "orphan": True}
        self.block = block

    def _append(self, text: str) -> None:
        if self.block is None:
            self._open(text, bullet=False)
            return
        self.block["parts"].append(text)
        done = self.mode != "text" and not self.block["bullet"] and narrow(text).rstrip().endswith("。")
        if done:
            self.block = None  # entries without bullets end with their sentence

    def _answer(self, text: str) -> None:
        blocks = self.current.setdefault("_blocks", []) if self.current is not None else []
        last = blocks[-1] if blocks else None
        if last is not None and last["kind"] == "text" and _QUESTION.search(narrow(join_broken(last["parts"]))):
            last["kind"] = "Q"
        self.mode = "text"
        self._open(text, bullet=False, kind="A")

    # -- lines --------------------------------------------------------------------------------
    def feed(self, lines: list[str]) -> None:
        for i, line in enumerate(lines):
            self._line(line, lines[i + 1 : i + 4])

    def _line(self, line: str, ahead: list[str]) -> None:
        n = narrow(line).strip()
        if not n:
            self.block = None
            nxt = next((a for a in ahead if a.strip()), "")
            if self.mode != "text" and not (BULLET.match(narrow(nxt)) or self.pending_bullet):
                self.mode = "text"
            return
        if section_heading(line, DECISION_WORDS):
            self.mode, self.block, self.pending_bullet = "decision", None, False
            return
        if section_heading(line, ACTION_WORDS):
            self.mode, self.block, self.pending_bullet = "action", None, False
            return
        inline = _INLINE.match(n)
        if inline:
            text = line[inline.start("text") :].strip()
            if re.fullmatch(DECISION_WORDS, inline["kind"]):
                self.mode = "decision"
                self._open(text, bullet=True)
            else:  # “今後の対応：…（考える会）” inside a 結論 bullet or on its own
                entry = {"kind": "text", "parts": [text], "bullet": True}
                self.actions.append(entry)
                self.block = None if narrow(text).endswith((")", "。", "】")) else entry
            return
        numbered_entry = (
            self.mode != "text" and ITEM.match(n) and not (self.section and n.startswith(f"{self.section}."))
        )
        item = None if numbered_entry else self.headings.match(line)
        if item is not None:
            self.current, self.mode, self.block, self.pending_bullet = item, "text", None, False
            return
        if section_heading(line, f"{DISCUSSION_WORDS}|{_OTHER_SECTIONS}"):
            self.current, self.mode, self.block = None, "text", None
            return
        if re.fullmatch(r"[\[［][^\]］]*[\]］]", n) and self.mode != "text":
            return  # “[事後補足：対応完了]” after an action
        found = marker(line)
        if found:
            self.mode = "text"
            self._open(line[found[1] :].strip(), bullet=False, kind=found[0])
            return
        answer = _ANSWER.match(n)
        if answer:
            text = line[answer.start(1) :].strip()
            if self.mode != "text" and self.block is not None:
                self.block["parts"].append(f"→{text}")
            else:
                self._answer(text)
            return
        if _SUBHEADING.match(n) and not self.pending_bullet:
            self.mode = "text"
            self._open(line.strip(), bullet=False)
            self.block = None
            return
        bullet = BULLET.match(n) or LETTERED.match(n)
        if bullet or ITEM.match(n):
            text = line[bullet.start(2) :].strip() if bullet else line.strip()
            if not text:
                self.pending_bullet, self.block = True, None
                return
            self.pending_bullet = False
            if not bullet and self.mode != "text" and self.block is not None and self.block.get("dash"):
                self.block.setdefault("subs", []).append(text)  # numbered points under a “-” entry are part of it
                return
            self._open(text, bullet=True)
            if self.block is not None and bullet and bullet.re is BULLET:
                self.block["dash"] = True
            return
        if self.pending_bullet:
            self.pending_bullet = False
            self._open(line.strip(), bullet=True)
            return
        nxt = next((a for a in ahead if a.strip()), "")
        lead_in = (
            self.block is not None
            and narrow(self.block["parts"][-1] if self.block["parts"] else "。").rstrip().endswith("。")
            and not n.endswith(("。", "、"))
            and bool(BULLET.match(narrow(nxt)))
        )
        if self.mode == "text" and (
            self.block is None or lead_in or not (self.block["bullet"] or _goes_on(self.block))
        ):
            self._open(line.strip(), bullet=False)
            return
        self._append(line.strip())

    # -- results ------------------------------------------------------------------------------
    def finish(self) -> None:
        self.headings.done()
        for item in self.headings.flat:
            blocks = [b for b in item.pop("_blocks", []) if b["parts"]]
            summary, entries = [], []
            for block in blocks:
                text = join_broken(block["parts"])
                if block["kind"] in ("text", "A") and _OWNER_BRACKET.match(text):
                    self.actions.append({"kind": "text", "parts": [text], "bullet": True})
                if block["kind"] == "text":
                    if self.next_meeting is None and _next_meeting(text) and not block["bullet"]:
                        self.next_meeting = text
                        continue
                    summary.append(text)
                else:
                    entries.append({"kind": block["kind"], "text": text})
            item["summary"] = "\n".join(summary) or item["summary"]
            item["interventions"] = entries or item["interventions"]
            outcome(item)


def _goes_on(block: dict[str, Any]) -> bool:
    """A paragraph whose last line stops at a comma, or was cut by the page width, goes on."""
    last = narrow(block["parts"][-1]).rstrip() if block["parts"] else ""
    return last.endswith(("、", ",", "，")) or (len(last) >= 34 and not last.endswith(("。", ":", "?", "!", ")")))


def _next_meeting(text: str) -> bool:
    return bool(re.match(r"^\s*次回(?:の)?(?:考える会|会合|ミーティング|開催|打合せ|は)", narrow(text))) and bool(
        find_date(text) or re.search(r"\d+\s*月", narrow(text))
    )


def _texts(blocks: list[dict[str, Any]]) -> list[str]:
    """Entry texts, without the agenda number a decision list repeats (“2. 司会進行の指名→上村”)."""
    texts = (" ".join([join_broken(b["parts"]), *b.get("subs", [])]).strip(" -・") for b in blocks)
    return [t for t in (re.sub(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+", "", t) for t in texts) if t]


def _owned(decisions: list[str]) -> list[str]:
    """A conclusion that names who does it (“…を確認する（考える会）”) is an action item too."""
    return [t for t in decisions if (m := _OWNER.match(t)) and not _NOT_OWNER.match(m["who"].strip())]


def _header_end(lines: list[str], agenda_at: int | None, discussion_at: int | None) -> int:
    """Where the header (title, date, place, people, materials) ends."""
    stops = [i for i in (agenda_at, discussion_at) if i is not None]
    for i, line in enumerate(lines[1:], start=1):
        n = narrow(line)
        if ITEM.match(n) and not section_heading(line, MATERIAL_WORDS):
            stops.append(i)
            break
    return min(stops, default=len(lines))


def parse_memo(text: str) -> dict[str, Any]:
    warnings: list[str] = []
    lines, footnotes = pull_footnotes(clean_lines(text))
    content = [ln for ln in lines if ln.strip()]
    result: dict[str, Any] = {"warnings": warnings, "footnotes": footnotes, **title_facts(content)}
    agenda_at, discussion_at, section = locate(lines)
    header_end = _header_end(lines, agenda_at, discussion_at)
    header = lines[:header_end]
    result.update(overview(header, result["title"], warnings))
    result["participants"] = participation([ln for ln in header if not re.search(r"出席|事務局", ln)])
    result.update(people(header))
    result["materials"] = materials(lines[: discussion_at if discussion_at is not None else header_end])
    agenda: list[dict[str, Any]] = []
    body_at = header_end
    if agenda_at is not None:
        stop = discussion_at if discussion_at is not None else len(lines)
        body_at = agenda_end(lines, agenda_at + 1, stop)
        agenda = parse_agenda(lines[agenda_at + 1 : body_at], memo=True)
    if discussion_at is not None:
        body_at = discussion_at + 1
    minutes = Minutes(agenda, section)
    minutes.feed(lines[body_at:])
    minutes.finish()
    result["agenda"] = agenda
    result["decisions"] = _texts(minutes.decisions)
    result["actions"] = [_action(t) for t in [*_texts(minutes.actions), *_owned(result["decisions"])]]
    result["next_meeting"] = minutes.next_meeting
    finish_pages(result, text)
    for item in walk(agenda):
        item["presenters"] = item["presenters"] or []
    return result
