"""A trend item: one development worth knowing (a directive adopted, a mandate renewed, a report
published), written by the secretariat, polled from a feed or made from an archived trend briefing.

The summaries are sanitised on their way in (``mshub.trends.sanitize``): a few inline tags and
http(s) links, nothing else, so the pages may render them as HTML. ``url_key`` (the source address
as compared, ``core.text.url_key``) is unique per forum when there is one: the last guard against
a feed item stored twice by two polls at once.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from mshub.core.fields import WebURLField
from mshub.core.i18n import localized
from mshub.core.pages import PageURLs
from mshub.core.text import url_key


class Region(models.TextChoices):
    ASIA_PACIFIC = "asia-pacific", _("Asia-Pacific")
    EUROPE = "europe", _("Europe")
    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ARAB_STATES = "arab-states", _("Arab states")
    GLOBAL = "global", _("Global")


class Origin(models.TextChoices):
    MANUAL = "manual", _("written here")
    FEED = "feed", _("from a feed")
    ARCHIVE = "archive", _("from the archive")


class TrendItemQuerySet(models.QuerySet["TrendItem"]):
    def of(self, forum: Any) -> TrendItemQuerySet:
        return self.filter(forum=forum)

    def newest_first(self) -> TrendItemQuerySet:
        return self.order_by("-date", "-pk")


class TrendItem(models.Model):
    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="trend_items")
    title = models.CharField(_("title"), max_length=300)
    summary_ja = models.TextField(_("summary (Japanese)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    date = models.DateField(_("date"))
    source_name = models.CharField(_("source"), max_length=200, blank=True)
    source_url = WebURLField(_("source address"), max_length=1000, blank=True)
    url_key = models.CharField(max_length=1000, blank=True, editable=False)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    organizations = models.ManyToManyField(
        "people.Organization", blank=True, related_name="trend_items", verbose_name=_("organisations")
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default=Origin.MANUAL)
    feed = models.ForeignKey("trends.TrendFeed", on_delete=models.SET_NULL, null=True, blank=True, related_name="items")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TrendItemQuerySet.as_manager()

    urls = PageURLs("trends", lambda i: {"forum": i.forum.slug, "pk": i.pk}, "item", "item-update", "item-delete")

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("trend item")
        verbose_name_plural = _("trend items")
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "url_key"], condition=~Q(url_key=""), name="trends_item_source_once_per_forum"
            )
        ]
        indexes = [models.Index(fields=["forum", "-date"], name="trends_item_forum_date")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.url_key = url_key(self.source_url)[:1000]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "source_url" in update_fields:
            kwargs["update_fields"] = {*update_fields, "url_key"}
        super().save(*args, **kwargs)

    @property
    def summary(self) -> str:
        """The summary in the reader's language (the other one if that is empty); sanitised HTML."""
        return localized(self, "summary")

    def get_absolute_url(self) -> str:
        return self.urls.item
