"""Pieces every genre parser uses: dates and times, labelled fields, names of people."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from mshub.archive.parsed import PresenterEntry
from mshub.archive.problems import Problem
from mshub.core.text import narrow

WEEKDAYS_JA = "月火水木金土日"
ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_DATE = re.compile(
    r"(?:(?P<era>令和|平成|昭和)\s*(?P<ey>\d{1,2}|元)|(?P<y>\d{4}))\s*[年/.-]\s*(?P<m>\d{1,2})\s*[月/.-]\s*(?P<d>\d{1,2})"
    r"(?!\d)\s*日?\s*(?:[(（]\s*(?P<wd>[月火水木金土日])\s*(?:曜日?)?\s*(?:[・,、][^)）]{0,4})?[)）])?"
)
_WEEKDAY = re.compile(r"[(（]\s*([月火水木金土日])\s*(?:曜日?)?\s*(?:[・,、][^)）]{0,4})?[)）]")
_TIME = re.compile(r"(午前|午後)?\s*(\d{1,2})\s*(?::\s*(\d{2})|時\s*(?:(\d{1,2})\s*分|半)?)")


def find_date(text: str, warnings: list[Problem] | None = None, weekday_from: str | None = None) -> dt.date | None:
    """The first date in ``text``; a printed weekday (there, or in ``weekday_from``) is checked."""
    m = _DATE.search(narrow(text))
    if not m:
        return None
    year = int(m["y"]) if m["y"] else ERAS[m["era"]] + (1 if m["ey"] == "元" else int(m["ey"]))
    try:
        day = dt.date(year, int(m["m"]), int(m["d"]))
    except ValueError:
        if warnings is not None:
            warnings.append(Problem("impossible_date", {"text": m.group(0)}))
        return None
    weekday = m["wd"]
    if not weekday and weekday_from:
        found = _WEEKDAY.search(narrow(weekday_from))
        weekday = found.group(1) if found else None
    if weekday and warnings is not None and WEEKDAYS_JA[day.weekday()] != weekday:
        warnings.append(
            Problem(
                "weekday_mismatch",
                {"printed": weekday, "date": day.isoformat(), "actual": WEEKDAYS_JA[day.weekday()]},
            )
        )
    return day


def find_times(text: str) -> tuple[str | None, str | None]:
    """Start and end (``HH:MM``) of “18:30～20:45”, “18時30分－20時”, “午後6時半から”; dates are skipped."""
    found = []
    for m in _TIME.finditer(_DATE.sub(" ", narrow(text))):
        half, hour, minute, minute_ja = m.groups()
        h = int(hour) + (12 if half == "午後" and int(hour) < 12 else 0)
        mm = 30 if m.group(0).endswith("半") else int(minute or minute_ja or 0)
        if h < 30 and mm < 60:
            found.append(f"{h:02d}:{mm:02d}")
    return (found[0] if found else None, found[1] if len(found) > 1 else None)


def _spaced(labels: str) -> str:
    """“会場” also as “会 場” (labels spaced out to align them)."""
    plain = re.compile(r"[^\\()\[\]|.*+?{}^$ ]+")
    return "|".join(r"\s*".join(map(re.escape, alt)) if plain.fullmatch(alt) else alt for alt in labels.split("|"))


@lru_cache(maxsize=64)
def _label_pattern(labels: str) -> re.Pattern[str]:
    """``label：value``; a bullet or a letter (“A. ”) before, a note in brackets before the colon."""
    labels = _spaced(labels)
    return re.compile(
        rf"^\s*(?:[-・•*●◆■□○]\s*|[A-Z][.)]\s*)?(?:{labels})\s*(?:[(（][^()（）]{{0,30}}[)）]|\[[^\]]{{0,30}}\])?"
        rf"\s*[:：]\s*(.*)$"
    )


_LABEL_LINE = re.compile(r"^\s*(?:[-・•]\s*)?[^\s:：、。]{1,16}(?:[(（][^)）]{0,30}[)）])?\s*[:：]")
_HEADING_LINE = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.(?!\d)|\d{1,2}(?:\.\d{1,2})+\s|[A-Z]\.|[■●◆【])\s*\S")


def looks_like_label(line: str) -> bool:
    n = narrow(line)
    return bool(_LABEL_LINE.match(n) or _HEADING_LINE.match(n)) or n.strip() in {":", "："}


def labelled(lines: list[str], labels: str, follow: bool = False) -> str | None:
    """The value after ``label:`` on the first line that has it. With ``follow``, a label whose value
    is on the next line (as PDF tables come out) takes that line."""
    pattern = _label_pattern(labels)
    for i, line in enumerate(lines):
        m = pattern.match(narrow(line))
        if not m:
            continue
        value = line[m.start(1) :].strip()
        if value or not follow:
            return value or None
        for nxt in lines[i + 1 : i + 4]:
            if nxt.strip():
                return None if looks_like_label(nxt) else nxt.strip()
        return None
    return None


_KANJI = r"[\u3400-\u9fff々〆ヶ]"
_KANA = r"[\u3040-\u309f\u30a0-\u30ffー]"
_KATAKANA = r"[\u30a0-\u30ffー・]"
_CJK = r"[\u3040-\u30ff\u3400-\u9fff々〆ヶ]"
_HONORIFIC = re.compile(r"\s*(氏|様|さん|先生|殿)$")
_ROLE = re.compile(
    r"^\s*(?:[-・•○●]\s*)?(?:発表者?|登壇者?|講演者?|講師|報告者|説明者?|司会|モデレーター|モデレータ|"
    r"パネリスト|スピーカー|コメンテーター|Speaker|Moderator|Panelist)s?\s*[:：]\s*",
    re.I,
)
# What a person's name never ends with (organisations, departments, positions).
_NOT_NAME = re.compile(
    r"(会|省|庁|局|課|社|団|大学|学部|研究科|研究所|協会|機構|連盟|財団|法人|センター|チーム|パネル|グループ|"
    r"委員|教授|講師|チェア|議長|座長|会長|社長|理事|取締役|代表|部長|課長|室長|局長|主任|主査|研究員|"
    r"フェロー|ディレクター|マネージャー|マネジャー|エンジニア|担当|メンバー|顧問|事務局|フォーラム|"
    r"クラブ|ネットワーク|サービス|ジャパン|について|の振り返り)$"
)
_LATIN_NAME = r"[A-Z][a-zA-Z'.-]+"
_LATIN_ORG = re.compile(
    r"\b(?:University|Institute|Forum|Inc|Ltd|Corp|Corporation|Foundation|Association|Council|Ministry|"
    r"Network|Center|Centre|Group|Society|Agency|Company|Lab|Laboratory|School|College|Registry|ICANN|ISOC)\b"
)


def is_name(text: str) -> bool:
    """“高根 優子”, “高根優子”, “ジム フォスター”, “Jane Porter”, “内藤めい” (not 総務省, 考える会)."""
    text = _HONORIFIC.sub("", text.strip())
    tokens = text.split()
    if not tokens or len(tokens) > 2 or any(_NOT_NAME.search(t) for t in tokens) or re.match(r"[\u3040-\u309f]", text):
        return False
    if len(tokens) == 2:
        family, given = tokens
        return bool(
            (re.fullmatch(rf"{_KANJI}{{1,4}}", family) and re.fullmatch(rf"(?:{_KANJI}|{_KANA}){{1,5}}", given))
            or (re.fullmatch(rf"{_KATAKANA}{{1,10}}", family) and re.fullmatch(rf"{_KATAKANA}{{1,10}}", given))
            or (re.fullmatch(_LATIN_NAME, family) and re.fullmatch(_LATIN_NAME, given))
        )
    return bool(re.fullmatch(rf"{_KANJI}{{2,5}}|{_KANJI}{{1,3}}{_KANA}{{1,4}}", text))


def _strip_trailing(text: str) -> str:
    """Link words left behind a presenter (“… 堀田 博文 資料”) and honorifics."""
    text = re.sub(r"(?:\s+資料(?:\s*[:：].*|\S{0,3}))+(?:\s+\d+\s*/\s*\d+.*)?$", "", text.strip())
    return _HONORIFIC.sub("", text).strip()


_ROLE_NOTE = re.compile(  # “北辰大学 松井 美穂（モデレーター）”
    r"\s*[(（]\s*(?:モデレーター|モデレータ|司会|パネリスト|コメンテーター|スピーカー|講師|登壇者|"
    r"Moderator|Panelist|Speaker|Chair)\s*[)）]\s*$",
    re.I,
)


def split_presenter(line: str) -> PresenterEntry | None:
    """One presenter: “組織名 部署 姓 名”, “姓 名（組織名）”, “Jane Porter, Org” → name and organisation."""
    text = _ROLE_NOTE.sub("", _strip_trailing(_ROLE.sub("", line)))
    if not text:
        return None
    m = re.fullmatch(r"(?P<name>[^()（）]+?)\s*[(（](?P<org>[^()（）]+)[)）]", text)
    if m and is_name(m["name"]):
        return {"name": _HONORIFIC.sub("", m["name"].strip()), "organization": m["org"].strip()}
    m = re.fullmatch(rf"(?P<name>{_LATIN_NAME}\s+{_LATIN_NAME})\s*,\s*(?P<org>.+)", text)
    if m:
        return {"name": m["name"], "organization": m["org"].strip()}
    tokens = text.split()
    for size in (2, 1):
        if len(tokens) >= size and is_name(" ".join(tokens[-size:])):
            rest = " ".join(tokens[:-size]).strip(" ,、/") or None
            return {"name": " ".join(tokens[-size:]), "organization": rest}
    return {"name": None, "organization": text}


_SEPARATORS = re.compile(r"\s*[、,，/／;；]\s*")


def split_outside_brackets(text: str, separators: re.Pattern[str] = _SEPARATORS) -> list[str]:
    """Parts of a list separated by 、 / ; — not inside (…) or 「…」."""
    parts, depth, last = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(（「[【":
            depth += 1
        elif ch in ")）」]】":
            depth = max(0, depth - 1)
        elif depth == 0 and separators.fullmatch(ch):
            parts.append(text[last:i])
            last = i + 1
    parts.append(text[last:])
    return [p.strip() for p in parts if p.strip()]


def split_presenters(line: str) -> list[PresenterEntry]:
    """Several presenters on one line (“JPNIC 奥谷 泉、JPRS 堀田 博文”, “奥谷 泉(JPNIC)/堀田 博文”); a bare
    name after the first shares its organisation. A line that does not split into people is one."""
    parts = split_outside_brackets(_ROLE.sub("", line))
    if len(parts) == 2 and _LATIN_ORG.search(parts[1]) and is_name(parts[0]):
        parts = [line]  # “Jim Foster, Keio University”
    for i in range(len(parts) - 1, 0, -1):  # “…、Kenji Mori, Pacific Cloud Alliance”: the name and its organisation
        latin = re.fullmatch(rf"{_LATIN_NAME}\s+{_LATIN_NAME}", parts[i - 1]) and re.fullmatch(
            r"[A-Za-z][A-Za-z0-9 .&'-]*", parts[i]
        )
        if latin and (not is_name(parts[i]) or _LATIN_ORG.search(parts[i])):
            parts[i - 1 : i + 1] = [f"{parts[i - 1]}, {parts[i]}"]
    if len(parts) > 1:
        people = [split_presenter(p) for p in parts]
        if all(p and p["name"] for p in people):
            out: list[PresenterEntry] = []
            for person in people:
                assert person is not None
                if person["organization"] is None and out:
                    person = {**person, "organization": out[-1]["organization"]}
                out.append(person)
            return out
    one = split_presenter(line)
    return [one] if one else []
