"""Steering memos in the shapes real ones come in (invented text, see ``real_shapes``), field by field."""

from mshub.archive.importer import parse_document
from mshub.archive.parsers.memo import parse_memo
from mshub.archive.parsers.memo_text import action as _action
from mshub.archive.parsers.report import walk
from tests.archive.real_shapes import (
    MEMO_HTML,
    MEMO_NESTED,
    MEMO_PLANNING,
    MEMO_SECTIONS,
    MEMO_WEB,
    MEMO_WEB_EXPECTED,
)


def _items(record: dict) -> dict:
    return {i["number"]: i for i in walk(record["agenda"])}


def test_web_memo_header_facts_people_materials_decisions_and_actions():
    record = parse_document(MEMO_WEB.encode(), "memo-2021-0608.txt")
    for key, value in MEMO_WEB_EXPECTED.items():
        assert record[key] == value, key
    assert record["attendee_details"][2] == {"name": "上田", "organization": None, "note": "森氏代理", "remote": None}


def test_unnumbered_agenda_bullets_are_numbered_and_3_n_sections_attach_to_the_n_th():
    record = parse_memo(MEMO_WEB)
    items = _items(record)
    assert [(n, i["title"]) for n, i in items.items()] == [
        ("1", "第30回会合の振り返り"),
        ("2", "第31回会合のアジェンダ案"),
        ("3", "メーリングリストの運用"),
        ("4", "その他"),
    ]
    assert items["1"]["summary"].splitlines() == [
        "アンケート・メンバーによる振り返り",
        "参加者数は前回並みだったが、企業からの参加がやや減った。",
        "テーマの告知が遅く、参加を検討する時間が短かった。",
        "告知は一か月前を目安とすることで合意。",
        "遠隔参加の環境について",
        "音声が途切れる時間帯があったとの声が寄せられた。配信機材は次回までに点検する。",
    ]
    assert items["2"]["summary"] == "資料2-1に基づきアジェンダを検討。"  # the 結論 block is not the summary
    assert items["3"]["summary"].splitlines() == ["■改定案の確認", "資料3を確認した。", "■過去ログの扱い"]
    # “→” lines answer the question before them.
    assert items["3"]["interventions"] == [
        {"kind": "Q", "text": "過去ログを公開し続けるべきか？"},
        {"kind": "A", "text": "公開を続けるが、個人の連絡先は伏せる。"},
        {"kind": "A", "text": "伏せる作業は事務局で進める【千葉】"},
    ]
    assert items["4"]["summary"] is None  # its only line is the next-meeting note
    assert all(i["presenters"] == [] and i["page"] is None for i in items.values())


def test_memo_of_numbered_sections_without_an_agenda_and_a_contradicting_weekday():
    record = parse_document(MEMO_SECTIONS.encode(), "memo-2020-0706.txt")
    assert record["genre"] == "steering_memo"
    assert (record["date"], record["start"], record["end"]) == ("2020-07-06", "18:10", "20:10")
    assert record["warnings"] == ["the printed weekday (火) does not match 2020-07-06 (月); the date is kept"]
    assert record["attendees"] == ["石川", "林", "森"]
    assert (record["secretariat"], record["recorder"]) == (["小池", "千葉"], "千葉")
    items = _items(record)
    assert [(n, i["title"]) for n, i in items.items()] == [
        ("1", "第28回会合の振り返り"),
        ("1.1", "参加者の傾向"),
        ("1.2", "議論の道具"),
        ("2", "第29回会合のアジェンダ検討"),
        ("3", "その他"),
    ]
    assert items["1.1"]["summary"] == "参加者数について質問があり、 事務局より大きな変化はない旨を説明した。"
    assert items["2"]["summary"].splitlines() == [
        "アジェンダを募集したが、応募はなかった。",
        "議論の結果、次回は地域IGFの報告を中心とすることとなった。",
    ]
    assert record["decisions"] == [] and record["actions"] == []  # noqa: PT018


def test_memo_with_a_dash_alone_before_titles_and_sub_bullets_under_the_last():
    record = parse_memo(MEMO_NESTED)
    items = _items(record)
    assert [(n, i["title"]) for n, i in items.items()] == [
        ("1", "第29回会合の振り返り"),
        ("1.1", "主なアンケートの声"),  # a section of the minutes with no agenda line becomes a sub-item
        ("2", "第30回会合について"),
        ("2.1", "アジェンダの検討"),
        ("2.2", "今後のスケジュール確認"),
    ]
    assert items["1.1"]["summary"] == "発表が多すぎた。"
    # the point a “→” answers goes with it (as C: it does not ask a question)
    assert items["1.1"]["interventions"] == [
        {"kind": "C", "text": "時間配分を示してほしい。"},
        {"kind": "A", "text": "次回からは、プログラムに時間配分を書く。"},
    ]
    assert items["2.1"]["summary"] == "告知は一か月前に出す。"


