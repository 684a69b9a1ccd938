"""Reading on a phone (375×740) in Japanese and English: labelled statistics, the report without a
scroll inside the page's scroll, legends that wrap between entries, a one-line header, no sideways
scrolling; and the same pages at desktop size, to show nothing there went backwards.

Screenshots go to var/screenshots/phone-*.png.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mshub.core.models import Role
from mshub.meetings.services.meetings import change_status, create_meeting
from tests.browser.conftest import DESKTOP, log_in, shot
from tests.factories import ForumFactory, MembershipFactory, PersonFactory, UserFactory
from tests.meetings.sample11 import build_meeting_11

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
LOCALES = ["ja-JP", "en-GB"]
ONE_LINE_HEADER = 60  # px: the brand and the menu button on one line

# Per statistics table: the column header each data cell is read under, and whether it shows.
CELL_LABELS = """tables => tables.flatMap(table => {
  const heads = [...table.tHead.rows[0].cells].map(c => c.textContent.trim());
  const headShown = getComputedStyle(table.tHead).display !== "none" && table.tHead.getBoundingClientRect().height > 0;
  const width = document.documentElement.clientWidth;
  return [...table.tBodies[0].rows].flatMap(row => [...row.cells].map((cell, i) => {
    if (cell.tagName !== "TD" || cell.colSpan > 1) return null;
    const box = cell.getBoundingClientRect();
    const before = getComputedStyle(cell, "::before");
    const content = before.display === "none" || ["none", "normal"].includes(before.content) ? "" : before.content;
    const label = content.replace(/^"(.*)"$/, "$1");
    let header = "";
    if (headShown) {
      const h = table.tHead.rows[0].cells[i].getBoundingClientRect();
      // the header cell stands over this cell, on the screen
      if (h.left < box.right && box.left < h.right && h.right > 0 && h.left < width) header = heads[i];
    }
    return {want: heads[i], label, header, text: cell.textContent.trim(),
            inside: box.width > 0 && box.left >= -1 && box.right <= width + 1};
  })).filter(Boolean);
})"""

# Per legend entry (a text node of the caption): the lines its text lies on, and whether its
# swatch sits on the same line.
LEGEND_LINES = """fig => {
  const out = [];
  const walker = document.createTreeWalker(fig, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter(r => r.width > 0.5);
    const tops = [...new Set(rects.map(r => Math.round(r.top)))];
    let swatch = node.previousSibling;
    while (swatch && swatch.nodeType !== 1) swatch = swatch.previousSibling;
    let together = true;
    if (swatch && rects.length) {
      const s = swatch.getBoundingClientRect();
      const middle = (s.top + s.bottom) / 2;
      together = middle >= rects[0].top && middle <= rects[0].bottom;
    }
    out.push({text: node.textContent.trim(), lines: tops.length, together});
  }
  return out;
}"""

# (not window.innerWidth: a phone browser zooms out to show a page that is too wide, and widens it)
PAGE_WIDTH = "[document.scrollingElement.scrollWidth, document.documentElement.clientWidth]"


@pytest.fixture
def igcj() -> dict[str, Any]:
    forum = ForumFactory(
        slug="jipf",
        name_ja="日本インターネット政策フォーラム",
        name_en="Japan Internet Policy Forum",
    )
    user = UserFactory(email="secretariat-with-a-long-address@example.org", display_name="井上 さくら")
    MembershipFactory(forum=forum, user=user, role=Role.SECRETARIAT)
    meeting = build_meeting_11(forum)
    for year in range(2010, 2016):  # earlier meetings known only from their reports: a wide chart
        earlier = create_meeting(
            meeting.series,
            number=year - 2005,
            start=dt.datetime(year, 6, 1, 18),
            end=dt.datetime(year, 6, 1, 20),
            reported_onsite=40,
        )
        change_status(change_status(earlier, "announced"), "held")
    for i in range(4):
        PersonFactory(forum=forum, family_name_ja=f"佐藤{i}", given_name_ja="健", family_name_latin=f"Sato{i}")
    return {"forum": forum, "user": user, "meeting": meeting}


def open_as(new_page: Any, user: Any, locale: str, viewport: dict[str, int] = PHONE) -> Any:
    phone = viewport == PHONE
    page = new_page(viewport=viewport, locale=locale, is_mobile=phone, has_touch=phone)
    log_in(page, user)
    return page


def fitted_frame(page: Any) -> dict[str, float]:
    """The report frame's height and its document's, once the page has sized it (a few tries)."""
    frame = page.frame_locator("iframe.report-frame").locator("html")
    sizes: dict[str, float] = {}
    for _ in range(20):
        sizes = frame.evaluate(
            "html => ({content: html.scrollHeight, inner: html.clientHeight, wide: html.scrollWidth,"
            " innerWidth: html.clientWidth})"
        )
        sizes["frame"] = page.locator("iframe.report-frame").evaluate("e => e.getBoundingClientRect().height")
        if sizes["content"] <= sizes["inner"] + 1:
            break
        page.wait_for_timeout(100)
    return sizes


@pytest.mark.parametrize("locale", LOCALES)
def test_statistics_cells_are_read_under_their_column_on_a_phone(new_page, igcj, locale):
    page = open_as(new_page, igcj["user"], locale)
    page.goto(f"{page.base}/jipf/meetings/statistics/")
    cells = page.eval_on_selector_all("main table", CELL_LABELS)
    assert len(cells) > 20
    for cell in cells:
        assert cell["want"] in (cell["label"], cell["header"]), f"{cell['text']!r} shows no {cell['want']!r}: {cell}"
        assert cell["inside"], f"{cell} lies outside the screen"
    # the numbers are there, next to their labels
    by_year = page.locator("main table").first.locator("tbody tr")
    assert by_year.first.locator("td").first.inner_text().strip() == "40"  # 2010, as reported
    assert by_year.last.locator("td").first.inner_text().strip() == "31"  # 2016, checked in and remote
    shot(page, f"phone-statistics-{locale[:2]}")


@pytest.mark.parametrize("locale", LOCALES)
def test_chart_legend_wraps_between_entries_on_a_phone(new_page, igcj, locale):
    page = open_as(new_page, igcj["user"], locale)
    page.goto(f"{page.base}/jipf/meetings/statistics/")
    entries = page.eval_on_selector("main figure figcaption", LEGEND_LINES)
    assert len(entries) >= 5
    for entry in entries:
        assert entry["lines"] == 1, f"legend entry {entry['text']!r} is broken over {entry['lines']} lines"
        assert entry["together"], f"legend entry {entry['text']!r} is on another line than its colour"
    chart = page.locator("main figure svg[role=img]").bounding_box()
    assert chart is not None
    assert chart["x"] + chart["width"] <= PHONE["width"]


@pytest.mark.parametrize("locale", LOCALES)
def test_report_reads_without_a_scroll_inside_the_page_on_a_phone(new_page, igcj, locale):
    page = open_as(new_page, igcj["user"], locale)
    page.goto(f"{page.base}{igcj['meeting'].get_absolute_url()}report/")
    sizes = fitted_frame(page)
    assert sizes["content"] <= sizes["inner"] + 1, f"the report scrolls inside its frame: {sizes}"
    assert sizes["frame"] >= sizes["content"], sizes
    assert "allow-" not in page.locator("main").inner_text()  # the template's comment stays a comment
    assert sizes["wide"] <= sizes["innerWidth"] + 1, f"the report scrolls sideways inside its frame: {sizes}"
    # its last words are on the page: scrolling the page (not the frame) brings them into view
    last = page.frame_locator("iframe.report-frame").locator("body > :last-child")
    last.scroll_into_view_if_needed()
    assert last.is_visible()
    shot(page, f"phone-report-{locale[:2]}")


@pytest.mark.parametrize("locale", LOCALES)
def test_header_is_one_line_with_a_menu_on_a_phone(new_page, igcj, locale):
    page = open_as(new_page, igcj["user"], locale)
    page.goto(f"{page.base}/jipf/meetings/")
    header = page.locator("header.site-header").bounding_box()
    assert header is not None
    assert header["height"] < ONE_LINE_HEADER, f"header is {header} at 375px"
    forum_nav = page.locator(".forum-nav")
    assert not forum_nav.is_visible()
    page.locator("header .menu summary").click()
    meetings = forum_nav.get_by_role("link", name="会合" if locale == "ja-JP" else "Meetings", exact=True)
    assert meetings.is_visible()
    assert page.locator(".user-nav").get_by_role("link", name="井上 さくら").is_visible()
    menu = ".forum-nav a, .user-nav a, .user-nav button"
    links = page.eval_on_selector_all(menu, "els => els.map(a => a.getBoundingClientRect().right)")
    assert len(links) >= 8
    assert max(links) <= PHONE["width"]
    shot(page, f"phone-menu-{locale[:2]}")
    meetings.click()
    page.wait_for_url(f"{page.base}/jipf/meetings/")


@pytest.mark.parametrize("locale", LOCALES)
def test_no_page_scrolls_sideways_on_a_phone(new_page, igcj, locale):
    page = open_as(new_page, igcj["user"], locale)
    meeting = igcj["meeting"].get_absolute_url()
    for path in (meeting, "/jipf/meetings/", "/jipf/meetings/statistics/", f"{meeting}report/", "/jipf/people/"):
        page.goto(f"{page.base}{path}")
        width = page.evaluate(PAGE_WIDTH)
        assert width[0] <= PHONE["width"], f"{path} scrolls sideways at 375px: {width}"


@pytest.mark.parametrize("locale", LOCALES)
def test_desktop_keeps_its_table_header_menu_and_report(new_page, igcj, locale):
    page = open_as(new_page, igcj["user"], locale, viewport=DESKTOP)
    page.goto(f"{page.base}/jipf/meetings/statistics/")
    assert page.locator("main table thead").first.is_visible()
    cells = page.eval_on_selector_all("main table", CELL_LABELS)
    assert all(c["header"] == c["want"] and c["label"] == "" for c in cells)  # a plain table, headers above
    assert not page.locator("header .menu summary").is_visible()  # no menu button: the links themselves
    assert page.locator(".forum-nav").get_by_role("link", name="会合" if locale == "ja-JP" else "Meetings").is_visible()
    assert page.locator(".user-nav").get_by_role("link", name="井上 さくら").is_visible()
    header = page.locator("header.site-header").bounding_box()
    assert header is not None
    assert header["height"] < 110  # the bar and the forum menu: two lines
    manage = page.locator(".forum-nav .manage")
    settings_link = manage.get_by_role("link", name="設定" if locale == "ja-JP" else "Settings")
    assert not settings_link.is_visible()  # running the forum: behind "Manage"
    manage.locator("summary").click()
    assert settings_link.is_visible()
    box = settings_link.bounding_box()
    assert box is not None
    assert box["y"] > header["y"] + header["height"] - 5  # drops down over the page
    shot(page, f"desktop-manage-{locale[:2]}")
    manage.locator("summary").click()
    entries = page.eval_on_selector("main figure figcaption", LEGEND_LINES)
    assert len({e["lines"] for e in entries}) == 1
    shot(page, f"desktop-statistics-{locale[:2]}")

    page.goto(f"{page.base}{igcj['meeting'].get_absolute_url()}report/")
    sizes = fitted_frame(page)
    assert sizes["content"] <= sizes["inner"] + 1, f"the report scrolls inside its frame: {sizes}"
    assert page.evaluate(PAGE_WIDTH)[0] <= DESKTOP["width"]
    shot(page, f"desktop-report-{locale[:2]}")
