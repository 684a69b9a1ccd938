"""Where a record came from: the document and page behind each record an import made."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from mshub.archive.models import ArchiveDocument


@dataclass
class Provenance:
    key: str
    kind: str
    target: Any
    page: int | None

    @property
    def label(self) -> str:
        return str(self.target) if self.target is not None else "—"


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
