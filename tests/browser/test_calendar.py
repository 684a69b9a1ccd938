"""The international calendar in headless Chromium, on a desktop (1280×800) and on phones (375×667
and 320×568), in Japanese and English: the month (a grid of weeks on a desktop; on a phone only the
days with events, and nothing to scroll sideways), the year, the timeline ("Main events of 2014"),
an event page with the event's zone and the reader's, the filters without JavaScript, the keyboard,
and the phone's menu.

The events are the demo's (``mshub.calendar.demo.build_events``, made through the calendar's
services): the sample talk's 2014 and 2015 and the trend briefing's 2016, and a few dated from
today, among them a timed UN OEWG session in America/New_York.

Each page is a case of ``PAGES`` (name: address), which every size checks for sideways scrolling;
a page added to the calendar (the consultation list) joins that check there, and gets a test of its
own for what it shows, beside the month's and the timeline's below.
"""

from __future__ import annotations

import itertools
import re
import zoneinfo
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import translation

from mshub.calendar.demo import build_events
from mshub.calendar.models import ExternalEvent
from mshub.core.middleware import TZ_COOKIE
from tests.browser.conftest import shot
from tests.factories import ForumFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 375, "height": 667},
    "narrow": {"width": 320, "height": 568},
}
PHONES = ["phone", "narrow"]
LOCALES = ["ja-JP", "en-GB"]
FORUM = "jipf"
ACCENT = "#7a1f5c"  # the forum's colour (a <style nonce> in every page): rgb(122, 31, 92)
# (not window.innerWidth: a phone browser zooms out to show a page that is too wide, and widens it)
PAGE_WIDTH = "document.scrollingElement.scrollWidth"

# The calendar's pages, each checked on every size for sideways scrolling.
PAGES: dict[str, Callable[[dict[str, ExternalEvent]], str]] = {
    "upcoming": lambda events: f"/{FORUM}/calendar/",
    "month": lambda events: f"/{FORUM}/calendar/2014/11/",
    "year": lambda events: f"/{FORUM}/calendar/2014/",
    "timeline": lambda events: f"/{FORUM}/calendar/timeline/",
    "event": lambda events: f"/{FORUM}/calendar/events/{events['oewg-session'].pk}/",
    "event-with-days": lambda events: f"/{FORUM}/calendar/events/{events['wic-2014'].pk}/",
}

# The demo's top-level events of 2014 (the Wuzhen summit's three days are on its own page).
EVENTS_2014_EN = [
    "US announces the IANA stewardship transition",
    "NETmundial",
    "WSIS+10 High-Level Event",
    "APrIGF 2014",
    "IGF 2014 (9th IGF)",
    "ITU Plenipotentiary Conference (PP-14)",
    "1st World Internet Conference, Wuzhen Summit",
    "Cyberspace Cooperation Summit",
]
EVENTS_2014_JA = [
    "米国「IANA機能」監督権移譲を表明",
    "NETmundial会議",
    "WSIS+10 ハイレベル・イベント",
    "APrIGF 2014",
    "IGF 2014 (第9回)",
    "ITU全権委員会議 (PP-14)",
    "第1回 世界インターネット大会 烏鎮サミット",
    "サイバースペース協力サミット",
]
# November 2014: PP-14 (20 October – 7 November) and the Wuzhen summit (19–21 November)
NOVEMBER_2014_DAYS = [*range(1, 8), 19, 20, 21]


@pytest.fixture
def events() -> dict[str, ExternalEvent]:
    ForumFactory(
        slug=FORUM,
        name_ja="日本インターネット政策フォーラム",
        name_en="Japan Internet Policy Forum",
        accent_color=ACCENT,
    )
    return build_events()


def text(message: str, locale: str, **values: Any) -> str:
    """The UI text in the page's language, from the catalogue the server uses."""
    with translation.override(locale[:2]):
        return translation.gettext(message) % values if values else translation.gettext(message)


def names(locale: str) -> list[str]:
    return EVENTS_2014_JA if locale == "ja-JP" else EVENTS_2014_EN


def open_page(new_page: Any, size: str, locale: str = "ja-JP", **options: Any) -> Any:
    phone = size != "desktop"
    return new_page(viewport=SIZES[size], locale=locale, is_mobile=phone, has_touch=phone, **options)


