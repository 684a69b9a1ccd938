"""JSON API of topics (read-only): the forum's tree with the number of tagged records of each topic
by kind, and one topic (``/api/v1/<forum>/topics/<code>/``) with the records tagged with it that the
caller may see. Read permission as the topic pages (``topics.view_topic``)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mshub.core.rest.viewsets import ForumReadOnlyViewSet
from mshub.topics import registry
from mshub.topics.listing import tagged_records
from mshub.topics.models import Topic, TopicTag


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class TaggedRecordSerializer(serializers.Serializer[Any]):
    kind = serializers.CharField(source="kind_code", help_text="The registered kind: meeting, agenda-item, event …")
    id = serializers.CharField(source="pk")
    label = serializers.CharField()  # type: ignore[assignment]  # a field named "label", not Field.label
    url = serializers.CharField(help_text="The record's page under this forum ('' if it has none).")
    date = serializers.DateField()


class TopicSerializer(serializers.ModelSerializer[Topic]):
    # a field named "parent" (the topic's), not Field.parent (the serializer's)
    parent: serializers.SlugRelatedField[Topic] = serializers.SlugRelatedField(  # type: ignore[assignment]
        slug_field="code", read_only=True
    )
    synonyms_ja = serializers.SerializerMethodField()
    synonyms_en = serializers.SerializerMethodField()
    counts = serializers.SerializerMethodField()
    page = serializers.SerializerMethodField()

    class Meta:
        model = Topic
        fields = [
            "code",
            "name_ja",
            "name_en",
            "parent",
            "synonyms_ja",
            "synonyms_en",
            "order",
            "active",
            "counts",
            "page",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_synonyms_ja(self, topic: Topic) -> list[str]:
        return _lines(topic.synonyms_ja)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_synonyms_en(self, topic: Topic) -> list[str]:
        return _lines(topic.synonyms_en)

    @extend_schema_field(serializers.DictField(child=serializers.IntegerField()))
    def get_counts(self, topic: Topic) -> dict[str, int]:
        """Tagged records by kind ("meeting": 3 …) and in all ("total")."""
        counts: dict[int, dict[str, int]] = self.context.get("counts", {})
        found = dict(counts.get(topic.pk, {}))
        found["total"] = sum(found.values())
        return found

    @extend_schema_field(serializers.CharField())
    def get_page(self, topic: Topic) -> str:
        return str(topic.urls.topic)


class TopicDetailSerializer(TopicSerializer):
    records = serializers.SerializerMethodField()

    class Meta(TopicSerializer.Meta):
        fields = [*TopicSerializer.Meta.fields, "records"]

    @extend_schema_field(TaggedRecordSerializer(many=True))
    def get_records(self, topic: Topic) -> list[dict[str, Any]]:
        """What this forum tagged with the topic, newest first, as far as the caller may see it."""
        request = self.context["request"]
        records = tagged_records(topic.forum, topic, request.user)
        return TaggedRecordSerializer(records, many=True).data  # type: ignore[return-value]


def tag_counts(forum: Any) -> dict[int, dict[str, int]]:
    """Topic id → {kind: number of tags}, for every topic of the forum, in one query."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = TopicTag.objects.of(forum).values("topic_id", "content_type_id").annotate(n=models.Count("id")).order_by()
    for row in rows:
        model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
        entry = registry.for_model(model) if model is not None else None
        if entry is None:  # only the kinds the topics show (listing.tagged_records)
            continue
        counts[row["topic_id"]][entry.kind] = counts[row["topic_id"]].get(entry.kind, 0) + row["n"]
    return counts


class TopicViewSet(ForumReadOnlyViewSet):
    """The forum's topics, the tree in order (each top-level topic followed by those under it)."""

    serializer_class = TopicSerializer
    queryset = Topic.objects.select_related("forum", "parent")
    permission_required = "topics.view_topic"
    lookup_field = "code"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self) -> models.QuerySet[Any]:
        return Topic.objects.of(self.forum).tree().select_related("forum", "parent")

    def get_serializer_class(self) -> Any:
        return TopicDetailSerializer if self.action == "retrieve" else TopicSerializer

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "counts": tag_counts(self.forum)}
