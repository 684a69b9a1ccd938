"""Response headers and the demo's guard: CSP everywhere, no caching of signed-in pages, cookie flags."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import include, path

from mshub.accounts.models import User

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "mshub"
REQUIRED = [
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
]


def _boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


urlpatterns = [path("boom/", _boom), path("", include("mshub.urls"))]


def csp(response: HttpResponse) -> str:
    policy = response.get("Content-Security-Policy", "")
    for directive in REQUIRED:
        assert directive in policy, (directive, policy)
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    return policy


def nonce_of(policy: str) -> str:
    match = re.search(r"'nonce-([^']+)'", policy)
    assert match, policy
    return match.group(1)


def test_html_pages_have_a_policy_without_inline_code_and_their_style_carries_the_nonce(cast):
    response = cast.client("member").get(cast.forum.get_absolute_url())
    nonce = nonce_of(csp(response))
    page = response.content.decode()
    assert f'<style nonce="{nonce}">:root' in page  # the forum's accent colour
    assert '"includeIndicatorStyles":false' in page  # htmx injects no inline <style>
    again = nonce_of(csp(cast.client("member").get(cast.forum.get_absolute_url())))
    assert again != nonce  # a fresh nonce per response


def test_error_pages_have_the_policy_too(cast):
    csp(Client().get("/no-such-forum/at-all/"))  # 404
    csp(cast.client("visitor").get(f"/{cast.forum.slug}/people/new/"))  # 403


@pytest.mark.urls("tests.core.test_security_headers")
def test_the_server_error_page_has_the_policy():
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    csp(response)


def test_templates_hold_no_inline_script_style_attribute_or_unnonced_style():
    offending = []
    for template in TEMPLATES.rglob("templates/**/*.html"):
        text = template.read_text()
        for pattern in (
            r"\sstyle=\"",
            r"<script(?![^>]*\ssrc=)(?![^>]*type=\"application/json\")[^>]*>",
            r"\son\w+=\"",
        ):
            offending += [f"{template.name}: {m.group(0)}" for m in re.finditer(pattern, text)]
        offending += [f"{template.name}: <style>" for m in re.finditer(r"<style(?![^>]*nonce=)[^>]*>", text)]
    # the report document itself is shown in a frame (nonce added by the view) and rendered to PDF;
    # a briefing's and a paper's PDF documents are only ever rendered to PDF (browsers get pages)
    exempt = ("report.html: <style>", "deck_document.html: <style>", "paper_pdf.html: <style>")
    offending = [o for o in offending if not o.startswith(exempt)]
    assert offending == []


def test_report_preview_frame_gets_the_nonce_and_no_style_attributes(forum, cast):
    from tests.meetings.sample11 import build_meeting_11

    meeting = build_meeting_11(forum)
    response = cast.client("secretariat").get(f"{meeting.get_absolute_url()}report/")
    assert response.status_code == 200
    nonce = nonce_of(csp(response))
    page = response.content.decode()
    srcdoc = re.search(r'srcdoc="([^"]*)"', page)
    assert srcdoc
    assert f"&lt;style nonce=&quot;{nonce}&quot;&gt;" in srcdoc.group(1)
    assert "style=&quot;" not in srcdoc.group(1)


def test_signed_in_pages_are_not_cached_public_pages_may_be(cast):
    signed_in = cast.client("member").get(cast.forum.get_absolute_url())
    assert "private" in signed_in["Cache-Control"]
    assert "no-store" in signed_in["Cache-Control"]
    assert "Cookie" in signed_in["Vary"]
    anonymous = Client().get(cast.forum.get_absolute_url())
    assert "no-store" not in anonymous.get("Cache-Control", "")


def test_time_zone_cookie_is_https_only_http_only_and_same_site(settings):
    settings.SESSION_COOKIE_SECURE = True
    response = Client().post("/accounts/timezone/", {"timezone": "Europe/Zurich", "next": "/"})
    cookie = response.cookies["mshub_tz"]
    assert cookie.value == "Europe/Zurich"
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_loaddemo_refuses_without_debug_unless_told_explicitly(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="password is 'demo'"):
        call_command("loaddemo", "--no-meetings", stdout=StringIO())
    assert not User.objects.exists()
    settings.DEBUG = True
    call_command("loaddemo", "--no-meetings", stdout=StringIO())
    assert User.objects.filter(email="secretariat@demo.example").exists()
