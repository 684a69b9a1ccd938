"""Calendar feeds the calendar imports from: a subscription (a URL refreshed in the background) and
the record of each import run, shown on the subscription's page.

A subscription belongs to the installation, like the events it feeds (one IGF 2026 for every forum);
``forum`` records the forum whose secretariat created it (the page lists every subscription to every
forum's secretariat: they all edit the shared events)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mshub.core.pages import PageURLs, read_through
from mshub.core.timezones import validate_timezone


class FeedSubscriptionQuerySet(models.QuerySet["FeedSubscription"]):
    def shown_in(self, forum: Any) -> FeedSubscriptionQuerySet:
        """The subscriptions as read through ``forum``'s pages: ``subscription.urls`` link under that forum."""
        return read_through(self, forum)


class FeedSubscription(models.Model):
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("feed address"), max_length=1000, help_text=_("An http:// or https:// .ics address."))
    timezone = models.CharField(
        _("zone for floating times"),
        max_length=64,
        default="UTC",
        validators=[validate_timezone],
        help_text=_("Times in the feed without a zone are read in this IANA zone."),
    )
    active = models.BooleanField(_("refreshed in the background"), default=True)
    forum = models.ForeignKey("core.Forum", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FeedSubscriptionQuerySet.as_manager()

    # read through a forum: ``FeedSubscription.objects.shown_in(forum)`` (or ``forum_slug`` set)
    urls = PageURLs(
        "calendar",
        lambda s: {"forum": s.forum_slug, "pk": s.pk},
        "subscription",
        "subscription-refresh",
        "subscription-delete",
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("calendar feed subscription")
        verbose_name_plural = _("calendar feed subscriptions")

    def __str__(self) -> str:
        return self.name


class ImportOutcome(models.TextChoices):
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")
    SKIPPED = "skipped", _("skipped: another run was under way")


class ImportRun(models.Model):
    """One import: of a subscription (``subscription``) or of an uploaded file (``file_name``)."""

    subscription = models.ForeignKey(
        FeedSubscription, on_delete=models.CASCADE, null=True, blank=True, related_name="runs"
    )
    file_name = models.CharField(max_length=255, blank=True)
    forum = models.ForeignKey("core.Forum", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=ImportOutcome.choices, default=ImportOutcome.RUNNING)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    cancelled = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)  # components left out (no date, no name …)
    error = models.TextField(blank=True)
    notes = models.TextField(blank=True)  # what the import chose (recurrences, floating times …)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.subscription or self.file_name} {self.started_at:%Y-%m-%d %H:%M}"
