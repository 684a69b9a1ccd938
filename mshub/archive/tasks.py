"""Parsing an uploaded batch in the background (a worker, or a task thread without a broker).

An upload that failed, or that was imported before, is not kept: its stored file is deleted and
only its name and reason stay on the batch page."""

from __future__ import annotations

from typing import Any

from celery import shared_task


@shared_task
def parse_batch(batch_pk: int) -> int:
    """Parse every queued file of the batch, one at a time, saving each result as it comes."""
    from mshub.archive.importer import read_document
    from mshub.archive.models import ArchiveDocument, ImportItem

    done = 0
    for item in ImportItem.objects.filter(batch_id=batch_pk, status=ImportItem.Status.QUEUED).select_related("batch"):
        with item.file.open("rb") as handle:
            data = handle.read()
        record, extracted = read_document(data, item.name, item.batch.genre or None)
        known = ArchiveDocument.objects.filter(forum_id=item.batch.forum_id, sha256=record["sha256"]).first()
        if known is not None:  # the same bytes were imported before: nothing to review
            item.record, item.document, item.status = record, known, ImportItem.Status.STORED
            item.save(update_fields=["record", "document", "status"])
            discard_upload(item)
            done += 1
            continue
        item.text = extracted.text[:500_000] if extracted else ""
        item.record = record
        item.error = "; ".join(record["errors"])
        item.status = ImportItem.Status.FAILED if record["errors"] else ImportItem.Status.PARSED
        item.save(update_fields=["text", "record", "error", "status"])
        if item.status == ImportItem.Status.FAILED:
            discard_upload(item)
        done += 1
    return done


def discard_upload(item: Any) -> None:
    """Delete the uploaded copy of an item that will not be reviewed (failed, stored, known)."""
    if item.file:
        item.file.storage.delete(item.file.name)
        type(item).objects.filter(pk=item.pk).update(file="")
        item.file = ""


def queue_batch(forum: Any, actor: Any, genre: str, uploads: list[Any]) -> Any:
    """A new batch of ``uploads``, parsed in the background once it is committed."""
    from functools import partial

    from django.db import transaction

    from mshub.archive.models import ImportBatch, ImportItem

    with transaction.atomic():
        batch = ImportBatch.objects.create(forum=forum, created_by_id=getattr(actor, "pk", None), genre=genre)
        for upload in uploads:
            ImportItem.objects.create(batch=batch, name=(upload.name or "file")[:255], file=upload)
        transaction.on_commit(partial(parse_batch.delay, batch.pk))
    return batch
