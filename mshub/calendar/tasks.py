"""Background work of the calendar: refreshing the subscribed feeds (``manage.py refreshfeeds`` queues
nothing: it runs them in turn; a scheduler such as cron or Celery beat calls either)."""

from __future__ import annotations

from celery import shared_task


@shared_task
def refresh_feed(subscription_pk: int) -> None:
    from mshub.calendar.importing import refresh

    refresh(subscription_pk)


@shared_task
def refresh_feeds() -> None:
    from mshub.calendar.importing import refresh_all

    refresh_all()
