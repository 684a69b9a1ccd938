"""The work plan in a browser: on a phone (375 px) without JavaScript, every month is a heading with
its table, nothing scrolls sideways, and the slipped milestone is flagged; the Japanese is drawn with
a CJK font. Screenshots: var/screenshots/wg-plan-*.png."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import rendering_fonts, shot
from tests.conftest import Cast
from tests.factories import ForumFactory, MembershipFactory, UserFactory
from tests.workinggroups.conftest import make_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


def _world() -> Any:
    forum = ForumFactory(slug="wg-forum", name_ja="作業部会フォーラム", name_en="WG forum")
    users = {role: UserFactory(email=f"{role}@wg.example.org") for role in ("member", "wg_chair", "steering")}
    for role, user in users.items():
        MembershipFactory(forum=forum, user=user, role=role)
    return make_world(forum, Cast(forum=forum, users=users).users)


@pytest.mark.parametrize("locale", ["ja-JP", "en-GB"])
def test_the_plan_reads_on_a_phone_without_javascript(new_page, locale):  # type: ignore[no-untyped-def]
    world = _world()
    page = new_page(viewport=PHONE, java_script_enabled=False, locale=locale)
    page.goto(f"{page.base}{world.wsis.urls.plan}")
    headings = page.locator("section.plan-month h2").all_inner_texts()
    assert headings == ["2004-08", "2004-09", "2004-10", "2004-11"]
    assert page.locator("section.plan-month table").count() == 4
    assert page.locator(".slipped").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")
    if locale == "ja-JP":
        fonts = rendering_fonts(page, "section.plan-month tr.plan-milestone td:nth-child(2)")
        assert any("CJK" in name or "Noto" in name for name in fonts), fonts
    shot(page, f"wg-plan-{locale}")
