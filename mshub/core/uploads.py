"""Uploaded files are checked by their content, not their name, and limited in size."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import filetype  # type: ignore[import-untyped]
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# What a forum distributes: documents, slides, spreadsheets, images, plain text.
ALLOWED_TYPES = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
    "application/vnd.oasis.opendocument.text": "ODF text",
    "application/vnd.oasis.opendocument.presentation": "ODF presentation",
    "application/vnd.oasis.opendocument.spreadsheet": "ODF spreadsheet",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "text/plain": "text",
}


@dataclass
class CheckedUpload:
    content_type: str
    size: int
    sha256: str


def check_upload(upload: UploadedFile, max_bytes: int | None = None) -> CheckedUpload:
    """Raise ValidationError unless ``upload`` is an allowed kind of file within the size limit."""
    limit = max_bytes or settings.MATERIAL_MAX_BYTES
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("The file is empty."))
    if size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )
    upload.seek(0)
    head = upload.read(8192)
    kind = filetype.guess(head)
    content_type = kind.mime if kind else _plain_text(upload, head)
    upload.seek(0)
    if content_type not in ALLOWED_TYPES:
        raise ValidationError(
            _("“%(name)s” is not a document this site accepts (%(allowed)s), whatever its name says.")
            % {"name": upload.name, "allowed": ", ".join(sorted(set(ALLOWED_TYPES.values())))}
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(content_type=content_type, size=size, sha256=digest.hexdigest())


def _plain_text(upload: UploadedFile, head: bytes) -> str:
    if b"\x00" in head:
        return "application/octet-stream"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the 8 KiB boundary is still text.
        if exc.start < len(head) - 4:
            return "application/octet-stream"
    return "text/plain"
