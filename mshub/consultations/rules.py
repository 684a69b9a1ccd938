"""The consultations' permissions.

A consultation is a public fact every forum shares: whoever may read a forum reads its consultation
pages, and the secretariat of any forum adds and edits them (the edit is recorded with that forum in
the consultation's history). A forum's response is its own: its members see it (who is in charge,
the decision, the proof) and the deadline radar, and each member may ask for the radar by mail once
a week (the weekly digest); its steering group and secretariat edit it.
"""

from __future__ import annotations

from typing import Any

from mshub.core.permissions import can_read_forum, is_member, is_secretariat, is_steering

PERMISSIONS: dict[str, Any] = {
    "consultations.view_consultation": can_read_forum,
    "consultations.add_consultation": is_secretariat,
    "consultations.change_consultation": is_secretariat,
    "consultations.view_revision_authors": is_steering,
    "consultations.view_response": is_member,
    "consultations.change_response": is_steering,
    "consultations.view_radar": is_member,
    "consultations.receive_digest": is_member,
}
