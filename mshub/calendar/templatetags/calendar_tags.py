"""``{% event_dates event as d %}``: the event's date in its zone (``d.local``), in the reader's (``d.reader``)."""

from __future__ import annotations

from django import template

from mshub.calendar.dates import EventDates
from mshub.calendar.dates import event_dates as dates_of
from mshub.calendar.models import ExternalEvent

register = template.Library()


@register.simple_tag
def event_dates(event: ExternalEvent) -> EventDates:
    return dates_of(event)
