"""JSON API for meetings: public meetings with their agenda and published report versions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import models
from django.db.models import Q
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mshub.core.i18n import current_language
from mshub.core.pages import url_for_each
from mshub.core.rest.viewsets import ForumReadOnlyViewSet
from mshub.meetings.models import AgendaItem, Meeting, MeetingSeries, Presenter, ReportVersion, SeriesVisibility
from mshub.people.models import Affiliation, Person


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


# A registry affiliation as the API prints it: the days it held (from, until; None: open) and its text.
Held = tuple[dt.date | None, dt.date | None, str]


def agendas(meetings: list[Meeting]) -> dict[int, list[dict[str, Any]]]:
    """Each meeting's agenda as ``AgendaItemSerializer`` writes it, by meeting id: the items in order,
    each with its presenters' names and affiliations (as typed for the record, else the registry's on
    the meeting's date, as ``presenter_affiliation``), read as values in three queries whatever the
    number of meetings, items, presenters and affiliations."""
    from mshub.meetings.services.agenda import typed_affiliation

    lang = current_language()
    out: dict[int, list[dict[str, Any]]] = {m.pk: [] for m in meetings}
    presenters: dict[int, list[dict[str, str]]] = {}
    items = AgendaItem.objects.filter(meeting__in=list(out)).order_by("position", "pk")
    fields = ("id", "parent", "position", "title_ja", "title_en", "outcome")
    for meeting, *values in items.values_list("meeting_id", "pk", "parent_id", *fields[2:]):
        item = dict(zip(fields, values, strict=True))
        out[meeting].append({**item, "presenters": presenters.setdefault(item["id"], [])})
    names = tuple(f"person__{f}" for f in Person.NAME_FIELDS)
    rows = list(
        Presenter.objects.filter(item__meeting__in=list(out))
        .order_by("position", "pk")
        .values_list("item_id", "item__meeting_id", "person_id", "affiliation_ja", "affiliation_en", *names)
    )
    day = {m.pk: m.local_date for m in meetings}
    registry: dict[int, list[Held]] = {}
    if any(not typed_affiliation(ja, en, lang) for _i, _m, _p, ja, en, *_name in rows):
        untyped = Presenter.objects.filter(item__meeting__in=list(out), affiliation_ja="", affiliation_en="")
        registry = registry_affiliations(untyped.values("person_id"), set(day.values()), lang)
    for item_id, meeting_id, person, typed_ja, typed_en, family_ja, given_ja, family_latin, given_latin in rows:
        on = day[meeting_id]
        affiliation = typed_affiliation(typed_ja, typed_en, lang) or next(
            (text for start, end, text in registry.get(person, ()) if (start or on) <= on <= (end or on)), ""
        )
        name = Person.display_name(family_ja, given_ja, family_latin, given_latin, lang)
        presenters[item_id].append({"name": name, "affiliation": affiliation})
    return out


def registry_affiliations(persons: models.QuerySet[Any], days: set[dt.date], lang: str) -> dict[int, list[Held]]:
    """The affiliations of ``persons`` (a query of person ids) that held on one of ``days`` or between
    them, by person, the best first (as ``Person.affiliation_on`` ranks them), printed in ``lang``; in
    one query."""
    from mshub.meetings.services.agenda import affiliation_text

    held = (
        Affiliation.objects.filter(person__in=persons)
        .filter(Q(start__isnull=True) | Q(start__lte=max(days)), Q(end__isnull=True) | Q(end__gte=min(days)))
        .best_first()
        .values_list(
            "person_id",
            "start",
            "end",
            "organization__name_ja",
            "organization__name_en",
            "department_ja",
            "department_en",
        )
    )
    found: dict[int, list[Held]] = {}
    for person, start, end, org_ja, org_en, department_ja, department_en in held:
        text = affiliation_text(org_ja, org_en, department_ja, department_en, lang)
        found.setdefault(person, []).append((start, end, text))
    return found


class MeetingListSerializer(serializers.ListSerializer[Meeting]):
    """A page of meetings: their agendas read at once (``agendas``), and their addresses with one
    ``reverse`` a series, before each is written."""

    def to_representation(self, data: Any) -> list[Any]:
        meetings = list(data.all() if isinstance(data, models.Manager) else data)
        found = agendas(meetings)
        address: dict[int, Callable[[int], str]] = {}
        for meeting in meetings:
            if meeting.series_id not in address:
                kwargs = {"forum": meeting.forum.slug, "series": meeting.series.slug}
                address[meeting.series_id] = url_for_each("meetings:meeting", kwargs, key="number")
            meeting.agenda_values = found[meeting.pk]
            meeting.page_url = address[meeting.series_id](meeting.number)
        return super().to_representation(meetings)


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
        list_serializer_class = MeetingListSerializer

    @extend_schema_field(AgendaItemSerializer(many=True))
    def get_agenda(self, meeting: Meeting) -> Any:
        """What ``AgendaItemSerializer`` writes, read as values for the whole page at once by
        ``MeetingListSerializer`` (or here, for one meeting): a serializer, or a model, per item, per
        presenter and per affiliation cost more than the rest of the response."""
        agenda = getattr(meeting, "agenda_values", None)
        if agenda is None:
            agenda = agendas([meeting])[meeting.pk]
        return agenda

    def get_url(self, meeting: Meeting) -> str:
        return getattr(meeting, "page_url", None) or meeting.get_absolute_url()


class MeetingViewSet(ForumReadOnlyViewSet):
    """Announced, held and reported meetings (planned ones are the steering group's business)."""

    serializer_class = MeetingSerializer
    queryset = (
        Meeting.objects.public()
        .select_related("series", "forum")
        .prefetch_related(
            # Not the frozen reports themselves (each version's whole HTML and Markdown): what the list shows.
            models.Prefetch("report_versions", queryset=ReportVersion.objects.defer("html", "markdown", "pdf"))
        )
    )
    permission_required = "meetings.view_meeting"

    def get_queryset(self) -> models.QuerySet[Meeting]:
        """Of the series the reader may see (a steering group's series is not public)."""
        seen = SeriesVisibility.seen_by(self.request.user, self.forum)
        return super().get_queryset().filter(series__visibility__in=seen)
