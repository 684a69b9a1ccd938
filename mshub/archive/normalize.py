"""Cleaning up extracted text: page furniture, Markdown-link debris, broken lines.

Width folding (``narrow``) is shared by every area and lives in ``mshub.core.text``.
"""

from __future__ import annotations

import re
from collections import Counter

from mshub.core.text import narrow

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")


def sup_to_digits(text: str) -> str:
    return text.translate(_SUP_TO_DIGIT)


class Line(str):
    """A cleaned line that remembers its page (1-based) and its indentation in the source."""

    page: int = 1
    indent: int = 0

    @classmethod
    def of(cls, text: str, page: int = 1, indent: int = 0) -> Line:
        line = cls(text)
        line.page, line.indent = page, indent
        return line


def page_of(line: str) -> int:
    return getattr(line, "page", 1)


def indent_of(line: str) -> int:
    return getattr(line, "indent", 0)


_PAGE_MARK = "\ue000"
_DIGITS = re.compile(r"\d+")
_BLANKS = re.compile(r"[ \t]+")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:\d{1,3}|\d{1,3}\s*/\s*\d{1,3}|[pP]\.?\s*\d{1,3})(?:\s*-)?\s*$")
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:#|https?://[^)\s]*)\)")


def clean_lines(text: str, keep_positions: bool = False) -> list[str]:
    """Lines without page numbers, repeated page headers/footers and Markdown link debris.

    Each line is a ``Line`` (a ``str``) carrying its page and indentation. With ``keep_positions`` a
    dropped line becomes an empty line, so that the result still lines up with
    ``text.splitlines()`` (form feeds counted as line breaks).
    """
    if not keep_positions:
        text = unflatten(text)
    pages = text.split("\f")
    furniture: set[str] = set()
    if len(pages) >= 3:
        edges: Counter[str] = Counter()
        for chunk in pages:
            lines = [ln.strip() for ln in chunk.splitlines() if ln.strip()]
            for ln in {*lines[:2], *lines[-2:]}:
                edges[re.sub(r"\d+", "#", narrow(ln))] += 1
        furniture = {ln for ln, n in edges.items() if n >= max(3, len(pages) // 2) and len(ln) < 80}
    out: list[str] = []
    number = 1
    # A form feed counts as a line break; the mark after it says where the next page starts.
    for line in text.replace("\f", _PAGE_MARK + "\n").splitlines():
        page, number = number, number + line.count(_PAGE_MARK)
        line = line.replace(_PAGE_MARK, "")
        stripped = line.strip()
        n = narrow(stripped)
        if _PAGE_NUMBER.match(n) or (furniture and _DIGITS.sub("#", n) in furniture):
            if keep_positions:
                out.append(Line.of("", page))
            continue
        if "](" in stripped or "\\" in stripped:
            stripped = _MD_LINK.sub(r"\1", stripped).replace("\\(", "(").replace("\\)", ")")
        indent = (
            len(line) - len(line.lstrip())
            if "\t" not in line
            else len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        )
        out.append(Line.of(_BLANKS.sub(" ", stripped), page, indent))
    return out


# Where a text extracted without its line breaks (one very long line) is cut again: before section
# numbers ("1.1. "), minutes markers ("Q. "), overview labels and the 第N回 of a title.
_BREAKS = re.compile(
    r"\s+(?=(?:\d{1,2}(?:\.\d{1,2})*\.\s+\D|[QAC][.．]\s|"
    r"(?:日時|会場|URL|会場参加者数|遠隔参加者数|中継視聴者数)\s*(?:[(（][^)）]{0,20}[)）])?\s*[:：]|第\s*\d+\s*回))"
)


def unflatten(text: str) -> str:
    """A document that came out as a few very long lines gets its structural line breaks back."""
    if "\n" in text.strip() and max((len(ln) for ln in text.splitlines()), default=0) < 300:
        return text
    out = []
    for line in text.split("\n"):
        if len(line) >= 300 and len(_BREAKS.findall(narrow(line))) >= 5:
            pieces, last = [], 0
            for m in _BREAKS.finditer(narrow(line)):
                pieces.append(line[last : m.start()])
                last = m.end()
            pieces.append(line[last:])
            line = "\n".join(pieces)
        out.append(line)
    return "\n".join(out)


_TERMINAL = (*"。．.!?！？」』)）]】", ":")


def join_broken(parts: list[str]) -> str:
    """Join lines broken by extraction: no space between Japanese, one between Latin words."""
    text = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if text and re.search(r"[A-Za-z0-9,;]$", text) and re.match(r"[A-Za-z0-9(]", part):
            text += " "
        text += part
    return text


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL)
