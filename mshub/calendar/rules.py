"""The calendar's permissions.

The events are facts every forum shares: whoever may read a forum reads its calendar, and the
secretariat of any forum edits them (the edit is recorded with that forum in the event's history).
What a forum adds is its own: its members see who from the community attended, its steering group
and secretariat record that and where the forum reported back. The report-backs link the forum's
public records, so they are public too.
"""

from __future__ import annotations

from typing import Any

from mshub.core.permissions import can_read_forum, is_member, is_secretariat, is_steering

PERMISSIONS: dict[str, Any] = {
    "calendar.view_calendar": can_read_forum,
    "calendar.add_event": is_secretariat,
    "calendar.change_event": is_secretariat,
    # The installation's bodies and kinds of event (the vocabularies page, mshub/core/views/vocabularies.py)
    "calendar.change_vocabulary": is_secretariat,
    # Importing files and managing the installation's feed subscriptions (mshub/calendar/importing.py).
    "calendar.import_events": is_secretariat,
    # The history's editors by name: those of this forum, for its steering group and secretariat.
    "calendar.view_revision_authors": is_steering,
    "calendar.view_presence": is_member,
    "calendar.change_presence": is_steering,
    "calendar.view_reportback": can_read_forum,
    "calendar.change_reportback": is_steering,
}
