"""``{{ record|archive_warnings }}``, ``{{ item|archive_errors }}``: the archive's messages in the
reader's language, from the codes the record keeps (mshub/archive/problems.py)."""

from __future__ import annotations

from typing import Any

from django import template

from mshub.archive.parsed import ParsedRecord
from mshub.archive.problems import shown

register = template.Library()


@register.filter
def archive_warnings(record: ParsedRecord | None) -> list[str]:
    """A parsed record's warnings in the reader's language, from their codes."""
    return shown(record, "warnings")


@register.filter
def archive_errors(item: Any) -> list[str]:
    """An import item's errors in the reader's language, from the codes its record keeps."""
    return shown(item.record, "errors")
