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


PERMISSIONS: dict[str, Any] = {}
"""Every permission of every installed area (filled by :func:`register_area_rules` at start-up)."""


def register_area_rules() -> None:
    """Collect each installed area's ``rules.PERMISSIONS`` (``INSTALLED_APPS`` order) into the registry."""
    from importlib import import_module

    from mshub.core.areas import installed_areas

    PERMISSIONS.clear()
    for area in installed_areas():
        if area.rules:
            for name, predicate in import_module(area.rules).PERMISSIONS.items():
                if name in PERMISSIONS:
                    raise ValueError(f"permission {name!r} is declared twice")
                PERMISSIONS[name] = predicate
    for name, predicate in PERMISSIONS.items():
        rules.set_perm(name, predicate)
