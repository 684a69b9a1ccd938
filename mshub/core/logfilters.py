"""Logging filters that keep the server log short: one line per refused request, no traceback."""

from __future__ import annotations

import logging


class ClientErrorsWithoutTraceback(logging.Filter):
    """Drop the traceback Django attaches to a 4xx (a 403 or 404 is the expected answer, not a bug).

    ``django.request`` logs every PermissionDenied, Http404 and bad request with ``exc_info``; the
    line itself ("Forbidden (Permission denied): /path") says all there is to say. Server errors
    (5xx) keep their traceback.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
