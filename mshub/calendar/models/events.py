"""International events: one shared fact per event for the whole installation, with its history.

An event's date is known to one of four precisions (``DatePrecision``):

- ``timed``: a start and an end time, stored aware in UTC, and the event's own IANA zone;
- ``days``: whole days (one, or several: ``end_date`` is the last day, inclusive);
- ``month``: only the month ("2015年12月");
- ``tbd``: to be decided ("?? NETmundial Initiative"), perhaps with the year.

``first_day`` and ``last_day`` are derived on every save (the local days a timed event covers in its
zone; the first and last of the month for a month) so that lists, month and year views filter and
sort every precision alike; a ``tbd`` event has neither.
"""

from __future__ import annotations

import calendar as stdcal
import datetime as dt
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from mshub.core.concurrency import version_field
from mshub.core.fields import WebURLField
from mshub.core.i18n import localized
from mshub.core.pages import PageURLs, read_through
from mshub.core.timezones import available_zones, in_zone, validate_timezone


class DatePrecision(models.TextChoices):
    TIMED = "timed", _("start and end time")
    DAYS = "days", _("whole days")
    MONTH = "month", _("month only")
    TBD = "tbd", _("to be decided")


class EventMode(models.TextChoices):
    ONSITE = "onsite", _("on site")
    HYBRID = "hybrid", _("on site and online")
    ONLINE = "online", _("online")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    CANCELLED = "cancelled", _("cancelled")


def new_uid() -> str:
    """A UID for iCalendar that never changes (an imported event keeps its producer's)."""
    return f"{uuid.uuid4()}@mshub"


YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2200)]


def _valid_month(year: int | None, month: int | None) -> bool:
    return year is not None and month is not None and dt.MINYEAR <= year <= dt.MAXYEAR and 1 <= month <= 12


class ExternalEventQuerySet(models.QuerySet["ExternalEvent"]):
    def shown_in(self, forum: Any) -> ExternalEventQuerySet:
        """The events as read through ``forum``'s pages: ``event.urls`` then link under that forum."""
        return read_through(self, forum)

    def listed(self) -> ExternalEventQuerySet:
        """What a list row shows: the body and kind with the event, in one query."""
        return self.select_related("body", "kind")

    def top_level(self) -> ExternalEventQuerySet:
        """Events that are not a session or a day inside another."""
        return self.filter(parent=None)

    def between(self, first: dt.date, last: dt.date) -> ExternalEventQuerySet:
        """Events with a day (or their month) within ``first`` … ``last``."""
        return self.filter(first_day__lte=last, last_day__gte=first)

    def upcoming(self, today: dt.date) -> ExternalEventQuerySet:
        """Not over by ``today``; and those whose date is to be decided for this year, a later one or none."""
        undecided = Q(precision=DatePrecision.TBD) & (Q(year__isnull=True) | Q(year__gte=today.year))
        return self.filter(Q(last_day__gte=today) | undecided)

    def past(self, today: dt.date) -> ExternalEventQuerySet:
        return self.filter(last_day__lt=today)

    def in_year(self, year: int) -> ExternalEventQuerySet:
        """Events of ``year``: a day in it, or to be decided within it."""
        within = Q(first_day__lte=dt.date(year, 12, 31), last_day__gte=dt.date(year, 1, 1))
        return self.filter(within | Q(first_day=None, year=year))

    def chronological(self) -> ExternalEventQuerySet:
        return self.order_by(F("first_day").asc(nulls_last=True), F("start").asc(nulls_last=True), "pk")


