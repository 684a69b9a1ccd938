"""Fetching a URL someone typed (a calendar feed) without letting them reach the server's own network.

- only ``http`` and ``https``; no proxies from the environment;
- the host name is resolved and *every* address it resolves to is checked: loopback, private,
  link-local, multicast, reserved and unspecified addresses are refused, and the connection is made
  to the address that was checked (so a name that resolves differently a moment later cannot slip
  through); ``FETCH_ALLOWED_NETWORKS`` (e.g. ``["127.0.0.0/8"]``) lets chosen networks through, for
  tests and for an installation that subscribes to a feed on its own intranet;
- every redirect is checked the same way (at most ``MAX_REDIRECTS``);
- a timeout on connecting and on each read, and a size cap: reading stops at ``max_bytes`` + 1.

Any failure raises ``FetchError`` with a message for the person who gave the URL.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.error
import urllib.request
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 10.0  # seconds, for connecting and for each read
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class FetchError(Exception):
    """The URL could not be fetched; ``str()`` says why, for the person who gave it; ``status`` is
    the HTTP status the server answered with, if it answered."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def _allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(net) for net in getattr(settings, "FETCH_ALLOWED_NETWORKS", [])]


def address_allowed(address: str) -> bool:
    """Whether a connection to ``address`` (an IP address) may be made."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if any(ip in net for net in _allowed_networks()):
        return True
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def _guarded_connection(
    address: tuple[str, int], timeout: Any = None, source_address: Any = None, **kwargs: Any
) -> socket.socket:
    """``socket.create_connection`` to a vetted address of ``address``'s host (all of them must pass)."""
    host, port = address
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise FetchError(_("The server's name could not be found.")) from exc
    if not infos or not all(address_allowed(str(info[4][0])) for info in infos):
        raise FetchError(_("Addresses on this server's own or a private network cannot be fetched."))
    family, kind, proto, _name, sockaddr = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        if timeout is not None:
            sock.settimeout(timeout)
        sock.connect(sockaddr)
    except OSError:
        sock.close()
        raise
    return sock


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _guarded_connection


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _guarded_connection  # then wrapped in TLS for ``self.host`` (SNI, checked)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPSConnection, req)


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        check_url(newurl)  # the scheme; the addresses are checked when connecting
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_url(url: str) -> str:
    """``url`` if it is an http(s) URL with a host; else ``FetchError``."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise FetchError(_("This is not a web address.")) from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(_("Only http:// and https:// addresses can be fetched."))
    return url


class FetchedBody(NamedTuple):
    body: bytes
    status: int
    content_type: str  # the media type, lower-cased, without parameters ("" if none was sent)


CHUNK = 64 * 1024


def fetch(url: str, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """The body ``url`` returns (status 200), at most ``max_bytes`` long; else ``FetchError``."""
    return fetch_response(url, max_bytes=max_bytes, timeout=timeout).body


def fetch_response(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    accept: str = "text/calendar, */*",
    agent: str = "mshub calendar",
) -> FetchedBody:
    """The body ``url`` returns (status 200) with its status and media type, read in chunks and at
    most ``max_bytes`` long; else ``FetchError`` (``status`` set when the server answered one)."""
    check_url(url)
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler({}),
        _HTTPHandler(),
        _HTTPSHandler(),
        _RedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.HTTPDefaultErrorHandler(),
    ):
        opener.add_handler(handler)
    request = urllib.request.Request(url, headers={"User-Agent": agent, "Accept": accept})  # noqa: S310 (http(s) only: check_url)
    too_large = _("The file is larger than %(size)s bytes.") % {"size": max_bytes}
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(too_large, status=response.status)
            chunks: list[bytes] = []
            size = 0
            while size <= max_bytes:
                chunk = response.read(min(CHUNK, max_bytes + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            status = response.status
            content_type = response.headers.get_content_type() if response.headers.get("Content-Type") else ""
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        message = _("The server answered with error %(status)s.") % {"status": exc.code}
        raise FetchError(message, status=exc.code) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, FetchError):
            raise exc.reason from exc
        if isinstance(exc.reason, TimeoutError):
            raise FetchError(_("The server did not answer in time.")) from exc
        raise FetchError(_("The server could not be reached.")) from exc
    except TimeoutError as exc:
        raise FetchError(_("The server did not answer in time.")) from exc
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise FetchError(_("The server could not be reached.")) from exc
    if size > max_bytes:
        raise FetchError(too_large, status=status)
    return FetchedBody(b"".join(chunks), status, content_type.lower())
