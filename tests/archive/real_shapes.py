"""Invented documents in the shapes real IGCJ reports and steering memos come in (our own wording and
names; the structure, labels and extraction debris follow what real ones show)."""

# A steering memo as the web pages of 2016–2018 print it: the date in the title line and only the
# weekday and times under 開催日時; “出席者（敬称略）：”; a separate 事務局 line with the note-taker
# “（記）”; half-width colons with a space before them; an agenda of unnumbered “- ” bullets under
# “2. 議題”; “3. 議論” with “3.N.” sections for the N-th bullet; bullets as a “-” alone with the text
# on the next lines; several 結論 blocks with “今後の対応：…（owner）” lines; “→” answers; “■”
# sub-headings; a 対応事項 block without bullets; a conclusion that names its owner.
MEMO_WEB = """\
みなと政策会合を考える会ミーティングメモ - 2021年6月8日
開催日時：（火）14:00～16:20
開催場所：みなと会館 第2会議室
出席者（敬称略）：青山、石川、上田（森氏代理）、林
事務局：小池、桜井、千葉（記）
1. 配布資料
資料1 ：第30回会合アンケート
資料2-1：次回会合の構成案
資料3 : ML運用ルール改定案
2. 議題
- 第30回会合の振り返り
- 第31回会合のアジェンダ案
- メーリングリストの運用
- その他
3. 議論
3.1. 第30回会合の振り返り
アンケート・メンバーによる振り返り
-
参加者数は前回並みだったが、
企業からの参加がやや減った。
-
テーマの告知が遅く、
参加を検討する時間が短かった。
- 告知は一か月前を目安とすることで合意。
遠隔参加の環境について
-
音声が途切れる時間帯があったとの声が寄せられた。
配信機材は次回までに点検する。
3.2. 第31回会合のアジェンダ案
資料2-1に基づきアジェンダを検討。
結論
-
候補：データ流通と越境規制
今後の対応：関係省庁の担当課に登壇を打診（考える会）
-
候補：地域IGFの報告
今後の対応：地域IGFの参加者に発表を依頼（事務局）
3.3. メーリングリストの運用
■改定案の確認
資料3を確認した。
対応事項：
改定案を、
考える会で6月18日(金)まで確認し、翌週に公開する。
[事後補足：対応完了]
■過去ログの扱い
過去ログを公開し続けるべきか？
→ 公開を続けるが、個人の連絡先は伏せる。
→ 伏せる作業は事務局で進める【千葉】
結論
-
アーカイブの検索機能は来年度に
検討する（事務局）
3.4. その他
次回の考える会は2021年8月3日(火)の予定。
"""

MEMO_WEB_EXPECTED = {
    "genre": "steering_memo",
    "number": None,
    "series": "みなと政策会合を考える会",
    "date": "2021-06-08",
    "start": "14:00",
    "end": "16:20",
    "venue": "みなと会館 第2会議室",
    "attendees": ["青山", "石川", "上田", "林"],
    "secretariat": ["小池", "桜井", "千葉"],
    "recorder": "千葉",
    "materials": [
        {"label": "資料1", "title": "第30回会合アンケート"},
        {"label": "資料2-1", "title": "次回会合の構成案"},
        {"label": "資料3", "title": "ML運用ルール改定案"},
    ],
    "decisions": [
        "候補：データ流通と越境規制",
        "候補：地域IGFの報告",
        "アーカイブの検索機能は来年度に検討する（事務局）",
    ],
    "actions": [
        {"text": "関係省庁の担当課に登壇を打診", "owner": "考える会"},
        {"text": "地域IGFの参加者に発表を依頼", "owner": "事務局"},
        {"text": "改定案を、考える会で6月18日(金)まで確認し、翌週に公開する。", "owner": None},
        {"text": "伏せる作業は事務局で進める", "owner": "千葉"},
        {"text": "アーカイブの検索機能は来年度に検討する", "owner": "事務局"},
    ],
    "next_meeting": "次回の考える会は2021年8月3日(火)の予定。",
    "participants": {"onsite": None, "remote": None},
    "warnings": [],
    "pages": 1,
}

# An older memo: no 議題 section, the discussion is the numbered sections themselves (“1.”, “1.1.”),
# paragraphs separated by blank lines, the 事務局 line indented under the attendees, and a weekday
# under 開催日時 that contradicts the date of the title.
MEMO_SECTIONS = """\
みなと政策会合を考える会ミーティングメモ - 2020年7月6日

開催日時：（火）18:10～20:10
開催場所：みなと会館
出席者（敬称略）：石川、林、森
    事務局：小池、千葉（記）

1. 第28回会合の振り返り

1.1. 参加者の傾向

参加者数について質問があり、 事務局より大きな変化はない旨を説明した。

1.2. 議論の道具

メーリングリスト以外の議論の場が必要かどうかを話し合った。

2. 第29回会合のアジェンダ検討

アジェンダを募集したが、応募はなかった。

議論の結果、次回は地域IGFの報告を中心とすることとなった。

3. その他
"""

