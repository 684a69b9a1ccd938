"""A public consultation (意見募集 / public comment): one shared fact for the whole installation.

``opens`` and ``closes`` are aware datetimes (stored in UTC); ``timezone`` is the issuer's IANA zone,
in which the issuer states its deadline. Its state is derived from the dates and one flag:

- ``upcoming``: not yet open;
- ``open``: open, ``days_left`` whole days to the deadline;
- ``awaiting_report``: closed, the issuer's summary report not yet linked (and one is expected);
- ``closed``: closed, with the report linked or none expected.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mshub.core.concurrency import version_field
from mshub.core.fields import WebURLField
from mshub.core.i18n import localized
from mshub.core.pages import PageURLs, read_through
from mshub.core.timezones import in_zone, validate_timezone


class ConsultationState(models.TextChoices):
    UPCOMING = "upcoming", _("upcoming")
    OPEN = "open", _("open")
    AWAITING_REPORT = "awaiting_report", _("awaiting the issuer's report")
    CLOSED = "closed", _("closed")


def new_uid() -> str:
    return f"{uuid.uuid4()}@mshub"


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or timezone.now()


class ConsultationQuerySet(models.QuerySet["Consultation"]):
    def shown_in(self, forum: Any) -> ConsultationQuerySet:
        """Read through ``forum``'s pages: ``consultation.urls`` then link under that forum."""
        return read_through(self, forum)

    def listed(self) -> ConsultationQuerySet:
        return self.select_related("body")

    def upcoming(self, now: dt.datetime | None = None) -> ConsultationQuerySet:
        return self.filter(opens__gt=_now(now))

    def open(self, now: dt.datetime | None = None) -> ConsultationQuerySet:
        now = _now(now)
        return self.filter(opens__lte=now, closes__gt=now)

    def awaiting_report(self, now: dt.datetime | None = None) -> ConsultationQuerySet:
        return self.filter(closes__lte=_now(now), report_url="", report_expected=True)

    def closed(self, now: dt.datetime | None = None) -> ConsultationQuerySet:
        """Closed and done: the report is linked, or none is expected."""
        return self.filter(Q(closes__lte=_now(now)) & (~Q(report_url="") | Q(report_expected=False)))

    def past_deadline(self, now: dt.datetime | None = None) -> ConsultationQuerySet:
        return self.filter(closes__lte=_now(now))

    def closing_within(self, days: int, now: dt.datetime | None = None) -> ConsultationQuerySet:
        """Open now (or opening) and closing in the next ``days`` days."""
        now = _now(now)
        return self.filter(closes__gt=now, closes__lte=now + dt.timedelta(days=days))

    def closing_after(self, moment: dt.datetime) -> ConsultationQuerySet:
        """Closing after ``moment``: upcoming, open, and those that closed since (the .ics feed)."""
        return self.filter(closes__gt=moment)

    def by_deadline(self) -> ConsultationQuerySet:
        return self.order_by("closes", "pk")


