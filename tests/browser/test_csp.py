"""The Content-Security-Policy in a real browser: htmx, the forum's colour, the report preview, the chart.

Every page here records ``securitypolicyviolation`` events; the ``new_page`` fixture also fails the
test on any console error (Chromium logs each refused inline script or style as one).
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from mshub.core.models import Role
from tests.browser.conftest import log_in
from tests.factories import ForumFactory, MembershipFactory, PersonFactory, UserFactory
from tests.meetings.sample11 import build_meeting_11

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sample || ""));
});
"""


@pytest.fixture
def secretariat() -> Any:
    forum = ForumFactory(slug="csp", name_ja="CSPフォーラム", name_en="CSP forum", accent_color="#aa3355")
    user = UserFactory(email="sec@example.org")
    MembershipFactory(forum=forum, user=user, role=Role.SECRETARIAT)
    for i in range(5):
        PersonFactory(forum=forum, family_name_ja=f"山田{i}", given_name_ja="花子", family_name_latin=f"Yamada{i}")
    PersonFactory(forum=forum, family_name_ja="鈴木", given_name_ja="一郎", family_name_latin="Suzuki")
    return user


def open_watched(new_page: Any, user: Any) -> Any:
    page = new_page()
    page.add_init_script(WATCH)
    log_in(page, user)
    return page


def test_people_search_with_htmx_runs_under_the_policy_without_violations(new_page, secretariat):
    page = open_watched(new_page, secretariat)
    response = page.goto(f"{page.base}/csp/people/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert page.evaluate("typeof window.htmx") == "object"  # deferred scripts ran before "load"
    page.evaluate("window.__still_here = true")
    with page.expect_response(lambda r: "q=" in r.url and r.request.headers.get("hx-request") == "true"):
        page.locator("#id_q").press_sequentially("Suzuki", delay=20)
    expect(page.locator("#results tbody tr")).to_have_count(1)  # (no wait_for_function: the CSP forbids its eval)
    assert page.evaluate("window.__still_here") is True  # swapped in place by htmx, no page load
    # the forum's accent colour comes from the nonced inline <style>
    accent = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()")
    assert accent.lower() == "#aa3355"
    assert page.evaluate("window.__csp") == []


def test_report_preview_and_statistics_render_styled_without_violations(new_page, secretariat):
    meeting = build_meeting_11(secretariat.memberships.get().forum)
    page = open_watched(new_page, secretariat)
    response = page.goto(f"{page.base}{meeting.get_absolute_url()}report/")
    assert "style-src 'self' 'nonce-" in response.headers["content-security-policy"]
    frame = page.frame_locator("iframe.report-frame")
    assert "第11回" in frame.locator("body").inner_text()
    # the report's own <style> applies inside the srcdoc frame (it carries the page's nonce)
    border = frame.locator("h2").first.evaluate("e => getComputedStyle(e).borderBottomStyle")
    assert border == "solid"
    height = page.locator("iframe.report-frame").evaluate("e => e.getBoundingClientRect().height")
    assert height > 300  # the frame's size comes from site.css now
    assert page.evaluate("window.__csp") == []

    page.goto(f"{page.base}/csp/meetings/statistics/")
    assert page.evaluate("window.__csp") == []
