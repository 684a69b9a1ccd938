"""The 11th meeting of the sample report, entered through the UI by the secretariat, end to end.

Create the meeting, build the agenda with sub-items and presenters, record the minutes and
footnotes, register 28 on-site and 3 remote participants at the door, publish; then the HTML and
PDF report must carry the sample's facts, and the PDF's first page must show Japanese glyphs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from io import BytesIO

import pytest

from mshub.core.models import Role
from mshub.meetings.models import MeetingSeries
from tests.browser.conftest import SCREENSHOTS, shot, sign_in
from tests.factories import PASSWORD, ForumFactory, MembershipFactory, UserFactory
from tests.meetings.sample11 import AGENDA, FOOTNOTES, NEXT, QA_ITEM_1, QA_ITEM_2_1, QA_ITEM_2_2, build_registry

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


@pytest.fixture
def igcj():
    forum = ForumFactory(slug="igcj", name_ja="日本インターネットガバナンス会議", name_en="IGCJ")
    user = UserFactory(email="jimukyoku@example.jp", display_name="事務局")
    MembershipFactory(forum=forum, user=user, role=Role.SECRETARIAT)
    build_registry(forum)  # people and their dated affiliations: the registry, not what is tested here
    MeetingSeries.objects.create(forum=forum, slug="igcj", name_ja="IGCJ会合", timezone="Asia/Tokyo")
    return forum


def submit(page, selector="main form.form button[type=submit]", timeout=10_000):
    with page.expect_navigation(timeout=timeout):  # a slow answer (publishing renders PDFs) must not be read early
        page.locator(selector).last.click()
    page.wait_for_load_state()


def pick(page, select, name):
    """Type the name into the picker's search box and choose the match that htmx lists."""
    page.fill(f"{select}_q", name)
    option = page.locator(f"{select} option", has_text=name).first
    option.wait_for(state="attached")
    page.select_option(select, option.get_attribute("value"))


