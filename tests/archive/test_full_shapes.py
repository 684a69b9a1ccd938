"""Full-length memos and reports (invented text in the real shapes, see ``full_shapes``), field by field."""

import pytest

from mshub.archive.importer import parse_document
from mshub.archive.parsers.common import split_presenters
from mshub.archive.parsers.memo_text import join_lines, list_break
from mshub.archive.parsers.report import walk
from tests.archive.full_shapes import (
    FULL_MEMO_PARAGRAPHS,
    FULL_MEMO_PARAGRAPHS_EXPECTED,
    FULL_MEMO_WEB,
    FULL_MEMO_WEB_AGENDA,
    FULL_MEMO_WEB_EXPECTED,
    FULL_REPORT_PDF,
    FULL_REPORT_PDF_AGENDA,
    FULL_REPORT_PDF_EXPECTED,
    FULL_REPORT_SAMPLE,
    FULL_REPORT_SAMPLE_AGENDA,
    FULL_REPORT_SAMPLE_EXPECTED,
    MEMO_TAIL,
    MEMO_TAIL_EXPECTED,
)


def _items(record: dict) -> dict:
    return {i["number"]: i for i in walk(record["agenda"])}


def _entries(item: dict) -> list[tuple[str, str]]:
    return [(e["kind"], e["text"]) for e in item["interventions"]]


@pytest.fixture(scope="module")
def memo_web() -> dict:
    return parse_document(FULL_MEMO_WEB.encode(), "memo-2017-0912.txt")


@pytest.fixture(scope="module")
def memo_paragraphs() -> dict:
    return parse_document(FULL_MEMO_PARAGRAPHS.encode(), "memo-2018-1023.txt")


@pytest.fixture(scope="module")
def report_sample() -> dict:
    return parse_document(FULL_REPORT_SAMPLE.encode(), "hgc-15-report.txt")


@pytest.fixture(scope="module")
def report_pdf() -> dict:
    return parse_document(FULL_REPORT_PDF.encode(), "hgc-24-report.txt")


# -- steering memos ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(FULL_MEMO_WEB_EXPECTED))
def test_full_web_memo_fields(memo_web, key):
    assert memo_web[key] == FULL_MEMO_WEB_EXPECTED[key]


def test_full_web_memo_agenda_and_discussion(memo_web):
    items = _items(memo_web)
    assert [(n, i["title"]) for n, i in items.items()] == FULL_MEMO_WEB_AGENDA
    assert all(i["presenters"] == [] and i["outcome"] is None and i["page"] is None for i in items.values())
    assert items["1"]["summary"].splitlines() == [
        "HGC 21の会合レポート",
        "アンケートとメンバーの所感",
        "満足度は前回並みで、特に事例紹介の評価が高かった。",
        "遠隔参加者の音声が聞き取りにくいとの指摘があった。",
    ]
    # a “→” after a point that is not a question: the point is a C entry, the answer an A entry
    assert _entries(items["1"]) == [("C", "会場からの質問が少なかった。"), ("A", "事前に質問を募る仕組みを試す。")]
    assert items["2"]["summary"] == "発表の応募がなかったので、資料2をもとに候補を検討した。"
    assert items["2"]["interventions"] == []  # its 結論 and 今後の対応 are decisions and actions
    assert items["3"]["summary"].splitlines() == [
        "資料3-1に基づき、Webページの構成を確認した。",
        "掲載する項目は、概要、活動履歴、連絡先の3つとする。",
        "英語版も同時に公開したい。",  # a one-line “- …” entry ends with its sentence
    ]
    assert _entries(items["3"]) == [("Q", "英語版は誰が作るのか？"), ("A", "事務局で下訳を作り、考える会で確認する。")]
    assert items["4"]["summary"].splitlines() == [
        "■年次報告書",
        "資料3-2を確認した。",
        "参加者数の集計方法を注記する必要がある。",
        "提出期限は11月末。",
        "■NRIセッション",
    ]
    assert _entries(items["4"]) == [
        ("C", "IGF 2017のNRI合同セッションに登壇者を出す必要がある。"),
        ("A", "北村メンバーが登壇する方向で調整する。"),
    ]
    assert items["5"]["summary"].splitlines() == [
        "事務局の体制について、次のような意見が出た。",
        "記録係を持ち回りにしてはどうか。",
        "会場の確保は早めに行いたい",
        "年間予定を年初に示してほしい",
    ]
    assert items["6"]["summary"].splitlines() == [
        "ICANN：次回会合の論点を共有した。",
        "ITU：特になし。",
        "APrIGF：7月の会合の報告を共有した。",
    ]
    assert items["7"]["summary"] is None  # its only line is the next 考える会


