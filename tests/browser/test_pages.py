"""The base UI in a real browser: screenshots, keyboard, labels, languages, small screens, htmx, sign-in.

Screenshots go to var/screenshots/ (git-ignored); look at them after changing templates or CSS.
JavaScript console errors on any page opened here fail the test (see the ``new_page`` fixture).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import translation
from playwright.sync_api import expect

from mshub.accounts.models import User
from mshub.core.models import Role
from tests.browser.conftest import log_in, rendering_fonts, shot
from tests.factories import (
    PASSWORD,
    AffiliationFactory,
    ForumFactory,
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MOBILE = {"width": 375, "height": 740}
MIN_PNG = 10_000  # bytes: a blank or broken page compresses far below this


@pytest.fixture
def community() -> dict[str, Any]:
    forum = ForumFactory(
        slug="jipf",
        name_ja="日本インターネット政策フォーラム",
        name_en="Japan Internet Policy Forum",
        description_ja="マルチステークホルダーで議論する場です。",
    )
    user = UserFactory(email="member@example.org", display_name="井上 さくら")
    MembershipFactory(forum=forum, user=user, role=Role.SECRETARIAT)
    npo = OrganizationFactory(forum=forum, name_ja="ネット市民の会", name_en="Net Citizens")
    ministry = OrganizationFactory(forum=forum, name_ja="デジタル通信省", name_en="Ministry of Digital Communications")
    university = OrganizationFactory(forum=forum, name_ja="東都大学", name_en="Toto University")
    person = PersonFactory(
        forum=forum, family_name_ja="高野", given_name_ja="葵", family_name_latin="Takano", given_name_latin="Aoi"
    )
    AffiliationFactory(
        person=person, organization=npo, title_ja="理事", start=dt.date(2008, 4, 1), end=dt.date(2012, 3, 31)
    )
    AffiliationFactory(
        person=person, organization=ministry, title_ja="課長補佐", start=dt.date(2012, 4, 1), end=dt.date(2016, 3, 31)
    )
    AffiliationFactory(person=person, organization=university, title_ja="准教授", start=dt.date(2016, 4, 1))
    for i in range(12):
        PersonFactory(forum=forum, family_name_ja=f"佐藤{i}", given_name_ja="健", family_name_latin=f"Sato{i}")
    return {"forum": forum, "user": user, "person": person}


def ja(message: str, plural: str | None = None, n: int = 1) -> str:
    """The Japanese UI text for a message id, from the same catalogue the server uses."""
    with translation.override("ja"):
        return translation.ngettext(message, plural, n) if plural else translation.gettext(message)


def h1(page: Any) -> str:
    return " ".join(page.locator("main h1").inner_text().split())


def inside(box: dict[str, float] | None, viewport: dict[str, int] | None) -> bool:
    """Whether an element's box (of a real size) lies within the width of the viewport, below its top."""
    if box is None or viewport is None:
        return False
    return (
        box["width"] > 10
        and box["height"] > 10
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= viewport["width"] + 1
    )


def assert_japanese_font(page: Any, selector: str) -> None:
    fonts = rendering_fonts(page, selector)
    assert any("CJK" in name for name in fonts), f"{selector} drawn with {fonts}, no CJK font"


def assert_screenshot(page: Any, name: str) -> None:
    size = shot(page, name).stat().st_size
    assert size > MIN_PNG, f"{name}.png is only {size} bytes"


# Screenshots of the main pages, each with real assertions on what is shown


def test_site_home_page(page, community):
    page.goto(f"{page.base}/")
    assert page.get_attribute("html", "lang") == "ja"
    assert h1(page) == ja("Multistakeholder forums") == "マルチステークホルダー・フォーラム"
    assert page.title().endswith("mshub")
    card = page.get_by_role("link", name="日本インターネット政策フォーラム")
    assert card.is_visible()
    assert page.get_by_text("マルチステークホルダーで議論する場です。").is_visible()
    assert page.get_by_role("link", name=ja("Sign in")).is_visible()
    assert_japanese_font(page, "main h1")
    assert_screenshot(page, "home")


def test_forum_home_page(page, community):
    log_in(page, community["user"])
    page.goto(f"{page.base}/jipf/")
    assert h1(page) == "日本インターネット政策フォーラム"
    nav = page.get_by_role("navigation", name=ja("Forum"))
    assert nav.get_by_role("link", name=ja("Home")).get_attribute("aria-current") == "page"
    assert nav.get_by_role("link", name=ja("People"), exact=True).is_visible()
    people = page.locator(".stats a", has_text=ja("people"))
    assert people.locator("strong").inner_text() == "13"  # the 13 people made above, seen by the server
    assert_japanese_font(page, ".brand")
    assert_screenshot(page, "forum-home")