# A memo whose agenda is an unnumbered “議題” list with “-” alone before each title and one-line
# sub-bullets under the last one, and whose minutes (“議事メモ”) number the items themselves.
MEMO_NESTED = """\
みなと政策会合を考える会ミーティングメモ - 2020年10月27日
開催日時：（火）10:00～11:40
開催場所：みなと会館
出席者（敬称略）：青山、石川、林
事務局：小池、桜井
議題
-
第29回会合の振り返り
-
第30回会合について
- アジェンダの検討
- 今後のスケジュール確認
議事メモ
1. 第29回会合の振り返り
1.1. 主なアンケートの声
- 発表が多すぎた。
-
時間配分を示してほしい。
→次回からは、プログラムに時間配分を書く。
2. 第30回会合について
2.1. アジェンダの検討
- 告知は一か月前に出す。
"""

# The same memo as a web page (lists as <ul>/<li>, a list item holding a paragraph).
MEMO_HTML = """<!doctype html><html lang="ja"><head><title>ミーティングメモ | みなと政策会合</title></head>
<body><header>みなと政策会合</header><nav>ホーム</nav>
<h1>みなと政策会合を考える会ミーティングメモ - 2022年2月15日</h1>
<p>開催日時：（火）16:00～18:00<br>開催場所：みなと会館<br>出席者（敬称略）：青山、林<br>事務局：小池（記）</p>
<h2>1. 配布資料</h2><p>資料1：第31回会合アンケート</p>
<h2>2. 議題</h2><ul><li>第31回会合の振り返り</li><li>第32回会合のアジェンダ案</li></ul>
<h2>3. 議論</h2><h3>3.1. 第31回会合の振り返り</h3>
<ul><li><p>満足度は前回より高かった。<br>一方で、質疑の時間が短かった。</p></li></ul>
<h3>3.2. 第32回会合のアジェンダ案</h3><p>結論</p>
<ul><li><p>候補：生成AIと著作権<br>今後の対応：研究者に登壇を打診（考える会）</p></li></ul>
<footer>© example</footer></body></html>"""

# A planning meeting of another group: the attendees under “参加者：（敬称略、順不同）” over several
# lines with organisations and [現地参加] / [遠隔参加] groups; materials as “参考N.” under “資料：”;
# a numbered agenda with sub-numbers; a rule line; “決定事項：” with bullets and numbered points.
MEMO_PLANNING = """\
日時：2022年12月5日(月)10:00-11:50
場所：みなと会館
参加者：（敬称略、順不同）
[現地参加]
デジタル通信省 青山葵、石川健
北辰大学 上田恵
[遠隔参加]
(株)みなとネット 林 一郎
資料：
参考1. 報告会の企画案
参考2. 昨年の報告会プログラム
アジェンダ：
1. 出欠確認
2. 報告会の内容企画
2.1 報告会部分の構成
2.2 テーマ部分の構成
3. 今後のスケジュール
---------------------------------------------------------------------
決定事項：
- 報告会を2023年2月に開催する方向で企画を進める。
- 全体構成は次の2本立てとする。
1. 会合で起きたこと
2. テーマ別の議論
"""

# A meeting report as text comes out of a PDF: labels with their values on the next line, the
# participation table flattened (both labels, then both counts), the agenda table with each number
# alone on its line and the presenter's name column one row late, a title run into the first
# heading, the minutes numbering the items “2.N.”, pages (form feeds) with a page number and a
# running header, and a footnote.
REPORT_PDF = (
    "第 31 回みなと政策会合レポート 1. 会合の概要\n"
    "第 31 回みなと政策会合レポート\n"
    "2022 年 3 月 1 日\n"
    "1. 会合の概要について\n"
    "日時:\n"
    "2022 年 2 月 8 日(火) 19:05~20:40\n"
    "\n"
    "会場:\n"
    "みなと会館 3F ホール\n"
    "\n"
    "URL: https://minato.example.jp/meetings/31/\n"
    "1.1. 参加状況\n"
    "\n"
    "会場参加者数:\n"
    "\n"
    "中継視聴者数(最大同時視聴数)\n"
    ":\n"
    "24 名\n"
    "9名\n"
    "1.2. アジェンダ(発表者敬称略、所属は当時)\n"
    "1.\n"
    "ドメイン名の文字列ルール\n"
    "日本語ラベル検討パネル チェア\n"
    "2.\n"
    "青山 葵\n"
    "地域IGFの振り返り\n"
    "みなと政策会合を考える会\n"
    "3.\n"
    "石川 健\n"
    "次回テーマの検討\n"
    "みなと政策会合を考える会\n"
    "上田 恵\n"
    "2. 質疑応答・議論内容\n"
    "2.1. ドメイン名の文字列ルール\n"
    "C. 規則づくりでは、各言語が少しずつ譲る\n"
    "ことになる。\n"
    "\f"
    "みなと政策会合\n"
    "- 2 -\n"
    "A. その通りで、文化ではなくルールの調整である¹。\n"
    "¹ 登録できる文字の組み合わせを定めた規則。\n"
    "2.2. 地域IGFの振り返り\n"
    "Q. 若い参加者は増えたか。\n"
    "A. 前年より増えた。\n"
    "\f"
    "みなと政策会合\n"
    "- 3 -\n"
    "2.3. 次回テーマの検討\n"
    "時間切れのため、質疑は省略された。\n"
    "\f"
    "みなと政策会合\n"
    "- 4 -\n"
    "次回は 2022 年 5 月の予定。\n"
)

