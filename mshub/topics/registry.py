"""Which kinds of record can be put under topics, how each is dated, and who may tag it.

Topics sit low in the layers and never import the areas above them: an area registers its taggable
models from its ``AppConfig.ready()``::

    from mshub.topics.registry import register

    register(
        "meetings.Meeting",
        kind="meeting",
        label=_("Meetings"),
        date_path="date",
        permission="meetings.change_meeting",
    )

``kind`` names the kind in URLs, charts and CSV columns; ``label`` is its plural for people;
``date_path`` is the ORM path from the model to the date (or aware datetime) a record counts under
in a topic's history (``"meeting__date"`` for an agenda item), so that pages and charts date many
records in one query; ``permission`` is the rule that lets a user put the record under topics (the
one that lets them edit it), checked with the record's forum as the rules of that area expect.

Registering also removes a record's tags when the record is deleted (``post_delete``), so that no
count includes a record that is gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.signals import post_delete


@dataclass(frozen=True)
class Taggable:
    model: type[models.Model]
    kind: str
    label: Any  # a lazy translation: the kind's plural ("Meetings")
    date_path: str
    permission: str
    order: int = 0  # place among the kinds in charts and tables


_REGISTRY: dict[str, Taggable] = {}


def _drop_tags(sender: type[models.Model], instance: models.Model, **_kwargs: Any) -> None:
    from django.contrib.contenttypes.models import ContentType

    from mshub.topics.models import TopicTag

    content_type = ContentType.objects.get_for_model(sender, for_concrete_model=False)
    TopicTag.objects.filter(content_type=content_type, object_id=str(instance.pk)).delete()


def register(
    model: str | type[models.Model], *, kind: str, label: Any, date_path: str, permission: str, order: int = 0
) -> Taggable:
    """Make ``model`` taggable (idempotent for the same model and kind; a kind names one model)."""
    if isinstance(model, str):
        model = apps.get_model(model)
    existing = _REGISTRY.get(kind)
    if existing is not None and existing.model is not model:
        raise ValueError(f"topic kind {kind!r} is already {existing.model._meta.label}")
    entry = Taggable(model, kind, label, date_path, permission, order)
    _REGISTRY[kind] = entry
    post_delete.connect(_drop_tags, sender=model, dispatch_uid=f"topics-drop-tags-{model._meta.label_lower}")
    return entry


def taggables() -> list[Taggable]:
    """Every registered kind, in their order."""
    return sorted(_REGISTRY.values(), key=lambda t: (t.order, t.kind))


def by_kind(kind: str) -> Taggable | None:
    return _REGISTRY.get(kind)


def for_model(model: type[models.Model] | models.Model) -> Taggable | None:
    cls = model if isinstance(model, type) else type(model)
    for entry in _REGISTRY.values():
        if entry.model is cls:
            return entry
    return None