def test_people_list_page(page, community):
    log_in(page, community["user"])
    page.goto(f"{page.base}/jipf/people/")
    assert h1(page) == ja("People") == "人"
    assert page.locator("#results tbody tr").count() == 13
    assert page.get_by_role("link", name="高野 葵").is_visible()
    row = page.locator("#results tbody tr", has=page.get_by_role("link", name="高野 葵"))
    assert "東都大学, 准教授" in row.inner_text()  # the current affiliation, not the former ones
    assert "デジタル通信省" not in row.inner_text()
    assert page.locator("#results [aria-live]").inner_text() == ja("%(n)s person", "%(n)s people", 13) % {"n": 13}
    controls = page.eval_on_selector_all(
        "form.filters :is(input:not([type=hidden]), select, button)",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.height, r.bottom]; })",
    )
    assert len(controls) >= 4
    assert max(h for h, _ in controls) - min(h for h, _ in controls) <= 1, (
        f"filter controls differ in height: {controls}"
    )
    assert max(b for _, b in controls) - min(b for _, b in controls) <= 1, (
        f"filter controls not on one line: {controls}"
    )
    assert_japanese_font(page, "#results tbody tr:last-child a")
    assert_screenshot(page, "people-list")


def test_person_page_with_dated_affiliations(page, community):
    log_in(page, community["user"])
    page.goto(f"{page.base}/jipf/people/")
    page.get_by_role("link", name="高野 葵").click()
    page.wait_for_url(re.compile(rf"/jipf/people/{community['person'].pk}/$"))
    assert h1(page) == "高野 葵 Aoi Takano"
    rows = page.locator("section[aria-labelledby=aff-h] tbody tr")
    assert [r.split("\t")[0].split()[0] for r in rows.all_inner_texts()] == [
        "東都大学",
        "デジタル通信省",
        "ネット市民の会",
    ]
    assert rows.nth(0).locator("td").nth(3).inner_text() == ja("present")
    assert rows.nth(1).get_attribute("class") == "former"
    assert rows.nth(1).locator("td").nth(2).inner_text() == "2012-04-01"

    page.fill("input[name=on]", "2016-01-28")
    page.click("form.as-at button")
    page.wait_for_url(re.compile(r"\?on=2016-01-28$"))
    as_at = " ".join(page.locator("[data-testid=as-at]").inner_text().split())
    assert as_at == ja("On %(day)s:") % {"day": "2016-01-28"} + " デジタル通信省, 課長補佐"
    assert_japanese_font(page, "main h1")
    assert_screenshot(page, "person")


# Keyboard and labels


def test_skip_link_is_first_visible_on_focus_and_moves_focus_to_main(page, community):
    log_in(page, community["user"])
    page.goto(f"{page.base}/jipf/people/")
    skip = page.locator(".skip-link")
    off = skip.bounding_box()
    assert off is None or off["x"] + off["width"] <= 0  # out of sight until focused

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    assert skip.inner_text() == ja("Skip to content")
    assert skip.is_visible()
    assert inside(skip.bounding_box(), page.viewport_size)
    shot(page, "skip-link-focused")

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    page.keyboard.press("Tab")  # the next stop is inside the content, past the header
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_every_form_control_on_person_create_has_a_label(page, community):
    log_in(page, community["user"])
    page.goto(f"{page.base}/jipf/people/new/")
    assert h1(page) == ja("Add a person")
    controls = page.evaluate(
        """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].map(el => {
              const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
              return {
                  name: el.name || el.id,
                  label: (byFor && byFor.textContent.trim()) || el.getAttribute('aria-label') || '',
              };
          })"""
    )
    assert len(controls) >= 5, controls  # the page really has a form
    assert [c["name"] for c in controls if not c["label"]] == []

    first = page.locator("main form.form input:not([type=hidden])").first
    first.focus()  # text fields always match :focus-visible; the ring must show
    ring = first.evaluate("el => [el.matches(':focus-visible'), getComputedStyle(el).outlineStyle]")
    assert ring == [True, "solid"]


# Languages


def test_language_defaults_to_japanese_and_switches_to_english(new_page, settings, community):
    settings.LANGUAGE_CODE = "ja"  # the production default (the test settings use "en")
    page = new_page(locale="fr-FR")  # a language mshub does not offer: the default applies
    page.goto(f"{page.base}/jipf/")
    assert page.get_attribute("html", "lang") == "ja"
    assert h1(page) == "日本インターネット政策フォーラム"

    page.get_by_role("button", name="English").click()
    page.wait_for_url(f"{page.base}/jipf/")  # back on the same page
    assert page.get_attribute("html", "lang") == "en"
    assert h1(page) == "Japan Internet Policy Forum"
    assert page.get_by_role("navigation", name="Forum").get_by_role("link", name="Meetings").is_visible()

    page.get_by_role("button", name="日本語").click()
    page.wait_for_url(f"{page.base}/jipf/")
    assert page.get_attribute("html", "lang") == "ja"


