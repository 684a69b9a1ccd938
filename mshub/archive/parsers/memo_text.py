"""The wording of a steering memo's lines: who an action item belongs to, whether a line break ends a
list entry or only wraps a sentence, and how the lines of one entry are joined."""

from __future__ import annotations

import re

from mshub.archive.normalize import ends_sentence, join_broken
from mshub.archive.parsed import ActionEntry
from mshub.core.text import narrow

OWNER = re.compile(r"^(?P<what>.+?)\s*[(（](?:担当\s*[:：]?\s*)?(?P<who>[^()（）]{1,30})[)）]\s*$")
OWNER_FIRST = re.compile(r"^(?P<who>[^:：]{1,20})\s*[:：]\s*(?P<what>.+)$")
OWNER_BRACKET = re.compile(r"^(?P<what>.+?)\s*【(?:担当\s*[:：]?\s*)?(?P<who>[^【】]{1,20})】\s*$")
NOT_OWNER = re.compile(r"^(?:[月火水木金土日]|.*\d.*|.*(?:仮称|案|予定|済|完了|未定|参照|など|等|笑).*)$")

# How a line that ends an entry without “。” ends: a predicate (…する, …した, …たい, …ない, …こと) or a
# noun that closes a decision (合意, 予定, 想定 …), not a particle or a comma (…に, …を, …、).
_PREDICATE = re.compile(
    r"(?:[るたいうすずだ]|ない|です|ます|こと|もの|想定|予定|必要|合意|了承|確認|検討|決定|共有|見送り|"
    r"方向|可能|未定|済み?|完了|公開|開催|実施|提出|継続|延期|中止)$"
)
_LABEL_VALUE = re.compile(r"^[^\s:：、。]{1,12}\s*[:：]\s*\S")
_CONJUNCTION = re.compile(r"^(?:また|なお|ただし|ただ|さらに|その|これ|それ|あわせて|併せて|一方)")
_HIRAGANA = re.compile(r"^[\u3040-\u309f]")
WRAP_WIDTH = 34  # a line this long that stops without a sentence end was cut by the page width


def valid_owner(who: str) -> bool:
    return not NOT_OWNER.match(who.strip())


def owned(text: str) -> ActionEntry | None:
    """``{text, owner}`` when ``text`` ends with its owner in brackets (“…を確認する（考える会）”)."""
    for pattern in (OWNER_BRACKET, OWNER):
        m = pattern.match(text)
        if m and valid_owner(m["who"]):
            return {"text": m["what"].strip(), "owner": m["who"].strip()}
    return None


def action(text: str) -> ActionEntry:
    """“text（owner）”, “text【owner】” or “owner：text” → {text, owner}."""
    found = owned(text)
    if found:
        return found
    m = OWNER_FIRST.match(text)
    if m and len(m["who"]) <= 12 and not re.search(r"\d", m["who"]):
        return {"text": m["what"].strip(), "owner": m["who"].strip()}
    return {"text": text, "owner": None}


def list_break(before: str, after: str) -> bool:
    """Does the break between these two lines end an entry (a sentence, a “label：value” line, or a
    predicate that stops short of the page width, followed by a line that can start one) rather than
    wrap a sentence?"""
    prev, nxt = narrow(before).strip(), narrow(after).strip()
    if not prev or not nxt or prev.endswith(("、", ",", "，")):
        return False
    if ends_sentence(prev) and not prev.endswith(":"):
        return True
    if _LABEL_VALUE.match(prev) and len(prev) <= 40:
        return True
    starts = not _HIRAGANA.match(nxt) or bool(_CONJUNCTION.match(nxt))
    return bool(_PREDICATE.search(prev)) and len(prev) < WRAP_WIDTH and starts


def join_lines(parts: list[str]) -> str:
    """Lines of one entry: a wrapped sentence rejoins; entries on lines of their own without “。”
    keep a space between them."""
    text = ""
    last = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if text and not ends_sentence(last) and not part.startswith("→") and list_break(last, part):
            text += " " + part
        else:
            text = join_broken([text, part])
        last = part
    return text
