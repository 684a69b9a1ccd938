"""JSON API for meetings: public meetings with their agenda and published report versions."""

from __future__ import annotations

from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mshub.core.rest.viewsets import ForumReadOnlyViewSet
from mshub.meetings.models import AgendaItem, Meeting, MeetingSeries, Presenter, ReportVersion, SeriesVisibility
from mshub.people.models import Affiliation


class SeriesSerializer(serializers.ModelSerializer[MeetingSeries]):
    class Meta:
        model = MeetingSeries
        fields = ["slug", "name_ja", "name_en", "timezone"]


class PresenterSerializer(serializers.ModelSerializer[Presenter]):
    name = serializers.CharField(source="person.name", read_only=True)
    affiliation = serializers.SerializerMethodField()

    class Meta:
        model = Presenter
        fields = ["name", "affiliation"]

    def get_affiliation(self, presenter: Presenter) -> str:
        from mshub.meetings.services.agenda import presenter_affiliation

        return presenter_affiliation(presenter, presenter.item.meeting)


class AgendaItemSerializer(serializers.ModelSerializer[AgendaItem]):
    presenters = PresenterSerializer(many=True, read_only=True)

    class Meta:
        model = AgendaItem
        fields = ["id", "parent", "position", "title_ja", "title_en", "outcome", "presenters"]


class ReportVersionSerializer(serializers.ModelSerializer[ReportVersion]):
    class Meta:
        model = ReportVersion
        fields = ["version", "language", "published_at", "note"]


class MeetingSerializer(serializers.ModelSerializer[Meeting]):
    series = SeriesSerializer(read_only=True)
    agenda = serializers.SerializerMethodField()
    reports = ReportVersionSerializer(source="report_versions", many=True, read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = [
            "id",
            "series",
            "number",
            "title_ja",
            "title_en",
            "start",
            "end",
            "timezone",
            "venue_ja",
            "venue_en",
            "address",
            "hybrid",
            "status",
            "url",
            "agenda",
            "reports",
        ]

    @extend_schema_field(AgendaItemSerializer(many=True))
    def get_agenda(self, meeting: Meeting) -> Any:
        """What ``AgendaItemSerializer`` writes, from the lists the viewset prefetched: a serializer
        per item and per presenter cost more than the rest of the response."""
        from mshub.meetings.services.agenda import presenter_affiliation

        return [
            {
                "id": item.pk,
                "parent": item.parent_id,
                "position": item.position,
                "title_ja": item.title_ja,
                "title_en": item.title_en,
                "outcome": item.outcome,
                "presenters": [
                    {"name": p.person.name, "affiliation": presenter_affiliation(p, meeting)}
                    for p in item.presenter_list
                ],
            }
            for item in meeting.agenda_list  # type: ignore[attr-defined]
        ]

    def get_url(self, meeting: Meeting) -> str:
        return meeting.get_absolute_url()


class MeetingViewSet(ForumReadOnlyViewSet):
    """Announced, held and reported meetings (planned ones are the steering group's business)."""

    serializer_class = MeetingSerializer
    queryset = (
        Meeting.objects.public()
        .select_related("series", "forum")
        .prefetch_related(
            "report_versions",
            # Lists (to_attr), not managers: a manager per item and per presenter costs a queryset
            # each. Prefetching sets each item's meeting and each presenter's item already.
            models.Prefetch("agenda_items", queryset=AgendaItem.objects.all(), to_attr="agenda_list"),
            models.Prefetch(
                "agenda_list__presenters",
                queryset=Presenter.objects.select_related("person").prefetch_related(
                    models.Prefetch("person__affiliations", queryset=Affiliation.objects.select_related("organization"))
                ),
                to_attr="presenter_list",
            ),
        )
    )
    permission_required = "meetings.view_meeting"

    def get_queryset(self) -> models.QuerySet[Meeting]:
        """Of the series the reader may see (a steering group's series is not public)."""
        seen = SeriesVisibility.seen_by(self.request.user, self.forum)
        return super().get_queryset().filter(series__visibility__in=seen)
