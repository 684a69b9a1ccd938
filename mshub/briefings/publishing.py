"""Publishing a briefing freezes a version; its PDF is rendered in the background; a published version
can be attached to a meeting's agenda item as one of its materials."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction

from mshub.briefings.builder import BriefingError
from mshub.briefings.content import briefing_content
from mshub.briefings.models import Briefing, BriefingState, BriefingVersion, briefing_pdf_path
from mshub.briefings.render import render_html, render_markdown
from mshub.core.models.events import record
from mshub.core.pagecache import forum_changed

PDF_QUEUE_SECONDS = 600


@transaction.atomic
def publish(briefing: Briefing, actor: Any = None, message: str = "") -> BriefingVersion:
    """Freeze the briefing as it stands as its next version, and queue the version's PDF."""
    briefing = Briefing.objects.select_for_update().select_related("forum").get(pk=briefing.pk)
    content = briefing_content(briefing)
    if not content["sections"] and not content["consultations"] and not content["events"]:
        raise BriefingError("The briefing is empty: nothing to publish.")
    number = (briefing.versions.aggregate(n=models.Max("number"))["n"] or 0) + 1
    version = BriefingVersion.objects.create(
        briefing=briefing,
        number=number,
        author=actor if getattr(actor, "is_authenticated", False) else None,
        message=message[:300],
        content=content,
        html=render_html(content),
        markdown=render_markdown(content),
    )
    if briefing.state != BriefingState.PUBLISHED:
        briefing.state = BriefingState.PUBLISHED
        briefing.save(update_fields=["state", "updated_at"])
    record(briefing.forum, actor, "briefing.published", briefing, summary=f"v{number}", note=message[:300])
    transaction.on_commit(partial(queue_pdf, version))
    return version


def queue_pdf(version: BriefingVersion) -> bool:
    """Queue the version's PDF unless it exists or is queued (for ten minutes, as the reports' PDFs)."""
    from mshub.briefings.tasks import render_briefing_pdf

    if version.pdf or not cache.add(f"mshub-briefing-pdf-queued:{version.pk}", True, PDF_QUEUE_SECONDS):
        return False
    render_briefing_pdf.delay(version.pk)
    return True


def render_version_pdf(version: BriefingVersion) -> None:
    """Render and attach the version's PDF (the background task's work; the only field set after publishing)."""
    from mshub.meetings.reports.pdf import render_pdf

    pdf = render_pdf(version.html)
    stored = version.pdf.storage.save(briefing_pdf_path(version, "briefing.pdf"), ContentFile(pdf))
    BriefingVersion.objects.filter(pk=version.pk).update(pdf=stored)
    version.pdf.name = stored
    forum_changed(version.briefing.forum_id)


def file_stem(version: BriefingVersion) -> str:
    briefing = version.briefing
    return f"briefing-{briefing.period_start:%Y%m%d}-{briefing.period_end:%Y%m%d}-v{version.number}"


@transaction.atomic
def attach_to_agenda_item(version: BriefingVersion, item: Any, mode: str = "pdf", actor: Any = None) -> Any:
    """The version as a material of ``item`` (an agenda item of a meeting of the same forum): its PDF
    (once rendered) or a link to its slides. Returns the material."""
    from mshub.meetings.services.minutes import add_material

    briefing = version.briefing
    if item.meeting.forum_id != briefing.forum_id:
        raise BriefingError("The agenda item belongs to another forum.")
    title_ja = (briefing.title_ja or briefing.title_en or "ブリーフィング")[:280] + f" (v{version.number})"
    title_en = (briefing.title_en or briefing.title_ja or "Briefing")[:280] + f" (v{version.number})"
    if mode == "pdf":
        if not version.pdf:
            raise BriefingError("The PDF is still being prepared; try again in a moment.")
        with version.pdf.open("rb") as stored:
            upload = SimpleUploadedFile(f"{file_stem(version)}.pdf", stored.read(), content_type="application/pdf")
        material = add_material(
            item.meeting, item=item, upload=upload, actor=actor, title_ja=title_ja, title_en=title_en
        )
    elif mode == "link":
        url = settings.SITE_URL + version.urls.version_slides
        material = add_material(item.meeting, item=item, url=url, actor=actor, title_ja=title_ja, title_en=title_en)
    else:
        raise BriefingError("Attach the PDF or a link.")
    if briefing.agenda_item_id != item.pk:
        Briefing.objects.filter(pk=briefing.pk).update(agenda_item=item, meeting=item.meeting)
    record(briefing.forum, actor, "briefing.attached", briefing, summary=f"v{version.number} → {mode}")
    return material
