"""The comments of a paper's hearings as its pages show them, and its disposition table.

Shapes: ``comments_by_anchor`` gives, per paragraph anchor ("" for the whole paper), the comments
a reader may see, each knowing the revision it was made on (``comment.revision.number``), so a page
of a later revision shows it at the same paragraph "on revision N". ``disposition_rows`` is the
disposition table (one row per top-level comment of every hearing of the paper, in hearing order
and then by paragraph): what the paper page, the CSV, the Markdown and the PDF annex all show. The
table names no commenter: it shows the stakeholder group (who commented is for the group's chairs
and the secretariat, docs/papers.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mshub.papers import paragraphs
from mshub.papers.models import Comment, Disposition


def comments_by_anchor(paper: Any, user: Any) -> dict[str, list[Any]]:
    """The comments ``user`` may see on ``paper``, by the anchor of the paragraph they refer to
    ("" for the whole paper); each comment knows the revision it was made on."""
    return {}


@dataclass(frozen=True)
class DispositionRow:
    number: int  # 1, 2, 3 … through the table
    comment: Comment
    revision: int  # the revision commented on
    paragraph: int | None  # ¶N in that revision (None: the whole paper or a heading)
    stakeholder_group: str
    text: str  # the comment as plain text
    disposition: str  # its label ("" while not disposed)
    reason: str
    addressed_in: int | None  # the revision that addresses it


def disposition_rows(paper: Any) -> list[DispositionRow]:
    """The disposition table of ``paper``: one query."""
    comments = (
        Comment.objects.filter(hearing__paper=paper, parent__isnull=True)
        .select_related("hearing", "revision", "stakeholder_group", "addressed_in")
        .order_by("hearing__opens_at", "hearing_id", "paragraph_number", "created_at", "pk")
    )
    rows: list[DispositionRow] = []
    for number, comment in enumerate(comments, start=1):
        group = comment.stakeholder_group
        rows.append(
            DispositionRow(
                number=number,
                comment=comment,
                revision=comment.revision.number,
                paragraph=comment.paragraph_number,
                stakeholder_group=group.name if group is not None else "",
                text=paragraphs.plain(comment.text),
                disposition=str(Disposition(comment.disposition).label) if comment.disposition else "",
                reason=comment.reason,
                addressed_in=comment.addressed_in.number if comment.addressed_in else None,
            )
        )
    return rows
