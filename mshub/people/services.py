"""Workflows on the registry that change several rows at once. Each is atomic."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core import serializers
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mshub.core.models.events import record
from mshub.core.pagecache import forum_changed
from mshub.people.erasure import ErasureError, erase_person
from mshub.people.models import Person

# Fields copied from the duplicate when the kept record has them empty.
_FILLABLE = [
    "family_name_ja",
    "given_name_ja",
    "family_name_kana",
    "given_name_kana",
    "family_name_latin",
    "given_name_latin",
    "email",
    "pronouns",
    "gender_id",
    "user_id",
]


__all__ = ["ErasureError", "MergeError", "erase_person", "export_person", "merge_persons"]


class MergeError(ValueError):
    pass


def _links_to_person() -> list[models.ForeignKey[Any, Any]]:
    """Every foreign key in the project that points at Person (including M2M tables)."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if isinstance(field, models.ForeignKey) and field.related_model is Person:
                found.append(field)
    return found


def _move_links(field: models.ForeignKey[Any, Any], source: Person, target: Person) -> list[str]:
    """Point ``field`` rows at ``target``; rows that would duplicate one it already has are dropped."""
    manager = field.model._base_manager
    rows = manager.filter(**{field.name: source})
    try:
        with transaction.atomic():
            rows.update(**{field.name: target})
            return []
    except IntegrityError:
        pass
    dropped = []
    for row in list(rows):
        try:
            with transaction.atomic():
                manager.filter(pk=row.pk).update(**{field.name: target})
        except IntegrityError:
            dropped.append(f"{field.model._meta.label}#{row.pk}")
            row.delete()
    return dropped


@transaction.atomic
def merge_persons(keep: Person, duplicate: Person, actor: Any = None) -> Person:
    """Fold ``duplicate`` into ``keep``: every link moves, empty fields are filled, nothing is lost.

    Runs in one transaction: either the whole merge happens or none of it.
    """
    if keep.pk == duplicate.pk:
        raise MergeError(_("A person cannot be merged with themself."))
    if keep.forum_id != duplicate.forum_id:
        raise MergeError(_("Only people in the same forum can be merged."))
    keep = Person.objects.select_for_update().get(pk=keep.pk)
    duplicate = Person.objects.select_for_update().get(pk=duplicate.pk)
    snapshot = serializers.serialize("python", [duplicate])[0]["fields"]

    updates: dict[str, Any] = {}
    for name in _FILLABLE:
        if not getattr(keep, name) and getattr(duplicate, name):
            updates[name] = getattr(duplicate, name)
    if duplicate.consent_updated_at and (
        keep.consent_updated_at is None or duplicate.consent_updated_at > keep.consent_updated_at
    ):
        updates.update(
            consent_listing=duplicate.consent_listing,
            consent_contact=duplicate.consent_contact,
            consent_updated_at=duplicate.consent_updated_at,
        )
    if duplicate.notes:
        updates["notes"] = "\n\n".join(part for part in (keep.notes, duplicate.notes) if part)
    # Free the duplicate's unique values before the kept record takes them.
    Person.objects.filter(pk=duplicate.pk).update(email="", user=None)
    forum_changed(keep.forum_id)

    dropped: list[str] = []
    for field in _links_to_person():
        dropped += _move_links(field, duplicate, keep)
    _drop_repeated_affiliations(keep)

    for name, value in updates.items():
        setattr(keep, name, value)
    keep.save()
    record(
        keep.forum,
        actor,
        "person.merged",
        keep,
        summary=f"#{duplicate.pk} → #{keep.pk}",
        duplicate_id=duplicate.pk,
        duplicate=snapshot,
        dropped_links=dropped,
    )
    duplicate.delete()
    return keep


def _drop_repeated_affiliations(person: Person) -> None:
    seen: set[tuple[Any, ...]] = set()
    for aff in person.affiliations.order_by("pk"):
        key = (
            aff.organization_id,
            aff.start,
            aff.end,
            aff.department_ja,
            aff.department_en,
            aff.title_ja,
            aff.title_en,
        )
        if key in seen:
            aff.delete()
        seen.add(key)


def export_person(person: Person) -> dict[str, Any]:
    """Everything the forum holds about one person, for a subject-access request."""
    data: dict[str, Any] = {
        "person": serializers.serialize("python", [person])[0],
        "exported_at": timezone.now().isoformat(),
        "linked": {},
    }
    for field in _links_to_person():
        rows = field.model._base_manager.filter(**{field.name: person})
        if rows.exists():
            data["linked"][field.model._meta.label] = serializers.serialize("python", rows)
    return data
