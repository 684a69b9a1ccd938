"""Headless Chromium (Debian's, through Playwright's sync API) against pytest-django's live server.

Where /usr/bin/chromium is absent the browser tests are skipped with a message; CI sets
MSHUB_REQUIRE_BROWSER=1 so that a missing browser fails the run instead.

The live server runs in a thread of this process against a transactional test database, so rows
that a test makes with the factories are visible to it. Every page opened through the fixtures
here records JavaScript console errors and uncaught exceptions, and the test fails at teardown if
there were any.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop in this thread

CHROMIUM = "/usr/bin/chromium"
SKIP_MESSAGE = "browser tests skipped: Debian chromium not installed (apt-get install chromium)"
REQUIRE_ENV = "MSHUB_REQUIRE_BROWSER"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 900}
HERE = Path(__file__).resolve().parent


def browser_required() -> bool:
    return os.environ.get(REQUIRE_ENV) == "1"


def chromium_present() -> bool:
    return Path(CHROMIUM).exists()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark everything in this folder ``browser``; skip it early (before any database) without Chromium."""
    missing = not chromium_present() and not browser_required()
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)
            if missing:
                item.add_marker(pytest.mark.skip(reason=SKIP_MESSAGE))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not chromium_present():
        if browser_required():
            pytest.fail(
                f"{REQUIRE_ENV}=1 but Debian chromium is not installed at {CHROMIUM} (apt-get install chromium)"
            )
        pytest.skip(SKIP_MESSAGE)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser: Any, live_server: Any) -> Iterator[Callable[..., Any]]:
    """Open pages in fresh browser contexts: ``new_page(viewport=..., java_script_enabled=False, ...)``.

    Each page has ``base`` (the live server's URL) and ``errors`` (console errors and uncaught
    exceptions, each prefixed with the page's URL). All contexts are closed at teardown, and the
    test fails there if any page logged a JavaScript error.
    """
    contexts: list[Any] = []
    pages: list[Any] = []

    def open_page(**options: Any) -> Any:
        options = {"viewport": DESKTOP, "locale": "ja-JP", **options}
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.base = live_server.url
        page.errors = []
        page.on("console", lambda m: page.errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(f"{page.url}: {e}"))
        pages.append(page)
        return page

    yield open_page
    errors = [e for page in pages for e in page.errors]
    for context in contexts:
        context.close()
    assert errors == [], "JavaScript errors in the browser:\n" + "\n".join(errors)


@pytest.fixture
def page(new_page: Callable[..., Any]) -> Any:
    """A desktop-sized page with a Japanese browser (Accept-Language: ja-JP)."""
    return new_page()


def sign_in(page: Any, email: str, password: str) -> None:
    """Sign in through the login form, as a person would."""
    page.goto(f"{page.base}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def log_in(page: Any, user: Any) -> None:
    """Give the page's browser context a session for ``user`` without going through the form (fast)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": page.base}])


def shot(page: Any, name: str) -> Path:
    """A full-page PNG under var/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def rendering_fonts(page: Any, selector: str) -> dict[str, int]:
    """The fonts Chromium actually drew an element's text with (family name: glyph count).

    Asks the DevTools protocol, so a page whose Japanese fell back to boxes or to no CJK font
    at all cannot pass for rendered text.
    """
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, f"no element matches {selector!r}"
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()
    return {f["familyName"]: f["glyphCount"] for f in fonts}


def announced_meeting(**fields: Any) -> Any:
    """The 1st meeting of the Minato forum's series, announced, a month from now (in Asia/Tokyo)."""
    import datetime as dt

    from django.utils import timezone

    from mshub.meetings.models import Meeting, MeetingSeries, MeetingStatus
    from tests.factories import ForumFactory

    forum = ForumFactory(slug="minato", name_ja="みなと政策会合", name_en="Minato Policy Meeting")
    series = MeetingSeries.objects.create(forum=forum, slug="minato", name_ja="みなと会合", timezone="Asia/Tokyo")
    start = timezone.now() + dt.timedelta(days=30)
    return Meeting.objects.create(
        forum=forum,
        series=series,
        number=1,
        start=start,
        end=start + dt.timedelta(hours=2),
        timezone="Asia/Tokyo",
        status=MeetingStatus.ANNOUNCED,
        **fields,
    )
