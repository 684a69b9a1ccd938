"""A meeting: when and where, in which zone, and where it stands."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mshub.core.concurrency import version_field
from mshub.core.fields import WebURLField
from mshub.core.i18n import localized
from mshub.core.pages import PageURLs
from mshub.core.timezones import in_zone, validate_timezone


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ANNOUNCED = "announced", _("Announced")
    HELD = "held", pgettext_lazy("meeting", "Held")
    REPORT_PUBLISHED = "report_published", _("Report published")
    CANCELLED = "cancelled", pgettext_lazy("meeting", "Cancelled")
    POSTPONED = "postponed", _("Postponed")


# Which status may follow which (services.status enforces it).
TRANSITIONS: dict[str, set[str]] = {
    MeetingStatus.PLANNED: {MeetingStatus.ANNOUNCED, MeetingStatus.CANCELLED, MeetingStatus.POSTPONED},
    MeetingStatus.ANNOUNCED: {MeetingStatus.HELD, MeetingStatus.CANCELLED, MeetingStatus.POSTPONED},
    MeetingStatus.POSTPONED: {MeetingStatus.PLANNED, MeetingStatus.ANNOUNCED, MeetingStatus.CANCELLED},
    MeetingStatus.HELD: {MeetingStatus.REPORT_PUBLISHED},
    MeetingStatus.REPORT_PUBLISHED: set(),
    MeetingStatus.CANCELLED: set(),
}
PUBLIC_STATUSES = [
    MeetingStatus.ANNOUNCED,
    MeetingStatus.HELD,
    MeetingStatus.REPORT_PUBLISHED,
    MeetingStatus.CANCELLED,
    MeetingStatus.POSTPONED,
]
# A topic may be proposed until the meeting takes place (or is cancelled).
OPEN_FOR_PROPOSALS = (MeetingStatus.PLANNED, MeetingStatus.ANNOUNCED, MeetingStatus.POSTPONED)
# The meeting took place: its survey is open, it counts in the statistics.
TOOK_PLACE = (MeetingStatus.HELD, MeetingStatus.REPORT_PUBLISHED)


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def public(self) -> MeetingQuerySet:
        """What anyone may see: announced or later, and not an import awaiting publication."""
        return self.filter(status__in=PUBLIC_STATUSES, awaiting_publication=False)

    def took_place(self) -> MeetingQuerySet:
        return self.filter(status__in=TOOK_PLACE)


class Meeting(models.Model):
    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="meetings")
    series = models.ForeignKey("meetings.MeetingSeries", on_delete=models.PROTECT, related_name="meetings")
    number = models.PositiveIntegerField(pgettext_lazy("meeting", "number"))
    title_ja = models.CharField(_("title (Japanese)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Asia/Tokyo",
        validators=[validate_timezone],
        help_text=_("The IANA zone of the venue; start and end are entered and shown in it."),
    )
    venue_ja = models.CharField(_("venue (Japanese)"), max_length=300, blank=True)
    venue_en = models.CharField(_("venue (English)"), max_length=300, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    map_url = WebURLField(_("map link"), blank=True)
    online_url = WebURLField(_("online access"), blank=True, help_text=_("Shown only to registrants."))
    web_url = WebURLField(_("meeting page"), blank=True, help_text=_("The page printed in the report's overview."))
    hybrid = models.BooleanField(_("on-site and remote"), default=True)
    language = models.CharField(
        _("language"), max_length=5, choices=[("ja", "日本語"), ("en", "English")], default="ja"
    )
    status = models.CharField(_("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    status_note = models.CharField(_("status note"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(_("on-site seats"), null=True, blank=True, help_text=_("Empty: no limit."))
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    reported_onsite = models.PositiveIntegerField(
        _("on-site participants (as reported)"),
        null=True,
        blank=True,
        help_text=_("For meetings without registrations in mshub, e.g. imported from the archive."),
    )
    reported_remote = models.PositiveIntegerField(_("remote participants (as reported)"), null=True, blank=True)
    awaiting_publication = models.BooleanField(
        _("imported, not published yet"),
        default=False,
        help_text=_("Imported from the archive: seen by members only until the secretariat publishes the import."),
    )
    next_meeting_note_ja = models.TextField(_("next meeting (Japanese)"), blank=True)
    next_meeting_note_en = models.TextField(_("next meeting (English)"), blank=True)
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    sequence = models.PositiveIntegerField(default=0, editable=False, help_text="iCalendar SEQUENCE")
    version = version_field()  # optimistic concurrency of the edit form (mshub/core/concurrency.py)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(fields=["series", "number"], name="meeting_number_unique_in_series"),
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")),
                name="meeting_ends_after_it_starts",
                violation_error_message=_("A meeting must end after it starts."),
            ),
        ]
        indexes = [
            models.Index(fields=["forum", "start"]),
            # the upcoming meetings (end >= now) of the forum's home and meeting list: a few rows of
            # the forum's history (docs/scaling.md)
            models.Index(fields=["forum", "end"], name="meeting_forum_end_idx"),
        ]

    objects = MeetingQuerySet.as_manager()

    log_related = ("series", "forum")  # what its name and address read (see the activity log)

    def __str__(self) -> str:
        """Series, number and title: "第11回IGCJ会合 WSIS+10…", "11th IGCJ meeting …" — never a bare 第N回,
        which several series share."""
        return f"{self.series.numbered_name(self.number)} {self.title}".strip()

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def venue(self) -> str:
        return localized(self, "venue")

    @property
    def next_meeting_note(self) -> str:
        return localized(self, "next_meeting_note")

    @property
    def local_start(self) -> datetime:
        return in_zone(self.start, self.timezone)

    @property
    def local_end(self) -> datetime:
        return in_zone(self.end, self.timezone)

    @property
    def local_date(self) -> date:
        """The calendar date at the venue: what "affiliation as at the time" is looked up on."""
        return self.local_start.date()

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES and not self.awaiting_publication

    @property
    def is_announced(self) -> bool:
        """Announced and not held yet: the usual state of a coming meeting, which lists show no badge for."""
        return self.status == MeetingStatus.ANNOUNCED

    @property
    def awaits_report(self) -> bool:
        """Held, its report not published yet: publishing the report is what comes next."""
        return self.status == MeetingStatus.HELD

    @property
    def report_published(self) -> bool:
        """The report is published: the status no longer changes (corrections are new versions)."""
        return self.status == MeetingStatus.REPORT_PUBLISHED

    @property
    def open_for_proposals(self) -> bool:
        return self.status in OPEN_FOR_PROPOSALS

    @property
    def took_place(self) -> bool:
        """Held, or its report published: the survey is open and it counts in the statistics."""
        return self.status in TOOK_PLACE

    def can_become(self, status: str) -> bool:
        """Whether the lifecycle allows ``status`` next (planned → announced → held → report published);
        "held" also needs the meeting to have started (``has_started``)."""
        return status in TRANSITIONS.get(self.status, set())

    def choosable_statuses(self) -> set[str]:
        """What the status buttons may ask for: publishing the report is its own action."""
        return TRANSITIONS.get(self.status, set()) - {MeetingStatus.REPORT_PUBLISHED}

    def has_started(self, now: datetime | None = None) -> bool:
        """True once the meeting's start has passed: only then can it be "held"."""
        return self.start <= (now or timezone.now())

    def next_statuses(self, now: datetime | None = None) -> list[str]:
        """The statuses the secretariat may choose now (publishing the report is its own action)."""
        allowed = self.choosable_statuses()
        if not self.has_started(now):
            allowed = allowed - {MeetingStatus.HELD}
        return [s for s in MeetingStatus.values if s in allowed]

    def get_absolute_url(self) -> str:
        return self.urls.meeting

    def url_kwargs(self) -> dict[str, Any]:
        """What every page of the meeting is addressed by (a list of meetings selects their series and forum)."""
        return {"forum": self.forum.slug, "series": self.series.slug, "number": self.number}

    # meeting.urls.report, .agenda, .registrations …: the meeting's pages (mshub.core.pages)
    urls = PageURLs(
        "meetings",
        url_kwargs,
        "meeting",
        "meeting-ics",
        "meeting-update",
        "meeting-status",
        "register",
        "my-registration",
        "agenda",
        "memo",
        "proposals",
        "survey-results",
        "registrations",
        "registrations-csv",
        "registrations-badges",
        "registrations-mail",
        "checkin",
        "report",
        "report-md",
        "report-pdf",
        "publish",
    )
