"""Publishing an import: the meetings a batch made become public at once (they stay unpublished,
seen by members only, from the moment they are stored until then)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from mshub.archive.models import ImportBatch, ImportItem
from mshub.core.models.events import record as log
from mshub.core.pagecache import forum_changed
from mshub.meetings.models import Meeting


def unpublished_meetings(batch: ImportBatch) -> QuerySet[Meeting]:
    """The meetings stored from ``batch`` that are not published yet."""
    documents = batch.items.filter(status=ImportItem.Status.STORED, document__isnull=False).values("document_id")
    return Meeting.objects.filter(
        forum=batch.forum, archive_documents__in=documents, awaiting_publication=True
    ).distinct()


@transaction.atomic
def publish_batch(batch: ImportBatch, actor: Any = None) -> int:
    """Publish every meeting ``batch`` made, in one transaction, and log it. Returns how many."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    pks = list(unpublished_meetings(batch).values_list("pk", flat=True))
    Meeting.objects.filter(pk__in=pks).update(awaiting_publication=False)
    forum_changed(batch.forum_id)
    log(batch.forum, actor, "archive.published", batch, summary=str(batch), meetings=len(pks))
    return len(pks)
