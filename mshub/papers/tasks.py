"""Background work of the papers area."""

from __future__ import annotations

from celery import shared_task


@shared_task
def send_disposition_digest(paper_pk: int) -> int:
    """One mail per commenter of the paper listing their disposed, not yet notified comments."""
    from mshub.papers.mail import send_digest

    return send_digest(paper_pk)


@shared_task
def render_paper_pdf(paper_pk: int) -> None:
    from mshub.papers.models import Paper
    from mshub.papers.publication import render_paper_pdf as render

    paper = Paper.objects.select_related("forum", "group", "published_revision").filter(pk=paper_pk).first()
    if paper is None or paper.pdf or paper.published_revision_id is None:
        return  # gone, rendered already, or not published
    render(paper)
