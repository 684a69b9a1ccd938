"""Helpers for the hearing tests: a hearing on the paper of ``paper_world`` between explicit times."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mshub.papers import paragraphs
from mshub.papers.models import Hearing
from mshub.papers.services.hearings import open_hearing
from mshub.papers.services.revisions import latest_revision

NOW = dt.datetime.now(dt.UTC)


def hearing_on(
    world: Any,
    *,
    audience: str = "members",
    opens: dt.timedelta = dt.timedelta(days=-1),
    closes: dt.timedelta = dt.timedelta(days=7),
) -> Hearing:
    now = dt.datetime.now(dt.UTC)
    return open_hearing(
        world.paper, opens_at=now + opens, closes_at=now + closes, audience=audience, note="", actor=world.chair
    )


def close(hearing: Hearing) -> Hearing:
    """Move the hearing's times into the past (as if the round had run)."""
    now = dt.datetime.now(dt.UTC)
    Hearing.objects.filter(pk=hearing.pk).update(
        opens_at=now - dt.timedelta(days=10), closes_at=now - dt.timedelta(seconds=1)
    )
    hearing.refresh_from_db()
    return hearing


def anchors(world: Any) -> list[Any]:
    """The numbered paragraphs (not headings) of the paper's latest revision."""
    return [p for p in paragraphs.numbered(latest_revision(world.paper).paragraphs) if not p.is_heading]
