"""Two revisions side by side: paragraphs aligned by anchor, changes marked inside them.

Shapes:

- **In**: two revisions' anchored paragraphs, ``[{"anchor": "p1a2b3c4", "text": <Markdown>}, …]``
  (``PaperRevision.paragraphs``, see paragraphs.py).
- **Rows** (``side_by_side``): one ``Row`` per paragraph of either side, in the new revision's order.
  A paragraph whose anchor is on both sides is one row (``kind`` "same" or "changed"); one only in
  the old revision is a "removed" row, placed before the next paragraph that followed it there; one
  only in the new revision is an "added" row. Each side carries its number ¶N (None: a heading, or
  absent) and its text as safe HTML.
- **Marks** (``inline``): inside a changed row, a character-level diff (diff-match-patch's
  ``diff_main`` then ``diff_cleanupSemantic``; characters, not words, so Japanese — written without
  spaces — gets exactly the changed characters marked). Each piece is escaped
  (``django.utils.html.escape``); deleted pieces are wrapped in ``<del>`` on the old side, inserted
  ones in ``<ins>`` on the new side. The text shown is the paragraph's Markdown source, so a change
  of markup is visible too; nothing of it is ever rendered as HTML here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from diff_match_patch import diff_match_patch  # type: ignore[import-untyped]
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from mshub.papers import paragraphs


@dataclass(frozen=True)
class Row:
    kind: str  # "same", "changed", "removed", "added"
    anchor: str
    old_number: int | None
    new_number: int | None
    old_html: SafeString  # "" when the paragraph is not on the old side
    new_html: SafeString

    @property
    def in_old(self) -> bool:
        return self.kind != "added"

    @property
    def in_new(self) -> bool:
        return self.kind != "removed"


def inline(old: str, new: str) -> tuple[SafeString, SafeString]:
    """The two texts escaped, with what was deleted in ``<del>`` (old) and inserted in ``<ins>`` (new)."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 2.0
    diffs = dmp.diff_main(old, new)
    dmp.diff_cleanupSemantic(diffs)
    left: list[str] = []
    right: list[str] = []
    for op, text in diffs:
        piece = str(escape(text))
        if op == 0:
            left.append(piece)
            right.append(piece)
        elif op < 0:
            left.append(f"<del>{piece}</del>")
        else:
            right.append(f"<ins>{piece}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 -- every piece escaped above


def side_by_side(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[Row]:
    """The rows of the comparison of ``old`` with ``new`` (see the module's docstring)."""
    old_numbered = paragraphs.numbered(old)
    new_numbered = paragraphs.numbered(new)
    new_anchors = {p.anchor for p in new_numbered}
    old_index = {p.anchor: i for i, p in enumerate(old_numbered)}
    rows: list[Row] = []
    shown = 0  # old paragraphs before this index are placed

    def removed_up_to(stop: int) -> None:
        nonlocal shown
        for p in old_numbered[shown:stop]:
            if p.anchor not in new_anchors:
                rows.append(Row("removed", p.anchor, p.number, None, mark_safe(str(escape(p.text))), SafeString("")))  # noqa: S308
        shown = max(shown, stop)

    for p in new_numbered:
        i = old_index.get(p.anchor)
        if i is None:
            rows.append(Row("added", p.anchor, None, p.number, SafeString(""), mark_safe(str(escape(p.text)))))  # noqa: S308
            continue
        removed_up_to(i)
        before = old_numbered[i]
        if before.text == p.text:
            same = mark_safe(str(escape(p.text)))  # noqa: S308
            rows.append(Row("same", p.anchor, before.number, p.number, same, same))
        else:
            left, right = inline(before.text, p.text)
            rows.append(Row("changed", p.anchor, before.number, p.number, left, right))
    removed_up_to(len(old_numbered))
    return rows


def counts(rows: list[Row]) -> dict[str, int]:
    """How many rows of each kind (for the page's summary)."""
    found = {"same": 0, "changed": 0, "removed": 0, "added": 0}
    for row in rows:
        found[row.kind] += 1
    return found
