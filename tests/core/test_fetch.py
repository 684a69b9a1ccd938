"""The guarded fetcher against a real HTTP server in a thread (127.0.0.1, allowed only where a test says so)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings

from mshub.core.fetch import FetchError, address_allowed, fetch

LOCAL = override_settings(FETCH_ALLOWED_NETWORKS=["127.0.0.0/8"])


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/ok":
            self._send(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        elif self.path == "/big":
            self._send(b"x" * 5000)
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(b"late")
        elif self.path == "/to-ok":
            self.send_response(302)
            self.send_header("Location", "/ok")
            self.end_headers()
        elif self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        else:
            self.send_error(404)

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/calendar")
        self.end_headers()
        with contextlib.suppress(BrokenPipeError):  # the client gave up (the timeout test)
            self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.0.1", "169.254.169.254", "::1", "224.0.0.1", "0.0.0.0"],  # noqa: S104
)
def test_private_loopback_link_local_multicast_refused_by_default(address: str) -> None:
    assert not address_allowed(address)


def test_public_addresses_and_mapped_loopback() -> None:
    assert address_allowed("93.184.216.34")
    assert not address_allowed("::ffff:127.0.0.1")


def test_loopback_server_refused_by_default(server: str) -> None:
    with pytest.raises(FetchError, match="private network"):
        fetch(server + "/ok")
    with pytest.raises(FetchError, match="private network"):
        fetch("http://[::1]:9/")
    with pytest.raises(FetchError, match="private network"):
        fetch("http://10.0.0.1/feed.ics")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x.ics", "javascript:alert(1)", "http://"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(FetchError, match="http"):
        fetch(url)


@LOCAL
def test_fetches_when_allowed_and_follows_checked_redirects(server: str) -> None:
    assert fetch(server + "/ok").startswith(b"BEGIN:VCALENDAR")
    assert fetch(server + "/to-ok").startswith(b"BEGIN:VCALENDAR")
    with pytest.raises(FetchError):  # urllib refuses the scheme before asking us (error 302)
        fetch(server + "/to-file")


@LOCAL
def test_size_cap_timeout_and_errors(server: str) -> None:
    with pytest.raises(FetchError, match="larger than 1000"):
        fetch(server + "/big", max_bytes=1000)
    with pytest.raises(FetchError, match="in time"):
        fetch(server + "/slow", timeout=0.3)
    with pytest.raises(FetchError, match="404"):
        fetch(server + "/missing")
