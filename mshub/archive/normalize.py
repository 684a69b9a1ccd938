"""Cleaning up extracted text: width variants, page furniture, Markdown-link debris, broken lines."""

from __future__ import annotations

import re
from collections import Counter

# Full-width ASCII variants → ASCII, for matching structure (values keep their own text).
_WIDE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDE[0x3000] = 0x20  # ideographic space
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")


def narrow(text: str) -> str:
    """Full-width letters, digits and punctuation as ASCII (２０１６年 → 2016年, ： → :)."""
    return text.translate(_WIDE)


def sup_to_digits(text: str) -> str:
    return text.translate(_SUP_TO_DIGIT)


_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:\d{1,3}|\d{1,3}\s*/\s*\d{1,3}|[pP]\.?\s*\d{1,3})(?:\s*-)?\s*$")
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:#|https?://[^)\s]*)\)")


def clean_lines(text: str, keep_positions: bool = False) -> list[str]:
    """Lines without page numbers, repeated page headers/footers and Markdown link debris.

    With ``keep_positions`` a dropped line becomes an empty line, so that the result still lines up
    with ``text.splitlines()`` (form feeds counted as line breaks).
    """
    pages = text.split("\f")
    furniture: set[str] = set()
    if len(pages) >= 3:
        edges: Counter[str] = Counter()
        for page in pages:
            lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
            for ln in {*lines[:2], *lines[-2:]}:
                edges[re.sub(r"\d+", "#", narrow(ln))] += 1
        furniture = {ln for ln, n in edges.items() if n >= max(3, len(pages) // 2) and len(ln) < 80}
    out: list[str] = []
    for line in text.replace("\f", "\n").splitlines():
        stripped = line.strip()
        if _PAGE_NUMBER.match(narrow(stripped)) or re.sub(r"\d+", "#", narrow(stripped)) in furniture:
            if keep_positions:
                out.append("")
            continue
        stripped = _MD_LINK.sub(r"\1", stripped).replace("\\(", "(").replace("\\)", ")")
        out.append(re.sub(r"[ \t]+", " ", stripped))
    return out


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
