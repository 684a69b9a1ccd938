"""Briefings: the secretariat's "what happened since last time", built from the forum's trend items.

A ``Briefing`` is a draft the secretariat arranges (sections, entries, notes); publishing freezes it as
a ``BriefingVersion`` (append-only, like a meeting's published report versions).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mshub.core.files import private_name
from mshub.core.i18n import localized
from mshub.core.pages import PageURLs


class Audience(models.TextChoices):
    STEERING = "steering", _("Steering group")
    MEMBERS = "members", _("Members")
    PUBLIC = "public", _("Public")


class BriefingLanguage(models.TextChoices):
    JA = "ja", "日本語"
    EN = "en", "English"
    BOTH = "both", _("Japanese and English")


class BriefingState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class BriefingQuerySet(models.QuerySet["Briefing"]):
    def of(self, forum: Any) -> BriefingQuerySet:
        return self.filter(forum=forum)

    def published(self) -> BriefingQuerySet:
        return self.filter(state=BriefingState.PUBLISHED)

    def for_audiences(self, audiences: list[str]) -> BriefingQuerySet:
        return self.filter(audience__in=audiences)


class Briefing(models.Model):
    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="briefings")
    title_ja = models.CharField(_("title (Japanese)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices, default=Audience.STEERING)
    language = models.CharField(
        _("language"), max_length=5, choices=BriefingLanguage.choices, default=BriefingLanguage.JA
    )
    state = models.CharField(_("state"), max_length=10, choices=BriefingState.choices, default=BriefingState.DRAFT)
    intro_ja = models.TextField(_("introduction (Japanese)"), blank=True, help_text=_("Plain text."))
    intro_en = models.TextField(_("introduction (English)"), blank=True, help_text=_("Plain text."))
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("for meeting"),
    )
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("for agenda item"),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BriefingQuerySet.as_manager()

    class Meta:
        ordering = ["-period_end", "-pk"]
        verbose_name = _("briefing")
        verbose_name_plural = _("briefings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="briefing_period_in_order",
                violation_error_message=_("The period must end on or after its first day."),
            )
        ]

    urls = PageURLs(
        "briefings",
        lambda b: {"forum": b.forum.slug, "pk": b.pk},
        "detail",
        "builder",
        "slides",
        "markdown",
        "pdf",
        "versions",
        "publish",
        "attach",
    )

    def __str__(self) -> str:
        return self.title or f"{self.period_start:%Y-%m-%d} – {self.period_end:%Y-%m-%d}"

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def is_published(self) -> bool:
        return self.state == BriefingState.PUBLISHED

    @property
    def languages(self) -> list[str]:
        return ["ja", "en"] if self.language == BriefingLanguage.BOTH else [self.language]


class BriefingSection(models.Model):
    """A topic of the briefing (or a free heading; neither: "Other"), in the secretariat's order."""

    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="sections")
    topic = models.ForeignKey(
        # a topic deleted later (once nothing is tagged with it) leaves its section, unnamed: published
        # versions keep their own copy of the heading
        "topics.Topic",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("topic"),
    )
    heading_ja = models.CharField(_("heading (Japanese)"), max_length=200, blank=True)
    heading_en = models.CharField(_("heading (English)"), max_length=200, blank=True)
    note_ja = models.TextField(_("note (Japanese)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    order = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["briefing", "topic"],
                condition=models.Q(topic__isnull=False),
                name="briefing_section_topic_once",
            )
        ]

    def __str__(self) -> str:
        return self.heading("ja")

    @property
    def forum(self) -> Any:
        return self.briefing.forum

    def heading(self, language: str) -> str:
        """The free heading in ``language`` (the other one if blank), else the topic's name, else "Other"."""
        other = "en" if language == "ja" else "ja"
        text = getattr(self, f"heading_{language}") or getattr(self, f"heading_{other}")
        if text:
            return str(text)
        if self.topic is not None:
            return str(getattr(self.topic, f"name_{language}") or self.topic.name_ja)
        return "その他" if language == "ja" else "Other"


class BriefingEntry(models.Model):
    """One trend item in a section: its place, whether it is kept, and the text that replaces its summary."""

    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="entries")
    section = models.ForeignKey(BriefingSection, on_delete=models.CASCADE, related_name="entries")
    item = models.ForeignKey("trends.TrendItem", on_delete=models.CASCADE, related_name="+")
    order = models.PositiveIntegerField(_("position"), default=0)
    included = models.BooleanField(_("included"), default=True)
    override_ja = models.TextField(_("text instead of the summary (Japanese)"), blank=True)
    override_en = models.TextField(_("text instead of the summary (English)"), blank=True)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["briefing", "item"], name="briefing_entry_item_once")]

    def __str__(self) -> str:
        return str(self.item)

    @property
    def forum(self) -> Any:
        return self.briefing.forum


def briefing_pdf_path(instance: BriefingVersion, filename: str) -> str:
    return private_name(f"briefings/{instance.briefing.forum_id}", "briefing.pdf")


class BriefingVersion(models.Model):
    """A published briefing, frozen: its content as JSON and the renders made from it."""

    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    message = models.CharField(_("what changed"), max_length=300, blank=True)
    content = models.JSONField()
    html = models.TextField()
    markdown = models.TextField()
    pdf = models.FileField(upload_to=briefing_pdf_path, blank=True, max_length=300)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["briefing", "number"], name="briefing_version_unique")]

    urls = PageURLs(
        "briefings",
        lambda v: {"forum": v.briefing.forum.slug, "pk": v.briefing_id, "version": v.number},
        "version",
        "version-slides",
        "version-markdown",
        "version-pdf",
    )

    def __str__(self) -> str:
        return f"{self.briefing} v{self.number}"

    @property
    def forum(self) -> Any:
        return self.briefing.forum

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Published briefing versions are frozen; publish a new version instead.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Published briefing versions are kept; they are deleted only with their briefing.")