def go(page: Any, path: str) -> None:
    response = page.goto(f"{page.base}{path}")
    assert response is not None, path
    assert response.status == 200, f"{path}: {response.status}"


def assert_no_sideways_scroll(page: Any, size: str, what: str) -> None:
    wide = page.evaluate(PAGE_WIDTH)
    assert wide <= SIZES[size]["width"], f"{what} scrolls sideways at {SIZES[size]['width']}px: {wide}px wide"


def assert_inside(box: dict[str, float] | None, size: str, what: Any = "") -> None:
    """An element's box lies within the screen's width."""
    assert box is not None, what
    assert box["x"] >= 0, (box, what)
    assert box["x"] + box["width"] <= SIZES[size]["width"], (box, what)


def visible_texts(page: Any, selector: str) -> list[str]:
    return [" ".join(t.split()) for t in page.locator(selector).filter(visible=True).all_inner_texts()]


# The month


@pytest.mark.parametrize("locale", LOCALES)
def test_month_is_a_grid_of_weeks_on_a_desktop(new_page: Any, events: dict[str, ExternalEvent], locale: str) -> None:
    page = open_page(new_page, "desktop", locale)
    go(page, f"/{FORUM}/calendar/2014/11/")
    assert page.locator("main h1").inner_text().strip() == ("2014年11月" if locale == "ja-JP" else "November 2014")
    grid = page.locator("table.month-grid")
    assert page.locator("table.month-grid thead").is_visible()
    assert grid.locator("thead th").count() == 7
    assert grid.locator("tbody tr").count() == 5  # 27 October (a Monday) to 30 November
    assert_inside(grid.bounding_box(), "desktop")
    # seven columns of one width, each week a row of seven cells side by side
    cells = grid.locator("tbody tr").first.locator("td")
    widths = [cells.nth(i).bounding_box()["width"] for i in range(7)]
    assert max(widths) - min(widths) < 2, widths
    assert min(widths) > 100, widths
    tops = {round(cells.nth(i).bounding_box()["y"]) for i in range(7)}
    assert len(tops) == 1
    # each day of an event holds its link; the summit's days are on its page, not here
    pp14 = names(locale)[5]
    wuzhen = names(locale)[6]
    assert grid.get_by_role("link", name=pp14, exact=True).count() == 7
    assert grid.get_by_role("link", name=wuzhen, exact=True).count() == 3
    assert all(grid.get_by_role("link", name=pp14, exact=True).nth(i).is_visible() for i in range(7))
    assert grid.locator("a", has_text=re.compile("Day 1|1日目")).count() == 0
    # the days outside the month are greyed and empty
    assert grid.locator("td.outside").count() == 5
    assert all(t == "" for t in grid.locator("td.outside").all_inner_texts())
    # the month's list below the grid
    listed = page.locator("main ul.event-list > li > a").all_inner_texts()
    assert listed == [pp14, wuzhen]
    assert_no_sideways_scroll(page, "desktop", "the month")
    shot(page, f"calendar-month-desktop-{locale[:2]}")


@pytest.mark.parametrize("size", PHONES)
@pytest.mark.parametrize("locale", LOCALES)
def test_month_shows_only_the_days_with_events_on_a_phone(
    new_page: Any, events: dict[str, ExternalEvent], size: str, locale: str
) -> None:
    page = open_page(new_page, size, locale)
    go(page, f"/{FORUM}/calendar/2014/11/")
    grid = page.locator("table.month-grid")
    assert not page.locator("table.month-grid thead").is_visible()  # no weekday row over one column
    days = grid.locator("td").filter(visible=True)
    assert days.count() == len(NOVEMBER_2014_DAYS)
    shown = [int(t.split("-")[2]) for t in days.locator("time").evaluate_all("ts => ts.map(t => t.dateTime)")]
    assert shown == NOVEMBER_2014_DAYS
    # one under the other, each as wide as the screen allows, its event's name inside the screen
    width = SIZES[size]["width"]
    boxes = [days.nth(i).bounding_box() for i in range(days.count())]
    assert all(b["y"] + 1 >= a["y"] + a["height"] for a, b in itertools.pairwise(boxes)), boxes
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= width and b["width"] > width * 0.8 for b in boxes), boxes
    links = days.locator("a")
    assert links.count() == len(NOVEMBER_2014_DAYS)
    for i in range(links.count()):
        assert_inside(links.nth(i).bounding_box(), size)
    assert visible_texts(page, "table.month-grid td a")[-1] == names(locale)[6]
    assert_no_sideways_scroll(page, size, "the month")
    shot(page, f"calendar-month-{size}-{locale[:2]}")


