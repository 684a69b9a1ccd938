"""Core's permissions: reading a forum, its settings, members and activity log."""

from __future__ import annotations

from typing import Any

from mshub.core.permissions import can_read_forum, is_secretariat, is_steering

PERMISSIONS: dict[str, Any] = {
    # Forums
    "core.view_forum": can_read_forum,
    "core.change_forum": is_secretariat,
    "core.view_members": is_steering,
    "core.manage_members": is_secretariat,
    "core.view_events": is_secretariat,
    # The vocabularies page (each vocabulary also needs its own permission: ``Area.vocabularies``)
    "core.view_vocabularies": is_secretariat,
}
