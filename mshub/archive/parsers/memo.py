"""Steering memos (考える会 / 運営委員会): the report's structure plus attendees, materials,
decisions (決定事項 / 結論) and action items (今後の対応 / ToDo: what, who)."""

from __future__ import annotations

import re
from typing import Any

from mshub.archive.normalize import clean_lines, join_broken, narrow
from mshub.archive.parsers.common import labelled
from mshub.archive.parsers.report import parse_report

_HEADING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\s*[.、)]?\s*|[【■●◆]\s*)?(?P<h>[^:：]{1,24}?)\s*[】]?\s*[:：]?\s*$")
_BULLET = re.compile(r"^\s*(?:[-・•●○◦*]|\d{1,2}\s*[.)、]|[（(]\d{1,2}[)）])\s*")
# "資料1 タイトル" or "資料1：タイトル" (not "資料1に基づき…", which cites one in a sentence).
_MATERIAL = re.compile(r"^\s*[-・•]?\s*(資料\s*\d+(?:-\d+)?)(?:\s*[:：]\s*|\s+|$)(.*)$")
_OWNER = re.compile(r"^(?P<what>.+?)\s*[(（](?:担当\s*[:：]?\s*)?(?P<who>[^()（）]{1,30})[)）]\s*$")
_OWNER_FIRST = re.compile(r"^(?P<who>[^:：]{1,20})\s*[:：]\s*(?P<what>.+)$")
SECTIONS = {
    "decisions": re.compile(r"決定事項|結論|合意事項"),
    "actions": re.compile(r"今後の対応|ToDo|TODO|アクションアイテム|宿題"),
}


def _section(lines: list[str], pattern: re.Pattern[str]) -> list[str]:
    """The bullet lines under the heading that matches ``pattern``, until the next heading."""
    out: list[str] = []
    inside = False
    for line in lines:
        n = narrow(line)
        heading = _HEADING.match(n) and not _BULLET.match(n)
        if heading and pattern.search(n):
            inside = True
            continue
        if inside and heading and out:
            break
        if inside and line.strip():
            if _BULLET.match(n) or not out:
                out.append(_BULLET.sub("", line).strip())
            else:
                out[-1] = join_broken([out[-1], line])
    return out


def _action(text: str) -> dict[str, Any]:
    m = _OWNER.match(text)
    if m:
        return {"text": m["what"].strip(), "owner": m["who"].strip()}
    m = _OWNER_FIRST.match(text)
    if m and len(m["who"]) <= 12:
        return {"text": m["what"].strip(), "owner": m["who"].strip()}
    return {"text": text, "owner": None}


def parse_memo(text: str) -> dict[str, Any]:
    result = parse_report(text)
    lines = clean_lines(text)
    attendees = labelled(lines, "出席者|出席|参加者")
    result["attendees"] = [a.strip() for a in re.split(r"[、,，/／]\s*", attendees or "") if a.strip()]
    result["materials"] = [
        {"label": m.group(1).replace(" ", ""), "title": m.group(2).strip() or None}
        for m in (_MATERIAL.match(narrow(line)) for line in lines)
        if m
    ]
    result["decisions"] = _section(lines, SECTIONS["decisions"])
    result["actions"] = [_action(t) for t in _section(lines, SECTIONS["actions"])]
    return result
