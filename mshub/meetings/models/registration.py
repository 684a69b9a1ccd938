"""Registrations: on-site or remote, with the stakeholder-group survey, waiting list and check-in."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mshub.core.pages import Page, PageURLs


class AttendanceMode(models.TextChoices):
    ONSITE = "onsite", _("On site")
    REMOTE = "remote", _("Remote")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("Waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration", "Cancelled")


def new_token() -> str:
    return secrets.token_urlsafe(24)


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def attended(self) -> RegistrationQuerySet:
        """Confirmed registrants who were checked in (at the door, or marked present online)."""
        return self.filter(status=RegistrationStatus.CONFIRMED, checked_in_at__isnull=False)

    def reachable(self) -> RegistrationQuerySet:
        """Those with an address to write to (walk-ins registered at the door may have none)."""
        return self.exclude(email="")


class Registration(models.Model):
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(
        "people.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="registrations"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), blank=True, help_text=_("Empty only for walk-ins registered at the door."))
    organization = models.CharField(_("organisation"), max_length=300, blank=True)
    stakeholder_group = models.ForeignKey(
        "people.StakeholderGroup", on_delete=models.PROTECT, related_name="+", verbose_name=_("stakeholder group")
    )
    gender = models.ForeignKey(
        "people.Gender",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gender"),
        help_text=_("Optional. Counted in statistics only, never shown per person."),
    )
    mode = models.CharField(_("attendance"), max_length=10, choices=AttendanceMode.choices)
    consent_listing = models.BooleanField(_("list my name and organisation among the participants"), default=False)
    status = models.CharField(max_length=20, choices=RegistrationStatus.choices, default=RegistrationStatus.CONFIRMED)
    waitlist_position = models.PositiveIntegerField(null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "email"],
                condition=~Q(status="cancelled") & ~Q(email=""),
                name="one_live_registration_per_email",
                violation_error_message=_("This address is already registered for this meeting."),
            )
        ]
        indexes = [models.Index(fields=["meeting", "status", "mode"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_mode_display()})"

    @property
    def forum(self) -> Any:
        return self.meeting.forum

    @property
    def is_confirmed(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waitlisted(self) -> bool:
        return self.status == RegistrationStatus.WAITLISTED

    @property
    def is_cancelled(self) -> bool:
        return self.status == RegistrationStatus.CANCELLED

    # registration.urls.registration_manage; the registrant's secret links .registration_cancel, .survey
    urls = PageURLs(
        "meetings",
        lambda r: {**r.meeting.url_kwargs(), "pk": r.pk},
        "registration-manage",
        Page("registration-cancel", lambda r: {**r.meeting.url_kwargs(), "token": r.token}),
        Page("survey", lambda r: {**r.meeting.url_kwargs(), "token": r.token}),
    )


class RegistrantMail(models.Model):
    """A plain-text mail the secretariat sent to all or a filtered group of a meeting's registrants."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="registrant_mails")
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    filters = models.JSONField(
        default=dict, blank=True, help_text=_("The group it went to (status, mode, checked in).")
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("mail to registrants")
        verbose_name_plural = _("mails to registrants")

    def __str__(self) -> str:
        return self.subject

    @property
    def forum(self) -> Any:
        return self.meeting.forum


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class MailDelivery(models.Model):
    """One registrant's copy of a ``RegistrantMail``: whether and when it went out."""

    mail = models.ForeignKey(RegistrantMail, on_delete=models.CASCADE, related_name="deliveries")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="mail_deliveries")
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("mail delivery")
        verbose_name_plural = _("mail deliveries")
        constraints = [
            models.UniqueConstraint(fields=["mail", "registration"], name="one_delivery_per_registrant_and_mail")
        ]

    def __str__(self) -> str:
        return f"{self.mail} → #{self.registration_id} ({self.status})"
