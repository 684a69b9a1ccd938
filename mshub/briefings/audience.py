"""Which briefings a reader sees in a forum (the list page and the API share it)."""

from __future__ import annotations

from typing import Any

from mshub.briefings.models import Audience, BriefingQuerySet
from mshub.core.permissions import is_member, is_secretariat, is_steering


def visible_to(briefings: BriefingQuerySet, user: Any, forum: Any, *, drafts: bool = True) -> BriefingQuerySet:
    """The secretariat sees every briefing (``drafts``); others the published ones meant for them."""
    if drafts and is_secretariat(user, forum):
        return briefings
    audiences: list[str] = [Audience.PUBLIC]
    if is_member(user, forum):
        audiences.append(Audience.MEMBERS)
    if is_steering(user, forum):
        audiences.append(Audience.STEERING)
    return briefings.published().for_audiences(audiences)
