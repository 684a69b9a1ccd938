"""Topics' permissions: everyone who may read the forum reads its topics; the secretariat edits them;
the steering group (and the secretariat) reads the topic trends."""

from __future__ import annotations

from typing import Any

from mshub.core.permissions import can_read_forum, is_secretariat, is_steering

PERMISSIONS: dict[str, Any] = {
    "topics.view_topic": can_read_forum,
    "topics.add_topic": is_secretariat,
    "topics.change_topic": is_secretariat,
    "topics.delete_topic": is_secretariat,
    "topics.view_trends": is_steering,
}
