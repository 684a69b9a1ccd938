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

from django.db.models import QuerySet

from mshub.papers import paragraphs
from mshub.papers.models import Comment, Disposition


def sees_every_comment(user: Any, paper: Any) -> bool:
    """The steering group and the secretariat, the members of the paper's group, and — once the
    paper is published — whoever may read it (its disposition table is public then anyway)."""
    from mshub.core.permissions import can_read_forum, is_member, is_steering
    from mshub.papers.rules import in_paper_group

    if is_steering(user, paper) or (is_member(user, paper) and in_paper_group(user, paper)):
        return True
    return bool(paper.is_public and can_read_forum(user, paper))


def visible_to(comments: QuerySet[Comment], paper: Any, user: Any) -> QuerySet[Comment]:
    """``comments`` (of ``paper``) narrowed to those ``user`` may see (``sees_every_comment``, or
    those of the hearings that have opened and whose audience includes the user, and their own)."""
    from django.db.models import Q
    from django.utils import timezone

    from mshub.papers.rules import reaches

    if sees_every_comment(user, paper):
        return comments
    now = timezone.now()
    hearings = [h for h in paper.hearings.all() if h.opens_at <= now]
    for hearing in hearings:
        hearing.paper = paper
    visible = Q(hearing__in=[h.pk for h in hearings if reaches(user, h)])
    if getattr(user, "is_authenticated", False):
        visible |= Q(author=user)
    return comments.filter(visible)


def comments_by_anchor(paper: Any, user: Any, *, shown: int | None = None) -> dict[str, list[Any]]:
    """The comments ``user`` may see on ``paper``, by the anchor of the paragraph they refer to
    ("" for the whole paper), each top-level comment with its ``thread`` (the replies under it,
    depth first, each with its ``depth``); two queries.

    Who sees what: see ``sees_every_comment``; anyone else sees the comments of the hearings that
    have opened and whose audience includes them (so they can answer them), and always their own.
    Each comment gets ``other_revision``: the number of the revision it was made on when that is
    not ``shown`` (the revision the page displays; the latest by default), for "on revision N";
    and ``mine`` (the user wrote it). Names are not attached here: pages show the stakeholder group.
    """
    shown = paper.revision_count if shown is None else shown
    comments = visible_to(Comment.objects.filter(hearing__paper=paper), paper, user)
    rows = list(comments.select_related("revision", "stakeholder_group").order_by("created_at", "pk"))
    by_pk = {c.pk: c for c in rows}
    user_pk = getattr(user, "pk", None)
    for comment in rows:
        comment.thread = []  # type: ignore[attr-defined]
        comment.depth = 0  # type: ignore[attr-defined]
        comment.mine = user_pk is not None and comment.author_id == user_pk  # type: ignore[attr-defined]
        number = comment.revision.number
        comment.other_revision = number if number != shown else None  # type: ignore[attr-defined]
    children: dict[int, list[Comment]] = {}
    roots: list[Comment] = []
    for comment in rows:
        if comment.parent_id in by_pk:
            children.setdefault(comment.parent_id, []).append(comment)
        else:
            roots.append(comment)

    def walk(comment: Comment, root: Comment, depth: int) -> None:
        for child in children.get(comment.pk, []):
            child.depth = depth  # type: ignore[attr-defined]
            root.thread.append(child)  # type: ignore[attr-defined]
            walk(child, root, depth + 1)

    found: dict[str, list[Any]] = {}
    for root in roots:
        walk(root, root, 1)
        found.setdefault(root.anchor, []).append(root)
    return found


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


def disposition_rows(paper: Any, user: Any = None) -> list[DispositionRow]:
    """The disposition table of ``paper`` (one query): every top-level comment; for a ``user``, those
    the user may see (``visible_to``: before publication, another hearing's audience sees nothing
    of this one's)."""
    comments = Comment.objects.filter(hearing__paper=paper, parent__isnull=True)
    if user is not None:
        comments = visible_to(comments, paper, user)
    comments = comments.select_related("hearing", "revision", "stakeholder_group", "addressed_in").order_by(
        "hearing__opens_at", "hearing_id", "paragraph_number", "created_at", "pk"
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
