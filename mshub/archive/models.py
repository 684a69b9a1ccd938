"""Imported documents and the provenance of every record made from them."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from mshub.archive.genres import Genre
from mshub.core.files import private_name
from mshub.core.pages import Page, PageURLs

GENRE_LABELS = dict(Genre.choices)


def genre_label(genre: str | None) -> str:
    return str(GENRE_LABELS.get(genre or "", genre or "—"))


def document_path(instance: ArchiveDocument, filename: str) -> str:
    """An unguessable name; the original one is the document's ``name`` (see mshub/core/files.py)."""
    return private_name(f"archive/{instance.forum_id}", filename)


def upload_path(instance: ImportItem, filename: str) -> str:
    return private_name("archive/uploads", filename)


class ArchiveDocument(models.Model):
    """One imported file: its bytes' hash, what was parsed, and when."""

    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="archive_documents")
    sha256 = models.CharField(max_length=64)
    name = models.CharField(_("file name"), max_length=255)
    file = models.FileField(_("original file"), upload_to=document_path, max_length=300, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    kind = models.CharField(_("format"), max_length=10, blank=True, help_text="pdf, html, docx or text")
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    text = models.TextField(_("extracted text"), blank=True, help_text=_("Pages are separated by form feeds."))
    genre = models.CharField(_("genre"), max_length=20)
    confidence = models.FloatField(null=True, blank=True)
    parsed = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="archive_documents"
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-imported_at"]
        constraints = [models.UniqueConstraint(fields=["forum", "sha256"], name="archive_document_once_per_forum")]

    def __str__(self) -> str:
        return self.name

    @property
    def genre_label(self) -> str:
        return genre_label(self.genre)

    def get_absolute_url(self) -> str:
        return self.urls.document

    urls = PageURLs(
        "archive", lambda d: {"forum": d.forum.slug, "pk": d.pk}, "document", "document-file", "document-remove"
    )

    def page_texts(self) -> list[str]:
        return self.text.split("\f") if self.text else []


class SourceLink(models.Model):
    """Record X came from document D (page P); ``imported`` holds the values as imported, so that a
    re-import can tell a manual correction (keep it) from an untouched value (update it)."""

    document = models.ForeignKey(ArchiveDocument, on_delete=models.CASCADE, related_name="links")
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    target_id = models.CharField(max_length=40)
    target = GenericForeignKey("target_type", "target_id")
    key = models.CharField(max_length=100, blank=True, help_text="e.g. the agenda number “2.1”")
    page = models.PositiveIntegerField(null=True, blank=True)
    imported = models.JSONField(default=dict, encoder=DjangoJSONEncoder)

    class Meta:
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.document} → {self.target_type.model} #{self.target_id}"


class ImportBatch(models.Model):
    """Files uploaded together; a background task parses them one by one."""

    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="import_batches")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    genre = models.CharField(_("genre"), max_length=20, blank=True, help_text=_("Empty: detect for each file."))

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M}"

    urls = PageURLs("archive", lambda b: {"forum": b.forum.slug, "pk": b.pk}, "batch", "batch-publish")


class ImportItem(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        PARSED = "parsed", _("Ready for review")
        FAILED = "failed", _("Failed")
        STORED = "stored", _("Stored")

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(_("file name"), max_length=255)
    file = models.FileField(upload_to=upload_path, max_length=300)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    text = models.TextField(blank=True)
    record = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    error = models.TextField(blank=True)
    document = models.ForeignKey(ArchiveDocument, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name

    # item.urls.review; .document: what it was stored as (without loading the document)
    urls = PageURLs(
        "archive",
        lambda i: {"forum": i.batch.forum.slug, "pk": i.pk},
        "review",
        Page("document", lambda i: {"forum": i.batch.forum.slug, "pk": i.document_id}),
    )

    @property
    def forum(self) -> object:
        return self.batch.forum

    @property
    def awaits_review(self) -> bool:
        """Parsed, not stored yet: the review page is where it goes next."""
        return self.status == self.Status.PARSED

    @property
    def is_stored(self) -> bool:
        return self.status == self.Status.STORED

    @property
    def genre_label(self) -> str:
        return genre_label(self.record.get("genre"))

    @property
    def is_memo(self) -> bool:
        """Parsed (or corrected) as a steering memo: the review page shows its lists."""
        return bool(self.record) and self.record.get("genre") == Genre.STEERING_MEMO

    @property
    def is_briefing(self) -> bool:
        """Parsed as a trend briefing: the review page shows its consultations and events, not an agenda."""
        return bool(self.record) and self.record.get("genre") == Genre.TREND_BRIEFING
