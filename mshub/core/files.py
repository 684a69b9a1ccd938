"""Stored files: unguessable names on disk, and one way to hand a file to a reader.

Nothing under ``MEDIA_ROOT`` is ever served by path. Every file goes out through a view that has
checked the reader's permission first (a material, a report PDF, an archived original), and that
view answers with :func:`file_response`. On one server the application streams the file itself; behind
nginx (``MEDIA_ACCEL_REDIRECT``) or Apache/lighttpd (``MEDIA_SENDFILE``) it only names the file and
the proxy sends the bytes from an *internal* location that readers cannot reach directly.

Storage names carry a random token and the forum's id, never the original file name nor anything a
reader could count up (``reports/2/tf-3-v1-en.pdf`` was guessable): the original name is kept in the
database and given back in ``Content-Disposition``.
"""

from __future__ import annotations

import mimetypes
import secrets
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.http import content_disposition_header

# Extensions kept on stored names (they help the proxy choose a type); anything else is dropped.
_SAFE_SUFFIX = frozenset(
    [
        ".pdf",
        ".txt",
        ".md",
        ".html",
        ".htm",
        ".docx",
        ".doc",
        ".xlsx",
        ".xls",
        ".pptx",
        ".ppt",
        ".odt",
        ".ods",
        ".odp",
        ".csv",
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".svg",
        ".webp",
        ".zip",
        ".ics",
        ".json",
        ".xml",
    ]
)


def private_name(folder: str, filename: str) -> str:
    """``folder/<random token><suffix>``: a storage name nobody can guess from what the page shows."""
    suffix = PurePosixPath(filename or "").suffix.lower()
    if suffix not in _SAFE_SUFFIX:
        suffix = ""
    return f"{folder.strip('/')}/{secrets.token_urlsafe(18)}{suffix}"


def file_response(
    file: FieldFile,
    filename: str,
    *,
    content_type: str = "",
    as_attachment: bool = True,
    private: bool = True,
    sandbox: bool = True,
) -> HttpResponseBase:
    """The response that hands ``file`` to a reader whose permission the view has already checked.

    ``as_attachment`` makes browsers download instead of rendering (materials and archived originals
    are third-party files); ``sandbox`` adds a CSP that stops scripts in a file shown inline (a PDF
    with JavaScript); ``private`` keeps shared caches from storing files of a closed forum or series.
    """
    content_type = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    accel = getattr(settings, "MEDIA_ACCEL_REDIRECT", "")
    sendfile = getattr(settings, "MEDIA_SENDFILE", "")
    response: HttpResponseBase
    if accel:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + quote(file.name or "")
    elif sendfile:
        response = HttpResponse(content_type=content_type)
        response[sendfile] = file.path
    else:
        response = FileResponse(file.open("rb"), content_type=content_type)
    disposition = content_disposition_header(as_attachment, filename)
    if disposition:
        response["Content-Disposition"] = disposition
    _harden(response, private=private, sandbox=sandbox)
    return response


def bytes_response(content: bytes, filename: str, content_type: str, **options: Any) -> HttpResponse:
    """The same headers for content made on the fly (a PDF rendered while no stored copy exists)."""
    response = HttpResponse(content, content_type=content_type)
    disposition = content_disposition_header(options.pop("as_attachment", False), filename)
    if disposition:
        response["Content-Disposition"] = disposition
    _harden(response, private=options.pop("private", True), sandbox=options.pop("sandbox", True))
    return response


def _harden(response: HttpResponseBase, *, private: bool, sandbox: bool) -> None:
    response["X-Content-Type-Options"] = "nosniff"
    if sandbox:
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    if private:
        response["Cache-Control"] = "private"


def rename_to_private(rows: Any, field: str, folder: Any) -> int:
    """Move files stored under readable names to private ones; used by data migrations.

    ``rows`` is a queryset (a historical model is fine), ``folder(row)`` names the folder. A file
    missing on disk keeps its row unchanged. Returns the number of files moved.
    """
    moved = 0
    for row in rows.exclude(**{field: ""}).iterator():
        stored = getattr(row, field)
        storage, old = stored.storage, stored.name
        if not storage.exists(old):
            continue
        with storage.open(old, "rb") as handle:
            new = storage.save(private_name(folder(row), old), handle)
        type(row)._base_manager.filter(pk=row.pk).update(**{field: new})
        storage.delete(old)
        moved += 1
    return moved
