"""Agenda items: section headings, the agenda block (numbered, bulleted, “第1部”, PDF table debris)
and the headings of the minutes that point back to its items."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, TypeVar

from rapidfuzz import fuzz

from mshub.archive.normalize import indent_of, join_broken, page_of
from mshub.archive.parsed import AgendaEntry
from mshub.archive.parsers.common import split_presenters
from mshub.core.text import narrow

# An agenda item while the parsers work on it: ``AgendaEntry``'s keys and their working keys
# (``_heading``, ``_summary``, ``_blocks`` …; interventions as ``{kind, parts}`` until they are
# joined). ``finished`` turns drafts into the record's ``AgendaEntry``s.
Draft = dict[str, Any]
Item = TypeVar("Item", AgendaEntry, Draft)

ITEM = re.compile(r"^\s*(?:[-・•]\s*)?(\d{1,2}(?:\.\d{1,2}){0,3})(?:\.(?!\d)\s*|[、)]\s*|\s+)(\S.*)$")
BARE_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.、)]?\s*$")
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九十")}
PART = re.compile(r"^\s*(?:第\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*部|Part\s*(\d{1,2}))\s*[:：.、]?\s*(.*)$", re.I)
BULLET = re.compile(r"^\s*([-・•●○◦▪*])(?:\s+|(?=\S)|$)(.*)$")
LETTERED = re.compile(r"^\s*[(（]([a-z]|\d{1,2})[)）]\s*(\S.*)$")
TIMED = re.compile(r"^\s*\d{1,2}:\d{2}\s*[~-]\s*(?:\d{1,2}:\d{2})?\s+(\S.*)$")
SEPARATOR = re.compile(r"^\s*[-=_─━*]{5,}\s*$")
_SKIP = re.compile(r"^\s*(?:資料\s*(?:\d|[:：]|$)|[\[【(（][^\]】)）]*[\]】)）]\s*$|※)")

AGENDA_WORDS = r"アジェンダ|議題|議事次第|次第|プログラム|式次第|Agenda|Program"
DISCUSSION_WORDS = (
    r"質疑応答|議論内容|議事内容|議事概要|議事メモ|議事録|議事|議論|討議|意見交換|ディスカッション|Discussion"
)
PARTICIPATION_WORDS = r"参加状況|参加者数|参加人数|参加者"
OVERVIEW_WORDS = r"会合の概要について|会合の概要|開催概要|概要|会について|会合について|開催日時"
DECISION_WORDS = r"決定事項|結論|合意事項|決議事項"
ACTION_WORDS = r"今後の対応|対応事項|ToDo|TODO|To Do|アクションアイテム|宿題"
MATERIAL_WORDS = r"配布資料|配付資料|資料"


def section_heading(line: str, words: str) -> tuple[str | None] | None:
    """``(number,)`` when the line is a section heading made of one of ``words`` (“2. 質疑応答・議論内容”,
    “1.2. アジェンダ（発表者敬称略）”, “議題”, “B. アジェンダ”, “決定事項：”), else None."""
    n = narrow(line)
    m = _section_pattern(words).match(n) if len(n) <= 80 else None
    return (m.group(1),) if m else None


@lru_cache(maxsize=64)
def _section_pattern(words: str) -> re.Pattern[str]:
    return re.compile(
        rf"^\s*(?:(\d{{1,2}}(?:\.\d{{1,2}})*)\.?\s*|[A-Z][.)]\s*|[■●◆□]\s*)?(?:{words})"
        rf"(?:[・/／&＆]\S{{0,12}}|及び\S{{0,12}})?\s*(?:[(（][^)）]*[)）])?\s*[:：]?\s*$"
    )


def find_heading(lines: list[str], words: str, start: int = 0, prefer: str | None = None) -> int | None:
    """Index of the first section heading of ``words`` from ``start``; one numbered ``prefer`` wins."""
    found = [i for i in range(start, len(lines)) if section_heading(lines[i], words)]
    for i in found:
        heading = section_heading(lines[i], words)
        if prefer is not None and heading and heading[0] == prefer:
            return i
    return found[0] if found else None


def new_item(number: str, title: str, line: str | None = None) -> Draft:
    return {
        "number": number,
        "title": title,
        "presenters": [],
        "outcome": None,
        "outcome_note": None,
        "summary": None,
        "interventions": [],
        "items": [],
        "page": page_of(line) if line is not None else None,
    }


def part_number(text: str) -> str | None:
    m = PART.match(narrow(text))
    if not m:
        return None
    raw = m.group(1) or m.group(2)
    if raw.isdigit():
        return str(int(raw))
    if len(raw) == 1:
        return str(_KANJI_DIGITS[raw])
    tens, _, ones = raw.partition("十")
    return str((_KANJI_DIGITS.get(tens, 1) if tens else 1) * 10 + (_KANJI_DIGITS.get(ones, 0) if ones else 0))


def _add_presenters(item: Draft, line: str) -> None:
    """Presenter lines under an item; an organisation left without a name (a line broken inside it, or a
    PDF table whose name column comes out later) is completed by the next line."""
    for person in split_presenters(line):
        last = item["presenters"][-1] if item["presenters"] else None
        if last is not None and last["name"] is None:
            last["organization"] = join_broken([last["organization"] or "", person["organization"] or ""]) or None
            last["name"] = person["name"]
        else:
            item["presenters"].append(person.copy())


def parse_agenda(lines: list[str], memo: bool = False) -> list[Draft]:
    """The agenda block as a tree: numbered items (2, 2.1 …), “第1部 …”, bullets (numbered 1, 2 … in
    order; “-” alone puts the title on the next line and the one-line bullets after it under it),
    “(a)” sub-items and, for reports, the presenter lines under each item."""
    flat: list[Draft] = []
    tops: list[Draft] = []
    children: dict[str, int] = {}
    pending: str | None = None  # "number:N" or "bullet": the title is on the next line
    part: str | None = None
    top_bullet: str | None = None
    open_parent: Draft | None = None  # a top item from a bare “-”: one-line bullets after it are under it

    def add(number: str | None, title: str, line: str, parent: Draft | None = None) -> Draft:
        if parent is not None:
            children[parent["number"]] = children.get(parent["number"], 0) + 1
            number = f"{parent['number']}.{children[parent['number']]}"
        elif number is None:
            number = str(max((int(t["number"].split(".")[0]) for t in tops), default=0) + 1)
        item = new_item(number, title.strip(), line)
        item["_indent"] = indent_of(line)
        flat.append(item)
        if "." not in number:
            tops.append(item)
        return item

    for line in lines:
        n = narrow(line)
        if not line.strip() or SEPARATOR.match(n):
            continue
        if pending is not None:
            people = split_presenters(line)
            last = flat[-1]["presenters"][-1] if flat and flat[-1]["presenters"] else None
            bare_name = people[0]["name"] and people[0]["organization"] is None
            if not memo and pending != "bullet" and last and last["name"] is None and bare_name:
                _add_presenters(flat[-1], line)  # the name column of the previous item's row
                continue
            if pending == "bullet":
                open_parent = add(None, line, line)
            else:
                add(pending, line, line)
            pending = None
            continue
        m = ITEM.match(n)
        if m:
            add(f"{part}.{m.group(1)}" if part else m.group(1), line[m.start(2) :], line)
            open_parent = None
            continue
        m = BARE_NUMBER.match(n)
        if m:
            pending = f"{part}.{m.group(1)}" if part else m.group(1)
            continue
        if PART.match(n):
            part = part_number(line)
            assert part is not None
            add(part, line, line)
            continue
        if _SKIP.match(n):
            continue
        m = LETTERED.match(n)
        if m and tops:
            add(None, line[m.start(2) :], line, parent=tops[-1])
            continue
        m = BULLET.match(n)
        if m:
            text = line[m.start(2) :].strip()
            people = split_presenters(text) if text and not memo else []
            if flat and people and people[0]["name"]:
                _add_presenters(flat[-1], text)
            elif not text:
                pending = "bullet"
            elif open_parent is not None and m.group(1) == "-":
                add(None, text, line, parent=open_parent)
            elif tops and (top_bullet is None or m.group(1) != top_bullet or indent_of(line) > tops[-1]["_indent"]):
                add(None, text, line, parent=tops[-1])
            else:
                top_bullet, open_parent = m.group(1), None
                add(None, text, line)
            continue
        m = TIMED.match(n)
        if m and all(t.get("_timed") for t in tops):
            add(None, line[m.start(1) :], line)["_timed"] = True
            continue
        if memo and all(t.get("_plain") for t in flat) and not n.strip().endswith("。"):
            add(None, line, line)["_plain"] = True  # an agenda of plain lines, one item each
        elif not memo and flat and "。" not in line:
            if not flat[-1]["presenters"] and _title_goes_on(flat[-1]["title"], line):
                flat[-1]["title"] = join_broken([flat[-1]["title"], line])
            else:
                _add_presenters(flat[-1], line)
    for item in flat:
        for key in ("_timed", "_indent", "_plain"):
            item.pop(key, None)
        if not memo and not item["presenters"]:
            _split_title(item)
    return nest(flat)


def _split_title(item: Draft) -> None:
    """“… について 組織 姓 名 資料” on one line (a PDF table row): the title ends at a word titles end
    with, when what follows is a presenter."""
    for m in re.finditer(r"(について|に向けて|報告|振り返り|検討|紹介|動向|状況|議論|解説|講演)\s+", item["title"]):
        people = [p for p in split_presenters(item["title"][m.end() :]) if p["name"]]
        if people:
            item["title"], item["presenters"] = item["title"][: m.end(1)], people
            return


_TITLE_END = re.compile(r"(について|に向けて|に関する報告|報告|振り返り|検討|紹介|動向|状況|議論|その他|解説|講演)$")


def _title_goes_on(title: str, line: str) -> bool:
    """The second line of a title broken by the page width (not a presenter line)."""
    people = split_presenters(line)
    if people and people[0]["name"]:
        return False
    latin_break = bool(re.search(r"[A-Za-z0-9,]$", title) and re.match(r"[A-Za-z0-9(]", line))
    return latin_break or bool(_TITLE_END.search(narrow(line).strip()))


def nest(flat: list[Item]) -> list[Item]:
    """Items in order (their ``items`` empty) as a tree: "2.1" goes under "2"."""
    roots: list[Item] = []
    by_number: dict[str, Item] = {}
    for item in flat:
        by_number[item["number"]] = item
        parent = by_number.get(item["number"].rsplit(".", 1)[0]) if "." in item["number"] else None
        (parent["items"] if parent else roots).append(item)
    return roots


def walk(items: list[Item]) -> list[Item]:
    """The tree in order, each item before its sub-items."""
    out: list[Item] = []
    for item in items:
        out.append(item)
        out.extend(walk(item["items"]))
    return out


def squash(text: str) -> str:
    text = re.sub(r"\s+|[「」『』\"“”]", "", narrow(text))
    number = part_number(text)
    return re.sub(r"^第[^部]{1,3}部", f"第{number}部", text) if number else text


def same_title(a: str, b: str) -> bool:
    a, b = squash(a), squash(b)
    return bool(a and b) and (a.startswith(b[:12]) or b.startswith(a[:12]))


def _score(a: str, b: str) -> float:
    return float(fuzz.ratio(squash(a), squash(b)))


def similar(a: str, b: str) -> bool:
    """The same title, give or take a word (“他” for “その他”, a typo in a number)."""
    sa, sb = squash(a), squash(b)
    return same_title(a, b) or bool(sa and sb and (sa in sb or sb in sa)) or _score(a, b) >= 85


def heading_like(title: str) -> bool:
    t = narrow(title).strip()
    dated = bool(re.match(r"\d{1,4}\s*(?:年|月|/\d)", t))  # “2018年の活動方針”, “4/27のイベント”
    return 0 < len(t) <= 90 and not t.endswith(("。", "、")) and (dated or not re.match(r"[\d.,:%]", t))


class Headings:
    """Which agenda item a heading of the minutes is about: the same number and title, the same title
    under another number (“2.1.” for item 1 when the minutes are section 2), or — for memos and for
    “3.N” under section 3 — the N-th item. Headings with no item become new items when ``create``."""

    def __init__(self, agenda: list[Draft], section: str | None, memo: bool, create: bool) -> None:
        self.agenda, self.section, self.memo, self.create = agenda, section, memo, create
        self.flat = walk(agenda)
        self.items = {i["number"]: i for i in self.flat}
        self.used: set[int] = set()
        self.by_heading: dict[str, Draft] = {}
        self.last_top = 0

    def _closest(self, title: str, positional: Draft | None) -> Draft | None:
        """In memos the N-th section is not always the N-th item (one item discussed in two sections,
        items taken in another order): the item whose title is clearly closer wins over position."""
        at = _score(title, positional["title"]) if positional is not None else 0.0
        scored = [(_score(title, item["title"]), i, item) for i, item in enumerate(self.flat) if item is not positional]
        score, _, best = max(scored, default=(0.0, 0, None), key=lambda s: (s[0], -s[1]))
        if best is None or score < 60 or score < at + 15 or (id(best) in self.used and score < 75):
            return None
        return best

    def _found(self, heading: str, item: Draft, line: str, renamed: bool = False) -> Draft:
        n = narrow(line)
        m = ITEM.match(n)
        title = line[m.start(2) :].strip() if m else line.strip()
        item["_renamed"] = renamed and not similar(title, item["title"])
        if id(item) in self.used:  # a second section about the same item
            item["_heading"], item["_renamed"] = title, item["_renamed"] or not similar(title, item["title"])
        self.used.add(id(item))
        item.setdefault("_heading", title)
        self.by_heading[heading] = item
        if "." not in item["number"] and item["number"].isdigit():
            self.last_top = max(self.last_top, int(item["number"]))
        if page_of(line) and item.get("_discussed") is None:
            item["page"], item["_discussed"] = page_of(line), True
        return item

    def _make(self, number: str, title: str, line: str) -> Draft:
        item = new_item(number, title, line)
        parent = self.items.get(number.rsplit(".", 1)[0]) if "." in number else None
        (parent["items"] if parent else self.agenda).append(item)
        self.items[number] = item
        self.flat.append(item)
        return item

    def match(self, line: str) -> Draft | None:
        n = narrow(line)
        m = ITEM.match(n)
        if not m:
            return None
        num, title = m.group(1), line[m.start(2) :].strip()
        if not heading_like(title):
            return None
        item = self.items.get(num)
        if item is not None and same_title(title, item["title"]):
            return self._found(num, item, line)
        parts = num.split(".")
        rel = ".".join(parts[1:]) if self.section and parts[0] == self.section and len(parts) > 1 else None
        if rel and rel in self.items and same_title(title, self.items[rel]["title"]):
            return self._found(num, self.items[rel], line)
        for item in self.flat:
            if id(item) not in self.used and same_title(title, item["title"]):
                return self._found(num, item, line)
        plain_positional = self.memo and not self.section
        key = rel if rel is not None else (num if plain_positional or self.create else None)
        if key is None:
            return self._child(num, title, line)
        top, _, sub = key.partition(".")
        if not sub:
            positional = self.items.get(key) if (self.memo or rel is not None) else None
            if positional is not None and id(positional) in self.used:
                positional = None
            if self.memo and (rel is not None or plain_positional):
                best = self._closest(title, positional)
                if best is not None:
                    return self._found(num, best, line, renamed=True)
            if positional is not None:
                return self._found(num, positional, line, renamed=not similar(title, positional["title"]))
            if (self.create or self.memo) and key not in self.items and int(top) > self.last_top:
                return self._found(num, self._make(key, title, line), line)
            return None
        return self._child(num, title, line)

    def _child(self, num: str, title: str, line: str) -> Draft | None:
        """“N.M” under a heading “N” already seen: its M-th sub-item, else a new sub-item."""
        head, _, sub = num.rpartition(".")
        parent = self.by_heading.get(head)
        if parent is None or not sub:
            return None
        number = f"{parent['number']}.{sub}"
        item = self.items.get(number)
        if item is None:
            item = self._make(number, title, line)
        return self._found(num, item, line)

    def done(self) -> None:
        for item in self.flat:
            item.pop("_discussed", None)
            item.pop("_renamed", None)


def finished(items: list[Draft]) -> list[AgendaEntry]:
    """The drafts as the record keeps them: ``AgendaEntry``'s keys only (working keys dropped)."""
    return [
        {
            "number": item["number"],
            "title": item["title"],
            "presenters": item["presenters"],
            "outcome": item["outcome"],
            "outcome_note": item["outcome_note"],
            "summary": item["summary"],
            "interventions": item["interventions"],
            "items": finished(item["items"]),
            "page": item["page"],
        }
        for item in items
    ]
