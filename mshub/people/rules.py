"""The stakeholder registry's permissions.

Organisations and vocabularies are public records of the forum; persons are seen by members;
contact data by the secretariat and the person themself.
"""

from __future__ import annotations

from typing import Any

from mshub.core.permissions import can_read_forum, is_member, is_secretariat, is_steering, is_the_person

PERMISSIONS: dict[str, Any] = {
    "people.view_organization": can_read_forum,
    "people.add_organization": is_steering,
    "people.change_organization": is_steering,
    "people.view_stakeholdergroup": can_read_forum,
    "people.change_vocabulary": is_secretariat,
    "people.view_person": is_member,
    "people.add_person": is_steering,
    "people.change_person": is_steering,
    "people.view_person_contact": is_secretariat | is_the_person,
    # Editing a record (steering) changes its public fields; email, gender and consent only for
    # the secretariat or the person themself, the secretariat's notes only for the secretariat.
    "people.change_person_contact": is_secretariat | is_the_person,
    "people.change_person_notes": is_secretariat,
    "people.merge_person": is_secretariat,
    "people.export_person": is_secretariat | is_the_person,
    "people.erase_person": is_secretariat,
    "people.add_affiliation": is_steering,
    "people.change_affiliation": is_steering,
}
