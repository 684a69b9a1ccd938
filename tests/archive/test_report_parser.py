"""The meeting-report parser: the sample field by field, invented variants, other formats."""

import io
from pathlib import Path

import pytest

from mshub.archive.importer import parse_document
from mshub.archive.parsers.report import parse_report, walk
from tests.archive.variants import HTML_REPORT, WIDE, WIDE_EXPECTED

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "samples" / "igcj-11-report-2016.txt"


@pytest.fixture(scope="module")
def sample() -> dict:
    if not SAMPLE.exists():
        pytest.skip("../shared/samples is not beside the checkout")
    return parse_document(SAMPLE.read_bytes(), "igcj-11-report-2016.txt")


def test_sample_overview_and_participation(sample):
    assert sample["genre"] == "meeting_report"
    assert sample["confidence"] > 0.8
    assert sample["number"] == 11
    assert sample["series"] == "日本インターネットガバナンス会議(IGCJ)"
    assert sample["date"] == "2016-01-28"
    assert (sample["start"], sample["end"]) == ("18:01", "20:09")
    assert sample["venue"] == "JPNIC 会議室"
    assert sample["url"] == "http://igcj.jp/meetings/2016/0128/"
    assert sample["participants"] == {"onsite": 28, "remote": 3}
    assert sample["warnings"] == []
    assert sample["errors"] == []
    assert len(sample["sha256"]) == 64


def test_sample_agenda_tree_with_presenters_split_into_name_and_organisation(sample):
    agenda = sample["agenda"]
    assert [i["number"] for i in agenda] == ["1", "2", "3", "4"]
    assert [i["number"] for i in agenda[1]["items"]] == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]
    items = {i["number"]: i for i in walk(agenda)}
    assert items["1"]["title"] == "WSIS+10 の状況報告"
    assert items["1"]["presenters"] == [{"name": "高根 優子", "organization": "総務省情報通信国際戦略局国際政策課"}]
    assert items["2"]["presenters"] == []
    assert items["2.1"]["presenters"] == [
        {"name": "奥谷 泉", "organization": "一般社団法人日本ネットワークインフォメーションセンター(JPNIC)"}
    ]
    assert items["2.2"]["presenters"] == [{"name": "奥谷 泉", "organization": "JPNIC"}]
    assert items["2.3"]["presenters"] == [
        {"name": "木下 剛", "organization": "一般財団法人インターネット協会(IAJapan)"}
    ]
    assert items["2.6"]["presenters"] == [{"name": "堀田 博文", "organization": "IGCJ を考える会"}]
    assert items["4"]["title"] == "その他"


def test_sample_interventions_outcomes_footnotes_and_next_meeting(sample):
    items = {i["number"]: i for i in walk(sample["agenda"])}
    assert [e["kind"] for e in items["1"]["interventions"]] == ["Q", "A"] * 4
    assert items["1"]["interventions"][0]["text"] == (
        "12 月のハイレベル会合の文言の修正に、非政府のステークホルダーはどの程度関与していたのか。"
    )
    assert [e["kind"] for e in items["2.2"]["interventions"]] == ["C"]
    assert "名乗った者勝ち" in items["2.2"]["interventions"][0]["text"]
    # A question broken by a page of footnotes is joined again.
    assert "今回の会合ではハイライトされていたのか。" in [e["text"] for e in items["2.3"]["interventions"]][4]
    assert items["2.4"]["outcome"] == "cancelled"
    assert "体調不良" in items["2.4"]["outcome_note"]
    assert items["2.4"]["interventions"] == []
    assert items["3"]["outcome"] == "cut_for_time"
    assert [f["mark"] for f in sample["footnotes"]] == ["1", "2", "3", "4"]
    assert (
        sample["footnotes"][0]["text"] == "特定のコンテンツまたはサービスを利用した場合に、データ課金の対象外にすること"
    )
    assert sample["footnotes"][1]["text"].endswith("https://www.nic.ad.jp/ja/basics/terms/csirt.html")
    assert sample["next_meeting"].startswith("次回 IGCJ の日程は")
    # Footnote text never leaks into the minutes.
    assert not any("データ課金の対象外" in e["text"] for i in items.values() for e in i["interventions"])


def test_full_width_variant_with_page_furniture_and_word_markers():
    data = parse_report(WIDE)
    for key, value in WIDE_EXPECTED.items():
        assert data[key] == value, key
    items = {i["number"]: i for i in walk(data["agenda"])}
    assert list(items) == ["1", "2", "2.1", "2.2", "3"]
    assert items["1"]["presenters"] == [{"name": "青山 葵", "organization": "北辰大学 法学部"}]
    assert items["2.2"]["presenters"] == [{"name": "Jane Porter", "organization": "アジア通信事業者連盟"}]
    assert [(e["kind"], e["text"]) for e in items["1"]["interventions"]] == [
        ("Q", "ユース参加者の割合はどの程度だったのか。"),
        ("A", "全体の約２割。昨年より増えている。"),
        ("C", "ゼロレーティング¹の議論も地域で深めるべき。"),
    ]
    assert items["2.2"]["outcome"] == "deferred"
    assert items["3"]["outcome"] == "cut_for_time"
    assert data["footnotes"] == [
        {
            "mark": "1",
            "text": "特定サービスの通信量を課金しないこと。詳しくはhttps://glossary.example.org/zero-rating",
            "page": 2,
        }
    ]
    assert not any("事務局" in e["text"] or "- 2 -" in e["text"] for i in items.values() for e in i["interventions"])
    assert any("weekday" in w for w in data["warnings"])  # 2019-11-07 was a Thursday, not 金


