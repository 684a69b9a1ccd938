"""The append-only activity log: who did what to which record, and when."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityEntry(models.Model):
    """One line of a forum's activity log (formerly ``core.Event``: that word is kept for real events)."""

    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="activity_entries")
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verb = models.CharField(_("what"), max_length=60)
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True)
    target_id = models.CharField(max_length=40, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    data = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("activity entry")
        verbose_name_plural = _("activity entries")
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.verb} {self.summary}"

    @property
    def subject(self) -> str:
        """The record the event is about, named as it is now: the log stores only its type and id.

        A record deleted since shows as its id; an erased person shows as erased.
        """
        if not self.target_id:
            return ""
        target = self.target
        return str(target) if target is not None else f"#{self.target_id}"

    @property
    def subject_url(self) -> str:
        """Where the record the event is about can be seen, if it still exists and has a page."""
        target = self.target if self.target_id else None
        url = getattr(target, "get_absolute_url", None)
        return url() if callable(url) else ""

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Activity entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Activity entries are append-only.")


def record(
    forum: Any, actor: Any, verb: str, target: models.Model | None = None, summary: str = "", **data: Any
) -> ActivityEntry:
    """Append one event to the forum's log.

    ``target`` names the record by type and id; the log shows its name at display time. ``summary``
    and ``data`` must never hold a person's name or email (docs/roles.md, "Personal data").
    """
    event = ActivityEntry(forum=forum, verb=verb, summary=summary[:300], data=data)
    if actor is not None and getattr(actor, "is_authenticated", False):
        event.actor = actor
    if target is not None:
        event.target_type = ContentType.objects.get_for_model(target)
        event.target_id = str(target.pk)
    event.save()
    return event
