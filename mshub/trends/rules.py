"""The trends' permissions.

Trend items are the forum's internal working notes (what the secretariat follows, with its own
summaries), so its members read them and nobody else, even in a public forum; the secretariat
writes them, puts them under topics and manages the feeds they are polled from.
"""

from __future__ import annotations

from typing import Any

from mshub.core.permissions import is_member, is_secretariat

PERMISSIONS: dict[str, Any] = {
    "trends.view_trenditem": is_member,
    # Add, edit, delete and tag trend items (the topics registry's permission for the kind).
    "trends.change_trenditem": is_secretariat,
    # The feeds, their runs, "poll now" (mshub/trends/polling.py).
    "trends.manage_feeds": is_secretariat,
}
