"""JSON API of the international calendar (read-only): bodies, kinds and events, shared by every forum
and read through any forum the reader may read; the forum's own presence rows for its members."""

from __future__ import annotations

from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mshub.calendar.models import Body, EventKind, ExternalEvent, Presence
from mshub.core.rest.viewsets import ForumReadOnlyViewSet


class BodySerializer(serializers.ModelSerializer[Body]):
    class Meta:
        model = Body
        fields = ["id", "code", "name_ja", "name_en", "short_name", "website", "order", "active"]


class EventKindSerializer(serializers.ModelSerializer[EventKind]):
    class Meta:
        model = EventKind
        fields = ["id", "code", "name_ja", "name_en", "order", "active"]


class ExternalEventSerializer(serializers.ModelSerializer[ExternalEvent]):
    body: serializers.SlugRelatedField[Body] = serializers.SlugRelatedField(slug_field="code", read_only=True)
    kind: serializers.SlugRelatedField[EventKind] = serializers.SlugRelatedField(slug_field="code", read_only=True)
    country = serializers.CharField(source="country.code", read_only=True)
    page = serializers.SerializerMethodField()

    class Meta:
        model = ExternalEvent
        fields = [
            "id",
            "uid",
            "name_ja",
            "name_en",
            "body",
            "kind",
            "parent",
            "precision",
            "timezone",
            "start",
            "end",
            "start_date",
            "end_date",
            "year",
            "month",
            "first_day",
            "last_day",
            "city_ja",
            "city_en",
            "country",
            "mode",
            "url",
            "description_ja",
            "description_en",
            "status",
            "sequence",
            "updated_at",
            "page",
        ]

    @extend_schema_field(serializers.CharField())
    def get_page(self, event: ExternalEvent) -> str:
        """The event's page under the forum it was read through."""
        return str(event.urls.event)


class PresenceSerializer(serializers.ModelSerializer[Presence]):
    name = serializers.CharField(source="person.name", read_only=True)

    class Meta:
        model = Presence
        fields = ["id", "event", "person", "name", "role", "affiliation_ja", "affiliation_en"]


class SharedReadOnlyViewSet(ForumReadOnlyViewSet):
    """Records every forum shares: all of them under any forum, the permission checked on that forum."""

    def get_queryset(self) -> models.QuerySet[Any]:
        return self.queryset.all()

    def check_object_permissions(self, request: Any, obj: Any) -> None:
        super().check_object_permissions(request, self.forum)


class BodyViewSet(SharedReadOnlyViewSet):
    """The bodies that hold international events (IGF, ICANN, ITU …)."""

    serializer_class = BodySerializer
    queryset = Body.objects.all()
    permission_required = "calendar.view_calendar"


class EventKindViewSet(SharedReadOnlyViewSet):
    serializer_class = EventKindSerializer
    queryset = EventKind.objects.all()
    permission_required = "calendar.view_calendar"


class ExternalEventViewSet(SharedReadOnlyViewSet):
    """International events, every precision; ``first_day``/``last_day`` are derived (null when undecided)."""

    serializer_class = ExternalEventSerializer
    queryset = ExternalEvent.objects.select_related("body", "kind")
    permission_required = "calendar.view_calendar"

    def get_queryset(self) -> models.QuerySet[Any]:
        return (
            ExternalEvent.objects.listed()
            .shown_in(self.forum)
            .order_by(models.F("first_day").asc(nulls_last=True), "pk")
        )


class PresenceViewSet(ForumReadOnlyViewSet):
    """This forum's people at international events (its members only)."""

    serializer_class = PresenceSerializer
    queryset = Presence.objects.select_related("person", "forum").order_by("event", "pk")
    permission_required = "calendar.view_presence"
