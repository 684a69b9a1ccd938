"""The consultation list and the deadline radar in headless Chromium, on a desktop (1280×800) and on
phones (375×667 and 320×568), in Japanese and English: nothing to scroll sideways, each row's state
and "N days left" on screen, the deadline in the issuer's zone and the reader's (the forum's,
Asia/Tokyo), the links to the .ics feed, and the weekly digest switched on and off by clicking.

The consultations are made through the services, with dates relative to today: an ICANN comment
open for five more days in America/Los_Angeles, one opening in three days, one closed last week.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone, translation

from mshub.calendar.services import create_event
from mshub.consultations.models import Consultation, DigestSubscription
from tests.browser.conftest import log_in, shot
from tests.browser.test_calendar import SIZES, assert_inside, assert_no_sideways_scroll, go, open_page, text
from tests.consultations.conftest import consultation
from tests.factories import ForumFactory, MembershipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FORUM = "jipf"
DAY = dt.timedelta(days=1)
ISSUER = "America/Los_Angeles"
LOCALES = ["ja-JP", "en-GB"]


@pytest.fixture
def world() -> dict[str, Any]:
    forum = ForumFactory(
        slug=FORUM,
        name_ja="日本インターネット政策フォーラム",
        name_en="Japan Internet Policy Forum",
        timezone="Asia/Tokyo",
    )
    member = UserFactory(email="member@example.org", language="")
    MembershipFactory(forum=forum, user=member)
    now = timezone.now()
    open_one = consultation(
        forum,
        "Proposed changes to the ICANN Bylaws regarding the Independent Review Process and its standing panel",
        now - 10 * DAY,
        now + 5 * DAY + dt.timedelta(hours=2),
        title_ja="ICANN定款の独立審査プロセスの改正案",
    )
    open_one.timezone = ISSUER
    open_one.save()
    upcoming = consultation(forum, "Ministry call on data flows", now + 3 * DAY, now + 12 * DAY)
    closed = consultation(forum, "CSTD WGEC questionnaire", now - 30 * DAY, now - 7 * DAY)
    create_event(None, name_en="IGF 2026 open consultations", precision="days", start_date=(now + 6 * DAY).date())
    return {"forum": forum, "member": member, "open": open_one, "upcoming": upcoming, "closed": closed}


def days_left(locale: str, days: int) -> str:
    with translation.override(locale[:2]):
        return translation.ngettext("%(days)s day left", "%(days)s days left", days) % {"days": days}


def both_zones(c: Consultation, locale: str) -> tuple[str, str]:
    issuer = f"{timezone.localtime(c.closes, c.local_closes.tzinfo):%Y-%m-%d %H:%M} {c.timezone}"
    reader = text(
        "%(when)s in your zone (%(zone)s)",
        locale,
        when=f"{timezone.localtime(c.closes, timezone.get_fixed_timezone(540)):%Y-%m-%d %H:%M}",
        zone="Asia/Tokyo",
    )
    return issuer, reader


def row_of(page: Any, title: str) -> Any:
    return page.locator("table.consultations tbody tr").filter(has_text=title)


def assert_row_on_screen(row: Any, size: str) -> str:
    assert row.count() == 1
    assert row.is_visible()
    assert_inside(row.bounding_box(), size)
    cells = row.locator("td")
    for i in range(cells.count()):
        if cells.nth(i).inner_text().strip():
            assert_inside(cells.nth(i).bounding_box(), size, cells.nth(i).inner_text())
    return " ".join(row.inner_text().split())


def shown_title(c: Consultation, locale: str) -> str:
    return c.title_ja if locale == "ja-JP" and c.title_ja else c.title_en


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("locale", LOCALES)
def test_the_list_shows_state_days_left_and_both_zones(new_page: Any, world: dict[str, Any], size: str, locale: str):
    page = open_page(new_page, size, locale)
    go(page, f"/{FORUM}/consultations/")
    open_one = world["open"]
    line = assert_row_on_screen(row_of(page, shown_title(open_one, locale)), size)
    assert days_left(locale, open_one.days_left()) in " ".join(line.split())
    issuer, reader = both_zones(open_one, locale)
    assert issuer in line
    assert " ".join(reader.split()) in line
    upcoming = assert_row_on_screen(row_of(page, "Ministry call on data flows"), size)
    assert text("upcoming", locale) in upcoming
    closed = assert_row_on_screen(row_of(page, "CSTD WGEC questionnaire"), size)
    assert text("awaiting the issuer's report", locale) in closed
    feed = page.locator(f'main a[href="/{FORUM}/consultations/calendar.ics"]')
    assert feed.is_visible()
    assert_inside(feed.bounding_box(), size)
    assert_no_sideways_scroll(page, size, "the consultation list")
    shot(page, f"consultations-list-{size}-{locale[:2]}")


@pytest.mark.parametrize("size", list(SIZES))
def test_the_radar_shows_what_closes_and_starts_soon(new_page: Any, world: dict[str, Any], size: str):
    locale = "en-GB"
    page = open_page(new_page, size, locale)
    log_in(page, world["member"])
    go(page, f"/{FORUM}/radar/?days=14")
    open_one = world["open"]
    line = assert_row_on_screen(row_of(page, open_one.title_en), size)
    assert days_left(locale, open_one.days_left()) in line
    issuer, reader = both_zones(open_one, locale)
    assert issuer in line
    assert reader in line
    assert "not decided yet" in line  # this forum's response, for members
    assert page.locator("main li.event-line", has_text="IGF 2026 open consultations").is_visible()
    assert row_of(page, "CSTD WGEC questionnaire").count() == 0
    for name in ("Weekly digest by mail", "Deadlines in your calendar (.ics)"):
        link = page.get_by_role("link", name=name, exact=True)
        assert link.is_visible()
        assert_inside(link.bounding_box(), size)
    assert_no_sideways_scroll(page, size, "the radar")
    shot(page, f"consultations-radar-{size}")


@pytest.mark.parametrize("size", ["desktop", "narrow"])
def test_the_digest_is_switched_on_and_off_by_clicking(new_page: Any, world: dict[str, Any], size: str):
    page = open_page(new_page, size, "en-GB")
    log_in(page, world["member"])
    go(page, f"/{FORUM}/radar/")
    page.get_by_role("link", name="Weekly digest by mail", exact=True).click()
    page.wait_for_url(f"{page.base}/{FORUM}/radar/digest/")
    assert page.locator("#digest-state").inner_text().strip() == "You do not receive it."
    button = page.get_by_role("button", name="Send me the weekly digest", exact=True)
    assert_inside(button.bounding_box(), size)
    button.click()
    page.wait_for_load_state()
    assert page.locator("#digest-state").inner_text().strip() == "You receive it at member@example.org."
    assert DigestSubscription.objects.filter(forum=world["forum"], user=world["member"]).exists()
    assert_no_sideways_scroll(page, size, "the digest page")
    shot(page, f"consultations-digest-{size}")
    page.get_by_role("button", name="Stop the weekly digest", exact=True).click()
    page.wait_for_load_state()
    assert page.locator("#digest-state").inner_text().strip() == "You do not receive it."
    assert not DigestSubscription.objects.exists()