def test_memo_web_page_lists_and_headings():
    record = parse_document(MEMO_HTML.encode(), "memo.html")
    assert record["genre"] == "steering_memo"
    assert record["title"] == "みなと政策会合を考える会ミーティングメモ - 2022年2月15日"
    assert (record["date"], record["start"], record["end"]) == ("2022-02-15", "16:00", "18:00")
    assert record["venue"] == "みなと会館"
    assert (record["attendees"], record["secretariat"], record["recorder"]) == (["青山", "林"], ["小池"], "小池")
    assert record["materials"] == [{"label": "資料1", "title": "第31回会合アンケート"}]
    items = _items(record)
    assert [(n, i["title"]) for n, i in items.items()] == [
        ("1", "第31回会合の振り返り"),
        ("2", "第32回会合のアジェンダ案"),
    ]
    assert items["1"]["summary"] == "満足度は前回より高かった。一方で、質疑の時間が短かった。"
    assert record["decisions"] == ["候補：生成AIと著作権"]
    assert record["actions"] == [{"text": "研究者に登壇を打診", "owner": "考える会"}]
    assert record["pages"] == 1


def test_planning_memo_attendees_by_group_materials_numbered_agenda_and_decision_points():
    record = parse_document(MEMO_PLANNING.encode(), "planning.txt")
    assert record["genre"] == "steering_memo"
    assert (record["date"], record["start"], record["end"]) == ("2022-12-05", "10:00", "11:50")
    assert record["venue"] == "みなと会館"
    assert record["attendees"] == ["青山葵", "石川健", "上田恵", "林 一郎"]
    assert record["attendee_details"] == [
        {"name": "青山葵", "organization": "デジタル通信省", "note": None, "remote": False},
        {"name": "石川健", "organization": "デジタル通信省", "note": None, "remote": False},
        {"name": "上田恵", "organization": "北辰大学", "note": None, "remote": False},
        {"name": "林 一郎", "organization": "(株)みなとネット", "note": None, "remote": True},
    ]
    assert record["materials"] == [
        {"label": "参考1", "title": "報告会の企画案"},
        {"label": "参考2", "title": "昨年の報告会プログラム"},
    ]
    assert [(i["number"], i["title"]) for i in walk(record["agenda"])] == [
        ("1", "出欠確認"),
        ("2", "報告会の内容企画"),
        ("2.1", "報告会部分の構成"),
        ("2.2", "テーマ部分の構成"),
        ("3", "今後のスケジュール"),
    ]
    assert record["decisions"] == [
        "報告会を2023年2月に開催する方向で企画を進める。",
        "全体構成は次の2本立てとする。 1. 会合で起きたこと 2. テーマ別の議論",
    ]


def test_action_owners_in_their_variants():
    assert _action("登壇を打診（考える会）") == {"text": "登壇を打診", "owner": "考える会"}
    assert _action("日程を調整する【林】") == {"text": "日程を調整する", "owner": "林"}
    assert _action("事務局：会場を予約する") == {"text": "会場を予約する", "owner": "事務局"}
    assert _action("資料を6月18日(金)まで確認") == {"text": "資料を6月18日(金)まで確認", "owner": None}
    assert _action("案を作る（仮称）") == {"text": "案を作る（仮称）", "owner": None}


def test_the_memo_parser_never_raises_on_cut_or_shuffled_memos():
    for text in (MEMO_WEB, MEMO_NESTED, MEMO_PLANNING, MEMO_SECTIONS):
        lines = text.splitlines()
        for cut in range(0, len(lines), 3):
            for variant in ("\n".join(lines[:cut]), "\n".join(lines[cut:]), "\n".join(lines[cut:] + lines[:cut])):
                record = parse_memo(variant)
                assert isinstance(record["decisions"], list)
                assert all(isinstance(a["text"], str) for a in record["actions"])


def test_attendee_lists_in_their_variants():
    from mshub.archive.parsers.people import people

    found = people(["出席者（敬称略）：高村・橘・堀田（記）", "事務局：前村、根津（6.のみ参加）"])
    assert (found["attendees"], found["recorder"]) == (["高村", "橘", "堀田"], "堀田")
    assert found["secretariat"] == ["前村", "根津"]
    assert people(["出席者：青山 石川 上田"])["attendees"] == ["青山", "石川", "上田"]
    assert people(["出席者：青山、事務局(小池)"])["attendees"] == ["青山", "事務局(小池)"]
    listed = people(["参加者：(敬称略)", "JPRS 堀田博文、高松百合", "", "資料：なし"])
    assert [(e["name"], e["organization"]) for e in listed["attendee_details"]] == [
        ("堀田博文", "JPRS"),
        ("高松百合", "JPRS"),
    ]


def test_memo_page_with_its_header_in_a_table():
    page = (
        "<h1>考える会ミーティングメモ - 2023年5月9日</h1><table><tr><th>開催日時</th><td>（火）10:00～11:00</td></tr>"
        "<tr><th>出席者（敬称略）</th><td>青山、林</td></tr></table><h2>2. 議題</h2><ul><li>振り返り</li></ul>"
    )
    record = parse_document(page.encode(), "memo.html")
    assert (record["date"], record["start"], record["end"]) == ("2023-05-09", "10:00", "11:00")
    assert record["attendees"] == ["青山", "林"]
    assert [i["title"] for i in record["agenda"]] == ["振り返り"]
