"""Steering memos (考える会 / 運営委員会): the report's structure plus attendees, materials,
decisions (決定事項 / 結論) and action items (今後の対応 / ToDo: what, who).

A memo's agenda is often a list of unnumbered bullets under “2. 議題”; its discussion (“3. 議論”) has
“3.N.” sections for the N-th agenda item, each with bullets (a “-” alone, the text on the next
lines), “→” answers, “■” sub-headings, “結論” blocks and “今後の対応：…（担当）” lines.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from mshub.archive.normalize import clean_lines, ends_sentence
from mshub.archive.parsed import ActionEntry, ParsedFields
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
    Draft,
    Headings,
    parse_agenda,
    section_heading,
)
from mshub.archive.parsers.common import find_date
from mshub.archive.parsers.memo_text import OWNER_BRACKET, WRAP_WIDTH, action, join_lines, list_break, owned
from mshub.archive.parsers.minutes import NOTHING, marker, outcome
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
from mshub.archive.problems import Problem, settle
from mshub.core.text import narrow

_INLINE = re.compile(rf"^\s*(?:[-・•]\s*)?(?P<kind>{DECISION_WORDS}|{ACTION_WORDS})\s*[:：]\s*(?P<text>\S.*)$")
_ANSWER = re.compile(r"^\s*(?:→|⇒|->|=>)\s*(.*)$")
_SUBHEADING = re.compile(r"^\s*(?:[■□◆◇●]\s*\S.*|【[^】]{1,30}】|[^\s:：。、]{1,20}\s*[:：])\s*$")
_OTHER_SECTIONS = f"{MATERIAL_WORDS}|{AGENDA_WORDS}|{OVERVIEW_WORDS}|出席者|参加者|事務局"
_QUESTION = re.compile(r"(?:\?|か。?|のか|でしょうか)\s*$")
_NEXT_STEERING = re.compile(r"^\s*次回(?:の)?考える会")
_NEXT_HEADING = re.compile(
    r"^\s*(?:\d{1,2}\.\s*|[■●◆]\s*)?(次回(?:の)?(?:考える会|会合|ミーティング|打合せ)?(?:の)?(?:日程|予定|開催)?(?:について)?)"
    r"\s*[:：]?\s*$"
)


class Minutes:
    """Reads a memo's discussion into its items (summary lines, Q/A/C entries), decisions and actions."""

    def __init__(self, agenda: list[Draft], section: str | None, spaced: bool = False) -> None:
        self.headings = Headings(agenda, section, memo=True, create=True)
        self.spaced = spaced  # list items stand between blank lines (web pages): a line right after one is in it
        self.section = section
        self.current: Draft | None = None
        self.mode = "text"  # or "decision", "action"
        self.block: dict[str, Any] | None = None  # the text block or entry lines go on
        self.pending_bullet = False
        self.seq = 0  # document order, for the action items gathered from several places
        self.decisions: list[dict[str, Any]] = []
        self.actions: list[dict[str, Any]] = []
        self.next_meeting: str | None = None
        self.next_parts: list[str] = []

    # -- blocks -------------------------------------------------------------------------------
    def _new(self, text: str, bullet: bool, kind: str = "text") -> dict[str, Any]:
        self.seq += 1
        return {"kind": kind, "parts": [text] if text else [], "bullet": bullet, "seq": self.seq}

    def _open(self, text: str, bullet: bool, kind: str = "text") -> dict[str, Any]:
        """A new block: a decision or action entry in those modes, else a line of the item's minutes."""
        block = self._new(text, bullet, kind)
        if self.mode == "decision" and kind == "text":
            self.decisions.append(block)
        elif self.mode == "action" and kind == "text":
            self.actions.append(block)
        elif self.current is not None:
            self.current.setdefault("_blocks", []).append(block)
        else:
            block = {**block, "orphan": True}
        self.block = block
        return block

    def _append(self, text: str) -> None:
        if self.block is None:
            self._open(text, bullet=False)
        else:
            self.block["parts"].append(text)
        assert self.block is not None
        done = self.mode != "text" and not self.block["bullet"] and narrow(text).rstrip().endswith("。")
        if done:
            self.block = None  # entries without bullets end with their sentence

    def _action_line(self, text: str) -> None:
        entry = self._new(text, bullet=True)
        self.actions.append(entry)
        self.block = None if narrow(text).endswith((")", "。", "】")) else entry

    def _answer(self, text: str) -> None:
        """A “→” line answers the point before it: a question becomes Q, another point (not a
        sub-heading) C; the answer is an A entry."""
        blocks = self.current.setdefault("_blocks", []) if self.current is not None else []
        last = blocks[-1] if blocks else None
        if last is not None and last["kind"] == "text" and not last.get("heading") and last["parts"]:
            asks = _QUESTION.search(narrow(join_lines(last["parts"])))
            last["kind"] = "Q" if asks else "C"
        self.mode = "text"
        self._open(text, bullet=False, kind="A")

    # -- lines --------------------------------------------------------------------------------
    def feed(self, lines: list[str]) -> None:
        for i, line in enumerate(lines):
            self._line(line, lines[i + 1 : i + 4])

    def _next_value(self, line: str, n: str) -> bool:
        """Lines under a next-meeting heading, until a blank line after them or another heading."""
        if not n or ITEM.match(n) or section_heading(line, f"{DECISION_WORDS}|{ACTION_WORDS}"):
            if n or len(self.next_parts) > 1:
                self.mode = "text"
                if len(self.next_parts) > 1 and self.next_meeting is None:
                    self.next_meeting = " ".join([self.next_parts[0], join_lines(self.next_parts[1:])])
            return not n
        self.next_parts.append(line.strip())
        return True

    def _keeps_mode(self, nxt: str) -> bool:
        """After a blank line, a decision or action block goes on with bullets or numbered points."""
        n = narrow(nxt)
        if BULLET.match(n) or self.pending_bullet:
            return True
        return bool(ITEM.match(n)) and not (self.section and n.strip().startswith(f"{self.section}."))

    def _line(self, line: str, ahead: list[str]) -> None:
        n = narrow(line).strip()
        if self.mode == "next" and self._next_value(line, n):
            return
        heading = _NEXT_HEADING.match(n)
        if heading:  # “4. 次回考える会” with the date on the lines after it
            self.mode, self.block, self.next_parts = "next", None, [line[heading.start(1) : heading.end(1)]]
            return
        if not n:
            self.block = None
            nxt = next((a for a in ahead if a.strip()), "")
            if self.mode != "text" and not self._keeps_mode(nxt):
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
                self._action_line(text)
            return
        numbered_entry = (
            self.mode != "text" and ITEM.match(n) and not (self.section and n.startswith(f"{self.section}."))
        )
        item = None if numbered_entry else self.headings.match(line)
        if item is not None:
            self.current, self.mode, self.block, self.pending_bullet = item, "text", None, False
            title = item.get("_heading") or ""
            if item.get("_renamed") and title:
                self._open(title, bullet=False)["heading"] = True  # a section under its own title
                self.block = None
            return
        if section_heading(line, f"{DISCUSSION_WORDS}|{_OTHER_SECTIONS}"):
            self.current, self.mode, self.block = None, "text", None
            return
        if re.fullmatch(r"[\[［][^\]］]*[\]］]", n) and self.mode != "text":
            return  # “[事後補足：対応完了]” after an action
        if NOTHING.fullmatch(n):
            return
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
            self._open(line.strip(), bullet=False)["heading"] = True
            self.block = None
            return
        bullet = BULLET.match(n) or LETTERED.match(n)
        if bullet or ITEM.match(n):
            self._bullet(line, bullet)
            return
        if self.pending_bullet:
            self.pending_bullet = False
            self._open(line.strip(), bullet=True)
            return
        block = self.block
        in_bullet = self.mode == "decision" and block is not None and block["bullet"] and block["parts"]
        if block is not None and in_bullet and owned(line.strip()) and list_break(block["parts"][-1], line):
            self._action_line(line.strip())  # an action line inside a 結論 bullet
            return
        nxt = next((a for a in ahead if a.strip()), "")
        lead_in = (
            block is not None
            and narrow(block["parts"][-1] if block["parts"] else "。").rstrip().endswith("。")
            and not n.endswith(("。", "、"))
            and bool(BULLET.match(narrow(nxt)))
        )
        if self.mode == "text" and (
            block is None or block.get("closed") or lead_in or not (block["bullet"] or _goes_on(block))
        ):
            self._open(line.strip(), bullet=False)
            return
        self._append(line.strip())

    def _bullet(self, line: str, bullet: re.Match[str] | None) -> None:
        text = line[bullet.start(2) :].strip() if bullet else line.strip()
        if not text:
            self.pending_bullet, self.block = True, None
            return
        self.pending_bullet = False
        block = self.block
        if not bullet and self.mode != "text" and block is not None and block.get("dash"):
            block.setdefault("subs", []).append(text)  # numbered points under a “-” entry are part of it
            return
        if bullet and self.mode == "text" and block is not None and block["kind"] == "A":
            head = [p for p in block["parts"] if not p.startswith("\n")]
            if narrow(join_lines(head)).rstrip().endswith(":"):  # “→ 理由：” and its bullets
                block["parts"].append("\n" + text)
                return
        self._open(text, bullet=True)
        if self.block is not None and bullet and bullet.re is BULLET:
            self.block["dash"] = True
            # A one-line “- …” entry that ends its sentence is closed: the next plain line is another.
            self.block["closed"] = self.mode == "text" and not self.spaced and ends_sentence(text)

    # -- results ------------------------------------------------------------------------------
    def finish(self) -> None:
        if self.mode == "next":
            self._next_value("", "")
        self.headings.done()
        for item in self.headings.flat:
            blocks = [b for b in item.pop("_blocks", []) if b["parts"]]
            summary, entries = [], []
            for block in blocks:
                text = _text(block)
                if block["kind"] in ("text", "A") and OWNER_BRACKET.match(text):
                    self.actions.append({**block, "kind": "text", "parts": [text], "subs": []})
                if block["kind"] == "text":
                    if self.next_meeting is None and _next_meeting(text) and not _listed(block, text):
                        self.next_meeting = text
                        continue
                    summary.append(text)
                else:
                    entries.append({"kind": block["kind"], "text": text})
            item["summary"] = "\n".join(summary) or item["summary"]
            item["interventions"] = entries or item["interventions"]
            outcome(item)

    def results(self) -> tuple[list[str], list[ActionEntry]]:
        """The decisions, and the action items in the order the memo gives them."""
        decisions = [(b["seq"], t) for b in self.decisions if (t := _entry(b))]
        found = [(b["seq"], action(t)) for b in self.actions if (t := _entry(b))]
        found += [(seq, owner) for seq, t in decisions if (owner := owned(t))]  # a conclusion naming its owner
        return [t for _, t in decisions], [a for _, a in sorted(found, key=lambda pair: pair[0])]


