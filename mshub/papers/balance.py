"""The balance of a hearing: comments and commenters per stakeholder group (docs/papers.md, "Balance").

Every stakeholder group of the forum's vocabulary is listed, in the vocabulary's order, with zeros
where nobody commented (retired groups only when someone of them commented), and a last row for the
comments without a group. ``absent`` is the groups in use with no comment: while the hearing is
open the page warns about them, so the chair can reach out before it closes. Replies count as
comments; a commenter is a distinct account (comments whose account was erased count as comments,
not as commenters). One aggregate query, plus the vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count

from mshub.papers.models import Comment, Hearing


@dataclass(frozen=True)
class BalanceRow:
    group: Any  # a people.StakeholderGroup, or None for the comments without one
    comments: int
    commenters: int


@dataclass
class Balance:
    rows: list[BalanceRow] = field(default_factory=list)
    absent: list[Any] = field(default_factory=list)
    comments: int = 0


def balance_of(hearing: Hearing) -> Balance:
    from mshub.people.models import StakeholderGroup

    counts = {
        row["stakeholder_group"]: row
        for row in Comment.objects.filter(hearing=hearing)
        .values("stakeholder_group")
        .annotate(comments=Count("pk"), commenters=Count("author", distinct=True))
        .order_by()
    }
    result = Balance()
    for group in StakeholderGroup.objects.filter(forum_id=hearing.forum_id).order_by("order", "code"):
        row = counts.get(group.pk)
        if row is None and not group.active:
            continue
        result.rows.append(BalanceRow(group, row["comments"] if row else 0, row["commenters"] if row else 0))
        if row is None:
            result.absent.append(group)
    if None in counts:
        result.rows.append(BalanceRow(None, counts[None]["comments"], counts[None]["commenters"]))
    result.comments = sum(r.comments for r in result.rows)
    return result
