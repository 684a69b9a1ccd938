"""Background tasks: in-process by default, a real Celery worker over Redis when configured."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from celery import Celery

from mshub.celery import app
from mshub.core.tasks import send_mail_task
from tests.mailserver import body_of, smtp_server

ROOT = Path(__file__).resolve().parents[2]
REDIS = ("127.0.0.1", 6379)


def test_without_a_broker_tasks_run_in_process_and_deliver_over_smtp(smtp, settings):
    assert app.conf.task_always_eager is True
    send_mail_task.delay(subject="Eager", body="ran in-process", to=["a@example.org"])
    [message] = smtp.wait_for(1, timeout=2)
    assert message["Subject"] == "Eager"
    assert "ran in-process" in body_of(message)


def _redis_up() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.worker
@pytest.mark.slow
def test_with_a_broker_a_real_worker_runs_the_task(tmp_path):
    if not _redis_up():
        if os.environ.get("CI"):
            pytest.fail("Redis is not listening on 127.0.0.1:6379 (CI must start it)")
        pytest.skip("worker test skipped: no Redis on 127.0.0.1:6379")
    broker = "redis://127.0.0.1:6379/15"
    with smtp_server() as inbox:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "mshub.settings.dev",
            "CELERY_BROKER_URL": broker,
            "EMAIL_URL": f"smtp://127.0.0.1:{inbox.port}",
            "MSHUB_VAR_DIR": str(tmp_path),
        }
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "mshub",
                "worker",
                "--pool=solo",
                "--loglevel=WARNING",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "-n",
                f"test-{os.getpid()}@localhost",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        # The web process's side: an app configured with the broker, as settings make it when
        # CELERY_BROKER_URL is set (a fresh instance, so this test leaves the eager app alone).
        sender = Celery("mshub", broker=broker)
        try:
            result = sender.send_task(
                send_mail_task.name, kwargs={"subject": "Queued", "body": "ran in a worker", "to": ["b@example.org"]}
            )
            assert result.id
            messages = inbox.wait_for(1, timeout=45)
            assert [m["Subject"] for m in messages] == ["Queued"], worker.stdout.read() if worker.poll() else ""
            assert "ran in a worker" in body_of(messages[0])
        finally:
            sender.close()
            worker.terminate()
            worker.wait(timeout=20)


def test_a_broker_url_switches_tasks_to_the_worker():
    code = "import mshub.celery as c; import django; django.setup(); print(c.app.conf.task_always_eager)"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mshub.settings.dev",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/15",
    }
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr
