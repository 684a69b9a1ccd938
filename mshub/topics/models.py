"""Topics: one forum's taxonomy of Internet-governance subjects, and the tags that put records under them.

A ``Topic`` is a term of the forum's own tree (seeded from ``taxonomy.py``, edited by the
secretariat). A topic in use is never deleted, only retired (``active=False``): old tags still read.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mshub.core.i18n import localized
from mshub.core.pages import PageURLs


class TopicQuerySet(models.QuerySet["Topic"]):
    def of(self, forum: Any) -> TopicQuerySet:
        return self.filter(forum=forum)

    def active(self) -> TopicQuerySet:
        return self.filter(active=True)

    def retired(self) -> TopicQuerySet:
        return self.filter(active=False)

    def in_use(self) -> TopicQuerySet:
        """Topics that tag at least one record."""
        return self.filter(models.Exists(TopicTag.objects.filter(topic=models.OuterRef("pk"))))

    def with_tag_counts(self) -> TopicQuerySet:
        return self.annotate(tag_count=models.Count("tags"))

    def tree(self) -> TopicQuerySet:
        """Parents then their children: each top-level topic followed by the topics under it
        (the taxonomy's two levels; ``tree_rows`` indents deeper trees)."""
        return self.select_related("parent").order_by(
            Coalesce("parent__order", "order"),
            Coalesce("parent__code", "code"),
            models.F("parent").asc(nulls_first=True),
            "order",
            "code",
        )


class Topic(models.Model):
    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="topics")
    code = models.SlugField(_("code"), max_length=60, help_text=_("The topic's address; fixed once created."))
    name_ja = models.CharField(_("name (Japanese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    synonyms_ja = models.TextField(_("synonyms (Japanese)"), blank=True, help_text=_("One per line."))
    synonyms_en = models.TextField(_("synonyms (English)"), blank=True, help_text=_("One per line."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("in use"), default=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["order", "code"]
        constraints = [models.UniqueConstraint(fields=["forum", "code"], name="topics_topic_code_per_forum")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def synonyms(self) -> list[str]:
        """The synonyms in the reader's language, one per line of the field."""
        return [line.strip() for line in localized(self, "synonyms").splitlines() if line.strip()]

    def is_in_use(self) -> bool:
        return self.tags.exists()

    def ancestors(self) -> list[Topic]:
        """The parent, its parent …, nearest first (reads one row per level)."""
        found: list[Topic] = []
        node = self.parent
        while node is not None and node not in found:
            found.append(node)
            node = node.parent
        return found

    def get_absolute_url(self) -> str:
        return self.urls.topic

    urls = PageURLs(
        "topics",
        lambda t: {"forum": t.forum.slug, "code": t.code},
        "topic",
        "topic-update",
        "topic-state",
        "topic-delete",
        "topic-trends",
        "topic-trends-csv",
    )


class TopicTagQuerySet(models.QuerySet["TopicTag"]):
    def of(self, forum: Any) -> TopicTagQuerySet:
        return self.filter(forum=forum)

    def on(self, obj: models.Model) -> TopicTagQuerySet:
        """The tags on one record (any model)."""
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))


class TopicTag(models.Model):
    """Record X (any model) is about topic T, in this forum: a shared record (an international event)
    carries each forum's own tags."""

    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="tags")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=40)
    target = GenericForeignKey("content_type", "object_id")
    tagged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    tagged_at = models.DateTimeField(default=timezone.now)

    objects = TopicTagQuerySet.as_manager()

    class Meta:
        ordering = ["-tagged_at"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "content_type", "object_id"], name="topics_tag_once_per_record")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.topic_id} → {self.content_type_id} #{self.object_id}"
