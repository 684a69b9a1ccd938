"""``{{ warning|archive_message }}``: the archive's messages in the reader's language."""

from __future__ import annotations

from typing import Any

from django import template

from mshub.archive.messages import localize, localize_joined
from mshub.archive.parsed import ParsedRecord
from mshub.archive.problems import shown

register = template.Library()


@register.filter
def archive_message(message: str) -> str:
    return localize(str(message))


@register.filter
def archive_messages(joined: str) -> list[str]:
    return localize_joined(str(joined or ""))


@register.filter
def archive_warnings(record: ParsedRecord | None) -> list[str]:
    """A parsed record's warnings in the reader's language, from their codes."""
    return shown(record, "warnings")


@register.filter
def archive_errors(item: Any) -> list[str]:
    """An import item's errors in the reader's language, from the codes its record keeps."""
    if item.record and item.record.get("errors"):
        return shown(item.record, "errors")
    return localize_joined(str(item.error or ""))
