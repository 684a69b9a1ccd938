"""The briefing builder in headless Chromium: trend items modelled on the sections of IGCJ's 2016
trend briefing (セキュリティ – 国際動向, IoT, インターネット経済 …) → the secretariat builds a
briefing for the period, moves a section and an item, leaves an item out, publishes, and the slides
show the sample's sections in its order, one at a time with the arrow keys on a desktop and as a
vertical sequence on a 375px phone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from playwright.sync_api import expect

from mshub.topics.models import Topic
from tests.briefings.conftest import trend
from tests.browser.conftest import log_in, shot
from tests.browser.test_calendar import assert_no_sideways_scroll, go, open_page
from tests.factories import ForumFactory, MembershipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The sample's sections, in its order, as the forum's topics (renamed so).
SECTIONS = [
    ("cybersecurity", "セキュリティ – 国際動向"),
    ("csirt", "セキュリティ – その他動向"),
    ("iot-security", "IoT"),
    ("e-commerce", "インターネット経済"),
    ("privacy", "プライバシー"),
    ("jurisdiction", "国境をまたいだ規制"),
    ("iana", "IANA機能監督権限移管"),  # the taxonomy puts infrastructure first: moved last by hand
]
ITEMS = [
    ("cybersecurity", "NATOがサイバーセキュリティを第4の活動領域として定義", 10, 5),
    ("cybersecurity", "UN GGE会議 (8月28日～9月2日)", 9, 2),
    ("cybersecurity", "インドとロシアがサイバーセキュリティ協定に署名", 10, 20),
    ("csirt", "欧州議会がCSIRTの設立を求める指令を発行", 9, 12),
    ("csirt", "ミュンヘンのテロ: DarkWebからの武器調達", 9, 25),
    ("csirt", "英国がNational Cyber Security Centreを設立", 10, 3),
    ("iot-security", "Dynへの攻撃、IoTセキュリティの脆弱性が課題", 10, 21),
    ("iot-security", "NTIAのIoTセキュリティ・マルチステークホルダープロセス", 10, 1),
    ("e-commerce", "WEFがInternet for Allを立ち上げ", 9, 30),
    ("privacy", "欧州が新たなPrivacy Shieldを策定", 9, 15),
    ("jurisdiction", "アイルランドのマイクロソフト支社への情報提供要請", 9, 8),
    ("iana", "IANA機能監督権限の移管が完了", 10, 1),
]
LEFT_OUT = "ミュンヘンのテロ: DarkWebからの武器調達"


@pytest.fixture
def world() -> dict[str, Any]:
    forum = ForumFactory(slug="igcj", name_ja="IGCJ", name_en="IGCJ", timezone="Asia/Tokyo")
    secretariat = UserFactory(email="secretariat@example.org", language="")
    MembershipFactory(forum=forum, user=secretariat, role="secretariat")
    for code, name in SECTIONS:
        Topic.objects.filter(forum=forum, code=code).update(name_ja=name)
    for code, title, month, day in ITEMS:
        trend(forum, title, dt.date(2016, month, day), code, summary_ja=f"<p>{title}の概要</p>")
    trend(forum, "期間外の動向", dt.date(2016, 6, 1), "cybersecurity")
    return {"forum": forum, "secretariat": secretariat}


def section_headings(page: Any) -> Any:
    return page.locator("#builder-sections .builder-section h2 .section-heading")


def test_the_secretariat_builds_and_publishes_the_sample_briefing(new_page: Any, world: dict[str, Any]) -> None:
    page = open_page(new_page, "desktop", "en-GB")  # the builder's buttons named in English; the slides in Japanese
    log_in(page, world["secretariat"])
    go(page, "/igcj/briefings/new/")
    page.fill("input[name=title_ja]", "最近の動向")
    page.fill("input[name=period_start]", "2016-09-01")
    page.fill("input[name=period_end]", "2016-11-30")
    page.select_option("select[name=audience]", "steering")
    page.click("main button[type=submit].primary")
    page.wait_for_url("**/builder/")
    names = [name for _code, name in SECTIONS]
    expect(section_headings(page)).to_have_text([names[-1], *names[:-1]])  # the taxonomy's order
    assert "期間外の動向" not in page.content()
    for step in range(1, len(SECTIONS)):  # IANA down to the end, one step at a time (htmx: in place)
        page.get_by_role("button", name=f"Move section down: {names[-1]}").click()
        expect(section_headings(page).nth(step)).to_have_text(names[-1])
    expect(section_headings(page)).to_have_text(names)
    # in the first section, the latest item up to the top; an item of the second left out
    first = page.locator("#builder-sections .builder-section").first
    expect(first.locator(".entry-title")).to_have_text(
        [
            "UN GGE会議 (8月28日～9月2日)",
            "NATOがサイバーセキュリティを第4の活動領域として定義",
            "インドとロシアがサイバーセキュリティ協定に署名",
        ]
    )
    for place in (1, 0):
        page.get_by_role("button", name="Move up: インドとロシアがサイバーセキュリティ協定に署名").click()
        expect(first.locator(".entry-title").nth(place)).to_have_text("インドとロシアがサイバーセキュリティ協定に署名")
    page.get_by_role("button", name=f"Leave out: {LEFT_OUT}").click()
    expect(page.get_by_role("button", name=f"Include: {LEFT_OUT}")).to_be_visible()
    shot(page, "briefing-builder")
    page.fill("input[name=message]", "初版")
    page.get_by_role("button", name="Publish", exact=True).click()
    page.wait_for_url("**/briefings/*/")
    assert "v1" in page.content()
    shot(page, "briefing-detail")

    page.get_by_role("link", name="Slides", exact=True).click()
    page.wait_for_url("**/slides/")
    headings = page.locator(".topic-slide h2")
    assert [" ".join(t.split()) for t in headings.all_text_contents()] == names
    assert LEFT_OUT not in page.content()
    assert page.locator("html").get_attribute("lang") == "ja"
    topic_slides = page.locator(".topic-slide")
    first_items = topic_slides.first.locator("li strong").all_text_contents()
    assert first_items[0] == "インドとロシアがサイバーセキュリティ協定に署名"
    # presenting: one slide at a time, the arrow keys move through them
    expect(page.locator(".slide.current")).to_have_count(1)
    expect(page.locator(".title-slide")).to_be_visible()
    expect(topic_slides.first).to_be_hidden()
    page.keyboard.press("ArrowRight")
    expect(topic_slides.first).to_be_visible()
    expect(page.locator(".title-slide")).to_be_hidden()
    page.keyboard.press("ArrowLeft")
    expect(page.locator(".title-slide")).to_be_visible()
    shot(page, "briefing-slides")

    phone = open_page(new_page, "phone")
    log_in(phone, world["secretariat"])
    go(phone, page.url.split(page.base)[1].split("#")[0])
    assert [" ".join(t.split()) for t in phone.locator(".topic-slide h2").all_text_contents()] == names
    for slide in phone.locator(".slide").all():  # a vertical sequence: every slide shown
        expect(slide).to_be_visible()
    assert_no_sideways_scroll(phone, "phone", "the slides")
    shot(phone, "briefing-slides-phone")


def test_the_slides_read_without_javascript(new_page: Any, world: dict[str, Any]) -> None:
    from mshub.briefings import builder, publishing

    b = builder.create_briefing(
        world["forum"], None, title_ja="動向", period_start=dt.date(2016, 9, 1), period_end=dt.date(2016, 11, 30)
    )
    publishing.publish(b)
    page = open_page(new_page, "desktop", java_script_enabled=False)
    log_in(page, world["secretariat"])
    go(page, b.urls.slides)
    slides = page.locator(".slide")
    assert slides.count() == 1 + len(SECTIONS)
    for slide in slides.all():
        expect(slide).to_be_visible()
