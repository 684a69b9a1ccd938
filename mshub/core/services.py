"""Forum workflows: creating forums, adding members, changing roles; ``assign``, which the areas'
update services share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from mshub.core.models import Forum, Membership, Role
from mshub.core.models.events import record


class LastSecretariatError(ValueError):
    pass


def assign(instance: Any, fields: dict[str, Any], allowed: Iterable[str]) -> list[str]:
    """Set ``fields`` on ``instance`` (each must be one of ``allowed``: a caller's slip, never user
    input, so ``TypeError``) and return the names whose value changed, for the activity log."""
    allowed = set(allowed)
    changed = []
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(name)
        if getattr(instance, name) != value:
            changed.append(name)
        setattr(instance, name, value)
    return changed


@transaction.atomic
def create_forum(slug: str, *, name_ja: str = "", name_en: str = "", secretariat: Any = None, **fields: Any) -> Forum:
    """A new forum with its default vocabularies and, optionally, its first secretariat member."""
    forum = Forum(slug=slug, name_ja=name_ja, name_en=name_en, **fields)
    forum.full_clean()
    forum.save()
    if secretariat is not None:
        Membership.objects.create(forum=forum, user=secretariat, role=Role.SECRETARIAT)
    record(forum, secretariat, "forum.created", forum, summary=str(forum))
    return forum


@transaction.atomic
def add_member(forum: Forum, email: str, role: str, actor: Any = None, display_name: str = "") -> Membership:
    """Give ``email`` a role in ``forum``, creating an account without a usable password if needed.

    A new account holder sets a password through "forgot password".
    """
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first()
    if user is None:
        user = user_model.objects.create_user(email=email, password=None, display_name=display_name)
    membership, _created = Membership.objects.update_or_create(forum=forum, user=user, defaults={"role": role})
    record(forum, actor, "member.added", user, summary=str(role), role=role)
    return membership


@transaction.atomic
def change_role(membership: Membership, role: str | None, actor: Any = None) -> Membership | None:
    """Change a member's role, or remove them (``role=None``). A forum always keeps one secretariat member."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == Role.SECRETARIAT and role != Role.SECRETARIAT:
        others = Membership.objects.filter(forum=membership.forum, role=Role.SECRETARIAT).exclude(pk=membership.pk)
        if not others.exists():
            raise LastSecretariatError(_("The forum needs at least one secretariat member."))
    if role is None:
        record(membership.forum, actor, "member.removed", membership.user, role=membership.role)
        membership.delete()
        return None
    membership.role = role
    membership.save(update_fields=["role"])
    record(membership.forum, actor, "member.role_changed", membership.user, summary=str(role), role=role)
    return membership


@transaction.atomic
def delete_forum(forum: Forum) -> None:
    """Delete a forum and everything it owns.

    Records inside a forum protect each other (a presenter keeps its person, an organisation its
    stakeholder group), so each installed area deletes its own records, in the order the areas
    declare (``Area.delete_order``: meetings, then people); then the forum goes with its
    vocabularies, memberships and events.
    """
    from mshub.core.areas import forum_deleters

    for delete in forum_deleters():
        delete(forum)
    forum.delete()
