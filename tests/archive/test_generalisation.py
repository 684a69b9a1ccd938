"""Meeting reports in the shapes real ones come in (invented text, see ``real_shapes``), field by
field; page numbers for provenance."""

from mshub.archive.importer import parse_document
from mshub.archive.normalize import clean_lines, unflatten
from mshub.archive.parsers.common import find_times, labelled, split_presenters
from mshub.archive.parsers.report import parse_report, participation, walk
from tests.archive.real_shapes import MINUTES_OPEN, REPORT_FLAT, REPORT_MARKERS, REPORT_PARTS, REPORT_PDF
from tests.archive.variants import HTML_REPORT, WIDE


def _items(record: dict) -> dict:
    return {i["number"]: i for i in walk(record["agenda"])}


def test_pdf_report_labels_with_values_below_and_a_flattened_participation_table():
    record = parse_document(REPORT_PDF.encode(), "report31.txt")
    assert record["genre"] == "meeting_report"
    assert record["title"] == "第 31 回みなと政策会合レポート"  # the heading run into the title is cut
    assert (record["number"], record["series"]) == (31, "みなと政策会合")
    assert (record["date"], record["start"], record["end"]) == ("2022-02-08", "19:05", "20:40")
    assert record["venue"] == "みなと会館 3F ホール"
    assert record["url"] == "https://minato.example.jp/meetings/31/"
    assert record["participants"] == {"onsite": 24, "remote": 9}
    assert record["next_meeting"] == "次回は 2022 年 5 月の予定。"
    assert record["warnings"] == []


def test_pdf_agenda_table_with_bare_numbers_and_the_name_column_one_row_late():
    items = _items(parse_report(REPORT_PDF))
    assert list(items) == ["1", "2", "3"]
    assert items["1"]["title"] == "ドメイン名の文字列ルール"
    assert items["1"]["presenters"] == [{"name": "青山 葵", "organization": "日本語ラベル検討パネル チェア"}]
    assert items["2"]["title"] == "地域IGFの振り返り"
    assert items["2"]["presenters"] == [{"name": "石川 健", "organization": "みなと政策会合を考える会"}]
    assert items["3"]["presenters"] == [{"name": "上田 恵", "organization": "みなと政策会合を考える会"}]


def test_minutes_numbered_2_n_belong_to_item_n_and_keep_across_page_breaks():
    record = parse_report(REPORT_PDF)
    items = _items(record)
    assert [(e["kind"], e["text"]) for e in items["1"]["interventions"]] == [
        ("C", "規則づくりでは、各言語が少しずつ譲ることになる。"),
        ("A", "その通りで、文化ではなくルールの調整である¹。"),
    ]
    assert [e["kind"] for e in items["2"]["interventions"]] == ["Q", "A"]
    assert items["3"]["outcome"] == "cut_for_time"
    assert record["footnotes"] == [{"mark": "1", "text": "登録できる文字の組み合わせを定めた規則。", "page": 2}]
    assert not any(e["text"] == "みなと政策会合" for i in items.values() for e in i["interventions"])


def test_page_numbers_of_items_footnotes_and_the_document():
    record = parse_document(REPORT_PDF.encode(), "report31.txt")
    assert record["pages"] == 4
    assert [(i["number"], i["page"]) for i in walk(record["agenda"])] == [("1", 1), ("2", 2), ("3", 3)]
    assert record["footnotes"][0]["page"] == 2
    wide = parse_report(WIDE)  # items are placed where their minutes start
    assert wide["pages"] == 3
    assert [(i["number"], i["page"]) for i in walk(wide["agenda"])] == [
        ("1", 1),
        ("2", 2),
        ("2.1", 2),
        ("2.2", 2),
        ("3", 2),
    ]


def test_an_item_without_minutes_has_the_page_of_its_agenda_line():
    text = "第3回 テスト会合 レポート\n日時：2020年1月9日(木) 18:00～19:00\n\f1. アジェンダ\n1. 開会\n2. 報告\n"
    record = parse_report(text)
    assert [(i["number"], i["page"]) for i in walk(record["agenda"])] == [("1", 2), ("2", 2)]


def test_without_form_feeds_pages_is_one_and_each_page_is_null():
    record = parse_document(HTML_REPORT.encode(), "report5.html")
    assert record["pages"] == 1
    assert all(i["page"] is None for i in walk(record["agenda"]))
    sample = parse_report(REPORT_MARKERS)
    assert sample["pages"] == 1
    assert all(i["page"] is None for i in walk(sample["agenda"]))


