"""The agenda: nested items with presenters, versioned materials, outcomes; and topic proposals."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from mshub.core.concurrency import version_field
from mshub.core.fields import WebURLField
from mshub.core.files import private_name
from mshub.core.i18n import localized
from mshub.core.pages import PageURLs


class ItemOutcome(models.TextChoices):
    HELD = "held", pgettext_lazy("agenda item", "Held")
    CANCELLED = "cancelled", pgettext_lazy("agenda item", "Cancelled")
    CUT_FOR_TIME = "cut_for_time", _("Cut for time")
    DEFERRED = "deferred", _("Deferred")


def planned_span(
    local_start: dt.datetime, local_end: dt.datetime, planned_start: dt.time, duration_minutes: int | None
) -> tuple[dt.datetime, dt.datetime | None]:
    """An item's planned start and end as wall-clock datetimes in the meeting's zone, given the
    meeting's local start and end (computed once for a whole agenda)."""
    start = dt.datetime.combine(local_start.date(), planned_start, tzinfo=local_start.tzinfo)
    if start < local_start.replace(second=0, microsecond=0) and local_end.date() > local_start.date():
        start += dt.timedelta(days=1)  # a meeting past midnight: 00:30 is the next day
    end = start + dt.timedelta(minutes=duration_minutes) if duration_minutes else None
    return start, end


def planned_time_text(span: tuple[dt.datetime, dt.datetime | None] | None, duration_minutes: int | None) -> str:
    """ "14:10–14:40", "14:10", "(20 min)" or empty, from ``planned_span`` (None: no planned start)."""
    if span is None:
        return gettext("(%(n)s min)") % {"n": duration_minutes} if duration_minutes else ""
    start, end = span
    begins = f"{start.hour:02}:{start.minute:02}"  # what %H:%M gives, without strftime (200 items a page)
    return f"{begins}–{end.hour:02}:{end.minute:02}" if end else begins


