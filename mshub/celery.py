"""The background-task application.

With a broker (``CELERY_BROKER_URL``, Redis in production) a worker started with
``celery -A mshub worker`` runs each task. Without one, ``.delay`` hands the task
to a few threads inside the application's process (``mshub.core.background``), so
a web request never waits for it; ``TASK_THREADS = 0`` (the test settings) runs
it at once instead. Code queues work the same way in every case:
``some_task.delay(...)``.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mshub.settings.production")

app = Celery("mshub", task_cls="mshub.core.background:Task")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
