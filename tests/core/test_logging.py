"""The server log, as configured for ``make demo`` (DEBUG on): one line per event, no traceback for a 403."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import redirect_stderr

import pytest
from django.utils.log import configure_logging


@pytest.fixture
def server_log(settings) -> Iterator[io.StringIO]:  # type: ignore[no-untyped-def]
    """What the console shows, with the project's LOGGING applied as at start-up in DEBUG."""
    settings.DEBUG = True
    stream = io.StringIO()
    with redirect_stderr(stream):  # StreamHandler takes sys.stderr when it is built
        configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    try:
        yield stream
    finally:
        configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)


def test_a_refused_request_logs_one_line_without_traceback(cast, server_log):
    response = cast.client("member").get(f"/{cast.forum.slug}/settings/")
    assert response.status_code == 403
    lines = server_log.getvalue().splitlines()
    assert lines == [f"WARNING django.request: Forbidden (Permission denied): /{cast.forum.slug}/settings/"]


def test_start_up_lines_are_printed_once(server_log):
    line = "Watching for file changes with StatReloader"
    logging.getLogger("django.utils.autoreload").info(line)
    assert server_log.getvalue().splitlines() == [f"INFO django.utils.autoreload: {line}"]


def test_a_server_error_keeps_its_traceback(server_log):
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        logger = logging.getLogger("django.request")
        logger.error("Internal Server Error: /x", exc_info=True, extra={"status_code": 500})
    assert "Traceback" in server_log.getvalue()
    assert "ZeroDivisionError: boom" in server_log.getvalue()


def test_runserver_request_lines_keep_their_own_format_once(server_log):
    logging.getLogger("django.server").info('"%s" %s %s', "GET / HTTP/1.1", "200", "3169", extra={"status_code": 200})
    [line] = server_log.getvalue().splitlines()
    assert line.startswith("[")
    assert line.endswith('] "GET / HTTP/1.1" 200 3169')
