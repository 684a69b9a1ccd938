"""``{{ warning|archive_message }}``: the archive's messages in the reader's language."""

from __future__ import annotations

from django import template

from mshub.archive.messages import localize, localize_joined

register = template.Library()


@register.filter
def archive_message(message: str) -> str:
    return localize(str(message))


@register.filter
def archive_messages(joined: str) -> list[str]:
    return localize_joined(str(joined or ""))
