"""Background work of the briefings area."""

from __future__ import annotations

from celery import shared_task


@shared_task
def render_briefing_pdf(version_pk: int) -> None:
    from mshub.briefings.models import BriefingVersion
    from mshub.briefings.publishing import render_version_pdf

    version = BriefingVersion.objects.select_related("briefing").filter(pk=version_pk).first()
    if version is None or version.pdf:
        return  # gone, or rendered already
    render_version_pdf(version)
