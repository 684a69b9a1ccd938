"""Web addresses: mshub stores and shows only http and https URLs.

A ``javascript:``, ``data:`` or ``vbscript:`` address in a link runs in the reader's browser, so no
path (form, import, API, shell) may store one, and every page and report drops one it meets.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.core.validators import URLValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ("http", "https")


def is_web_url(value: Any) -> bool:
    """True for an absolute http(s) URL with a host and without control characters or spaces."""
    if not isinstance(value, str) or not value:
        return False
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)


def web_url_or_empty(value: Any) -> str:
    """``value`` if it is an http(s) URL, else "" (for showing stored or imported addresses)."""
    return value if is_web_url(value) else ""


@deconstructible
class WebURLValidator(URLValidator):
    """Django's URL check, limited to http and https."""

    message = _("Enter a web address starting with http:// or https://.")

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("schemes", list(WEB_SCHEMES))
        super().__init__(**kwargs)

    def __call__(self, value: Any) -> None:
        super().__call__(value)
        if not is_web_url(value):
            from django.core.exceptions import ValidationError

            raise ValidationError(self.message, code=self.code, params={"value": value})


validate_web_url = WebURLValidator()
