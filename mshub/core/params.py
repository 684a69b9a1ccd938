"""Request parameters read safely: bad input is the client's error (400), never a server error (500)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote_to_bytes

from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template import loader
from django.utils.translation import gettext as _

# The largest primary key any database here stores (a signed 64-bit integer).
MAX_ID = 2**63 - 1
_INT = re.compile(r"[0-9]{1,19}")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def int_param(data: Any, name: str, default: int | None = None) -> int | None:
    """``data[name]`` (a QueryDict: request.GET or request.POST) as a positive integer id.

    Missing or empty gives ``default``; anything else that is not a number between 1 and 2⁶³−1
    (``last``, ``1.5``, ``-1``, a 4 KB string) raises ``BadRequest``, which Django answers with 400.
    """
    value = data.get(name)
    if value is None or value == "":
        return default
    return parse_id(value, name)


def id_param(data: Any, name: str) -> int:
    """The id of the record a form names: missing gives 0 (matches no record: 404), malformed 400."""
    return int_param(data, name) or 0


def parse_id(value: Any, name: str = "id") -> int:
    """A positive integer id out of a string, or ``BadRequest``."""
    text = str(value).strip()
    if not _INT.fullmatch(text) or not 0 < int(text) <= MAX_ID:
        raise BadRequest(f"{name}: not a number")
    return int(text)


def malformed(text: str) -> bool:
    """True if URL-encoded ``text`` holds a NUL, a "%" not followed by two hex digits, or bytes
    that are not UTF-8 once decoded."""
    if "\x00" in text or _BAD_PERCENT.search(text):
        return True
    raw = unquote_to_bytes(text.replace("+", " "))
    if b"\x00" in raw:
        return True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


class BadInputMiddleware:
    """Refuse with 400 a request whose path, query string or form carries a NUL byte or a broken
    percent-encoding, before any view or database query sees it (PostgreSQL rejects NUL in text,
    which would otherwise surface as a server error)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.is_malformed(request):
            return bad_request(request)
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Any, args: Any, kwargs: dict[str, Any]) -> None:
        """An ``<int:…>`` URL argument beyond what a database column holds names no record: 404
        (the database would otherwise fail on the number)."""
        if any(isinstance(v, int) and not -MAX_ID <= v <= MAX_ID for v in [*args, *kwargs.values()]):
            raise Http404("No such record")

    @staticmethod
    def is_malformed(request: HttpRequest) -> bool:
        path = request.META.get("PATH_INFO", "")
        try:  # the WSGI server hands the path over as bytes decoded as Latin-1
            decoded_path = path.encode("iso-8859-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return True
        # A "%" left in the decoded path is a broken escape (%zz), or an escape of bytes that are
        # not UTF-8 (%ff%fe, which Django keeps percent-encoded); no page of mshub has a "%" in
        # its address, so either is refused, as is a NUL.
        if malformed(decoded_path) or "\x00" in request.path_info:
            return True
        if malformed(request.META.get("QUERY_STRING", "")):
            return True
        if request.method == "POST":
            if request.content_type == "application/x-www-form-urlencoded":
                try:
                    body = request.body.decode("iso-8859-1")
                except Exception:
                    return False
                if malformed(body):
                    return True
            elif request.content_type == "multipart/form-data":
                try:
                    values = [v for _key, vs in request.POST.lists() for v in vs]
                except Exception:
                    return False
                if any("\x00" in key for key in request.POST) or any("\x00" in v for v in values):
                    return True
        return False


def bad_request(request: HttpRequest) -> HttpResponse:
    """The site's 400 page (plain text if even that cannot be rendered)."""
    try:
        body: str = str(loader.render_to_string("400.html", {}, request=None))
    except Exception:
        body = _("Bad request: the address or the form holds characters that are not allowed.")
    return HttpResponseBadRequest(body)
