"""A forum's trend feeds (RSS or Atom addresses polled in the background) and the record of each
poll (``FeedRun``), shown on the feed's page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mshub.core.fields import WebURLField
from mshub.core.pages import PageURLs


class TrendFeed(models.Model):
    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="trend_feeds")
    name = models.CharField(_("name"), max_length=200)
    url = WebURLField(_("feed address"), max_length=1000, help_text=_("An http:// or https:// RSS or Atom address."))
    active = models.BooleanField(_("polled in the background"), default=True)
    topics = models.ManyToManyField(
        "topics.Topic",
        blank=True,
        related_name="+",
        verbose_name=_("topics"),
        help_text=_("Every item the feed brings is put under these topics."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    urls = PageURLs(
        "trends", lambda f: {"forum": f.forum.slug, "pk": f.pk}, "feed", "feed-update", "feed-delete", "feed-poll"
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("trend feed")
        verbose_name_plural = _("trend feeds")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return self.urls.feed


class FeedOutcome(models.TextChoices):
    RUNNING = "running", _("running")
    OK = "ok", _("new items")
    UNCHANGED = "unchanged", _("nothing new")
    FAILED = "failed", _("failed")
    SKIPPED = "skipped", _("skipped: another poll was under way")


class FeedRun(models.Model):
    """One poll of a feed: what came of it (nothing stored changes on a failed run)."""

    feed = models.ForeignKey(TrendFeed, on_delete=models.CASCADE, related_name="runs")
    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=FeedOutcome.choices, default=FeedOutcome.RUNNING)
    new = models.PositiveIntegerField(default=0)
    duplicate = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)  # entries left out (no title, no date, a bad link …)
    message = models.TextField(blank=True)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["feed", "outcome", "started_at"], name="trends_run_feed_state")]

    def __str__(self) -> str:
        return f"{self.feed_id} {self.started_at:%Y-%m-%d %H:%M} {self.outcome}"

    @property
    def is_failed(self) -> bool:
        return self.outcome == FeedOutcome.FAILED

    @property
    def is_running(self) -> bool:
        return self.outcome == FeedOutcome.RUNNING

    @property
    def is_ok(self) -> bool:
        return self.outcome in (FeedOutcome.OK, FeedOutcome.UNCHANGED)

    def counts(self) -> dict[str, Any]:
        return {"new": self.new, "duplicate": self.duplicate, "skipped": self.skipped}