@pytest.mark.parametrize("key", sorted(FULL_MEMO_PARAGRAPHS_EXPECTED))
def test_full_paragraph_memo_fields(memo_paragraphs, key):
    assert memo_paragraphs[key] == FULL_MEMO_PARAGRAPHS_EXPECTED[key]


def test_full_paragraph_memo_sections_follow_titles_not_positions(memo_paragraphs):
    items = _items(memo_paragraphs)
    assert [(n, i["title"]) for n, i in items.items()] == [
        ("1", "HGC 26の振り返り"),
        ("2", "HGC 27アジェンダ案"),
        ("3", "Japan-HGF対応"),
        ("3.1", "合同報告会の開催に向けて"),
        ("4", "NRI・APrIGF 2019への対応"),
        ("5", "メーリングリストアーカイブ小グループ"),
        ("6", "AOB"),
    ]
    assert items["1"]["summary"] == (
        "アンケートでは内容の評価は高かったが、 参加人数は少なかった。 "
        "告知文に説明があってもよかった、 とのコメントがあった。"
    )
    # item 2 is discussed in 3.2 and 3.3, each kept under its own title
    assert items["2"]["summary"].splitlines() == [
        "HGC 27の開催時期について",
        "2月の合同報告会が今後の活動に影響するため、 開催時期は報告会の後とすることで合意された。",
        "HGC 27のアジェンダ案について",
        "候補として次のテーマが挙がった。",
        "1. 国際的なデータ流通の枠組み",
        "2. 消費者保護とプラットフォーム",
    ]
    assert items["3"]["summary"].splitlines() == [
        "合同報告会の検討状況が共有された：",
        "1. 実行委員会の会合が10月15日に開かれ、 開催の方向性が検討された。",
        "2. 次の点で出席者の意見が一致した。",
        "合同開催の形とする",
        "2月下旬に開催する",
    ]
    assert _entries(items["3"]) == [
        ("Q", "合同開催の費用はどう分担するのか？"),
        ("A", "会場は事務局が手配し、 費用は折半とする方向で調整する。"),
    ]
    assert items["3.1"]["summary"] is None
    assert items["4"]["summary"] is None
    assert _entries(items["4"]) == [
        ("C", "年次報告書の提出期限が近い。"),
        ("A", "事務局がドラフトを作成し、 考える会で確認する。"),
        ("A", "参加者の属性は、 登録時のアンケートの数字を使う。"),
        ("Q", "APrIGFのワークショップ提案を出すか。"),
        ("A", "今回は見送る。"),
    ]
    assert _entries(items["5"]) == [
        ("C", "小グループの会合は日程が合わず、 まだ開かれていない。"),
        ("A", "メンバーに状況を確認する。"),
    ]
    assert items["6"]["summary"] is None and items["6"]["interventions"] == []  # “特になし。”  # noqa: PT018


def test_memo_tail_plain_conclusions_todo_and_next_meeting_heading():
    record = parse_document(MEMO_TAIL.encode(), "memo-2017-0613.txt")
    for key, value in MEMO_TAIL_EXPECTED.items():
        assert record[key] == value, key
    items = _items(record)
    assert items["1"]["summary"] is None
    assert _entries(items["1"]) == [
        ("C", "参加者が前回より減ったことについて議論"),
        ("A", "告知が遅れたのではないか。考えられる理由：\n他の催しとの重複\n告知文が専門的すぎた"),
    ]
    assert items["2"]["summary"] is None


