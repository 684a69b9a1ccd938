"""What a forum adds to a shared event: who from its community was there, and where it reported back.

Both belong to one forum (``forum``): no other forum's page, list, count or API response shows them.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mshub.core.fields import WebURLField
from mshub.core.i18n import localized
from mshub.core.pages import PageURLs


class PresenceRole(models.TextChoices):
    SPEAKER = "speaker", _("speaker")
    PANELLIST = "panellist", _("panellist")
    DELEGATE = "delegate", _("delegate")
    OBSERVER = "observer", _("observer")
    REMOTE = "remote", _("remote participant")


class Presence(models.Model):
    """A person of the forum's registry at an event, with their role there.

    The affiliation shown is the one the registry holds for the event's first day (``Person.affiliation_on``,
    "as at the time"), unless one is typed here.
    """

    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="calendar_presence")
    event = models.ForeignKey("calendar.ExternalEvent", on_delete=models.PROTECT, related_name="presence")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="event_presence", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=12, choices=PresenceRole.choices, default=PresenceRole.DELEGATE)
    affiliation_ja = models.CharField(
        _("affiliation (Japanese)"),
        max_length=200,
        blank=True,
        help_text=_("Only if it differs from the registry's affiliation on the event's first day."),
    )
    affiliation_en = models.CharField(_("affiliation (English)"), max_length=200, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event", "role", "pk"]
        verbose_name = _("presence at an event")
        verbose_name_plural = _("presence at events")
        constraints = [models.UniqueConstraint(fields=["event", "person"], name="one_presence_per_person_and_event")]

    urls = PageURLs("calendar", lambda p: {"forum": p.forum.slug, "event": p.event_id, "pk": p.pk}, "presence-delete")

    def __str__(self) -> str:
        return f"{self.person} @ {self.event}"

    @property
    def typed_affiliation(self) -> str:
        return localized(self, "affiliation")


class ReportBack(models.Model):
    """Where the forum reported back on an event: one of its meetings (or an agenda item of it), or a page."""

    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="calendar_report_backs")
    event = models.ForeignKey("calendar.ExternalEvent", on_delete=models.PROTECT, related_name="report_backs")
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_report_backs",
        verbose_name=_("meeting"),
    )
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_report_backs",
        verbose_name=_("agenda item"),
    )
    title_ja = models.CharField(_("title (Japanese)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    url = WebURLField(_("web page"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event", "pk"]
        verbose_name = _("report-back")
        verbose_name_plural = _("report-backs")
        constraints = [
            models.CheckConstraint(
                condition=Q(meeting__isnull=False) | ~Q(url=""), name="report_back_names_a_meeting_or_a_page"
            )
        ]

    urls = PageURLs("calendar", lambda r: {"forum": r.forum.slug, "event": r.event_id, "pk": r.pk}, "reportback-delete")

    def __str__(self) -> str:
        return self.title or str(self.meeting or self.url)

    @property
    def title(self) -> str:
        return localized(self, "title")
