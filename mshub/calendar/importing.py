"""Importing .ics files and feeds into the shared events (docs/calendar.md, "Importing").

- **Matching.** An imported event is the calendar's event with the same UID; else the one with the
  same name (case and spacing ignored, Japanese or English) on the same first day; else a new event.
- **Updating.** An event an import brought in (``imported_by``) is updated by any later import that
  carries it, through ``services.update_event`` (so its SEQUENCE rises and a revision "imported from
  <feed>" is appended). An event made on this site is matched, never overwritten: re-importing the
  calendar's own .ics changes nothing and adds nothing.
- **Cancelling.** STATUS:CANCELLED marks an imported event cancelled; an event not yet over that
  vanishes from the subscribed feed that brought it is marked cancelled too (one that is over was
  pruned by the producer, not cancelled: it stays as it was). Nothing is ever deleted.
- **Atomic per feed.** A file or feed that cannot be read changes nothing; a single entry that does
  not hold together (an invalid URL …) is left out and counted. Each run is recorded (``ImportRun``).
- **One run at a time per subscription.** A run first claims the subscription (``select_for_update``
  of its row, then a *running* run row): a second run while one is under way is recorded as skipped.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mshub.calendar.icsparse import MAX_BYTES as MAX_FEED_BYTES
from mshub.calendar.icsparse import IcsError, ParsedEvent, ParsedFeed, normalised_name, parse
from mshub.calendar.models import EventStatus, ExternalEvent, FeedSubscription, ImportOutcome, ImportRun
from mshub.calendar.services import create_event, update_event
from mshub.core.fetch import FetchError, fetch
from mshub.core.models import Forum

logger = logging.getLogger(__name__)

STALE_RUN = dt.timedelta(minutes=15)  # a run still "running" after this is taken as crashed
IMPORTED_FIELDS = (
    *("precision", "timezone", "start", "end", "start_date", "end_date"),
    *("name_ja", "name_en", "city_ja", "city_en", "description_ja", "description_en", "url"),
)


def _match(parsed: ParsedEvent) -> ExternalEvent | None:
    if parsed.uid:
        found = ExternalEvent.objects.filter(uid=parsed.uid).first()
        if found is not None:
            return found
    wanted = normalised_name(parsed.name)
    day = parsed.first_day
    for event in ExternalEvent.objects.filter(first_day=day):
        if wanted in (normalised_name(event.name_en), normalised_name(event.name_ja)):
            return event
    return None


def _update(event: ExternalEvent, parsed: ParsedEvent, run: ImportRun, label: str, forum: Forum | None) -> bool:
    for name in IMPORTED_FIELDS:  # a field the feed leaves out (a description, the other language) stays
        setattr(event, name, parsed.fields.get(name, getattr(event, name)))
    if parsed.cancelled:
        event.status = EventStatus.CANCELLED
    message = _("imported from %(feed)s") % {"feed": label}
    return bool(update_event(event, event.version, forum, message=message))


def apply(feed: ParsedFeed, run: ImportRun, label: str, forum: Forum | None) -> None:
    """Write ``feed``'s events (inside the caller's transaction) and count them on ``run``."""
    seen: set[int] = set()
    run.skipped += feed.skipped
    for parsed in feed.events:
        event = _match(parsed)
        if event is not None and event.pk in seen:
            continue  # the same event twice in one file: the first one counts
        if event is None:
            fields = {**parsed.fields, "imported_by": run, "status": EventStatus.SCHEDULED}
            if parsed.uid:
                fields["uid"] = parsed.uid
            if parsed.cancelled:
                fields["status"] = EventStatus.CANCELLED
            try:
                with transaction.atomic():
                    event = create_event(forum, message=_("imported from %(feed)s") % {"feed": label}, **fields)
            except ValidationError:
                run.skipped += 1
                continue
            run.created += 1
        elif event.imported_by_id is None:
            run.unchanged += 1  # made on this site: matched, never overwritten
        else:
            was_cancelled = event.is_cancelled
            try:
                with transaction.atomic():
                    changed = _update(event, parsed, run, label, forum)
            except ValidationError:
                run.skipped += 1
                continue
            if changed and event.is_cancelled and not was_cancelled:
                run.cancelled += 1
            elif changed:
                run.updated += 1
            else:
                run.unchanged += 1
        seen.add(event.pk)
    if run.subscription_id is not None:
        vanished = ExternalEvent.objects.filter(
            imported_by__subscription_id=run.subscription_id,
            status=EventStatus.SCHEDULED,
            last_day__gte=timezone.now().date(),  # not yet over (in any zone: the day in UTC)
        ).exclude(pk__in=seen)
        for event in vanished:
            event.status = EventStatus.CANCELLED
            message = _("no longer in %(feed)s") % {"feed": label}
            if update_event(event, event.version, forum, message=message):
                run.cancelled += 1


def _finish(run: ImportRun, outcome: str, error: str = "", notes: list[str] | None = None) -> ImportRun:
    run.outcome, run.error, run.finished_at = outcome, error, timezone.now()
    if notes:
        run.notes = "\n".join(notes)
    run.save()
    return run


def _reset_counts(run: ImportRun) -> None:
    run.created = run.updated = run.cancelled = run.unchanged = run.skipped = 0


def import_file(
    data: bytes, file_name: str, forum: Forum | None, floating_zone: str = "UTC", now: dt.datetime | None = None
) -> ImportRun:
    """Import an uploaded file; the run says what came of it (``outcome`` failed: nothing changed).
    ``now``: the moment repeating events are expanded around (the present by default)."""
    run = ImportRun.objects.create(file_name=file_name[:255], forum=forum)
    try:
        feed = parse(data, floating_zone, now)
        with transaction.atomic():
            apply(feed, run, file_name, forum)
    except IcsError as exc:
        _reset_counts(run)
        return _finish(run, ImportOutcome.FAILED, str(exc))
    except Exception:
        logger.exception("Importing %s failed", file_name)
        _reset_counts(run)
        return _finish(run, ImportOutcome.FAILED, _("The import failed unexpectedly; the administrators can see why."))
    return _finish(run, ImportOutcome.DONE, notes=feed.notes)


def _claim(subscription_pk: int) -> ImportRun | None:
    """A *running* run of the subscription, unless another is under way (then a *skipped* one) or it is gone."""
    with transaction.atomic():
        subscription = FeedSubscription.objects.select_for_update().filter(pk=subscription_pk).first()
        if subscription is None:
            return None
        busy = subscription.runs.filter(outcome=ImportOutcome.RUNNING, started_at__gte=timezone.now() - STALE_RUN)
        if busy.exists():
            return _finish(
                ImportRun.objects.create(subscription=subscription, forum=subscription.forum),
                ImportOutcome.SKIPPED,
            )
        return ImportRun.objects.create(subscription=subscription, forum=subscription.forum)


def refresh(subscription_pk: int) -> ImportRun | None:
    """Fetch and import one subscription; the run records the outcome (never raises for bad feeds)."""
    run = _claim(subscription_pk)
    if run is None or run.outcome == ImportOutcome.SKIPPED:
        return run
    subscription = run.subscription
    assert subscription is not None
    try:
        feed = parse(fetch(subscription.url, max_bytes=MAX_FEED_BYTES), subscription.timezone)
        with transaction.atomic():
            apply(feed, run, subscription.name, subscription.forum)
    except (FetchError, IcsError) as exc:
        _reset_counts(run)
        return _finish(run, ImportOutcome.FAILED, str(exc))
    except Exception:
        logger.exception("Refreshing calendar feed %s failed", subscription_pk)
        _reset_counts(run)
        return _finish(run, ImportOutcome.FAILED, _("The import failed unexpectedly; the administrators can see why."))
    return _finish(run, ImportOutcome.DONE, notes=feed.notes)


class SubscriptionBusyError(Exception):
    """The subscription is being refreshed: it cannot be deleted until that run is over."""


def delete_subscription(subscription_pk: int, forum: Forum, actor: object = None) -> str | None:
    """Delete a subscription and its runs; the events it brought stay (they are then the calendar's
    own: matched by a later import, never overwritten). Returns its name, None if it was gone.

    The race: a refresh under way writes its run and events in its own transaction; deleting the
    subscription under it would leave that run pointing at nothing. The row is locked as a refresh
    claims it (``_claim``), and a run still *running* (not stale) makes this refuse
    (``SubscriptionBusyError``)."""
    from mshub.core.models.events import record

    with transaction.atomic():
        subscription = FeedSubscription.objects.select_for_update().filter(pk=subscription_pk).first()
        if subscription is None:
            return None
        if subscription.runs.filter(outcome=ImportOutcome.RUNNING, started_at__gte=timezone.now() - STALE_RUN).exists():
            raise SubscriptionBusyError
        name, url = subscription.name, subscription.url
        subscription.delete()
        record(forum, actor, "calendar.subscription_deleted", None, summary=name[:200], url=url[:500])
    return name


def active_subscriptions() -> list[int]:
    return list(FeedSubscription.objects.filter(active=True).values_list("pk", flat=True))


def refresh_all() -> list[ImportRun]:
    return [run for pk in active_subscriptions() if (run := refresh(pk)) is not None]
