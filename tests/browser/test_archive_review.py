"""The secretariat imports an old report through the browser: upload, progress, review, store.

The batch is parsed in the background (in-process here); the progress list refreshes itself with
htmx until the file is read. The review shows the facts beside the source text by page; the
secretariat corrects an entry of the minutes and confirms a presenter's registry match, then stores.
"""

from __future__ import annotations

import pytest

from mshub.archive.models import ArchiveDocument
from mshub.core.models import Role
from mshub.meetings.models import AgendaItem, Meeting
from tests.archive.variants import WIDE
from tests.browser.conftest import log_in, shot
from tests.factories import ForumFactory, MembershipFactory, PersonFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def setting(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    forum = ForumFactory(slug="minato", name_ja="みなと政策会合", name_en="Minato Policy Meeting")
    user = UserFactory(email="office@example.jp", display_name="事務局")
    MembershipFactory(forum=forum, user=user, role=Role.SECRETARIAT)
    namesake = PersonFactory(forum=forum, family_name_ja="石川", given_name_ja="健一", family_name_latin="")
    return forum, user, namesake


def test_upload_review_correct_and_store_in_the_browser(page, new_page, setting, tmp_path):
    forum, user, namesake = setting
    log_in(page, user)
    source = tmp_path / "minato-23.txt"
    source.write_bytes(WIDE.encode())
    page.goto(f"{page.base}/{forum.slug}/archive/")
    shot(page, "archive-upload")
    page.set_input_files("input[type=file]", str(source))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.get_by_text("1 ファイル中 1 ファイルを読み取り済み").wait_for()
    shot(page, "archive-batch")
    page.get_by_role("link", name="minato-23.txt").click()
    page.wait_for_load_state()

    assert page.locator(".source-text #page-2").is_visible()  # the source, by page
    assert page.locator("#id_venue").input_value() == "みなとカンファレンスセンター 会議室Ｂ"
    shot(page, "archive-review")

    first = page.locator("details.review-item").first
    first.locator("summary").click()
    minutes = first.locator("textarea[name$=-minutes]")
    assert minutes.input_value().startswith("Q. ユース参加者の割合")
    minutes.fill("Q. ユースの割合は?\n\nA. 約2割。")
    row = page.locator(".presenter-row").filter(has=page.locator("input[value='石川 健']"))
    row.locator("select[name$=-person]").select_option(str(namesake.pk))
    page.get_by_role("button", name="保存").click()
    page.wait_for_load_state()

    document = ArchiveDocument.objects.get(forum=forum)
    assert page.url.endswith(document.get_absolute_url())
    meeting = Meeting.objects.get(forum=forum, number=23)
    item = AgendaItem.objects.get(meeting=meeting, title_ja="地域IGFの報告")
    assert [(e.kind, e.text_ja) for e in item.interventions.order_by("position")] == [
        ("Q", "ユースの割合は?"),
        ("A", "約2割。"),
    ]
    europe = AgendaItem.objects.get(meeting=meeting, title_ja="欧州の動き")
    assert europe.presenters.get().person == namesake
    assert page.get_by_role("link", name="minato-23.txt").is_visible()  # the original, to download
    shot(page, "archive-document")

    small = new_page(viewport={"width": 375, "height": 800})
    log_in(small, user)
    small.goto(f"{page.base}{document.get_absolute_url()}")
    width = small.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the document page scrolls sideways on a phone ({width}px)"
    shot(small, "archive-document-375")
