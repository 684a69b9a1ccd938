"""The processes that render report PDFs load WeasyPrint and the fonts before their first job
(``PDF_WARM_UP``): once per process, rendering nothing anyone sees; management commands never do."""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import re
import subprocess
import sys
import threading
import time
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from mshub.meetings.reports import pdf
from mshub.meetings.reports.render import render_html
from tests.meetings.sample11 import build_meeting_11

ROOT = Path(__file__).resolve().parents[2]


def facts(document: bytes) -> tuple[int, str, set[str]]:
    """(pages, text, embedded font names) of a PDF, read back with pypdf."""
    reader = PdfReader(BytesIO(document))
    text = re.sub(r"\s+", " ", "".join(page.extract_text() for page in reader.pages))
    fonts = {
        str(font["/BaseFont"]).split("+")[-1]  # without the subset's tag
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()  # type: ignore[union-attr]
    }
    return len(reader.pages), text, fonts


def test_the_warm_up_renders_nothing_anyone_sees_and_logs_its_time(settings, tmp_path, caplog):
    settings.MEDIA_ROOT = tmp_path
    caplog.set_level(logging.INFO, logger="mshub.meetings.reports.pdf")
    assert pdf.warm_up() is None  # no database here: a query would fail the test
    assert list(tmp_path.iterdir()) == []
    assert "PDF fonts loaded in " in caplog.text
    assert f"(process {os.getpid()})" in caplog.text


@pytest.mark.slow
@pytest.mark.django_db
def test_a_report_pdf_after_the_warm_up_is_the_same_with_japanese_text_and_page_numbers(forum):
    html = render_html(build_meeting_11(forum), "ja")
    before = facts(pdf.render_pdf(html))
    pdf.warm_up()
    after = facts(pdf.render_pdf(html))
    assert after == before
    pages, text, fonts = after
    assert pages >= 2
    assert f"1 / {pages}" in text
    for fact in ("会場参加者数", "高根 優子", "JPNIC 会議室"):
        assert fact in text, fact
    assert {"Noto-Sans-CJK-JP", "Noto-Sans-CJK-JP-Bold"} <= fonts, fonts


def test_with_the_warm_up_on_django_starts_without_weasyprint_or_a_thread():
    """``manage.py`` commands and web processes start as fast as before: the hook is only registered."""
    code = (
        "import sys, threading, django; django.setup(); from mshub.core import background; "
        "from mshub.meetings.reports.pdf import warm_up; "
        "print(background._warm_ups == [warm_up], 'weasyprint' in sys.modules, threading.active_count())"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "PDF_WARM_UP"}}
    env["DJANGO_SETTINGS_MODULE"] = "mshub.settings.dev"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["True", "False", "1"], out.stderr
    off = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**env, "PDF_WARM_UP": "false"}, capture_output=True, text=True
    )
    assert off.stdout.split()[0] == "False", off.stderr


def _redis_up() -> bool:
    import socket

    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.worker
@pytest.mark.slow
def test_each_celery_worker_process_loads_the_fonts_once_as_it_starts(tmp_path):
    if not _redis_up():
        if os.environ.get("CI"):
            pytest.fail("Redis is not listening on 127.0.0.1:6379 (CI must start it)")
        pytest.skip("worker test skipped: no Redis on 127.0.0.1:6379")
    env = {k: v for k, v in os.environ.items() if k not in {"PDF_WARM_UP", "LOG_LEVEL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="mshub.settings.dev",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/14",
        MSHUB_VAR_DIR=str(tmp_path),
    )
    worker = subprocess.Popen(
        [
            *[sys.executable, "-m", "celery", "-A", "mshub", "worker", "--pool=prefork", "--concurrency=2"],
            *["--loglevel=INFO", "--without-heartbeat", "--without-gossip", "--without-mingle"],
            *["-Q", f"warm-up-test-{os.getpid()}", "-n", f"warm-up-{os.getpid()}@localhost"],  # takes no one's tasks
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in worker.stdout], daemon=True).start()  # type: ignore[union-attr]
    seen: list[str] = []
    try:
        deadline = time.monotonic() + 90
        while sum("PDF fonts loaded in" in line for line in seen) < 2 and time.monotonic() < deadline:
            with contextlib.suppress(queue.Empty):
                seen.append(lines.get(timeout=1))
        time.sleep(2)  # a second warm-up in a process would show by now
        while not lines.empty():
            seen.append(lines.get())
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    loaded = [m.group(1) for line in seen if (m := re.search(r"PDF fonts loaded in .* \(process (\d+)\)", line))]
    assert len(loaded) == 2, "".join(seen)
    assert len(set(loaded)) == 2  # one per child process, none in the main process
    assert str(worker.pid) not in loaded