# The year and the timeline


@pytest.mark.parametrize("size", ["desktop", *PHONES])
@pytest.mark.parametrize("locale", LOCALES)
def test_year_lists_the_events_under_their_months(
    new_page: Any, events: dict[str, ExternalEvent], size: str, locale: str
) -> None:
    page = open_page(new_page, size, locale)
    go(page, f"/{FORUM}/calendar/2014/")
    assert page.locator("main h1").inner_text().strip() == text("International events of %(year)s", locale, year=2014)
    months = page.locator("main h2 a")
    assert months.count() == 8  # March, April, June, August, September, October, November, December
    assert months.nth(6).get_attribute("href") == f"/{FORUM}/calendar/2014/11/"
    assert visible_texts(page, "main ul.event-list > li > a") == names(locale)
    for line in page.locator("main li.event-line").all():
        assert_inside(line.bounding_box(), size)
    assert_no_sideways_scroll(page, size, "the year")
    months.nth(6).click()
    page.wait_for_url(f"{page.base}/{FORUM}/calendar/2014/11/")
    shot(page, f"calendar-year-{size}-{locale[:2]}")


@pytest.mark.parametrize("size", ["desktop", *PHONES])
@pytest.mark.parametrize("locale", LOCALES)
def test_timeline_shows_the_main_events_of_2014(
    new_page: Any, events: dict[str, ExternalEvent], size: str, locale: str
) -> None:
    page = open_page(new_page, size, locale)
    go(page, f"/{FORUM}/calendar/timeline/")
    heading = page.get_by_role("heading", name=text("Main events of %(year)s", locale, year=2014), exact=True)
    assert heading.is_visible()
    headings = page.locator("main section h2").all_inner_texts()
    years = [int(y) for h in headings for y in re.findall(r"\d{4}", h)]
    assert years == sorted(years, reverse=True)  # the latest first
    assert {2014, 2015, 2016} <= set(years)
    year = page.locator("section[aria-labelledby=year-2014]")
    rows = year.locator("tbody tr")
    assert visible_texts(page, "section[aria-labelledby=year-2014] tbody td a") == names(locale)
    first = " ".join(rows.first.inner_text().split())
    assert "2014-03-14" in first
    assert ("ワシントンD.C." if locale == "ja-JP" else "Washington, D.C.") in first
    for i in range(rows.count()):
        assert_inside(rows.nth(i).bounding_box(), size)
    if size == "desktop":  # a table with its header: when, event, where
        assert year.locator("thead").is_visible()
        cells = rows.first.locator("td")
        assert len({round(cells.nth(i).bounding_box()["y"]) for i in range(3)}) == 1
    else:  # one block per event, its date on a line of its own above the name
        assert not year.locator("thead").is_visible()
        when, name = rows.first.locator("td").nth(0).bounding_box(), rows.first.locator("td").nth(1).bounding_box()
        assert name["y"] >= when["y"] + when["height"] - 1
    assert_no_sideways_scroll(page, size, "the timeline")
    shot(page, f"calendar-timeline-{size}-{locale[:2]}")


# An event


