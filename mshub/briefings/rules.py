"""Briefings' permissions: the secretariat builds; a published version is read by its audience."""

from __future__ import annotations

from typing import Any

import rules

from mshub.core.permissions import can_read_forum, is_member, is_secretariat, is_steering


@rules.predicate
def is_published(user: Any, obj: Any) -> bool:
    return bool(getattr(obj, "is_published", False))


def _for(audience: str) -> Any:
    @rules.predicate(name=f"briefing_for_{audience}")
    def predicate(user: Any, obj: Any) -> bool:
        return getattr(obj, "audience", None) == audience

    return predicate


can_read_briefing = is_secretariat | (
    is_published
    & ((_for("steering") & is_steering) | (_for("members") & is_member) | (_for("public") & can_read_forum))
)

PERMISSIONS: dict[str, Any] = {
    # the list (each reader sees the published briefings meant for them; the secretariat every draft)
    "briefings.view_briefings": can_read_forum,
    "briefings.view_briefing": can_read_briefing,
    "briefings.build_briefing": is_secretariat,
}
