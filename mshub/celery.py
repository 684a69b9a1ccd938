"""The background-task application.

Without ``CELERY_BROKER_URL`` every task runs in-process at the moment it is
queued (``task_always_eager``); with a broker (Redis in production) a worker
started with ``celery -A mshub worker`` runs it. Code queues work the same way
in both cases: ``some_task.delay(...)``.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mshub.settings.production")

app = Celery("mshub")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
