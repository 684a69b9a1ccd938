"""The archive's permissions: importing old documents is the secretariat's work."""

from __future__ import annotations

from typing import Any

from mshub.core.permissions import is_secretariat

PERMISSIONS: dict[str, Any] = {
    "archive.import_documents": is_secretariat,
}
