"""The presenter picker in a real browser: type part of a name (kanji or its reading), pick from the
matches that htmx brings, save; the presenter is on the item. Nobody is listed before a search."""

from __future__ import annotations

import pytest

from mshub.core.models import Role
from mshub.meetings.models import Presenter
from mshub.meetings.services.agenda import add_item
from tests.browser.conftest import announced_meeting, log_in, shot
from tests.factories import MembershipFactory, PersonFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def item():
    meeting = announced_meeting(title_ja="第1回")
    user = UserFactory(email="office@example.jp", display_name="事務局")
    MembershipFactory(forum=meeting.forum, user=user, role=Role.SECRETARIAT)
    return user, meeting, add_item(meeting, title_ja="報告")


def people(forum):
    def one(ja, kana, latin):
        return PersonFactory(
            forum=forum,
            family_name_ja=ja[0],
            given_name_ja=ja[1],
            family_name_kana=kana[0],
            given_name_kana=kana[1],
            family_name_latin=latin[0],
            given_name_latin=latin[1],
        )

    return (
        one(("高根", "優子"), ("たかね", "ゆうこ"), ("Takane", "Yuko")),
        one(("高野", "葵"), ("たかの", "あおい"), ("Takano", "Aoi")),
        one(("山田", "太郎"), ("やまだ", "たろう"), ("Yamada", "Taro")),
    )


def test_type_pick_and_save_a_presenter(page, item):
    user, meeting, agenda_item = item
    takane, takano, _yamada = people(meeting.forum)
    log_in(page, user)
    page.goto(f"{page.base}{meeting.get_absolute_url()}agenda/{agenda_item.pk}/")
    options = page.locator("#id_person option[value]:not([value=''])")
    assert options.count() == 0  # nobody is listed before a search

    page.locator("#id_person_q").press_sequentially("たか", delay=50)  # the reading: two people match
    page.locator(f"#id_person option[value='{takano.pk}']").wait_for(state="attached")
    assert sorted(options.evaluate_all("os => os.map(o => o.value)")) == sorted([str(takane.pk), str(takano.pk)])
    shot(page, "picker-reading")

    page.locator("#id_person_q").fill("")
    page.locator("#id_person_q").press_sequentially("高根", delay=50)  # the kanji: one matches
    page.locator(f"#id_person option[value='{takano.pk}']").wait_for(state="detached")  # 高野 is gone
    assert options.count() == 1
    assert options.first.get_attribute("value") == str(takane.pk)
    page.select_option("#id_person", str(takane.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="発表者を追加").click()
    page.wait_for_load_state()
    assert Presenter.objects.get(item=agenda_item).person == takane
    assert "高根 優子" in page.locator("main").inner_text()