def test_a_report_whose_line_breaks_were_lost_is_cut_again():
    record = parse_document(REPORT_FLAT.encode(), "report12.txt")
    assert (record["number"], record["series"]) == (12, "みなと政策会合")
    assert record["title"] == "第 12 回みなと政策会合レポート"
    assert (record["date"], record["start"], record["end"]) == ("2021-04-27", "18:00", "20:00")
    assert record["venue"] == "みなと会館"
    assert record["participants"] == {"onsite": 15, "remote": 11}
    items = _items(record)
    # The agenda ran title and presenter together: the minutes' heading says where the title ends.
    assert items["1"]["title"] == "越境データ流通の論点"
    assert items["1"]["presenters"] == [{"name": "青山 葵", "organization": "北辰大学 法学部 教授"}]
    assert items["2"]["presenters"] == [{"name": "石川 健", "organization": "みなと通信協会"}]
    # Without minutes, the title ends at a word titles end with, when a presenter follows.
    assert items["3"]["title"] == "次回テーマの紹介"
    assert items["3"]["presenters"] == [{"name": "上田 恵", "organization": "みなと政策会合を考える会"}]
    assert [(e["kind"], e["text"]) for e in items["1"]["interventions"]] == [
        ("Q", "国内法との関係はどう整理されるのか。"),
        ("A", "今後の検討課題である。"),
    ]
    assert unflatten("短い行\n次の行") == "短い行\n次の行"


def test_other_years_labels_counts_markers_and_presenter_lines():
    record = parse_document(REPORT_MARKERS.encode(), "report25.txt")
    assert record["genre"] == "meeting_report"
    assert (record["number"], record["series"]) == (25, "みなと政策会合")
    assert (record["date"], record["start"], record["end"]) == ("2020-11-12", "18:30", "20:00")
    assert record["venue"] == "みなと会館 大会議室"
    assert record["participants"] == {"onsite": 30, "remote": 5}
    items = _items(record)
    assert items["1"]["presenters"] == [
        {"name": "石川 健", "organization": "デジタル通信省"},
        {"name": "Maria Lopez", "organization": "Asia Network Forum"},
    ]
    assert items["2"]["presenters"] == [
        {"name": "上田 恵", "organization": "北辰大学"},
        {"name": "林 一郎", "organization": "みなとネット"},
        {"name": "森 二葉", "organization": "みなと高校"},
    ]
    assert [(e["kind"], e["text"]) for e in items["1"]["interventions"]] == [
        ("Q", "オンライン参加の比率はどうだったか。"),
        ("A", "全体の６割程度。"),
        ("Q", "来年の開催地は決まっているか。"),
        ("A", "決まっている。"),
    ]
    assert [(e["kind"], e["text"]) for e in items["2"]["interventions"]] == [
        ("Q", "ユースの旅費支援はあるのか。"),
        ("A", "一部の団体が支援している。"),
        ("C", "地域での勉強会も有効だと思う。"),
    ]


def test_an_agenda_of_parts_and_talks_numbered_under_the_minutes_part():
    record = parse_document(REPORT_PARTS.encode(), "report1.txt")
    assert record["genre"] == "meeting_report"
    assert (record["number"], record["series"]) == (1, "みなとインターネット政策を考える会")
    assert record["date"] is None  # only the publication date is printed: not guessed
    items = _items(record)
    assert [(n, i["title"]) for n, i in items.items()] == [
        ("1", "第1部 レクチャー編"),
        ("1.1", "青山氏講演「越境データの基礎」"),
        ("1.2", "石川講演「国際会議の動向」"),
        ("2", "第2部 ディスカッション編"),
    ]
    assert items["1.2"]["summary"] == "国際会議の日程と主な論点を紹介した。"
    assert items["2"]["summary"] == "会場からの質問をもとに議論した。"
    assert "趣旨説明" not in str(record["agenda"])  # 1.3 is part of the overview, not of the agenda