class AgendaItem(models.Model):
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="agenda_items")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title_ja = models.CharField(_("title (Japanese)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    summary_ja = models.TextField(
        _("how it was presented (Japanese)"),
        blank=True,
        help_text=_("The sentence before the Q&A, e.g. which material the presenter reported from."),
    )
    summary_en = models.TextField(_("how it was presented (English)"), blank=True)
    planned_start = models.TimeField(
        _("planned start"),
        null=True,
        blank=True,
        help_text=_("Wall-clock time in the meeting's time zone, e.g. 14:10."),
    )
    duration_minutes = models.PositiveSmallIntegerField(_("minutes planned"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=ItemOutcome.choices, default=ItemOutcome.HELD)
    outcome_note_ja = models.CharField(_("outcome note (Japanese)"), max_length=300, blank=True)
    outcome_note_en = models.CharField(_("outcome note (English)"), max_length=300, blank=True)
    deferred_to = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deferred_items",
        verbose_name=_("deferred to"),
    )

    version = version_field()  # optimistic concurrency of the edit form (mshub/core/concurrency.py)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            # NULLs are distinct in a unique index: top-level items need their own constraint.
            models.UniqueConstraint(
                fields=["meeting", "position"],
                condition=models.Q(parent__isnull=True),
                name="agenda_item_position_unique_top_level",
            ),
            models.UniqueConstraint(
                fields=["parent", "position"],
                condition=models.Q(parent__isnull=False),
                name="agenda_item_position_unique_under_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    # item.urls.item: the item's page on the agenda screen
    urls = PageURLs("meetings", lambda item: {**item.meeting.url_kwargs(), "pk": item.pk}, "item")

    @property
    def forum(self) -> Any:
        return self.meeting.forum

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def summary(self) -> str:
        return localized(self, "summary")

    @property
    def is_held(self) -> bool:
        """Taken up as planned (the default); any other outcome is shown beside the item."""
        return self.outcome == ItemOutcome.HELD

    @property
    def outcome_note(self) -> str:
        return localized(self, "outcome_note")

    def planned_span(self) -> tuple[dt.datetime, dt.datetime | None] | None:
        """Planned start and end as wall-clock datetimes in the meeting's zone (on the meeting's day)."""
        if self.planned_start is None:
            return None
        meeting = self.meeting
        return planned_span(meeting.local_start, meeting.local_end, self.planned_start, self.duration_minutes)

    @property
    def planned_time(self) -> str:
        """ "14:10–14:40", "14:10", "(20 min)" or empty: what the programme prints before the title."""
        return planned_time_text(self.planned_span(), self.duration_minutes)

    def clean(self) -> None:
        super().clean()
        if self.meeting_id is None:
            return
        span = self.planned_span()
        if span is None:
            return
        start, end = span
        meeting_start, meeting_end = self.meeting.local_start, self.meeting.local_end
        window = {"start": f"{meeting_start:%H:%M}", "end": f"{meeting_end:%H:%M}"}
        if not meeting_start.replace(second=0, microsecond=0) <= start < meeting_end:
            raise ValidationError(
                {
                    "planned_start": _(
                        "The meeting runs from %(start)s to %(end)s: the item must start within that time."
                    )
                    % window
                }
            )
        if end is not None and end > meeting_end:
            raise ValidationError(
                {
                    "duration_minutes": _(
                        "Starting at %(at)s, the item would end at %(item_end)s, after the meeting ends (%(end)s)."
                    )
                    % {**window, "at": f"{start:%H:%M}", "item_end": f"{end:%H:%M}"}
                }
            )


def new_confirmation_token() -> str:
    return secrets.token_urlsafe(24)


class PresenterAnswer(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class Presenter(models.Model):
    """A person presenting an item, with the affiliation printed "as at the time".

    The affiliation comes from the registry for the meeting's date unless the secretariat typed one
    for the record (``affiliation_ja``/``affiliation_en``).
    """

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="presenters")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="presentations")
    position = models.PositiveSmallIntegerField(default=0)
    affiliation_ja = models.CharField(_("affiliation for the record (Japanese)"), max_length=300, blank=True)
    affiliation_en = models.CharField(_("affiliation for the record (English)"), max_length=300, blank=True)
    # Asking the presenter to confirm: the secret link in the mail carries ``confirmation_token``.
    confirmation_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    asked_at = models.DateTimeField(_("asked to confirm"), null=True, blank=True, editable=False)
    answer = models.CharField(_("answer"), max_length=10, choices=PresenterAnswer.choices, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("presenter")
        verbose_name_plural = _("presenters")

    def __str__(self) -> str:
        return str(self.person)

    @property
    def has_accepted(self) -> bool:
        return self.answer == PresenterAnswer.ACCEPTED

    @property
    def has_declined(self) -> bool:
        return self.answer == PresenterAnswer.DECLINED

    # presenter.urls.presenter_confirm: the secret link mailed to the presenter
    urls = PageURLs(
        "meetings",
        lambda p: {**p.item.meeting.url_kwargs(), "token": p.confirmation_token},
        "presenter-confirm",
    )


class Material(models.Model):
    """Something distributed or presented (資料1 …): an uploaded file with versions, or a link."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="materials")
    item = models.ForeignKey(AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="materials")
    label = models.CharField(_("label"), max_length=40, blank=True, help_text=_("e.g. 資料1"))
    title_ja = models.CharField(_("title (Japanese)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    url = WebURLField(_("link"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self) -> str:
        return " ".join(p for p in (self.label, self.title) if p)

    # material.urls.material: the file (``?version=`` for an older upload)
    urls = PageURLs("meetings", lambda m: {**m.meeting.url_kwargs(), "pk": m.pk}, "material")

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def forum(self) -> Any:
        return self.meeting.forum


def material_path(instance: MaterialVersion, filename: str) -> str:
    """An unguessable name: the original one is kept in ``original_name`` (see mshub/core/files.py)."""
    return private_name(f"materials/{instance.material.meeting.forum_id}", filename)


class MaterialVersion(models.Model):
    """One uploaded file of a material. Re-uploading adds a version; old ones stay."""

    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="versions")
    file = models.FileField(upload_to=material_path, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("material version")
        verbose_name_plural = _("material versions")

    def __str__(self) -> str:
        return self.original_name


class TopicProposal(models.Model):
    """A member's proposed theme or presentation for a coming meeting (call for topics)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="proposals")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("what and why"), blank=True)
    presenter = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed presenter"),
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    agenda_item = models.OneToOneField(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposal"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("topic proposal")
        verbose_name_plural = _("topic proposals")

    def __str__(self) -> str:
        return self.title

    @property
    def forum(self) -> Any:
        return self.meeting.forum

    @property
    def awaits_review(self) -> bool:
        """Neither accepted nor declined yet: the reviewer's buttons are shown."""
        return self.status == self.Status.PROPOSED
