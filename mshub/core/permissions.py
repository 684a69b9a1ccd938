"""Every permission in mshub, in one registry.

A permission is checked against an object (a forum, or anything with a
``forum``) and the user's role in that forum. Views and API endpoints name the
permission they need; ``tests/core/test_url_permissions.py`` walks every URL for
every role, so a view without a rule fails the suite.

Roles, most rights first: secretariat > steering > wg_chair > member > public.
"""

from __future__ import annotations

from typing import Any

import rules

from mshub.core.models.forums import PUBLIC_RANK, ROLE_RANK, Forum, Role


def forum_of(obj: Any) -> Forum | None:
    if obj is None:
        return None
    if isinstance(obj, Forum):
        return obj
    return getattr(obj, "forum", None)


def role_rank(user: Any, forum: Forum | None) -> int:
    """The user's rank in ``forum`` (0 for the public), cached on the user object."""
    if forum is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return PUBLIC_RANK
    cache: dict[int, int] | None = getattr(user, "_mshub_ranks", None)
    if cache is None:
        from mshub.core.models import Membership

        cache = {
            forum_id: ROLE_RANK[Role(role)]
            for forum_id, role in Membership.objects.filter(user=user).values_list("forum_id", "role")
        }
        user._mshub_ranks = cache
    return cache.get(forum.pk, PUBLIC_RANK)


def _at_least(role: Role) -> Any:
    needed = ROLE_RANK[role]

    @rules.predicate(name=f"at_least_{role.value}")
    def predicate(user: Any, obj: Any) -> bool:
        return role_rank(user, forum_of(obj)) >= needed

    return predicate


is_secretariat = _at_least(Role.SECRETARIAT)
is_steering = _at_least(Role.STEERING)
is_wg_chair = _at_least(Role.WG_CHAIR)
is_member = _at_least(Role.MEMBER)


@rules.predicate
def forum_is_public(user: Any, obj: Any) -> bool:
    forum = forum_of(obj)
    return forum is not None and forum.is_public


@rules.predicate
def is_the_person(user: Any, obj: Any) -> bool:
    """The signed-in user is the person record ``obj``."""
    return bool(getattr(user, "is_authenticated", False) and getattr(obj, "user_id", None) == user.pk)


can_read_forum = forum_is_public | is_member


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
    return getattr(meeting, "status", None) == "report_published"


PERMISSIONS: dict[str, Any] = {
    # Forums
    "core.view_forum": can_read_forum,
    "core.change_forum": is_secretariat,
    "core.view_members": is_steering,
    "core.manage_members": is_secretariat,
    "core.view_events": is_secretariat,
    # Stakeholder registry: organisations and vocabularies are public records of
    # the forum; persons are seen by members; contact data by the secretariat
    # and the person themself.
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
    # Meetings: announced meetings and published reports are public (in a public series: a series
    # may be for members or the steering group only); planning is the steering group's;
    # registrants' contact data and publishing belong to the secretariat.
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
    # The archive: importing old documents is the secretariat's work.
    "archive.import_documents": is_secretariat,
    "meetings.view_survey_results": is_steering,
}

for _name, _predicate in PERMISSIONS.items():
    rules.set_perm(_name, _predicate)