def test_minutes_without_an_agenda_take_their_numbered_sections_as_items():
    record = parse_document(MINUTES_OPEN.encode(), "open14.txt")
    assert (record["genre"], record["number"]) == ("meeting_report", 14)
    assert record["series"] == "みなとオープンポリシーミーティング"
    items = _items(record)
    assert [(n, i["title"]) for n, i in items.items()] == [("1", "開会と進め方"), ("2", "番号資源の割り当て方針")]
    assert items["1"]["presenters"] == [{"name": None, "organization": "運営ワーキンググループ"}]
    assert items["1"]["summary"] == "司会者から進め方の説明があった。"
    assert items["1"]["interventions"] == []
    assert items["2"]["presenters"] == [{"name": "森 二葉", "organization": "運営ワーキンググループ"}]
    assert [(e["kind"], e["text"]) for e in items["2"]["interventions"]] == [
        ("Q", "方針の変更は誰が決めるのか。"),
        ("A", "ミーティングでの合意を経て決まる（森）"),
        ("C", "手続きは文書にまとめられている（林）"),
    ]


def test_presenter_lines_in_their_variants():
    assert split_presenters("高根優子氏（総務省）") == [{"name": "高根優子", "organization": "総務省"}]
    assert split_presenters("JPNIC 奥谷 泉 氏") == [{"name": "奥谷 泉", "organization": "JPNIC"}]
    assert split_presenters("Jim Foster, Keio University") == [
        {"name": "Jim Foster", "organization": "Keio University"}
    ]
    assert split_presenters("北辰大学 特別招聘教授 ジム フォスター") == [
        {"name": "ジム フォスター", "organization": "北辰大学 特別招聘教授"}
    ]
    assert split_presenters("JPNIC 前村 昌紀、奥谷 泉") == [
        {"name": "前村 昌紀", "organization": "JPNIC"},
        {"name": "奥谷 泉", "organization": "JPNIC"},
    ]
    assert split_presenters("IGCJ を考える会") == [{"name": None, "organization": "IGCJ を考える会"}]
    assert split_presenters("総務省 五十嵐大和") == [{"name": "五十嵐大和", "organization": "総務省"}]


def test_times_labels_and_counts_in_their_variants():
    assert find_times("2016年1月28日（木）18:30〜20:45") == ("18:30", "20:45")
    assert find_times("18時30分－20時") == ("18:30", "20:00")
    assert find_times("午後6時半から午後8時まで") == ("18:30", "20:00")
    assert find_times("（火）14:00~16:20") == ("14:00", "16:20")
    assert labelled(["・会　場：みなと会館"], "会場") == "みなと会館"
    assert labelled(["出席者（敬称略）：青山、林"], "出席者") == "青山、林"
    assert labelled(["日時:", "", "2020年1月9日"], "日時", follow=True) == "2020年1月9日"
    assert labelled(["日時:", "会場: ホール"], "日時", follow=True) is None
    assert participation(["会場：30名、リモート：5名"]) == {"onsite": 30, "remote": 5}
    assert participation(["現地参加者数 12人", "オンライン参加者数 40人"]) == {"onsite": 12, "remote": 40}
    assert participation(["会場: オンライン", "会場参加者数: 0 名", "遠隔参加者数: 55 名"]) == {
        "onsite": 0,
        "remote": 55,
    }


def test_clean_lines_know_their_page_and_indentation():
    lines = clean_lines("一\n  二\f三\n\f\f四")
    assert [(str(ln), ln.page, ln.indent) for ln in lines] == [
        ("一", 1, 0),
        ("二", 1, 2),
        ("三", 2, 0),
        ("", 2, 0),
        ("", 3, 0),
        ("四", 4, 0),
    ]
    assert len(clean_lines("a\n\fb\f", keep_positions=True)) == len("a\n\fb\f".replace("\f", "\n").splitlines())


def test_a_line_beginning_with_next_time_inside_an_entry_goes_on_with_it():
    """“次回…” starts the next-meeting note only as a paragraph of its own, not as a broken line's rest."""
    text = WIDE.replace(
        "コメント(C)：ゼロレーティング¹の議論も地域で深めるべき。",
        "コメント(C)：ゼロレーティング¹の議論を地域で深め、\n次回の会合でも取り上げてはどうか。",
    )
    record = parse_document(text.encode(), "r.txt")
    items = _items(record)
    assert items["1"]["interventions"][-1]["text"] == (
        "ゼロレーティング¹の議論を地域で深め、次回の会合でも取り上げてはどうか。"
    )
    assert [e["kind"] for e in items["2.1"]["interventions"]] == ["Q", "A"]  # the items after it still fill
    assert items["2.2"]["outcome"] == "deferred"
    assert record["next_meeting"] == "次回は２０２０年２月の予定。"
