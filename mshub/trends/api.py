"""JSON API of the trends (read-only): this forum's trend items, for its members."""

from __future__ import annotations

from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mshub.core.rest.viewsets import ForumReadOnlyViewSet
from mshub.trends.models import TrendItem
from mshub.trends.services import topics_by_item


class TrendItemListSerializer(serializers.ListSerializer):
    """Reads the page's topics in one query and hands them to each row."""

    def to_representation(self, data: Any) -> list[Any]:
        items = list(data.all() if isinstance(data, models.Manager) else data)
        self.child.context["topics"] = topics_by_item(items)  # type: ignore[union-attr]
        return super().to_representation(items)


class TrendItemSerializer(serializers.ModelSerializer[TrendItem]):
    topics = serializers.SerializerMethodField()
    countries = serializers.SerializerMethodField()

    class Meta:
        model = TrendItem
        list_serializer_class = TrendItemListSerializer
        fields = [
            "id",
            "title",
            "summary_ja",
            "summary_en",
            "date",
            "source_name",
            "source_url",
            "region",
            "countries",
            "organizations",
            "topics",
            "origin",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_topics(self, item: TrendItem) -> list[str]:
        known = self.context.get("topics")
        if known is None:
            known = topics_by_item([item])
        return [topic.code for topic in known.get(item.pk, [])]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_countries(self, item: TrendItem) -> list[str]:
        return [country.code for country in item.countries]


class TrendItemViewSet(ForumReadOnlyViewSet):
    """Summaries are sanitised HTML (a few inline tags, http(s) links)."""

    serializer_class = TrendItemSerializer
    queryset = TrendItem.objects.prefetch_related("organizations").order_by("-date", "-pk")
    permission_required = "trends.view_trenditem"
