"""A paper's text as numbered paragraphs with stable anchors, and their safe HTML.

Shapes:

- **Markdown in**: what an editor typed (CommonMark). Raw HTML is not Markdown here: it is shown
  as text (markdown-it with ``html`` off), and the HTML that comes out is cleaned by nh3 again.
- **Paragraphs** (``split``): the top-level blocks of the Markdown — a paragraph, a heading, a whole
  list, a quotation, a table, a code block — each as its own Markdown source, in order.
- **Anchored paragraphs** (``anchor``): ``[{"anchor": "p1a2b3c4", "text": …}, …]`` as a revision
  stores them. A new revision's blocks are lined up with the previous revision's (difflib on the
  sequence of blocks): an unchanged block keeps its anchor, an edited block keeps it while it is
  still recognisably the same paragraph (rapidfuzz similarity at least ``SAME_PARAGRAPH``, matched in
  order), a new block gets a new anchor. So a link ``#p1a2b3c4`` and a comment on that paragraph
  follow it through edits, and lose it only when the paragraph is gone.
- **Numbered** (``numbered``): the paragraphs as shown — headings carry no number, every other block
  is ¶1, ¶2 … in order.
"""

from __future__ import annotations

import difflib
import re
import secrets
from dataclasses import dataclass
from typing import Any

import nh3
from markdown_it import MarkdownIt
from rapidfuzz import fuzz

SAME_PARAGRAPH = 55  # rapidfuzz ratio (0–100) above which an edited block is the same paragraph
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "del", "sup", "sub",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"style"}, "td": {"style"}}
SCHEMES = {"http", "https", "mailto"}

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
_md.enable("strikethrough")


def clean_text(text: str) -> str:
    """What we store: line ends normalised, control characters (NUL included) dropped, no trailing space."""
    text = _CONTROL.sub("", str(text or "").replace("\r\n", "\n").replace("\r", "\n"))
    return text.strip() + ("\n" if text.strip() else "")


def split(text: str) -> list[str]:
    """The top-level blocks of the Markdown ``text``, each as its own source lines."""
    lines = text.split("\n")
    blocks: list[str] = []
    for token in _md.parse(text):
        if token.level == 0 and token.map is not None and token.nesting in (0, 1):
            start, end = token.map
            block = "\n".join(lines[start:end]).strip("\n")
            if block.strip():
                blocks.append(block)
    return blocks


def new_anchor(taken: set[str]) -> str:
    while True:
        anchor = "p" + secrets.token_hex(4)
        if anchor not in taken:
            taken.add(anchor)
            return anchor


def _key(block: str) -> str:
    return " ".join(block.split())


def anchor(text: str, previous: list[dict[str, str]] | None = None) -> list[dict[str, str]]:
    """The blocks of ``text`` with anchors: kept from ``previous`` where the paragraph survives."""
    blocks = split(text)
    previous = previous or []
    anchors: list[str | None] = [None] * len(blocks)
    old_keys = [_key(p["text"]) for p in previous]
    new_keys = [_key(b) for b in blocks]
    matcher = difflib.SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                anchors[j1 + offset] = previous[i1 + offset]["anchor"]
        elif tag == "replace":
            # Pair edited blocks in order: each new block takes the first remaining old one like it.
            i = i1
            for j in range(j1, j2):
                for k in range(i, i2):
                    if fuzz.ratio(old_keys[k], new_keys[j]) >= SAME_PARAGRAPH:
                        anchors[j] = previous[k]["anchor"]
                        i = k + 1
                        break
    taken = {a for a in anchors if a}
    return [{"anchor": a or new_anchor(taken), "text": b} for a, b in zip(anchors, blocks, strict=True)]


@dataclass(frozen=True)
class Paragraph:
    anchor: str
    text: str
    number: int | None  # None for a heading
    is_heading: bool

    @property
    def html(self) -> str:
        return render(self.text)


def numbered(paragraphs: list[dict[str, Any]]) -> list[Paragraph]:
    found: list[Paragraph] = []
    number = 0
    for paragraph in paragraphs:
        heading = bool(re.match(r"^ {0,3}#{1,6}(\s|$)", paragraph["text"])) or bool(
            re.match(r"^[^\n]+\n {0,3}(=+|-+)\s*$", paragraph["text"])
        )
        if not heading:
            number += 1
        found.append(Paragraph(paragraph["anchor"], paragraph["text"], None if heading else number, heading))
    return found


def number_of(paragraphs: list[dict[str, Any]], anchor_: str) -> int | None:
    """The number ¶N the paragraph ``anchor_`` has among ``paragraphs`` (None: a heading, or gone)."""
    for paragraph in numbered(paragraphs):
        if paragraph.anchor == anchor_:
            return paragraph.number
    return None


def render(markdown: str) -> str:
    """Safe HTML of some Markdown: no raw HTML, links to http(s)/mailto only, cleaned by nh3."""
    return nh3.clean(
        _md.render(_CONTROL.sub("", markdown)),
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="noopener noreferrer nofollow",
        url_relative="deny",
        strip_comments=True,
        filter_style_properties={"text-align"},
    )


def plain(markdown: str) -> str:
    """The words of some Markdown without markup (for CSV, mail and search)."""
    text = nh3.clean(_md.render(_CONTROL.sub("", markdown)), tags=set())
    import html

    return " ".join(html.unescape(text).split())