def test_html_report_ignores_scripts_and_navigation():
    record = parse_document(HTML_REPORT.encode(), "report5.html")
    assert record["genre"] == "meeting_report"
    assert record["number"] == 5
    assert record["date"] == "2021-03-04"
    assert record["participants"] == {"onsite": 0, "remote": 55}
    [item] = record["agenda"]
    assert item["presenters"] == [{"name": "上田 恵", "organization": "国際電気通信調整機関"}]
    assert [e["kind"] for e in item["interventions"]] == ["Q", "A"]
    assert "not this" not in str(record)


def test_docx_and_pdf_reports_are_read():
    import docx

    document = docx.Document()
    for line in WIDE.replace("\f", "\n").splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    record = parse_document(buffer.getvalue(), "report23.docx")
    assert record["errors"] == []
    assert record["number"] == 23
    assert record["participants"] == {"onsite": 42, "remote": 17}


@pytest.mark.slow
def test_pdf_report_with_a_text_layer_is_read():
    from weasyprint import HTML

    pdf = HTML(string=HTML_REPORT).write_pdf()
    record = parse_document(pdf, "report5.pdf")
    assert record["errors"] == []
    assert record["genre"] == "meeting_report"
    assert record["date"] == "2021-03-04"
    assert record["participants"]["remote"] == 55


def test_steering_memo_attendees_materials_decisions_and_actions():
    from tests.archive.variants import MEMO

    record = parse_document(MEMO.encode(), "memo8.txt")
    assert record["genre"] == "steering_memo"
    assert (record["number"], record["date"], record["start"], record["end"]) == (8, "2022-05-12", "12:00", "13:00")
    assert record["attendees"] == ["青山", "石川", "上田", "事務局(小池)"]
    assert record["materials"] == [
        {"label": "資料1", "title": "前回アンケート結果"},
        {"label": "資料2", "title": "次回会合の企画案"},
    ]
    assert record["decisions"] == ["次回はデータ流通をテーマとする。", "開催は７月を目途とする。"]
    assert record["actions"] == [
        {"text": "登壇候補者に打診する", "owner": "石川"},
        {"text": "会場を予約する", "owner": "事務局"},
        {"text": "アンケート項目を見直す", "owner": None},
    ]
    items = {i["number"]: i for i in walk(record["agenda"])}
    assert [e["kind"] for e in items["2"]["interventions"]] == ["Q", "A"]


BRIEFING_SAMPLE = SAMPLE.with_name("igcj-trend-briefing-2016.txt")


def test_trend_briefing_sample_topics_consultations_and_events():
    if not BRIEFING_SAMPLE.exists():
        pytest.skip("../shared/samples is not beside the checkout")
    record = parse_document(BRIEFING_SAMPLE.read_bytes(), BRIEFING_SAMPLE.name)
    assert record["genre"] == "trend_briefing"
    titles = [t["title"] for t in record["topics"]]
    assert titles[:3] == ["セキュリティ – 国際動向", "セキュリティ – その他動向", "IoT"]
    assert "IANA機能監督権限移管" in titles
    cstd, cwg = record["consultations"][:2]
    assert (cstd["body"], cstd["title"], cstd["deadline"]) == ("ITU", "CSTD WG Enhanced Corporation", "2016-12-07")
    assert cstd["questions"][0] == "What are the high level characteristics of enhanced cooperation?"
    assert cstd["url"].startswith("http://unctad.org/en/pages/newsdetails.aspx?OriginalVersionID=1351")
    assert cwg["deadline"] == "2017-01-04"
    assert len(cwg["questions"]) == 3
    assert cwg["url"] == "http://www.itu.int/en/council/cwg-internet/Pages/default.aspx"
    igf = [c for c in record["consultations"] if c["body"] == "IGF2016"]
    assert igf[0]["url"] == "http://www.intgovforum.org/review/igf-retreat-proceedings-ideas-and-suggestions/"
    events = {e["name"]: e for e in record["events"]}
    assert (events["ICANN57"]["start"], events["ICANN57"]["end"]) == ("2016-11-03", "2016-11-09")
    assert events["ICANN57"]["url"] == "https://meetings.icann.org/en/hyderabad57"
    assert (events["IGF2016"]["start"], events["IGF2016"]["end"]) == ("2016-12-05", "2016-12-09")
    assert events["WTSA-16 ITU"]["end"] == "2016-11-03"


def test_invented_briefing_topics_consultation_and_events():
    from tests.archive.variants import BRIEFING

    record = parse_document(BRIEFING.encode(), "briefing.txt")
    assert record["genre"] == "trend_briefing"
    [privacy] = record["topics"]  # "（続）" joins its topic; the introduction is not a topic
    assert privacy["title"] == "プライバシー – 国際動向"
    assert [i["text"] for i in privacy["items"]] == [
        "欧州で新たなデータ移転枠組みが合意",
        "米国側も苦情処理の仕組みを整備することにコミット",
        "アジア太平洋でも越境移転ルールの検討が進む",
    ]
    assert privacy["items"][1]["urls"] == ["https://privacy.example.org/framework-agreement"]
    [consultation] = record["consultations"]
    assert consultation == {
        "body": "国連",
        "title": "デジタル協力ロードマップ",
        "deadline": "2023-03-31",
        "questions": ["What should be the priorities for the next five years?", "How can stakeholders take part?"],
        "url": "https://un.example.org/digital-cooperation/consultation",
    }
    events = {e["name"]: e for e in record["events"]}
    assert (events["APrIGF準備会合"]["start"], events["APrIGF準備会合"]["end"]) == ("2023-01-20", "2023-01-20")
    assert (events["ICANN76"]["start"], events["ICANN76"]["end"]) == ("2023-03-11", "2023-03-16")
    assert events["ICANN76"]["url"] == "https://icann.example.org/76"