# The same kind of report with its line breaks lost (one long line), the agenda running each title
# and presenter together.
REPORT_FLAT = (
    "みなと政策会合 第 12 回みなと政策会合レポート 2021 年 5 月 20 日 1. 会合の概要について "
    "日時: 2021 年 4 月 27 日(火) 18:00~20:00 会場: みなと会館 URL: https://minato.example.jp/12/ "
    "1.1. 参加状況 会場参加者数: 15 名 中継視聴者数(ユニーク視聴数) : 11 名 "
    "1.2. アジェンダ(発表者敬称略、所属は当時) 1. 越境データ流通の論点 北辰大学 法学部 教授 青山 葵 資料 "
    "2. 地域IGFの報告 みなと通信協会 石川 健 資料 3. 次回テーマの紹介 みなと政策会合を考える会 上田 恵 "
    "資料:検討メモ 2. 質疑応答・議論内容 2.1. 越境データ流通の論点 "
    "Q. 国内法との関係はどう整理されるのか。 A. 今後の検討課題である。 2.2. 地域IGFの報告 "
    "C. 来年は日本からの登壇を増やしたい。"
)

# A report of another year: spaced and bracketed labels, counts on one line, a time range written
# with 時/分 and －, presenters several to a line, with 氏, English names, the organisation after the
# name in brackets, a moderator label; minutes marked 「Q：」「Ｑ．」「質問：」「回答：」「【C】」.
REPORT_MARKERS = """\
第２５回 みなと政策会合 報告書
■開催概要
・日　時：２０２０年１１月１２日（木）１８時３０分－２０時
・会　場：みなと会館 大会議室
・参加者数：会場：３０名、リモート：５名
■アジェンダ
１．ＩＧＦ２０２０の報告
石川 健氏（デジタル通信省）、Maria Lopez (Asia Network Forum)
２．パネル討論：ユース参加
モデレーター：北辰大学 上田 恵
パネリスト：みなとネット 林 一郎、みなと高校 森 二葉
■質疑応答
１．ＩＧＦ２０２０の報告
Q：オンライン参加の比率はどうだったか。
A：全体の６割程度。
Ｑ．来年の開催地は決まっているか。
Ａ．決まっている。
２．パネル討論：ユース参加
質問：ユースの旅費支援はあるのか。
回答：一部の団体が支援している。
【C】地域での勉強会も有効だと思う。
"""

# The first meeting's report: an agenda of parts (第1部 …) whose minutes come as “2. 第一部 …” with
# talks numbered under them, the overview with no date label (only the publication date).
REPORT_PARTS = """\
第1回みなとインターネット政策を考える会レポート

2019-07-02

1. 会について

1.1. 参加者

申し込みは40名、うち31名に参加いただいた。

1.2. アジェンダ

第1部 レクチャー編

第2部 ディスカッション編

1.3. 会合の趣旨

冒頭、事務局より趣旨説明があった。

2. 第一部 レクチャー

2.1. 青山氏講演「越境データの基礎」

2.2. 石川講演「国際会議の動向」

国際会議の日程と主な論点を紹介した。

3. 第二部 ディスカッション

会場からの質問をもとに議論した。
"""

# Minutes of an open meeting with no agenda section: numbered sections, the presenter under each
# as “姓 名（グループ）” or a group alone, “[質疑応答]”, entries ending with who spoke, “なし”.
MINUTES_OPEN = """\
第14回みなとオープンポリシーミーティング議事録

1. 開会と進め方

運営ワーキンググループ

司会者から進め方の説明があった。

[質疑応答]

なし

2. 番号資源の割り当て方針

森 二葉（運営ワーキンググループ）

発表者から、資料に沿って説明を行った。

[質疑応答]

Q. 方針の変更は誰が決めるのか。

A. ミーティングでの合意を経て決まる（森）

C. 手続きは文書にまとめられている（林）
"""