class ExternalEvent(models.Model):
    """An international event (IGF 2015, ICANN54, a WSIS+10 deadline): the same record in every forum."""

    shown_in_every_forum = True  # an edit changes every forum's calendar pages (mshub.core.pagecache)

    uid = models.CharField(_("iCalendar UID"), max_length=255, unique=True, default=new_uid, editable=False)
    name_ja = models.CharField(_("name (Japanese)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    body = models.ForeignKey(
        "calendar.Body", on_delete=models.PROTECT, null=True, blank=True, related_name="events", verbose_name=_("body")
    )
    kind = models.ForeignKey(
        "calendar.EventKind",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("kind"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
        help_text=_("For a day or a session inside a larger event."),
    )
    precision = models.CharField(
        _("date known as"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAYS
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_timezone],
        help_text=_("IANA zone where the event takes place, e.g. America/Sao_Paulo."),
    )
    start = models.DateTimeField(_("starts"), null=True, blank=True)
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    start_date = models.DateField(_("first day"), null=True, blank=True)
    end_date = models.DateField(_("last day"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    month = models.PositiveSmallIntegerField(
        _("month"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    # Derived on save (see the module's docstring): never typed.
    first_day = models.DateField(null=True, editable=False, db_index=True)
    last_day = models.DateField(null=True, editable=False, db_index=True)
    city_ja = models.CharField(_("city (Japanese)"), max_length=100, blank=True)
    city_en = models.CharField(_("city (English)"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    mode = models.CharField(_("attendance"), max_length=10, choices=EventMode.choices, default=EventMode.ONSITE)
    url = WebURLField(_("web page"), blank=True)
    description_ja = models.TextField(_("description (Japanese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.SCHEDULED)
    # The import that brought the event in (mshub.calendar.importing): later imports may update it, and
    # one that vanishes from the subscribed feed that brought it is marked cancelled. Events made on
    # this site (None) are matched by imports but never overwritten.
    imported_by = models.ForeignKey(
        "calendar.ImportRun", on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    sequence = models.PositiveIntegerField(default=0, editable=False)  # iCalendar SEQUENCE: raised by every edit
    version = version_field()  # optimistic concurrency of the edit form (mshub/core/concurrency.py)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExternalEventQuerySet.as_manager()

    class Meta:
        ordering = [F("first_day").asc(nulls_last=True), F("start").asc(nulls_last=True), "pk"]
        verbose_name = _("international event")
        verbose_name_plural = _("international events")
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=F("start")),
                name="external_event_ends_after_it_starts",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True) | Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="external_event_last_day_after_first",
                violation_error_message=_("The last day cannot come before the first."),
            ),
            models.CheckConstraint(
                condition=Q(month__isnull=True) | Q(month__gte=1, month__lte=12),
                name="external_event_month_1_to_12",
                violation_error_message=_("A month is a number from 1 to 12."),
            ),
        ]

    # event.urls.event …, read through a forum: ``ExternalEvent.objects.shown_in(forum)`` (or ``forum_slug`` set)
    urls = PageURLs(
        "calendar",
        lambda e: {"forum": e.forum_slug, "pk": e.pk},
        "event",
        "event-update",
        "presence-create",
        "reportback-create",
    )

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def city(self) -> str:
        return localized(self, "city")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_timed(self) -> bool:
        return self.precision == DatePrecision.TIMED

    @property
    def is_month_only(self) -> bool:
        return self.precision == DatePrecision.MONTH

    @property
    def is_undecided(self) -> bool:
        return self.precision == DatePrecision.TBD

    @property
    def local_start(self) -> dt.datetime | None:
        return in_zone(self.start, self.timezone) if self.start else None

    @property
    def local_end(self) -> dt.datetime | None:
        return in_zone(self.end, self.timezone) if self.end else None

    @property
    def place(self) -> str:
        """City and country as a list prints them: "João Pessoa, Brazil"."""
        return ", ".join(part for part in (self.city, str(self.country.name) if self.country else "") if part)

    def clean(self) -> None:
        """Each precision needs its own fields, in order; messages name the field to correct."""
        errors: dict[str, Any] = {}
        if not (self.name_ja or self.name_en):
            errors["name_ja"] = _("Give the event's name in Japanese or English.")
        if self.precision == DatePrecision.TIMED:
            if self.start is None:
                errors["start"] = _("Give the start time.")
            if self.end is None:
                errors["end"] = _("Give the end time.")
            if self.start and self.end and self.end < self.start:
                errors["end"] = _("An event cannot end before it starts.")
        elif self.precision == DatePrecision.DAYS:
            if self.start_date is None:
                errors["start_date"] = _("Give the first day.")
            elif self.end_date and self.end_date < self.start_date:
                errors["end_date"] = _("The last day cannot come before the first.")
        elif self.precision == DatePrecision.MONTH:
            if self.year is None:
                errors["year"] = _("Give the year.")
            if self.month is None:
                errors["month"] = _("Give the month.")
        if self.parent_id is not None and self.pk is not None and self._is_own_ancestor():
            errors["parent"] = _("An event cannot be part of itself or of one of its own parts.")
        if errors:
            raise ValidationError(errors)

    def _is_own_ancestor(self) -> bool:
        seen: set[int] = set()
        current = self.parent_id
        while current is not None and current not in seen:
            if current == self.pk:
                return True
            seen.add(current)
            current = ExternalEvent.objects.filter(pk=current).values_list("parent_id", flat=True).first()
        return False

    def normalise(self) -> None:
        """Clear what the precision does not use and derive ``first_day``, ``last_day`` and ``year``."""
        precision = self.precision
        if precision != DatePrecision.TIMED:
            self.start = self.end = None
        if precision != DatePrecision.DAYS:
            self.start_date = self.end_date = None
        if precision != DatePrecision.MONTH:
            self.month = None
        # Derived only from values that hold (``clean`` explains the others; nothing is saved with them).
        if precision == DatePrecision.TIMED and self.start and self.end and self.timezone in available_zones():
            self.first_day = in_zone(self.start, self.timezone).date()
            self.last_day = in_zone(self.end, self.timezone).date()
        elif precision == DatePrecision.DAYS and self.start_date:
            self.end_date = self.end_date or self.start_date
            self.first_day, self.last_day = self.start_date, self.end_date
        elif precision == DatePrecision.MONTH and _valid_month(self.year, self.month):
            assert self.year is not None
            assert self.month is not None
            self.first_day = dt.date(self.year, self.month, 1)
            self.last_day = dt.date(self.year, self.month, stdcal.monthrange(self.year, self.month)[1])
        else:
            self.first_day = self.last_day = None
        if self.first_day is not None:
            self.year = self.first_day.year

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.normalise()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "first_day", "last_day", "year", "month"}
        super().save(*args, **kwargs)


# The fields an edit may change, in the order the history shows them.
REVISED_FIELDS = (
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
    "city_ja",
    "city_en",
    "country",
    "mode",
    "url",
    "description_ja",
    "description_en",
    "status",
)


def snapshot(event: ExternalEvent) -> dict[str, Any]:
    """The event's editable fields as JSON values (bodies and kinds by code, the parent by UID)."""
    values: dict[str, Any] = {}
    for name in REVISED_FIELDS:
        if name in ("body", "kind"):
            term = getattr(event, name)
            values[name] = term.code if term is not None else None
        elif name == "parent":
            values[name] = event.parent.uid if event.parent_id is not None else None  # type: ignore[union-attr]
        elif name == "country":
            values[name] = event.country.code or ""
        else:
            value = getattr(event, name)
            values[name] = value.isoformat() if isinstance(value, dt.date) else value
    return values


class ExternalEventRevision(models.Model):
    """One saved state of an event: who saved it, when, through which forum, and why. Append-only."""

    shown_in_every_forum = True  # the history is part of every forum's event page

    event = models.ForeignKey(ExternalEvent, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    forum = models.ForeignKey("core.Forum", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    message = models.CharField(_("what changed and why"), max_length=300, blank=True)
    fields = models.JSONField(default=dict, encoder=DjangoJSONEncoder)  # ``snapshot(event)`` as saved
    changed = models.JSONField(default=list)  # the names of the fields this revision changed

    class Meta:
        ordering = ["event", "-number"]
        verbose_name = _("revision of an event")
        verbose_name_plural = _("revisions of events")
        constraints = [models.UniqueConstraint(fields=["event", "number"], name="one_revision_number_per_event")]

    def __str__(self) -> str:
        return f"{self.event_id} #{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Revisions are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Revisions are append-only.")

    @property
    def changed_labels(self) -> list[str]:
        """The changed fields by their labels, in the reader's language."""
        fields = {field.name: field for field in ExternalEvent._meta.concrete_fields}
        return [str(fields[name].verbose_name) for name in self.changed if name in fields]
