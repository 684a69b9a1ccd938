"""What a forum adds to a shared consultation: its response, and the reminders sent for it.

Both belong to one forum (``forum``): no other forum's page, list, count or API response shows them.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from mshub.core.concurrency import version_field
from mshub.core.fields import WebURLField
from mshub.core.files import private_name


class ResponseDecision(models.TextChoices):
    UNDECIDED = "undecided", _("not decided yet")
    RESPOND = "respond", _("will respond")
    NOT_RESPOND = "not_respond", _("will not respond")


def proof_path(instance: ConsultationResponse, filename: str) -> str:
    """An unguessable name: the original one is kept in ``proof_name`` (see mshub/core/files.py)."""
    return private_name(f"consultations/{instance.forum_id}", filename)


class ConsultationResponse(models.Model):
    """This forum's response to a consultation: who is in charge, whether it responds, and the proof."""

    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="consultation_responses")
    consultation = models.ForeignKey("consultations.Consultation", on_delete=models.PROTECT, related_name="responses")
    person_in_charge = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultation_responses",
        verbose_name=_("person in charge"),
    )
    decision = models.CharField(
        _("decision"), max_length=12, choices=ResponseDecision.choices, default=ResponseDecision.UNDECIDED
    )
    note = models.TextField(_("note"), blank=True)
    paper_url = WebURLField(_("position paper (address)"), blank=True)
    paper = models.CharField(_("position paper"), max_length=300, blank=True, help_text=_("Its title, for now."))
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    proof_url = WebURLField(_("proof of submission (address)"), blank=True)
    proof_file = models.FileField(_("proof of submission (file)"), upload_to=proof_path, max_length=300, blank=True)
    proof_name = models.CharField(max_length=255, blank=True, editable=False)
    proof_type = models.CharField(max_length=100, blank=True, editable=False)
    version = version_field()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("response to a consultation")
        verbose_name_plural = _("responses to consultations")
        constraints = [
            models.UniqueConstraint(fields=["forum", "consultation"], name="one_response_per_forum_and_consultation")
        ]

    def __str__(self) -> str:
        return f"{self.consultation} ({self.forum_id})"

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def status_label(self) -> Any:
        if self.submitted:
            return _("submitted")
        return ResponseDecision(self.decision).label


class DeadlineReminder(models.Model):
    """One reminder sent (or being sent) to a forum's person in charge, ``lead_days`` before a deadline.

    The unique constraint makes the reminder job idempotent: the row is inserted first, and only the
    run whose insert succeeded sends the mail (after its transaction commits)."""

    consultation = models.ForeignKey("consultations.Consultation", on_delete=models.CASCADE, related_name="reminders")
    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="consultation_reminders")
    lead_days = models.PositiveSmallIntegerField()
    recipient = models.EmailField(blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("deadline reminder")
        verbose_name_plural = _("deadline reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "forum", "lead_days"], name="one_reminder_per_consultation_forum_and_lead"
            )
        ]

    def __str__(self) -> str:
        return f"{self.consultation_id}/{self.forum_id}/{self.lead_days}d"
