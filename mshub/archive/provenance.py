"""Where a record came from: the document and page behind each record an import made; and, for the
pages of the installation's shared records (events, consultations), the forum's documents behind one
(``record_sources``, declared in ``area.py``: those areas do not import the archive)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext as _

from mshub.archive.models import ArchiveDocument, SourceLink
from mshub.core.areas import RecordSource


@dataclass
class Provenance:
    key: str
    kind: str
    target: Any
    page: int | None

    @property
    def label(self) -> str:
        return str(self.target) if self.target is not None else "—"

    @property
    def url(self) -> str:
        """The page of a shared record (an event, a consultation) under the document's forum; "" for
        others (the meeting is linked from the document's facts)."""
        declared = getattr(type(self.target), "urls", None)
        if not getattr(self.target, "shown_in_every_forum", False) or not declared or not declared.names:
            return ""
        return str(getattr(self.target.urls, declared.names[0]))


def provenance(document: ArchiveDocument) -> list[Provenance]:
    """Every record made from ``document`` (latest link per record), in the order they were made.

    One query for the links and one per kind of record, however many records there are.
    """
    links = list(document.links.select_related("target_type").order_by("pk"))
    wanted: dict[ContentType, set[str]] = defaultdict(set)
    for link in links:
        wanted[link.target_type].add(link.target_id)
    targets: dict[tuple[int, str], models.Model] = {}
    for ct, ids in wanted.items():
        model = ct.model_class()
        if model is None:
            continue
        for obj in model._default_manager.filter(pk__in=ids):
            if getattr(obj, "shown_in_every_forum", False):
                obj.forum_slug = document.forum.slug  # type: ignore[attr-defined]  # read through its forum
            targets[(ct.pk, str(obj.pk))] = obj
    return [
        Provenance(
            key=link.key,
            kind=_kind(link.target_type),
            target=targets.get((link.target_type_id, link.target_id)),
            page=link.page,
        )
        for link in links
    ]


def _kind(ct: ContentType) -> str:
    model = ct.model_class()
    return str(model._meta.verbose_name) if model is not None else ct.model


def record_sources(forum: Any, user: Any, obj: Any) -> list[RecordSource]:
    """The area contract's ``record_sources``: this forum's documents that ``obj`` came from, for a
    reader who may see the archive (the secretariat); one query. Another forum's documents, and a
    forum's private archive to anyone else, are never named."""
    if not isinstance(obj, models.Model) or obj.pk is None or not user.has_perm("archive.import_documents", forum):
        return []
    links = (
        SourceLink.objects.filter(
            document__forum=forum, target_type=ContentType.objects.get_for_model(obj), target_id=str(obj.pk)
        )
        .select_related("document__forum")
        .order_by("document__imported_at", "pk")
    )
    lines, seen = [], set()
    for link in links:
        if link.document_id in seen:
            continue
        seen.add(link.document_id)
        document = link.document
        if link.page:
            label = _("From the archive: %(name)s, p. %(page)s") % {"name": document.name, "page": link.page}
        else:
            label = _("From the archive: %(name)s") % {"name": document.name}
        url = document.urls.document + (f"#page-{link.page}" if link.page else "")
        lines.append(RecordSource(label, url))
    return lines
