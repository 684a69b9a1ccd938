"""Published reports: each publication freezes a dated version; corrections add versions."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mshub.core.files import private_name
from mshub.core.pages import PageURLs


def report_pdf_path(instance: ReportVersion, filename: str) -> str:
    return private_name(f"reports/{instance.meeting.forum_id}", "report.pdf")


class ReportVersion(models.Model):
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="report_versions")
    version = models.PositiveSmallIntegerField()
    language = models.CharField(max_length=5, choices=[("ja", "日本語"), ("en", "English")])
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    html = models.TextField()
    markdown = models.TextField()
    pdf = models.FileField(upload_to=report_pdf_path, blank=True, max_length=300)

    class Meta:
        ordering = ["-version", "language"]
        constraints = [models.UniqueConstraint(fields=["meeting", "version", "language"], name="report_version_unique")]
        # the reports' Atom feed: the latest 30 publications without sorting them all (docs/scaling.md)
        indexes = [models.Index(fields=["-published_at"], name="report_version_published_idx")]

    def __str__(self) -> str:
        return f"{self.meeting} v{self.version} ({self.language})"

    # version.urls.report_version: this version's page (the language is the ``?lang=`` of the link)
    urls = PageURLs("meetings", lambda v: {**v.meeting.url_kwargs(), "version": v.version}, "report-version")

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Published report versions are frozen; publish a correction instead.")
        super().save(*args, **kwargs)