def _text(block: dict[str, Any]) -> str:
    parts = block["parts"]
    if block["kind"] == "A" and any(p.startswith("\n") for p in parts):
        head = join_lines([p for p in parts if not p.startswith("\n")])
        return "\n".join([head, *(p[1:] for p in parts if p.startswith("\n"))])
    return join_lines(parts)


def _entry(block: dict[str, Any]) -> str:
    """An entry's text, without the agenda number a decision list repeats (“2. 司会進行の指名→上村”)."""
    text = " ".join([join_lines(block["parts"]), *block.get("subs", [])]).strip(" -・")
    return re.sub(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+", "", text)


def _listed(block: dict[str, Any], text: str) -> bool:
    """A bullet is a next-meeting note only when it names the next 考える会 itself."""
    return bool(block["bullet"]) and not _NEXT_STEERING.match(narrow(text))


def _goes_on(block: dict[str, Any]) -> bool:
    """A paragraph whose last line stops at a comma, or was cut by the page width, goes on."""
    last = narrow(block["parts"][-1]).rstrip() if block["parts"] else ""
    return last.endswith(("、", ",", "，")) or (len(last) >= WRAP_WIDTH and not ends_sentence(last))


def _next_meeting(text: str) -> bool:
    return bool(
        re.match(r"^\s*次回(?:の)?(?:考える会|会合|ミーティング|開催|打合せ|日程|予定|は)", narrow(text))
    ) and bool(find_date(text) or re.search(r"\d+\s*月", narrow(text)))


def _spaced_lists(lines: list[str]) -> bool:
    """Do the document's “- …” list items stand between blank lines (as web pages come out)?"""
    spaced = compact = 0
    for before, line in itertools.pairwise(lines):
        m = BULLET.match(narrow(line))
        if m and m.group(2).strip():
            if before.strip():
                compact += 1
            else:
                spaced += 1
    return spaced > compact


def _header_end(lines: list[str], agenda_at: int | None, discussion_at: int | None) -> int:
    """Where the header (title, date, place, people, materials) ends."""
    stops = [i for i in (agenda_at, discussion_at) if i is not None]
    for i, line in enumerate(lines[1:], start=1):
        n = narrow(line)
        if ITEM.match(n) and not section_heading(line, MATERIAL_WORDS):
            stops.append(i)
            break
    return min(stops, default=len(lines))


def parse_memo(text: str) -> ParsedFields:
    warnings: list[Problem] = []
    lines, footnotes = pull_footnotes(clean_lines(text))
    content = [ln for ln in lines if ln.strip()]
    result: ParsedFields = {"footnotes": footnotes, **title_facts(content)}
    agenda_at, discussion_at, section = locate(lines)
    header_end = _header_end(lines, agenda_at, discussion_at)
    header = lines[:header_end]
    result.update(overview(header, result.get("title"), warnings))
    result["participants"] = participation([ln for ln in header if not re.search(r"出席|事務局", ln)])
    result.update(people(header))
    result["materials"] = materials(lines[: discussion_at if discussion_at is not None else header_end])
    agenda: list[Draft] = []
    body_at = header_end
    if agenda_at is not None:
        stop = discussion_at if discussion_at is not None else len(lines)
        body_at = agenda_end(lines, agenda_at + 1, stop)
        agenda = parse_agenda(lines[agenda_at + 1 : body_at], memo=True)
    if discussion_at is not None:
        body_at = discussion_at + 1
    minutes = Minutes(agenda, section, _spaced_lists(lines))
    minutes.feed(lines[body_at:])
    minutes.finish()
    result["decisions"], result["actions"] = minutes.results()
    result["next_meeting"] = minutes.next_meeting
    finish_pages(result, agenda, text)
    return settle(result, warnings)
