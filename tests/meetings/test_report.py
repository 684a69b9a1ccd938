"""The report generated from the records carries the sample report's facts."""

import re
import shutil
import subprocess

import pytest
from django.template.loader import render_to_string

from mshub.meetings.reports.context import report_context
from mshub.meetings.reports.pdf import render_pdf
from mshub.meetings.reports.render import render_html, render_markdown
from tests.meetings.sample11 import build_meeting_11

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    """The report's visible text: inline tags vanish, block tags become spaces, the TOC is dropped."""
    html = re.sub(r"<nav.*?</nav>", " ", html, flags=re.S)
    html = re.sub(r"</?(sup|a|span|strong|em)\b[^>]*>", "", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def meeting11(forum):
    return build_meeting_11(forum)


def test_html_report_has_the_facts_of_the_sample(meeting11):
    text = text_of(render_html(meeting11, "ja"))
    assert "第11回" in text
    assert "2016年1月28日 (木) 18:01–20:09" in text
    assert "会場: JPNIC 会議室" in text
    assert "http://igcj.jp/meetings/2016/0128/" in text
    assert "会場参加者数: 28 名" in text
    assert "遠隔参加者数: 3 名" in text
    # Agenda with numbers, presenters, and affiliations as at 2016-01-28.
    assert "1. WSIS+10 の状況報告 総務省情報通信国際戦略局国際政策課 高根 優子" in text
    assert "2.1. 概要報告 一般社団法人日本ネットワークインフォメーションセンター(JPNIC) 奥谷 泉" in text
    assert "2.2. セキュリティ関連の議論 JPNIC 奥谷 泉" in text
    assert "2.5. 政府セクターの動向 総務省総合通信基盤局電気通信事業部データ通信課 菅田 洋一" in text
    assert "後年の所属先" not in text
    assert "体調不良" in text
    assert "Q. 12 月のハイレベル会合" in text
    assert "ゼロレーティング¹" in text
    assert "特定のコンテンツまたはサービスを利用した場合に、データ課金の対象外にすること" in text
    assert "4 月で検討している" in text


def test_report_sections_are_in_the_established_order(meeting11):
    text = text_of(render_html(meeting11, "ja"))
    order = [
        "1. 会合の概要について",
        "1.1. 参加状況",
        "1.2. アジェンダ",
        "2. 質疑応答・議論内容",
        "1. WSIS+10",
        "2.1. 概要報告",
        "2.6. IGF に関する議論",
        "3. IANA",
        "4. その他",
        "次回",
    ]
    positions = [
        text.rindex(h) if h.startswith(("1. WSIS", "2.1.", "2.6.", "3. IANA", "4.")) else text.index(h) for h in order
    ]
    assert positions == sorted(positions), list(zip(order, positions, strict=True))


def test_markdown_report_has_the_same_facts_and_no_raw_html(meeting11, forum):
    from mshub.meetings.models import Intervention

    item = meeting11.agenda_items.get(title_ja="その他")
    Intervention.objects.create(item=item, kind="C", text_ja="<script>alert(1)</script> **bold**")
    md = render_markdown(meeting11, "ja")
    assert md.startswith("# 第11回")
    assert "- 会場参加者数: 28 名" in md
    assert "2.3. ビジネスセクターの動向" in md
    assert "ゼロレーティング[^1]" in md
    assert "[^1]: 特定のコンテンツ" in md
    assert "<script>" not in md
    assert "&lt;script&gt;" in md
    assert r"\*\*bold\*\*" in md


def test_english_report_uses_english_labels(meeting11):
    text = text_of(render_html(meeting11, "en"))
    assert "11th" in text
    assert "On-site participants: 28 people" in text
    assert "Overview of the meeting" in text


def test_report_query_count_does_not_grow_with_the_agenda(forum, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mshub.meetings.models import Intervention, Presenter
    from mshub.meetings.services import agenda
    from tests.factories import PersonFactory

    meeting = build_meeting_11(forum)
    with CaptureQueriesContext(connection) as few:
        render_html(meeting, "ja", report_context(meeting, "ja"))
    for n in range(60):
        item = agenda.add_item(meeting, title_ja=f"追加議題{n}")
        Presenter.objects.create(item=item, person=PersonFactory(forum=forum))
        Intervention.objects.create(item=item, kind="Q", text_ja="質問")
    with CaptureQueriesContext(connection) as many:
        render_html(meeting, "ja", report_context(meeting, "ja"))
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.slow
def test_pdf_has_japanese_glyphs_page_numbers_and_the_facts(meeting11, tmp_path):
    from io import BytesIO

    from pypdf import PdfReader

    pdf = render_pdf(render_html(meeting11, "ja"))
    reader = PdfReader(BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "会場参加者数" in text
    assert "28" in text
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()  # type: ignore[union-attr]
    }
    assert any("CJK" in f for f in fonts), fonts
    assert f"1 / {len(reader.pages)}" in reader.pages[0].extract_text()
    if shutil.which("pdftoppm"):
        path = tmp_path / "report.pdf"
        path.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")], check=True
        )
        png = next(tmp_path.glob("p*.png"))
        assert png.stat().st_size > 5000


def test_an_attributed_entry_names_its_speaker_and_others_stay_anonymous(meeting11, forum):
    from mshub.meetings.models import Intervention
    from tests.factories import PersonFactory

    speaker = PersonFactory(forum=forum, family_name_ja="発言", given_name_ja="太郎")
    item = meeting11.agenda_items.get(title_ja="その他")
    Intervention.objects.create(item=item, kind="C", text_ja="記名のコメント", speaker=speaker)
    text = text_of(render_html(meeting11, "ja"))
    assert "C. (発言 太郎) 記名のコメント" in text
    assert "Q. 12 月のハイレベル会合" in text  # anonymous entries carry no name


HOSTILE = (
    "<script>alert(1)</script> [x](javascript:alert(1)) ![i](http://evil.example/p.png) <img src=x onerror=alert(1)>"
    " `code` **bold** _u_ ~~s~~ | a | b | <http://evil.example/auto> &lt;b&gt;\n# injected heading\n- injected item"
    "\n> injected quote\n1. injected list\n---\n<div>block</div>\n[ref]: javascript:alert(2)\x1b"
)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_markdown_report_neutralises_hostile_text_in_every_field(forum, language):
    """Every user-written field (forum name, titles, venue, names, affiliations, outcome notes,
    summaries, interventions, decisions, action items, footnotes, the next-meeting note) comes out
    as plain text: no HTML tag, no link, no Markdown block of its own; a script URL is left out."""
    import datetime as dt

    from django.db import connection

    from mshub.meetings.models import (
        ActionItem,
        Decision,
        Footnote,
        Intervention,
        ItemOutcome,
        Meeting,
        MeetingSeries,
        Presenter,
    )
    from mshub.meetings.services.agenda import add_item
    from mshub.meetings.services.meetings import create_meeting
    from tests.factories import PersonFactory

    h = HOSTILE
    forum.name_ja = forum.name_en = h[:150]
    forum.save()
    series = MeetingSeries.objects.create(forum=forum, slug="hostile", name_ja=h[:100], name_en=h[:100])
    start = dt.datetime(2030, 1, 1, 18, tzinfo=dt.UTC)
    meeting = create_meeting(series, start=start, end=start + dt.timedelta(hours=2), title_ja=h[:300], title_en=h[:300])
    Meeting.objects.filter(pk=meeting.pk).update(
        venue_ja=h[:300], venue_en=h[:300], next_meeting_note_ja=h, next_meeting_note_en=h,
    )  # fmt: skip
    with connection.cursor() as cursor:  # a script URL left in the database (the model refuses one)
        cursor.execute(
            "UPDATE meetings_meeting SET web_url = %s WHERE id = %s", ["javascript:alert(document.cookie)", meeting.pk]
        )
    later = create_meeting(series, start=start + dt.timedelta(days=30), end=start + dt.timedelta(days=30, hours=2))
    Meeting.objects.filter(pk=later.pk).update(title_ja=h[:300], title_en=h[:300])
    person = PersonFactory(forum=forum, family_name_ja=h[:100], family_name_latin=h[:100], given_name_latin="")
    kw = {f"{f}_{lang}": h[:300] for f in ("title", "outcome_note") for lang in ("ja", "en")}
    item = add_item(meeting, summary_ja=h, summary_en=h, outcome=ItemOutcome.DEFERRED, deferred_to=later, **kw)
    Presenter.objects.create(item=item, person=person, affiliation_ja=h[:300], affiliation_en=h[:300])
    Intervention.objects.create(item=item, kind="Q", text_ja=h, text_en=h, speaker=person)
    Footnote.objects.create(meeting=meeting, item=item, mark=1, term="t", text_ja=h, text_en=h)
    Decision.objects.create(meeting=meeting, text_ja=h, text_en=h)
    ActionItem.objects.create(meeting=meeting, text_ja=h, text_en=h, owner_text=h[:200], due=dt.date(2030, 2, 1))

    md = render_markdown(meeting, language)

    assert md.count("injected heading") >= 10  # the hostile text is there, in every field ...
    for raw in ("<script", "<img", "<div", "<http", "](", "javascript:alert(document", "**bold**", "`code`", "\x00"):
        assert raw not in md, raw  # ... but none of its markup
    assert "&lt;script&gt;" in md
    assert r"\[x\]\(javascript:alert\(1\)\)" in md
    assert "&amp;lt;b&amp;gt;" in md  # an entity written by the user stays text
    block = re.compile(r"\s*(?:[#>*+=-]|\d+[.)]|<|\[)\s*injected")
    for line in md.splitlines():
        assert not block.match(line), line  # no heading, list, quote, HTML block or link definition
    assert [line for line in md.splitlines() if set(line) == {"-"}] == ["---"]  # only the footnotes' rule
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert not [line for line in headings if "injected" in line and not line.startswith(("# ", "### 1. "))]
    assert "URL:" not in md  # the script URL is dropped, not printed


def test_markdown_report_prints_a_web_url_as_an_autolink(forum):
    import datetime as dt

    from mshub.meetings.models import Meeting, MeetingSeries
    from mshub.meetings.services.meetings import create_meeting

    series = MeetingSeries.objects.create(forum=forum, slug="s", name_ja="s", name_en="s")
    start = dt.datetime(2030, 1, 1, 18, tzinfo=dt.UTC)
    meeting = create_meeting(series, start=start, end=start + dt.timedelta(hours=2))
    Meeting.objects.filter(pk=meeting.pk).update(web_url="https://igf.example.jp/11?a=1&b=<x>")
    assert "- URL: <https://igf.example.jp/11?a=1&b=%3Cx%3E>\n" in render_markdown(meeting, "en")


def test_japanese_in_an_english_report_pdf_is_set_in_the_japanese_cjk_face():
    from io import BytesIO

    from pypdf import PdfReader

    style = render_to_string("meetings/report/style.css", {"language": "en"})
    pdf = render_pdf(f'<html lang="en"><style>{style}</style><p>Presenter: 山田 花子 (Yamada Hanako)</p></html>')
    reader = PdfReader(BytesIO(pdf))
    assert "山田 花子" in reader.pages[0].extract_text()
    fonts = {str(font["/BaseFont"]).split("+")[-1] for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert fonts == {"DejaVu-Sans", "Noto-Sans-CJK-JP"}
