"""Background work of the papers area."""

from __future__ import annotations

from celery import shared_task


@shared_task
def send_disposition_digest(paper_pk: int) -> int:
    """One mail per commenter of the paper listing their disposed, not yet notified comments."""
    from mshub.papers.mail import send_digest

    return send_digest(paper_pk)
