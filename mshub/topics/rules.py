"""Topics' permissions: everyone who may read the forum reads its topics; the secretariat edits them;
the steering group (and the secretariat) reads the topic trends.

Tagging a record takes ``topics.tag_records`` on the forum (the steering group and the secretariat)
and, on the record, the permission its kind registered (``registry.py``: the one that lets a user
edit it: a meeting's is the steering group's, an international event's the secretariat's)."""

from __future__ import annotations

from typing import Any

from mshub.core.permissions import can_read_forum, is_secretariat, is_steering

PERMISSIONS: dict[str, Any] = {
    "topics.view_topic": can_read_forum,
    "topics.add_topic": is_secretariat,
    "topics.change_topic": is_secretariat,
    "topics.delete_topic": is_secretariat,
    "topics.view_trends": is_steering,
    "topics.tag_records": is_steering,
}