# Small screens


@pytest.mark.parametrize("locale", ["ja-JP", "en-GB"])
def test_small_screen_has_no_horizontal_scrolling(new_page, community, locale):
    page = new_page(viewport=MOBILE, locale=locale, is_mobile=True, has_touch=True)
    log_in(page, community["user"])
    for path in ("/jipf/", f"/jipf/people/{community['person'].pk}/", "/jipf/people/"):
        page.goto(f"{page.base}{path}")
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1] + 1, f"{path} scrolls sideways at 375px: {width}"
        page.locator("header .menu summary").click()  # the menus fold behind a button on a phone (test_phone.py)
        assert page.locator(".forum-nav").is_visible()
        assert page.locator(".user-nav").is_visible()
        links = page.eval_on_selector_all(
            ".forum-nav a", "els => els.map(a => [a.textContent.trim(), a.getBoundingClientRect().toJSON()])"
        )
        assert len(links) >= 5
        for text, box in links:
            assert inside(box, MOBILE), f"{text} in the forum menu sticks out of the screen on {path}: {box}"
    assert_screenshot(page, f"people-list-mobile-{locale[:2]}")


# htmx: progressive enhancement of the people filter


def test_people_filter_narrows_in_place_with_htmx(page, community):
    log_in(page, community["user"])
    page.goto(f"{page.base}/jipf/people/")
    assert page.evaluate("typeof window.htmx") == "object"  # deferred scripts ran before "load"
    page.evaluate("window.__still_here = true")
    with page.expect_response(lambda r: "q=" in r.url and r.request.headers.get("hx-request") == "true"):
        page.locator("#id_q").press_sequentially("高野", delay=20)
    expect(page.locator("#results tbody tr")).to_have_count(1)  # (no wait_for_function: the CSP forbids its eval)
    assert page.evaluate("window.__still_here") is True  # no full page load
    assert page.locator("#results tbody tr").inner_text().startswith("高野 葵")
    assert page.locator("#results [aria-live]").inner_text() == ja("%(n)s person", "%(n)s people", 1) % {"n": 1}
    page.wait_for_url(re.compile(r"/jipf/people/\?q=%E9%AB%98%E9%87%8E(&|$)"))  # the URL follows (hx-push-url)
    assert page.locator("main h1").count() == 1  # the partial, not a page inside the page

    page.fill("#id_q", "Sato1")
    expect(page.locator("#results tbody tr")).to_have_count(3)  # (no wait_for_function: the CSP forbids its eval)
    assert page.evaluate("window.__still_here") is True
    assert "q=Sato1" in page.url


def test_people_filter_works_without_javascript(new_page, community):
    page = new_page(java_script_enabled=False)
    log_in(page, community["user"])
    page.goto(f"{page.base}/jipf/people/")
    assert page.locator("#results tbody tr").count() == 13
    page.fill("#id_q", "Sato1")
    page.get_by_role("button", name=ja("Filter")).click()
    page.wait_for_url(re.compile(r"\?q=Sato1"))
    names = page.locator("#results tbody tr td:first-child a").all_inner_texts()
    assert sorted(names) == ["佐藤1 健", "佐藤10 健", "佐藤11 健"]
    assert page.input_value("#id_q") == "Sato1"


# Signing in


def test_sign_in_shows_the_name_and_a_sign_out_button(page, community):
    page.goto(f"{page.base}/jipf/")
    sign_in_link = page.locator("header").get_by_role("link", name=ja("Sign in"))
    assert sign_in_link.is_visible()
    sign_in_link.click()
    page.wait_for_url(re.compile(r"/accounts/login/\?next=/jipf/$"))
    assert h1(page) == ja("Sign in")
    with translation.override("ja"):
        email_label = str(User._meta.get_field("email").verbose_name)
    page.get_by_label(email_label).fill("member@example.org")
    page.get_by_label(ja("Password")).fill(PASSWORD)
    page.locator("main").get_by_role("button", name=ja("Sign in")).click()
    page.wait_for_url(f"{page.base}/jipf/")  # back where the person was

    header = page.locator("header.site-header")
    assert header.get_by_role("link", name="井上 さくら").is_visible()
    sign_out = header.get_by_role("button", name=ja("Sign out"))
    assert sign_out.is_visible()
    assert header.get_by_role("link", name=ja("Sign in")).count() == 0

    sign_out.click()
    page.wait_for_load_state()
    assert header.get_by_role("link", name=ja("Sign in")).is_visible()
    assert header.get_by_role("link", name="井上 さくら").count() == 0
