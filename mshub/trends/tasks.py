"""Background work of the trends: polling the feeds (``manage.py poll_trend_feeds`` runs them in turn;
a scheduler such as cron or Celery beat calls either)."""

from __future__ import annotations

from celery import shared_task


@shared_task
def poll_trend_feed(feed_pk: int) -> None:
    from mshub.trends.polling import poll

    poll(feed_pk)


@shared_task
def poll_trend_feeds() -> None:
    from mshub.trends.polling import poll_all

    poll_all()
