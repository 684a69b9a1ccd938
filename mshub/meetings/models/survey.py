"""The participants' survey after a meeting (アンケート)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

SCORE = [MinValueValidator(1), MaxValueValidator(5)]


class SurveyResponse(models.Model):
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="survey_responses")
    registration = models.OneToOneField(
        "meetings.Registration", on_delete=models.SET_NULL, null=True, blank=True, related_name="survey_response"
    )
    satisfaction = models.PositiveSmallIntegerField(_("overall satisfaction (1–5)"), validators=SCORE)
    comments = models.TextField(_("comments"), blank=True)
    suggestions = models.TextField(_("themes you would like next time"), blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submitted_at"]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.satisfaction}"


class ItemRating(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="ratings")
    item = models.ForeignKey("meetings.AgendaItem", on_delete=models.CASCADE, related_name="ratings")
    usefulness = models.PositiveSmallIntegerField(_("usefulness (1–5)"), validators=SCORE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "item"], name="one_rating_per_item")]

    def __str__(self) -> str:
        return f"{self.item}: {self.usefulness}"
