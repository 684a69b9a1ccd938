"""Minutes: Q/A/C interventions per item, footnotes, decisions, action items, attendance."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mshub.core.i18n import localized


class InterventionKind(models.TextChoices):
    QUESTION = "Q", _("Question")
    ANSWER = "A", _("Answer")
    COMMENT = "C", _("Comment")


class Intervention(models.Model):
    item = models.ForeignKey("meetings.AgendaItem", on_delete=models.CASCADE, related_name="interventions")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=1, choices=InterventionKind.choices)
    text_ja = models.TextField(_("text (Japanese)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    speaker = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("speaker (only if attributed)"),
        help_text=_("Empty keeps the entry anonymous, as reports usually are."),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        constraints = [models.UniqueConstraint(fields=["item", "position"], name="intervention_position_unique")]

    def __str__(self) -> str:
        return f"{self.kind}. {self.text[:60]}"

    @property
    def text(self) -> str:
        return localized(self, "text")

    @property
    def forum(self) -> Any:
        return self.item.meeting.forum


class Footnote(models.Model):
    """A term defined in a footnote of the report (¹ zero rating …), numbered per meeting."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="footnotes")
    item = models.ForeignKey(
        "meetings.AgendaItem", on_delete=models.SET_NULL, null=True, blank=True, related_name="footnotes"
    )
    mark = models.PositiveSmallIntegerField(pgettext_lazy("footnote", "number"))
    term = models.CharField(_("term"), max_length=200, blank=True)
    text_ja = models.TextField(_("definition (Japanese)"), blank=True)
    text_en = models.TextField(_("definition (English)"), blank=True)

    class Meta:
        verbose_name = _("footnote")
        verbose_name_plural = _("footnotes")
        ordering = ["mark"]
        constraints = [models.UniqueConstraint(fields=["meeting", "mark"], name="footnote_mark_unique")]

    def __str__(self) -> str:
        return f"{self.mark} {self.term}"

    @property
    def text(self) -> str:
        return localized(self, "text")


class Decision(models.Model):
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="decisions")
    position = models.PositiveSmallIntegerField(default=0)
    text_ja = models.TextField(_("decision (Japanese)"), blank=True)
    text_en = models.TextField(_("decision (English)"), blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "position"], name="decision_position_unique")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def text(self) -> str:
        return localized(self, "text")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class ActionItem(models.Model):
    """What, who, by when. Open items carry over to the next meetings' agendas until closed."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="action_items")
    text_ja = models.TextField(_("what (Japanese)"), blank=True)
    text_en = models.TextField(_("what (English)"), blank=True)
    owner = models.ForeignKey(
        "people.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("owner")
    )
    owner_text = models.CharField(_("owner (if not a person)"), max_length=200, blank=True, help_text=_("e.g. 事務局"))
    due = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    closed_in = models.ForeignKey(
        "meetings.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="closed_action_items"
    )

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def text(self) -> str:
        return localized(self, "text")

    @property
    def owner_label(self) -> str:
        return str(self.owner) if self.owner else self.owner_text


class Attendance(models.Model):
    """Who attended a steering meeting (its memo lists them)."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="attendances")
    remote = models.BooleanField(_("remote"), default=False)

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="attendance_unique")]

    def __str__(self) -> str:
        return str(self.person)