def test_list_breaks_and_wrapped_lines():
    assert list_break("記録係は次回から持ち回りとする", "年間予定案は事務局が作成する（事務局）")
    assert list_break("候補：地域IGFの報告", "参加者に発表を依頼する（事務局）")
    assert not list_break("会場は三か月前までに", "確保する")
    assert not list_break("IGCJとしてエンドースするということはできないが、", "有志作として")
    assert not list_break("登壇者に依頼する", "ことで合意")  # a predicate whose sentence goes on
    assert join_lines(["対応すべく、事務局より提案する", "遠隔参加も継続することを想定"]) == (
        "対応すべく、事務局より提案する 遠隔参加も継続することを想定"
    )
    assert (
        join_lines(["アーカイブの検索機能は来年度に", "検討する（事務局）"])
        == "アーカイブの検索機能は来年度に検討する（事務局）"
    )
    assert join_lines(["まず確認した。", "次に公開する。"]) == "まず確認した。次に公開する。"


# -- meeting reports --------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(FULL_REPORT_SAMPLE_EXPECTED))
def test_full_sample_shaped_report_fields(report_sample, key):
    assert report_sample[key] == FULL_REPORT_SAMPLE_EXPECTED[key]


@pytest.mark.parametrize("number", sorted(FULL_REPORT_SAMPLE_AGENDA))
def test_full_sample_shaped_report_items(report_sample, number):
    title, presenters, outcome, page = FULL_REPORT_SAMPLE_AGENDA[number]
    item = _items(report_sample)[number]
    assert item["title"] == title
    assert [(p["name"], p["organization"]) for p in item["presenters"]] == presenters
    assert (item["outcome"], item["page"]) == (outcome, page)


def test_full_sample_shaped_report_minutes(report_sample):
    items = _items(report_sample)
    assert list(items) == list(FULL_REPORT_SAMPLE_AGENDA)
    assert items["1"]["summary"] == (
        "経済産業省通商政策局の岡田達也氏より、資料「越境データ流通の動向」に基づき報告が行われた。"
        "続いて質疑が行われた。"
    )
    assert _entries(items["1"]) == [
        ("Q", "各国のルールがばらばらなままでは、企業はどの国の基準に合わせればよいのか。"),
        (
            "A",
            "当面は最も厳しい基準に合わせる企業が多い。ただ、それでは中小企業の負担が大きいので、"
            "相互に認め合う仕組みを作る議論が始まっている。\nこの議論は来年以降さらに本格化する見込みである。",
        ),
        ("C", "相互承認の仕組みは、民間の認証制度を活用すると動きやすいと思う。"),
        ("Q", "データの国内保存を求める国は増えているのか。"),
        ("A", "増えている。特にアジアの一部の国で目立つ。"),
        ("C", "補足すると、保存義務の対象を金融や医療に限る国もあり、一律ではない。"),
    ]
    assert items["2"]["summary"] is None and items["2"]["interventions"] == []  # noqa: PT018
    assert _entries(items["2.2"]) == [
        (
            "C",
            "インシデント対応チーム²の国際的な連携は、長年の課題である。今回のフォーラムで各国の事例が"
            "集まるのは意義が大きいと思う。\nその一方で、集まった事例をどう使うのかが見えないという声もある。"
            "成果文書を誰が読むのかまで考えて進めて欲しい。",
        ),
        ("A", "ご指摘の点はフォーラムの中でも議論になっている。成果文書は各地域のフォーラムで紹介する予定。"),
        # broken by a page of footnotes, a page number and the running header
        ("Q", "成果文書の草案に対して、日本から意見を出すことはできるのか。今後の日程とあわせて教えて欲しい。"),
        ("A", "草案は来月公開され、その後二週間の意見募集がある。"),
    ]
    assert items["2.3"]["summary"] == "はなみずきユースフォーラムより、学生の IGF 派遣プログラムについて紹介があった。"
    assert items["2.3"]["interventions"] == []  # only a summary
    assert items["2.4"]["outcome_note"] == "発表者の都合がつかなくなったため、発表は取り止めとなった。"
    # the rest of a footnote at the foot of the next page is not the item's summary
    assert items["2.6"]["summary"] == "時間の都合により、意見交換は行われなかった。"
    assert items["2.6"]["outcome_note"] == "時間の都合により、意見交換は行われなかった。"
    assert [k for k, _ in _entries(items["3"])] == ["Q", "A", "C", "C"]
    assert items["5"]["outcome_note"] == "本件は時間切れのため、次回に延期された。"
    assert items["6"]["summary"] is None and items["6"]["interventions"] == []  # “特になし。”  # noqa: PT018


