"""The weekly deadline-radar digest: who asked for it in a forum, and which weeks were sent to whom.

Both belong to one forum and one account. A subscription counts only while its account is a member of
the forum (mshub.consultations.digest reads it through the membership); forum deletion and person
erasure remove both (mshub.consultations.area)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mshub.core.models import Membership


class DigestSubscriptionQuerySet(models.QuerySet["DigestSubscription"]):
    def of_members(self) -> DigestSubscriptionQuerySet:
        """Subscriptions whose account is still active and a member of the forum (one query)."""
        membership = Membership.objects.filter(forum=models.OuterRef("forum"), user=models.OuterRef("user"))
        return self.filter(models.Exists(membership), user__is_active=True)


class DigestSubscription(models.Model):
    """A member's wish to receive the forum's weekly deadline radar by mail."""

    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="digest_subscriptions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_subscriptions")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DigestSubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["forum", "pk"]
        verbose_name = _("weekly digest subscription")
        verbose_name_plural = _("weekly digest subscriptions")
        constraints = [models.UniqueConstraint(fields=["forum", "user"], name="one_digest_subscription_per_member")]

    def __str__(self) -> str:
        return f"{self.forum_id}/{self.user_id}"


class DigestDelivery(models.Model):
    """One week's digest sent (or being sent) to one member of one forum.

    The unique constraint makes the digest job idempotent, as ``DeadlineReminder`` does for reminders:
    the row is inserted first, and only the run whose insert succeeded sends the mail (on commit)."""

    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="digest_deliveries")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_deliveries")
    week = models.CharField(max_length=8, help_text="ISO week, e.g. 2026-W49 (in the forum's zone)")
    recipient = models.EmailField(blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("weekly digest sent")
        verbose_name_plural = _("weekly digests sent")
        constraints = [models.UniqueConstraint(fields=["forum", "user", "week"], name="one_digest_per_member_and_week")]

    def __str__(self) -> str:
        return f"{self.forum_id}/{self.user_id}/{self.week}"
