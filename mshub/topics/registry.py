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

What pages need besides (all optional, keyword-only):

- ``forum_path``: the ORM path from the model to the forum that owns a record (``"forum"``, the
  default; ``"meeting__forum"`` for an agenda item); ``None`` for a record every forum shares (an
  international event, a consultation), read through any forum (``core.pages.read_through``) and
  tagged by each forum for itself;
- ``rule_path``: the attribute path from a record to the object the area's rules expect
  (``"meeting"`` for an agenda item: the meetings' rules read a meeting); empty for the record
  itself. A shared record's rules are checked on the forum;
- ``view_permission``: the rule that lets a reader see the record (checked per record, in memory):
  a topic page, the API and the chips show only what the reader may see;
- ``related``: what ``select_related`` its label and address need (``("forum", "series")``);
- ``url``: the record's page as a function of the record (default ``get_absolute_url()``).
"""

from __future__ import annotations

from collections.abc import Callable
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
    forum_path: str | None = "forum"  # None: shared by every forum (read through one)
    rule_path: str = ""  # record → what the rules read ("meeting"); "" the record itself
    view_permission: str | None = None  # who sees the record (None: whoever reads the forum)
    related: tuple[str, ...] = ()  # select_related for str() and the URL
    url: Callable[[Any], str] | None = None  # the record's page (default get_absolute_url)
    text: Callable[[Any], str] | None = None  # the words suggestions read (default its str())

    @property
    def shared(self) -> bool:
        return self.forum_path is None

    def records(self, forum: Any) -> models.QuerySet[Any]:
        """The kind's records as read through ``forum`` (its own, or every shared one), with what
        their labels and addresses need, each annotated with ``topic_day`` (its ``date_path``)."""
        from mshub.core.pages import read_through

        queryset = self.model._default_manager.all()
        if self.forum_path is None:
            queryset = read_through(queryset, forum)
        else:
            queryset = queryset.filter(**{self.forum_path: forum})
        if self.related:
            queryset = queryset.select_related(*self.related)
        return queryset.annotate(topic_day=models.F(self.date_path))

    def rule_object(self, forum: Any, obj: Any) -> Any:
        """What the area's rules are checked on for ``obj``: the forum for a shared record."""
        if self.forum_path is None:
            return forum
        for name in filter(None, self.rule_path.split(".")):
            obj = getattr(obj, name)
        return obj

    def may_tag(self, user: Any, forum: Any, obj: Any) -> bool:
        return bool(user.has_perm(self.permission, self.rule_object(forum, obj)))

    def may_view(self, user: Any, forum: Any, obj: Any) -> bool:
        if self.view_permission is None:
            return True
        return bool(user.has_perm(self.view_permission, self.rule_object(forum, obj)))

    def text_of(self, obj: Any) -> str:
        """What topic suggestions read for ``obj`` (suggestions.py)."""
        return str(self.text(obj)) if self.text is not None else str(obj)

    def url_of(self, obj: Any) -> str:
        if self.url is not None:
            return str(self.url(obj))
        return str(obj.get_absolute_url()) if hasattr(obj, "get_absolute_url") else ""


_REGISTRY: dict[str, Taggable] = {}


def _drop_tags(sender: type[models.Model], instance: models.Model, **_kwargs: Any) -> None:
    from django.contrib.contenttypes.models import ContentType

    from mshub.topics.models import TopicTag

    content_type = ContentType.objects.get_for_model(sender)  # as services.tag writes it
    TopicTag.objects.filter(content_type=content_type, object_id=str(instance.pk)).delete()


def register(
    model: str | type[models.Model],
    *,
    kind: str,
    label: Any,
    date_path: str,
    permission: str,
    order: int = 0,
    **options: Any,
) -> Taggable:
    """Make ``model`` taggable (idempotent for the same model and kind; a kind names one model).
    ``options``: ``forum_path``, ``rule_path``, ``view_permission``, ``related``, ``url`` (above)."""
    if isinstance(model, str):
        model = apps.get_model(model)
    existing = _REGISTRY.get(kind)
    if existing is not None and existing.model is not model:
        raise ValueError(f"topic kind {kind!r} is already {existing.model._meta.label}")
    entry = Taggable(model, kind, label, date_path, permission, order, **options)
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