@pytest.mark.parametrize("size", ["desktop", "narrow"])
@pytest.mark.parametrize(("locale", "reader"), [("ja-JP", ""), ("en-GB", "Europe/Berlin")])
def test_a_timed_event_shows_its_zone_and_the_readers(
    new_page: Any, events: dict[str, ExternalEvent], size: str, locale: str, reader: str
) -> None:
    """Without a chosen zone a reader sees the forum's (Asia/Tokyo); with one (the cookie), theirs."""
    oewg = events["oewg-session"]
    page = open_page(new_page, size, locale)
    if reader:
        page.context.add_cookies([{"name": TZ_COOKIE, "value": reader, "url": page.base}])
    go(page, f"/{FORUM}/calendar/events/{oewg.pk}/")
    assert page.locator("main h1").inner_text().strip() == (oewg.name_ja if locale == "ja-JP" else oewg.name_en)
    when = page.locator("dl.facts dd").nth(1)
    here = oewg.local_start
    assert here is not None
    local = when.locator("time")
    assert local.get_attribute("datetime") == here.isoformat()
    assert f"{here:%Y-%m-%d} " in local.inner_text()
    assert "10:00–13:00 America/New_York" in local.inner_text()
    zone = reader or "Asia/Tokyo"
    assert oewg.start is not None
    theirs = oewg.start.astimezone(zoneinfo.ZoneInfo(zone))
    yours = when.locator(".muted")
    assert yours.is_visible()
    assert yours.inner_text().startswith(text("In your time zone: %(when)s", locale, when="")), yours.inner_text()
    assert f"{theirs:%H:%M}" in yours.inner_text()
    assert zone in yours.inner_text()
    # both lines inside the screen
    for line in (local, yours):
        assert_inside(line.bounding_box(), size)
    assert ("ニューヨーク" if locale == "ja-JP" else "New York") in page.locator("dl.facts").inner_text()
    assert_no_sideways_scroll(page, size, "the event")
    shot(page, f"calendar-event-{size}-{locale[:2]}")


def test_an_event_lists_its_days_and_links_back_from_them(new_page: Any, events: dict[str, ExternalEvent]) -> None:
    page = open_page(new_page, "phone", "en-GB")
    go(page, f"/{FORUM}/calendar/events/{events['wic-2014'].pk}/")
    days = page.locator("main ul.event-list > li > a")
    assert [d.split(":")[0] for d in days.all_inner_texts()] == ["Day 1", "Day 2", "Day 3"]
    days.first.click()
    page.get_by_role("link", name=EVENTS_2014_EN[6], exact=True).click()
    page.wait_for_url(f"{page.base}/{FORUM}/calendar/events/{events['wic-2014'].pk}/")
    assert_no_sideways_scroll(page, "phone", "the summit")


# Every page: width, filters, keyboard, menu, coming back


def test_a_page_seen_again_keeps_the_forums_colour(new_page: Any, events: dict[str, ExternalEvent]) -> None:
    """Coming back to a page gets a 304 (nothing changed), and the browser shows the page it kept;
    the 304 must not bring a policy with a new nonce, or the kept page's <style nonce> is blocked
    (a console error, which the fixture fails on, and the site's colour instead of the forum's)."""
    page = open_page(new_page, "desktop", "en-GB")
    statuses: list[int] = []
    page.on("response", lambda r: statuses.append(r.status) if "/calendar/2014/" in r.url else None)
    for path in ("/calendar/2014/", "/calendar/timeline/", "/calendar/2014/"):
        go(page, f"/{FORUM}{path}")
        colour = page.locator("header.site-header").evaluate("e => getComputedStyle(e).backgroundColor")
        assert colour == "rgb(122, 31, 92)", f"{path}: {colour}"
    page.get_by_role("link", name="Timeline", exact=True).click()
    page.go_back()
    colour = page.locator("header.site-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(122, 31, 92)"
    assert len(statuses) >= 2


@pytest.mark.parametrize("size", ["desktop", *PHONES])
def test_no_calendar_page_scrolls_sideways(new_page: Any, events: dict[str, ExternalEvent], size: str) -> None:
    for locale in LOCALES:
        page = open_page(new_page, size, locale)
        for name, path in PAGES.items():
            go(page, path(events))
            assert_no_sideways_scroll(page, size, f"{name} ({locale})")


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_filters_work_without_javascript(new_page: Any, events: dict[str, ExternalEvent], size: str) -> None:
    page = open_page(new_page, size, "en-GB", java_script_enabled=False)
    go(page, f"/{FORUM}/calendar/timeline/")
    assert len(visible_texts(page, "section[aria-labelledby=year-2014] tbody td a")) == 8
    form = page.get_by_role("search")
    form.get_by_label("Body").select_option("igf")
    form.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"/calendar/timeline/\?(.*&)?body=igf"))
    assert visible_texts(page, "section[aria-labelledby=year-2014] tbody td a") == ["IGF 2014 (9th IGF)"]
    assert page.get_by_role("search").get_by_label("Body").input_value() == "igf"  # the form keeps the choice
    assert all("IGF" in name for name in visible_texts(page, "main tbody td a"))
    # the other views keep the filter: the year of 2014 through the calendar's menu
    year = page.locator("nav.calendar-nav").get_by_role("link", name="Year", exact=True)
    assert "body=igf" in (year.get_attribute("href") or "")
    go(page, f"/{FORUM}/calendar/2014/?body=igf")
    assert visible_texts(page, "main ul.event-list > li > a") == ["IGF 2014 (9th IGF)"]
    # and the month, narrowed the same way, by pressing the button on its own form
    go(page, f"/{FORUM}/calendar/2014/11/")
    page.get_by_role("search").get_by_label("Body").select_option("wic")
    page.get_by_role("search").get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"/calendar/2014/11/\?(.*&)?body=wic"))
    assert visible_texts(page, "main ul.event-list > li > a") == [EVENTS_2014_EN[6]]
    assert page.locator("table.month-grid a").count() == 3
    assert_no_sideways_scroll(page, size, "the filtered month")


