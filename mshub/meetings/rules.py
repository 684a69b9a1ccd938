"""The meetings' permissions.

Announced meetings and published reports are public (in a public series: a series may be for
members or the steering group only); planning is the steering group's; registrants' contact data
and publishing belong to the secretariat.
"""

from __future__ import annotations

from typing import Any

import rules

from mshub.core.models.forums import PUBLIC_RANK
from mshub.core.permissions import can_read_forum, forum_of, is_member, is_secretariat, is_steering, role_rank


@rules.predicate
def meeting_is_public(user: Any, obj: Any) -> bool:
    """Planned meetings are the steering group's business until announced."""
    meeting = getattr(obj, "meeting", obj)
    return bool(getattr(meeting, "is_public", True))


@rules.predicate
def series_allows(user: Any, obj: Any) -> bool:
    """The series' visibility (public, members, steering group) admits the reader; ``obj`` is a series,
    a meeting, or anything with a ``meeting``."""
    meeting = getattr(obj, "meeting", obj)
    series = getattr(meeting, "series", meeting)
    needed = getattr(series, "visible_from_rank", PUBLIC_RANK)
    return needed == PUBLIC_RANK or role_rank(user, forum_of(series)) >= needed


# Who may see a meeting: in a series the reader may see, anyone who may read the forum once it is
# announced; members while it is planned. Its registration pages (register, cancel, survey) follow
# the same rule.
can_view_meeting = series_allows & ((can_read_forum & meeting_is_public) | is_member)


@rules.predicate
def report_is_published(user: Any, obj: Any) -> bool:
    meeting = getattr(obj, "meeting", obj)
    return bool(getattr(meeting, "report_published", False))  # Meeting.report_published; False for a forum


PERMISSIONS: dict[str, Any] = {
    "meetings.view_series": can_read_forum & series_allows,
    "meetings.change_series": is_secretariat,
    "meetings.view_meeting": can_view_meeting,
    "meetings.view_planned_meetings": is_member,
    "meetings.add_meeting": is_steering,
    "meetings.change_meeting": is_steering,
    "meetings.register": can_view_meeting,
    "meetings.view_registrations": is_steering,
    "meetings.view_registrant_contact": is_secretariat,
    "meetings.manage_registrations": is_secretariat,
    "meetings.check_in": is_steering,
    "meetings.edit_minutes": is_steering,
    "meetings.view_report": series_allows & ((can_read_forum & report_is_published) | is_steering),
    "meetings.publish_report": is_secretariat,
    "meetings.view_statistics": is_member,
    # The forum-wide list of action items: members, who see those of published reports only (the
    # steering group sees all), each from a series the reader may see (the view filters).
    "meetings.view_action_items": is_member,
    "meetings.propose_topic": is_member & series_allows,
    "meetings.review_proposals": is_steering,
    "meetings.view_survey_results": is_steering,
}
