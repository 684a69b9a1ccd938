"""Background work without a broker: a small queue of threads inside the application's process.

Long work (parsing an archive batch, rendering a report PDF, sending mail) never runs in a web
request. With ``CELERY_BROKER_URL`` a Celery worker runs it. Without one (the one-server setup),
``some_task.delay(...)`` hands the task to this queue instead: ``TASK_THREADS`` threads per process
(1 by default) run the tasks one after another while the request has long returned, and the page
that started the work shows its progress (an archive batch polls until every file is read).

``TASK_THREADS = 0`` runs each task at once, inside the caller (Celery's eager mode): the test
settings do this so that tests see the results straight away.

A task queued here is lost if its process stops before running it (a server restart); its batch
then stays *queued* and the files can be uploaded again.

``warm_up_with(function)`` has the processes that run tasks call ``function`` before their first task
(the report PDFs' fonts: ``PDF_WARM_UP``): here, the task threads start on the process's first request
and run it first; in a Celery worker process, a thread of its own runs it as the process starts.
Management commands never run it, and neither do the tests (``TASK_THREADS = 0``, ``PDF_WARM_UP`` off).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from typing import Any

from celery import Task as CeleryTask
from django.conf import settings

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_executor: ThreadPoolExecutor | None = None
_pending: set[Future[Any]] = set()
_THREAD_PREFIX = "mshub-task"
_warm_ups: list[Callable[[], Any]] = []
_warmed_in = 0  # the process (pid) whose first request has been seen


def in_background() -> bool:
    """Whether ``.delay`` queues work here: no broker and at least one task thread."""
    return not settings.CELERY_BROKER_URL and int(getattr(settings, "TASK_THREADS", 1)) > 0


def submit(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Future[Any]:
    """Run ``function(*args, **kwargs)`` on one of this process's task threads.

    Work queued by a task (a report notice queuing its mails) runs at once on the same task thread:
    it is off the request already, and a command that ends (``loaddemo``, ``sendreminders``) lets its
    queued tasks finish while the process shuts down, when no new work can be queued."""
    if threading.current_thread().name.startswith(_THREAD_PREFIX):
        done: Future[Any] = Future()
        done.set_result(_run(function, args, kwargs, close=False))
        return done
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=int(settings.TASK_THREADS), thread_name_prefix=_THREAD_PREFIX)
        future = _executor.submit(_run, function, args, kwargs)
        _pending.add(future)
    future.add_done_callback(_forget)
    return future


def wait(timeout: float | None = None) -> bool:
    """Wait until every task queued so far has run; whether they all did within ``timeout``."""
    with _lock:
        pending = set(_pending)
    _done, not_done = wait_for(pending, timeout=timeout)
    return not not_done


def _forget(future: Future[Any]) -> None:
    with _lock:
        _pending.discard(future)


def _run(function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], close: bool = True) -> Any:
    from django.db import connections

    try:
        return function(*args, **kwargs)
    except Exception:
        logger.exception("background task %s failed", getattr(function, "__name__", function))
        return None
    finally:
        if close:  # this thread's own connections; the next task opens its own
            connections.close_all()


def warm_up_with(function: Callable[[], Any]) -> None:
    """Run ``function`` in each process that runs tasks, before its first task (see the module's notes).

    Its failure is logged, never raised. On the task threads, tasks queued after it wait for it; in a
    Celery worker, a task that comes while it runs does not.
    """
    from celery.signals import worker_process_init
    from django.core.signals import request_started

    if function not in _warm_ups:
        _warm_ups.append(function)
    request_started.connect(_start_on_first_request, dispatch_uid="mshub-background-warm-up")
    worker_process_init.connect(_warm_worker_process, dispatch_uid="mshub-background-warm-up")


def _start_on_first_request(**kwargs: Any) -> None:
    """On a process's first request: if its tasks run here, start a task thread with the warm-ups."""
    global _warmed_in
    if _warmed_in == os.getpid():
        return
    _warmed_in = os.getpid()
    if in_background():
        for function in _warm_ups:
            submit(function)


def _warm_worker_process(**kwargs: Any) -> None:
    """In a Celery worker process as it starts: the warm-ups on a thread, so the process is ready at once."""
    threading.Thread(target=_run_warm_ups, name="mshub-warm-up", daemon=True).start()


def _run_warm_ups() -> None:
    for function in _warm_ups:
        _run(function, (), {})


class Task(CeleryTask):
    """Celery's task, queued on this process's task threads when there is no broker."""

    def apply_async(self, args: Any = None, kwargs: Any = None, *more: Any, **options: Any) -> Any:
        if in_background():
            return submit(self.apply, args, kwargs, **options)
        return super().apply_async(args, kwargs, *more, **options)