FOCUSED = """() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  const box = e.getBoundingClientRect();
  return {tag: e.tagName, name: e.getAttribute("name") || "", rel: e.getAttribute("rel") || "",
          text: (e.innerText || "").trim(), inSearch: !!e.closest("form[role=search]"),
          ring: e.matches(":focus-visible") && style.outlineStyle !== "none" ? parseFloat(style.outlineWidth) : 0,
          shown: box.width > 0 && box.height > 0 && box.left >= 0 && box.right <= window.innerWidth};
}"""


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_keyboard_reaches_the_month_links_and_the_filters_with_a_visible_focus(
    new_page: Any, events: dict[str, ExternalEvent], size: str
) -> None:
    page = open_page(new_page, size, "en-GB")
    go(page, f"/{FORUM}/calendar/2014/11/")
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
        if stops[-1]["tag"] == "BUTTON" and stops[-1]["inSearch"]:
            break
    rels = [s["rel"] for s in stops]
    assert "prev" in rels, stops
    assert "next" in rels, stops
    fields = [s["name"] for s in stops if s["inSearch"] and s["tag"] in ("SELECT", "INPUT")]
    assert fields[:1] == ["body"], stops
    assert (stops[-1]["tag"], stops[-1]["text"]) == ("BUTTON", "Filter"), stops
    assert rels.index("prev") < rels.index("next") < [s["inSearch"] for s in stops].index(True)  # in reading order
    for stop in stops:
        assert stop["ring"] >= 2, f"no visible focus ring on {stop}"
        assert stop["shown"], f"focus went to something off the screen: {stop}"
    # the focus goes on into the grid: the days' events, from the first
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["text"] == "ITU Plenipotentiary Conference (PP-14)"
    # Enter on the "next month" link goes there
    page.locator("a[rel=next]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{page.base}/{FORUM}/calendar/2014/12/")
    assert page.locator("main h1").inner_text().strip() == "December 2014"


@pytest.mark.parametrize("size", PHONES)
@pytest.mark.parametrize("locale", LOCALES)
def test_the_menu_on_a_phone_reveals_the_calendar(
    new_page: Any, events: dict[str, ExternalEvent], size: str, locale: str
) -> None:
    page = open_page(new_page, size, locale)
    go(page, f"/{FORUM}/")
    calendar = page.locator(".forum-nav").get_by_role("link", name=text("Calendar", locale), exact=True)
    assert not calendar.is_visible()
    page.locator("header .menu summary").click()
    assert calendar.is_visible()
    assert_inside(calendar.bounding_box(), size)
    calendar.click()
    page.wait_for_url(f"{page.base}/{FORUM}/calendar/")
    assert page.get_by_role("link", name=names(locale)[0]).count() == 0  # coming up: 2014 is past
    soon = events["igf-proposals-due"]
    assert page.get_by_role("link", name=soon.name_ja if locale == "ja-JP" else soon.name_en).is_visible()
    assert_no_sideways_scroll(page, size, "the upcoming events")