@pytest.mark.parametrize("key", sorted(FULL_REPORT_PDF_EXPECTED))
def test_full_pdf_report_fields(report_pdf, key):
    assert report_pdf[key] == FULL_REPORT_PDF_EXPECTED[key]


@pytest.mark.parametrize("number", sorted(FULL_REPORT_PDF_AGENDA))
def test_full_pdf_report_items(report_pdf, number):
    title, presenters, outcome, page = FULL_REPORT_PDF_AGENDA[number]
    item = _items(report_pdf)[number]
    assert item["title"] == title
    assert [(p["name"], p["organization"]) for p in item["presenters"]] == presenters
    assert (item["outcome"], item["page"]) == (outcome, page)


def test_full_pdf_report_minutes(report_pdf):
    items = _items(report_pdf)
    assert list(items) == list(FULL_REPORT_PDF_AGENDA)
    assert _entries(items["1.2"]) == [
        (
            "Q",
            "国家による情報収集¹の議論は、どの程度踏み込んだものだったのか。ワークショップによって温度差があったのではないか。",
        ),
        (
            "A",
            "温度差は大きかった。政府関係者が登壇するセッションでは慎重な発言が多く、市民社会の主催するセッションでは"
            "具体的な事例が多く紹介された。一方で、どのセッションでも国際的な規範づくりの必要性には触れられていた。",
        ),
        ("C", "規範づくりの議論は別の国際会議²でも進んでいるので、両者の関係を整理して紹介して欲しい。"),
        ("A", "次の機会に整理して紹介したい。"),
    ]
    assert items["1.3"]["outcome_note"] == "講演者の体調不良により、この発表は中止された。"
    assert items["2.1"]["summary"] == (
        "Global Data Policy Institute の Emily Carter 氏より、データ流通における信頼の枠組みについて講演があった。"
        "時間の都合により、質疑応答は行わなかった。"
    )
    assert items["2.1"]["outcome_note"] == "時間の都合により、質疑応答は行わなかった。"
    assert _entries(items["2.2"]) == [
        ("Q", "信頼の枠組みに、途上国はどのように参加できるのか。"),
        ("A", "(岡田) 能力開発の支援と組み合わせることが重要だと考える。"),
        ("A", "(Mori) 民間の認証制度は途上国の事業者にも開かれている。"),
        ("C", "認証の費用が参入の障壁にならないよう配慮が必要だと思う。"),
        ("C", "同感である。費用の一部を補助する仕組みを提案している団体もある³。"),
    ]
    assert items["2.3"]["outcome_note"] == "本件は次回に持ち越しとなった。"
    assert items["2.3"]["summary"] == "本件は次回に持ち越しとなった。"


def test_presenters_with_a_role_note_or_an_english_organisation():
    assert split_presenters("北辰大学 松井 美穂（モデレーター）") == [{"name": "松井 美穂", "organization": "北辰大学"}]
    assert split_presenters("JPNIC 奥谷 泉、Jane Porter, ISOC") == [
        {"name": "奥谷 泉", "organization": "JPNIC"},
        {"name": "Jane Porter", "organization": "ISOC"},
    ]
    assert split_presenters("Jane Porter、Kenji Mori") == [
        {"name": "Jane Porter", "organization": None},
        {"name": "Kenji Mori", "organization": None},
    ]


def test_memo_sections_whose_titles_start_with_a_date():
    memo = (
        "HGCを考える会ミーティングメモ - 2017年12月14日\n"
        "出席者（敬称略）：岡田、北村\n"
        "2. 議題\n"
        "- HGC 22の振り返り\n"
        "- 2018年の活動方針\n"
        "- その他\n"
        "3. 議論\n"
        "3.1. HGC 22の振り返り\n"
        "好評だった。\n"
        "3.2. 2018年の活動方針\n"
        "年4回の開催とする。\n"
        "3.3. その他\n"
        "3.3.1. 4/27の説明会でのHGC紹介について\n"
        "紹介資料を用意する。\n"
    )
    items = _items(parse_document(memo.encode(), "memo.txt"))
    assert [(n, i["title"], i["summary"]) for n, i in items.items()] == [
        ("1", "HGC 22の振り返り", "好評だった。"),
        ("2", "2018年の活動方針", "年4回の開催とする。"),
        ("3", "その他", None),
        ("3.1", "4/27の説明会でのHGC紹介について", "紹介資料を用意する。"),
    ]
