"""The international calendar: shared facts (bodies, kinds, events and their history) and what each
forum adds to them (its presence, its report-backs). docs/calendar.md describes the whole."""

from .events import (
    DatePrecision,
    EventMode,
    EventStatus,
    ExternalEvent,
    ExternalEventRevision,
)
from .feeds import FeedSubscription, ImportOutcome, ImportRun
from .forum import Presence, PresenceRole, ReportBack
from .vocabularies import Body, EventKind

__all__ = [
    "Body",
    "DatePrecision",
    "EventKind",
    "EventMode",
    "EventStatus",
    "ExternalEvent",
    "ExternalEventRevision",
    "FeedSubscription",
    "ImportOutcome",
    "ImportRun",
    "Presence",
    "PresenceRole",
    "ReportBack",
]
