"""The base UI in a real browser: screenshots, keyboard, languages, small screens, htmx, sign-in."""

from __future__ import annotations

import datetime as dt

import pytest

from mshub.core.models import Role
from tests.browser.conftest import shot, sign_in
from tests.factories import (
    PASSWORD,
    AffiliationFactory,
    ForumFactory,
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def community():
    forum = ForumFactory(
        slug="jipf",
        name_ja="日本インターネット政策フォーラム",
        name_en="Japan Internet Policy Forum",
        description_ja="マルチステークホルダーで議論する場です。",
    )
    user = UserFactory(email="member@example.org", display_name="井上 さくら")
    MembershipFactory(forum=forum, user=user, role=Role.SECRETARIAT)
    ministry = OrganizationFactory(forum=forum, name_ja="デジタル通信省", name_en="Ministry of Digital Communications")
    university = OrganizationFactory(forum=forum, name_ja="東都大学", name_en="Toto University")
    person = PersonFactory(
        forum=forum, family_name_ja="高野", given_name_ja="葵", family_name_latin="Takano", given_name_latin="Aoi"
    )
    AffiliationFactory(
        person=person, organization=ministry, title_ja="課長補佐", start=dt.date(2012, 4, 1), end=dt.date(2016, 3, 31)
    )
    AffiliationFactory(person=person, organization=university, title_ja="准教授", start=dt.date(2016, 4, 1))
    for i in range(12):
        PersonFactory(forum=forum, family_name_ja=f"佐藤{i}", given_name_ja="健", family_name_latin=f"Sato{i}")
    return {"forum": forum, "user": user, "person": person}


def test_home_people_list_and_person_page_render_with_japanese_glyphs(page, community):
    page.goto(f"{page.base}/")
    assert page.locator("h1").inner_text() == "マルチステークホルダー・フォーラム"
    assert page.get_by_role("link", name="日本インターネット政策フォーラム").is_visible()
    assert shot(page, "home").stat().st_size > 10_000

    sign_in(page, "member@example.org", PASSWORD)
    page.goto(f"{page.base}/jipf/")
    assert page.locator("h1").inner_text().startswith("日本インターネット政策フォーラム")
    shot(page, "forum-home")

    page.goto(f"{page.base}/jipf/people/")
    assert page.locator("h1").inner_text() == "人"
    assert page.get_by_role("link", name="高野 葵").is_visible()
    assert page.locator("tbody tr").count() == 13
    assert shot(page, "people-list").stat().st_size > 10_000

    page.get_by_role("link", name="高野 葵").click()
    assert page.locator("h1").inner_text().startswith("高野 葵")
    assert page.get_by_text("東都大学").first.is_visible()
    page.fill("input[name=on]", "2016-01-28")
    page.click("form.as-at button")
    assert "デジタル通信省" in page.locator("[data-testid=as-at]").inner_text()
    assert shot(page, "person").stat().st_size > 10_000
    assert page.errors == []


def test_keyboard_skip_link_and_labels(page, community):
    sign_in(page, "member@example.org", PASSWORD)
    page.goto(f"{page.base}/jipf/people/new/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").bounding_box()["x"] >= 0  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    unlabeled = page.evaluate(
        """() => [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]
              .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map(el => el.name)"""
    )
    assert unlabeled == []


def test_language_switch_changes_the_page_language(page, community):
    page.goto(f"{page.base}/jipf/")
    assert page.get_attribute("html", "lang") == "ja"
    page.click("button[name=language][value=en]")
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_by_role("link", name="Meetings").first.is_visible()


def test_small_screen_has_no_horizontal_scrolling(browser, live_server, community):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.base = live_server.url
    sign_in(page, "member@example.org", PASSWORD)
    page.goto(f"{live_server.url}/jipf/people/")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    assert page.locator(".forum-nav").is_visible()
    shot(page, "people-list-mobile")
    context.close()


def test_live_filter_narrows_without_reload_and_works_without_javascript(browser, page, community, live_server):
    sign_in(page, "member@example.org", PASSWORD)
    page.goto(f"{page.base}/jipf/people/")
    page.evaluate("window.__still_here = true")
    page.fill("#id_q", "Takano")
    page.wait_for_function("document.querySelectorAll('#results tbody tr').length === 1")
    assert page.evaluate("window.__still_here") is True
    assert "q=Takano" in page.url

    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.base = live_server.url
    sign_in(plain, "member@example.org", PASSWORD)
    plain.goto(f"{live_server.url}/jipf/people/")
    plain.fill("#id_q", "Sato1")
    plain.click("form.filters button[type=submit]")
    plain.wait_for_load_state()
    assert plain.locator("#results tbody tr").count() == 3  # Sato1, Sato10, Sato11
    context.close()


def test_sign_in_shows_the_name_and_sign_out(page, community):
    sign_in(page, "member@example.org", PASSWORD)
    assert page.get_by_role("link", name="井上 さくら").is_visible()
    page.get_by_role("button", name="ログアウト").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="ログイン").is_visible()
    assert page.errors == []
