"""A steering memo's header: who attended (出席者), the secretariat (事務局) and who took the notes
(記), and the distributed materials (配布資料 / 資料1 …)."""

from __future__ import annotations

import re
from typing import Any

from mshub.archive.parsed import MaterialEntry, ParsedFields
from mshub.archive.parsers.agenda import ITEM, MATERIAL_WORDS, section_heading
from mshub.archive.parsers.common import looks_like_label, split_outside_brackets, split_presenter
from mshub.core.text import narrow

_ATTENDEES = re.compile(
    r"^\s*(?:[-・•]\s*)?(?:出席者|出席メンバー|出席|参加者|参加メンバー)\s*(?:[(（][^()（）]{0,30}[)）])?\s*[:：]\s*(.*)$"
)
_SECRETARIAT = re.compile(r"^\s*(?:[-・•]\s*)?(?:事務局)\s*(?:[(（][^()（）]{0,30}[)）])?\s*[:：]\s*(.*)$")
_NOTES = re.compile(r"[(（]([^()（）]*)[)）]")
_TRAILING_NOTES = re.compile(r"(?:\s*[(（][^()（）]*[)）])+\s*$")
_LEADING_NOTE = re.compile(r"^\s*(?:[(（][^()（）]*[)）]\s*)+")
_GROUP_HEAD = re.compile(r"^\s*[\[【<＜〈]\s*([^\]】>＞〉]{1,12})\s*[\]】>＞〉]\s*$")
_REMOTE = re.compile(r"遠隔|リモート|オンライン|Web|電話")
_GROUPS = re.compile(r"^(事務局|考える会|運営委員会|委員会)$")
_SEPARATORS = re.compile(r"[、,，/／;；]")
_MATERIAL = re.compile(r"^\s*[-・•]?\s*((?:資料|参考)\s*\d+(?:\s*-\s*\d+)?)(?:\s*[.:：]\s*|\s+|$)(.*)$")
_OTHER_MATERIAL = re.compile(r"^\s*[-・•]?\s*([^\s:：、。]{1,20}資料)\s*[:：]\s*(\S.*)$")


def _names(value: str, remote: bool | None) -> list[dict[str, Any]]:
    """“高村、角田（高村氏代理）、塩沢（記）”, “総務省 五十嵐大和、内藤めい” → one entry per person."""
    out: list[dict[str, Any]] = []
    organization: str | None = None
    parts: list[str] = []
    for part in split_outside_brackets(value, _SEPARATORS):
        pieces = re.split(r"\s*・\s*|\s+", _TRAILING_NOTES.sub("", part).strip())
        surnames = len(pieces) >= 2 and all(re.fullmatch(r"[\u3400-\u9fff々ヶ]{1,4}", p) for p in pieces)
        if surnames and (len(pieces) >= 3 or "・" in part):  # “高村・橘・堀田”, “高村 橘 堀田”
            parts += [*pieces[:-1], part[part.rindex(pieces[-1]) :]]
        else:
            parts.append(part)
    for part in parts:
        trailing = _TRAILING_NOTES.search(part)
        notes = [n.strip() for n in _NOTES.findall(trailing.group(0))] if trailing else []
        bare = part[: trailing.start()].strip() if trailing else part.strip()
        if not bare:
            continue
        entry: dict[str, Any] = {"name": bare, "organization": None, "note": None, "remote": remote}
        if _GROUPS.match(bare) and notes and notes[0] != "記":
            entry.update(name=notes.pop(0), organization=bare, printed=part)
        elif " " in bare:
            person = split_presenter(bare)
            if person and person["name"]:
                entry.update(name=person["name"], organization=person["organization"])
            organization = entry["organization"]
        elif organization:
            entry["organization"] = organization  # “JPRS 堀田博文、高松百合”: the same organisation
        entry["recorder"] = "記" in notes
        entry["note"] = "、".join(n for n in notes if n != "記") or None
        out.append(entry)
    return out


def _block(lines: list[str], start: int, first: str) -> list[tuple[str, bool | None]]:
    """The label's value and the lines after it that go on the list (until a blank or another label)."""
    values: list[tuple[str, bool | None]] = []
    remote: bool | None = None
    first = _LEADING_NOTE.sub("", first).strip()
    if first:
        return [(first, None)]
    for line in lines[start + 1 :]:
        n = narrow(line).strip()
        if not n:
            if values:
                break
            continue
        group = _GROUP_HEAD.match(n)
        if group:
            remote = bool(_REMOTE.search(group.group(1)))
            continue
        if looks_like_label(line) or section_heading(line, MATERIAL_WORDS) or _SECRETARIAT.match(n):
            break
        values.append((line.strip(), remote))
    return values


def people(lines: list[str]) -> ParsedFields:
    """``attendees`` (names as printed, notes in brackets dropped), ``attendee_details``
    ({name, organization, note, remote}), ``secretariat`` and ``recorder`` (the one marked 記)."""
    details: list[dict[str, Any]] = []
    secretariat: list[dict[str, Any]] = []
    for i, line in enumerate(lines):
        n = narrow(line)
        m = _ATTENDEES.match(n)
        if m and not details:
            for value, remote in _block(lines, i, line[m.start(1) :]):
                details += _names(value, remote)
            continue
        m = _SECRETARIAT.match(n)
        if m and not secretariat:
            secretariat = _names(line[m.start(1) :], None)
    recorder = next((e["name"] for e in [*details, *secretariat] if e["recorder"]), None)
    return {
        "attendees": [e.get("printed") or e["name"] for e in details],
        "attendee_details": [
            {"name": e["name"], "organization": e["organization"], "note": e["note"], "remote": e["remote"]}
            for e in details
        ],
        "secretariat": [e["name"] for e in secretariat],
        "recorder": recorder,
    }


def materials(lines: list[str]) -> list[MaterialEntry]:
    """“資料1 :タイトル”, “資料1-2：…”, “参考3. …”, “○○持ち込み資料：…”, and the plain titles under a
    配布資料 / 資料 heading (label null); not “資料1に基づき…”, which cites one in a sentence."""
    found: list[MaterialEntry] = []
    inside = False
    for line in lines:
        n = narrow(line)
        if section_heading(line, MATERIAL_WORDS):
            inside = True
            continue
        m = _MATERIAL.match(n)
        if m:
            found.append({"label": re.sub(r"\s", "", m.group(1)), "title": line[m.start(2) :].strip() or None})
            continue
        m = _OTHER_MATERIAL.match(n)
        if m and not re.match(r"^(配布|配付)", m.group(1)):
            found.append({"label": line[m.start(1) : m.end(1)], "title": line[m.start(2) :].strip()})
            continue
        if inside and n.strip() and (looks_like_label(line) or ITEM.match(n)):
            inside = False
        elif inside and n.strip() and not re.fullmatch(r"\s*(?:なし|特になし|-)\s*", n):
            found.append({"label": None, "title": line.strip()})
    return found