class Consultation(models.Model):
    """A call for comments by a body (ICANN, the ITU, a ministry): the same record in every forum."""

    shown_in_every_forum = True  # an edit changes every forum's consultation pages (mshub.core.pagecache)

    uid = models.CharField(max_length=255, unique=True, default=new_uid, editable=False)
    body = models.ForeignKey(
        "calendar.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
        verbose_name=_("issued by"),
    )
    title_ja = models.CharField(_("title (Japanese)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    summary_ja = models.TextField(_("summary (Japanese)"), blank=True, help_text=_("Plain text."))
    summary_en = models.TextField(_("summary (English)"), blank=True, help_text=_("Plain text."))
    url = WebURLField(_("consultation page"), blank=True)
    timezone = models.CharField(
        _("issuer's time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_timezone],
        help_text=_("IANA zone in which the issuer states its dates, e.g. America/Los_Angeles."),
    )
    opens = models.DateTimeField(_("opens"))
    closes = models.DateTimeField(_("closes"), db_index=True)
    report_expected = models.BooleanField(
        _("the issuer will publish a report"),
        default=True,
        help_text=_("Until its report is linked, a closed consultation shows as awaiting the report."),
    )
    report_url = WebURLField(_("issuer's summary report"), blank=True)
    version = version_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["closes", "pk"]
        verbose_name = _("public consultation")
        verbose_name_plural = _("public consultations")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")),
                name="consultation_closes_after_it_opens",
                violation_error_message=_("A consultation must close after it opens."),
            )
        ]

    urls = PageURLs(
        "consultations",
        lambda c: {"forum": c.forum_slug, "pk": c.pk},
        "detail",
        "update",
        "response",
        "proof",
    )

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def summary(self) -> str:
        return localized(self, "summary")

    def state(self, now: dt.datetime | None = None) -> str:
        now = _now(now)
        if now < self.opens:
            return ConsultationState.UPCOMING
        if now < self.closes:
            return ConsultationState.OPEN
        if self.report_expected and not self.report_url:
            return ConsultationState.AWAITING_REPORT
        return ConsultationState.CLOSED

    @property
    def current_state(self) -> str:
        return self.state()

    @property
    def state_label(self) -> str:
        return str(ConsultationState(self.current_state).label)

    def days_left(self, now: dt.datetime | None = None) -> int | None:
        """Whole days to the deadline (0 in its last 24 hours); None before it opens or once it closed."""
        now = _now(now)
        if now < self.opens or now >= self.closes:
            return None
        return (self.closes - now).days

    @property
    def current_days_left(self) -> int | None:
        return self.days_left()

    @property
    def local_opens(self) -> dt.datetime:
        return in_zone(self.opens, self.timezone)

    @property
    def local_closes(self) -> dt.datetime:
        """The deadline as the issuer states it."""
        return in_zone(self.closes, self.timezone)

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if not (self.title_ja or self.title_en):
            errors["title_ja"] = _("Give the consultation's title in Japanese or English.")
        for name in ("title_ja", "title_en", "summary_ja", "summary_en"):
            if "\x00" in (getattr(self, name) or ""):
                errors[name] = _("The text contains a NUL character.")
        if self.opens and self.closes and self.closes <= self.opens:
            errors["closes"] = _("A consultation must close after it opens.")
        if errors:
            raise ValidationError(errors)


class ConsultationDocument(models.Model):
    """A document the issuer published with the consultation (the draft, an explanatory note)."""

    shown_in_every_forum = True

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="documents")
    position = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(_("title"), max_length=300)
    url = WebURLField(_("address"))

    class Meta:
        ordering = ["consultation", "position", "pk"]
        verbose_name = _("consultation document")
        verbose_name_plural = _("consultation documents")

    def __str__(self) -> str:
        return self.title


class ConsultationQuestion(models.Model):
    """A numbered question the issuer asks."""

    shown_in_every_forum = True

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField(_("number"))
    text_ja = models.TextField(_("question (Japanese)"), blank=True)
    text_en = models.TextField(_("question (English)"), blank=True)

    class Meta:
        ordering = ["consultation", "number"]
        verbose_name = _("consultation question")
        verbose_name_plural = _("consultation questions")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="one_question_number_per_consultation")
        ]

    def __str__(self) -> str:
        return f"Q{self.number}"

    @property
    def text(self) -> str:
        return localized(self, "text")


# The fields an edit may change, in the order the history shows them.
REVISED_FIELDS = (
    "body",
    "title_ja",
    "title_en",
    "summary_ja",
    "summary_en",
    "url",
    "timezone",
    "opens",
    "closes",
    "report_expected",
    "report_url",
)


def snapshot(consultation: Consultation) -> dict[str, Any]:
    """The editable fields as JSON values (the body by code), with the questions and documents."""
    values: dict[str, Any] = {}
    for name in REVISED_FIELDS:
        if name == "body":
            values[name] = consultation.body.code if consultation.body_id is not None else None  # type: ignore[union-attr]
        else:
            value = getattr(consultation, name)
            values[name] = value.isoformat() if isinstance(value, dt.date) else value
    return values


class ConsultationRevision(models.Model):
    """One saved state of a consultation: who saved it, when, through which forum, and why. Append-only."""

    shown_in_every_forum = True

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    forum = models.ForeignKey("core.Forum", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    message = models.CharField(_("what changed and why"), max_length=300, blank=True)
    fields = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    changed = models.JSONField(default=list)

    class Meta:
        ordering = ["consultation", "-number"]
        verbose_name = _("revision of a consultation")
        verbose_name_plural = _("revisions of consultations")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="one_revision_number_per_consultation")
        ]

    def __str__(self) -> str:
        return f"{self.consultation_id} #{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Revisions are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Revisions are append-only.")

    @property
    def changed_labels(self) -> list[str]:
        fields = {field.name: field for field in Consultation._meta.concrete_fields}
        return [str(fields[name].verbose_name) for name in self.changed if name in fields]
