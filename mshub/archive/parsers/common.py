"""Pieces every genre parser uses: dates and times, labelled fields, names of people."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from mshub.archive.normalize import narrow

WEEKDAYS_JA = "月火水木金土日"
ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_DATE = re.compile(
    r"(?:(?P<era>令和|平成|昭和)\s*(?P<ey>\d{1,2}|元)|(?P<y>\d{4}))\s*[年/.-]\s*(?P<m>\d{1,2})\s*[月/.-]\s*(?P<d>\d{1,2})"
    r"\s*日?\s*(?:[(（]\s*(?P<wd>[月火水木金土日])\s*(?:曜日?)?\s*[)）])?"
)
_TIME = re.compile(r"(\d{1,2})\s*[:時]\s*(\d{2})")


def find_date(text: str, warnings: list[str] | None = None) -> dt.date | None:
    m = _DATE.search(narrow(text))
    if not m:
        return None
    year = int(m["y"]) if m["y"] else ERAS[m["era"]] + (1 if m["ey"] == "元" else int(m["ey"]))
    try:
        day = dt.date(year, int(m["m"]), int(m["d"]))
    except ValueError:
        if warnings is not None:
            warnings.append(f"impossible date “{m.group(0)}”: ignored")
        return None
    if m["wd"] and warnings is not None and WEEKDAYS_JA[day.weekday()] != m["wd"]:
        warnings.append(
            f"the printed weekday ({m['wd']}) does not match {day.isoformat()} "
            f"({WEEKDAYS_JA[day.weekday()]}); the date is kept"
        )
    return day


def find_times(text: str) -> tuple[str | None, str | None]:
    found = [f"{int(h):02d}:{mm}" for h, mm in _TIME.findall(narrow(text)) if int(h) < 30 and int(mm) < 60]
    return (found[0] if found else None, found[1] if len(found) > 1 else None)


def labelled(lines: list[str], labels: str) -> str | None:
    """The value after ``label:`` on the first line that has it (bullets and full-width colons allowed)."""
    pattern = re.compile(rf"^\s*(?:[-・•*●◆■]\s*)?(?:{labels})\s*[:：]\s*(.*)$")
    for line in lines:
        m = pattern.match(narrow(line))
        if m:
            return line[m.start(1) :].strip() or None
    return None


_CJK = r"[\u3040-\u30ff\u3400-\u9fff々〆ヶ]"
_HONORIFIC = re.compile(r"(氏|様|さん|先生)$")


def split_presenter(line: str) -> dict[str, Any] | None:
    """“組織名 部署 姓 名” → name and organisation (the name comes last in Japanese reports)."""
    tokens = [t for t in re.split(r"\s+", line.strip()) if t]
    if not tokens:
        return None
    tokens[-1] = _HONORIFIC.sub("", tokens[-1])
    japanese_pair = all(re.fullmatch(rf"{_CJK}{{1,4}}", t) for t in tokens[-2:])
    latin_pair = all(re.fullmatch(r"[A-Z][a-zA-Z'.-]+", t) for t in tokens[-2:])
    if len(tokens) >= 2 and (japanese_pair or latin_pair):
        name, rest = " ".join(tokens[-2:]), tokens[:-2]
    elif re.fullmatch(rf"{_CJK}{{2,5}}", tokens[-1]):
        name, rest = tokens[-1], tokens[:-1]
    else:
        return {"name": None, "organization": line.strip()}
    return {"name": name, "organization": " ".join(rest) or None}