def test_secretariat_enters_and_publishes_the_11th_meeting(page, igcj):
    base = f"{page.base}/igcj/meetings"
    sign_in(page, "jimukyoku@example.jp", PASSWORD)

    page.goto(f"{base}/new/")
    page.select_option("#id_series", label="IGCJ会合")
    page.fill("#id_number", "11")
    page.fill("#id_date", "2016-01-28")
    page.fill("#id_start_time", "18:01")
    page.fill("#id_end_time", "20:09")
    page.select_option("#id_timezone", "Asia/Tokyo")
    page.fill("#id_venue_ja", "JPNIC 会議室")
    page.fill("#id_web_url", "http://igcj.jp/meetings/2016/0128/")
    page.fill("#id_next_meeting_note_ja", NEXT)
    submit(page)
    meeting_url = f"{base}/igcj/11/"
    assert page.url == meeting_url

    for number, title, _presenters in AGENDA:  # items and sub-items, in order
        page.goto(f"{meeting_url}agenda/")
        page.fill("#id_title_ja", title)
        if "." in number:
            parent_title = next(t for n, t, _ in AGENDA if n == number.split(".")[0])
            page.select_option("#id_parent", label=parent_title)
        submit(page)
    rows = page.locator("main table tbody tr td:first-child").all_inner_texts()
    assert rows == [n for n, _, _ in AGENDA]

    links = {t: page.get_by_role("link", name=t, exact=True).first.get_attribute("href") for _, t, _ in AGENDA}
    names = {
        "takane": "高根 優子",
        "okutani": "奥谷 泉",
        "kinoshita": "木下 剛",
        "hamada": "浜田 忠久",
        "sugata": "菅田 洋一",
        "hotta": "堀田 博文",
    }
    entries = {"1": QA_ITEM_1, "2.1": QA_ITEM_2_1, "2.2": QA_ITEM_2_2}
    for number, title, presenters in AGENDA:
        page.goto(f"{page.base}{links[title]}")
        for key in presenters:
            pick(page, "#id_person", names[key.rstrip("*")])
            if key.endswith("*"):
                page.fill("#id_affiliation_ja", "JPNIC")
            submit(page, "form:has(input[value=presenter]) button[type=submit]")
        for kind, text in entries.get(number, []):
            page.select_option("#id_kind", kind)
            page.fill("#id_text_ja", text)
            submit(page, "form:has(input[value=intervention]) button[type=submit]")
        if number == "2.4":
            page.select_option("#id_outcome", "cancelled")
            page.fill("#id_outcome_note_ja", "発表者が体調不良のため、発表は取り止めとなった。")
            submit(page, "form:has(input[value=item]) button[type=submit]")

    page.goto(f"{meeting_url}memo/")
    for _mark, term, text in FOOTNOTES:
        page.fill("#id_footnote-term", term)
        page.fill("#id_footnote-text_ja", text)
        submit(page, "form:has(input[value=footnote]) button[type=submit]")

    page.goto(meeting_url)
    page.select_option("#status-choice", "announced")
    submit(page, "form[action$='status/'] button[type=submit]")
    submit(page, "form[action$='status/'] button[type=submit]")  # the confirmation names the mailing list

    for i in range(31):  # at the door: 28 on site, 3 joined online
        page.goto(f"{meeting_url}check-in/")
        page.fill("form:has(input[name=walk_in]) #id_name", f"参加者{i + 1}")
        page.select_option("form:has(input[name=walk_in]) #id_stakeholder_group", index=1 + i % 5)
        page.check(f"form:has(input[name=walk_in]) input[name=mode][value={'onsite' if i < 28 else 'remote'}]")
        submit(page, "form:has(input[name=walk_in]) button[type=submit]")
    assert "28" in page.locator("main p[aria-live]").inner_text()

    page.goto(meeting_url)
    page.select_option("#status-choice", "held")
    submit(page, "form[action$='status/'] button[type=submit]")
    assert "参加者 0 名" in page.locator("main").inner_text()  # walk-ins left no address: nobody to mail
    submit(page, "form[action$='status/'] button[type=submit]")
    page.goto(f"{meeting_url}report/")
    preview = page.frame_locator("iframe.report-frame").locator("body").inner_text()
    assert "第11回" in preview  # the secretariat sees what it is about to publish
    assert "JPNIC 会議室" in preview
    # (a mouse click on this button lands in the sandboxed preview frame under Playwright; the keyboard submits)
    page.locator("form[action$='publish/'] button[type=submit]").press("Enter")
    page.get_by_role("link", name=re.compile(r"^v1 ")).wait_for(timeout=90_000)

    report = page.frame_locator("iframe.report-frame").locator("body").inner_text()
    text = re.sub(r"\s+", " ", report)
    for fact in (
        "第11回",
        "2016年1月28日 (木) 18:01–20:09",
        "会場: JPNIC 会議室",
        "http://igcj.jp/meetings/2016/0128/",
        "会場参加者数: 28 名",
        "遠隔参加者数: 3 名",
        "1. WSIS+10 の状況報告 総務省情報通信国際戦略局国際政策課 高根 優子",
        "2.1. 概要報告 一般社団法人日本ネットワークインフォメーションセンター(JPNIC) 奥谷 泉",
        "2.2. セキュリティ関連の議論 JPNIC 奥谷 泉",
        "2.3. ビジネスセクターの動向 一般財団法人インターネット協会(IAJapan) 木下 剛",
        "2.6. IGF に関する議論 IGCJ を考える会 堀田 博文",
        "発表者が体調不良のため",
        "Q. 12 月のハイレベル会合",
        "ゼロレーティング¹",
        "データ課金の対象外にすること",
        "4 月で検討している",
    ):
        assert fact in text, fact
    assert "後年の所属先" not in text  # a later affiliation must not appear in a 2016 report
    shot(page, "meeting11-report")

    pdf = page.request.get(f"{meeting_url}report.pdf").body()
    assert pdf.startswith(b"%PDF")
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(pdf))
    pdf_text = re.sub(r"\s+", " ", "".join(p.extract_text() for p in reader.pages))
    for fact in ("会場参加者数", "28", "高根 優子", "JPNIC 会議室"):
        assert fact in pdf_text, fact
    fonts = {str(f["/BaseFont"]) for p in reader.pages for f in (p["/Resources"].get("/Font") or {}).values()}
    assert any("CJK" in f for f in fonts), fonts
    if shutil.which("pdftoppm"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / "meeting11.pdf").write_bytes(pdf)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(SCREENSHOTS / "meeting11.pdf"),
                str(SCREENSHOTS / "meeting11-pdf-page1"),
            ],
            check=True,
        )
        png = SCREENSHOTS / "meeting11-pdf-page1.png"
        assert png.stat().st_size > 20_000  # a page of Japanese text, not a blank page
    assert page.errors == []
