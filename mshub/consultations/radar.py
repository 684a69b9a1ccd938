"""What the deadline radar shows, once for the radar page and the weekly digest: consultations closing
and international events starting in the next days."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mshub.calendar.models import EventStatus, ExternalEvent
from mshub.consultations.models import Consultation
from mshub.consultations.models.consultation import ConsultationQuerySet


def consultations_closing(days: int, now: dt.datetime, forum: Any = None) -> ConsultationQuerySet:
    """Consultations closing in the next ``days`` days, by deadline, with their issuer (read through ``forum``)."""
    consultations = Consultation.objects.shown_in(forum) if forum is not None else Consultation.objects.all()
    return consultations.listed().closing_within(days, now).by_deadline()


def events_starting(days: int, today: dt.date) -> Any:
    """Top-level international events not cancelled whose first day is ``today`` … ``today + days``."""
    return (
        ExternalEvent.objects.top_level()
        .listed()
        .filter(first_day__gte=today, first_day__lte=today + dt.timedelta(days=days))
        .exclude(status=EventStatus.CANCELLED)
        .chronological()
    )
