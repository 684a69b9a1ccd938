"""Without a broker, long work runs on the application's task threads, never inside the request."""

import threading

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from mshub.archive.models import ImportItem
from mshub.core import background
from mshub.core.tasks import send_mail_task
from tests.archive.variants import WIDE


@pytest.fixture
def production_queue(settings, tmp_path):
    """The one-server production setup: no broker, the default task thread."""
    settings.CELERY_BROKER_URL = ""
    settings.TASK_THREADS = 1
    settings.MEDIA_ROOT = tmp_path
    yield
    assert background.wait(timeout=60)


@pytest.mark.django_db(transaction=True)
def test_the_upload_returns_before_its_files_are_read_and_the_batch_page_shows_progress(cast, production_queue):
    gate = threading.Event()
    background.submit(gate.wait, 60)  # the task thread is busy with earlier work
    client = cast.client("secretariat")
    response = client.post(
        f"/{cast.forum.slug}/archive/", {"documents": [SimpleUploadedFile("report23.txt", WIDE.encode())]}
    )
    assert response.status_code == 302
    assert ImportItem.objects.get().status == "queued"  # the request did not read the file
    progress = client.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert "0 of 1 files read" in progress
    assert 'hx-trigger="every 2s"' in progress  # the page keeps asking
    gate.set()
    assert background.wait(timeout=60)
    assert ImportItem.objects.get().status == "parsed"
    progress = client.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert "1 of 1 files read" in progress
    assert "hx-trigger" not in progress


def test_a_task_queued_without_a_broker_runs_after_the_caller_and_a_failure_stays_in_the_log(production_queue, caplog):
    gate = threading.Event()
    background.submit(gate.wait, 60)
    send_mail_task.delay(subject="Hello", body="Body", to=["a@example.org"])
    send_mail_task.delay(subject="Broken", body="Body", to="not a list")  # fails on the thread
    assert mail.outbox == []  # queued, not sent inside the caller
    gate.set()
    assert background.wait(timeout=60)
    assert [m.subject for m in mail.outbox] == ["Hello"]
    assert "background task" in caplog.text


def test_with_a_broker_celery_takes_the_tasks_and_in_tests_they_run_at_once(settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    settings.TASK_THREADS = 1
    assert not background.in_background()  # a worker runs them
    settings.CELERY_BROKER_URL = ""
    assert background.in_background()
    settings.TASK_THREADS = 0
    assert not background.in_background()
    send_mail_task.delay(subject="Now", body="Body", to=["a@example.org"])
    assert [m.subject for m in mail.outbox] == ["Now"]


def test_work_a_task_queues_runs_on_the_same_task_thread_at_once(production_queue):
    """A report notice queues its mails from a task thread: they run there and then, so a command that
    ends (and shuts the queue) never loses them ("cannot schedule new futures after shutdown")."""
    threads = []

    def notice():
        threads.append(threading.current_thread().name)
        send_mail_task.delay(subject="Report published", body="Body", to=["a@example.org"])
        threads.append("after the mail")

    background.submit(notice)
    assert background.wait(timeout=60)
    assert threads[0].startswith("mshub-task")
    assert threads[1] == "after the mail"
    assert [m.subject for m in mail.outbox] == ["Report published"]


@pytest.fixture
def warm_ups(monkeypatch):
    """Only the test's own warm-ups, and this process's first request not yet seen."""
    monkeypatch.setattr(background, "_warm_ups", [])
    monkeypatch.setattr(background, "_warmed_in", 0)


@pytest.mark.django_db
def test_a_process_that_runs_tasks_warms_up_once_on_its_first_request_before_any_task(
    production_queue, warm_ups, client
):
    ran = []
    background.warm_up_with(lambda: ran.append(("warm-up", threading.current_thread().name)))
    assert ran == []  # registering runs nothing
    client.get("/")  # the process's first request
    background.submit(lambda: ran.append(("task", threading.current_thread().name)))
    client.get("/")
    assert background.wait(timeout=60)
    assert [what for what, _thread in ran] == ["warm-up", "task"]
    assert all(thread.startswith("mshub-task") for _what, thread in ran)


@pytest.mark.django_db
def test_a_web_process_whose_tasks_go_to_a_worker_warms_nothing(settings, warm_ups, client):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    settings.TASK_THREADS = 1
    ran = []
    background.warm_up_with(lambda: ran.append(1))
    client.get("/")
    assert background.wait(timeout=60)
    assert ran == []


def test_a_celery_worker_process_warms_up_on_a_thread_of_its_own_as_it_starts(warm_ups, caplog):
    from celery.signals import worker_process_init

    done = threading.Event()
    threads = []

    def warm() -> None:
        threads.append(threading.current_thread().name)
        done.set()

    background.warm_up_with(warm)
    background.warm_up_with(warm)  # registered once
    background.warm_up_with(lambda: 1 / 0)  # a failing warm-up is logged, the others still run
    worker_process_init.send(sender=None)
    assert done.wait(timeout=30)
    for _ in range(100):
        if "background task <lambda> failed" in caplog.text:
            break
        threading.Event().wait(0.05)
    assert threads == ["mshub-warm-up"]
    assert "background task <lambda> failed" in caplog.text
