"""Invented reports in the variations a ten-year archive has (our own text, not from the samples)."""

# Full-width digits and colons, 「質問(Q):」 markers, page headers/footers and page numbers, a cancelled
# and a deferred item, a footnote split across a page break, lines broken inside words, a wrong weekday.
WIDE = (
    "第２３回　みなとインターネット政策会合　議事録\n"
    "みなと政策会合 事務局\n"
    "\n"
    "１．開催概要\n"
    "・日時：２０１９年１１月７日（金）１８：３０～２０：４５\n"
    "・場所：みなとカンファレンスセンター 会議室Ｂ\n"
    "・URL：https://minato.example.jp/meetings/23/\n"
    "・会場参加者数：４２名\n"
    "・遠隔参加者数：１７名\n"
    "\n"
    "２．議題\n"
    "１．地域IGFの報告\n"
    "北辰大学 法学部 青山 葵\n"
    "２．データ流通と越境規制\n"
    "２．１．欧州の動き\n"
    "デジタル通信省 国際政策課 石川 健\n"
    "２．２．アジアの動き\n"
    "アジア通信事業者連盟 Jane Porter\n"
    "３．次回テーマの検討\n"
    "\n"
    "３．質疑応答\n"
    "１．地域IGFの報告\n"
    "資料１に基づき、青山氏より報告があった。\n"
    "質問(Q)：ユース参加者の割合はどの程度\n"
    "だったのか。\n"
    "回答(A)：全体の約２割。昨年より増え\n"
    "ている。\n"
    "\f"
    "みなと政策会合 事務局\n"
    "- 2 -\n"
    "コメント(C)：ゼロレーティング¹の議論も地域で深めるべき。\n"
    "\n"
    "¹ 特定サービスの通信量を課金しないこと。詳しくは\n"
    "https://glossary.example.org/zero-rating\n"
    "\n"
    "２．データ流通と越境規制\n"
    "２．１．欧州の動き\n"
    "石川氏より報告があった。\n"
    "Q. 十分性認定の見直しはいつか。\n"
    "A. 来年の予定。\n"
    "２．２．アジアの動き\n"
    "発表者の都合により、本議題は次回に延期となった。\n"
    "３．次回テーマの検討\n"
    "時間切れのため、議論は行われなかった。\n"
    "\f"
    "みなと政策会合 事務局\n"
    "- 3 -\n"
    "次回は２０２０年２月の予定。\n"
)

WIDE_EXPECTED = {
    "number": 23,
    "series": "みなとインターネット政策会合",
    "date": "2019-11-07",
    "start": "18:30",
    "end": "20:45",
    "venue": "みなとカンファレンスセンター 会議室Ｂ",
    "url": "https://minato.example.jp/meetings/23/",
    "participants": {"onsite": 42, "remote": 17},
    "next_meeting": "次回は２０２０年２月の予定。",
}

HTML_REPORT = """<!doctype html><html lang="ja"><head><title>第5回 報告</title><script>var x = "Q. not this";</script>
</head><body><nav>ホーム | 会合一覧</nav>
<h1>第5回 テスト政策フォーラム レポート</h1>
<h2>1. 会合の概要</h2><ul><li>日時: 2021年3月4日(木) 19:00～20:30</li><li>会場: オンライン</li>
<li>会場参加者数: 0 名</li><li>遠隔参加者数: 55 名</li></ul>
<h2>2. アジェンダ</h2><ol><li>1. WSIS+20 に向けて<br>国際電気通信調整機関 上田 恵</li></ol>
<h2>3. 質疑応答</h2><h3>1. WSIS+20 に向けて</h3>
<p>Q. 日本からの意見提出の予定は?</p><p>A. 夏までに提出する。</p>
<footer>© example</footer></body></html>"""

MEMO = (
    "第８回 運営委員会 議事メモ\n"
    "日時：２０２２年５月１２日（木）１２：００～１３：００\n"
    "場所：オンライン\n"
    "出席者：青山、石川、上田、事務局(小池)\n"
    "配布資料：\n"
    "資料１ 前回アンケート結果\n"
    "資料２ 次回会合の企画案\n"
    "\n"
    "１．議題\n"
    "１．前回アンケートの振り返り\n"
    "２．次回テーマの検討\n"
    "\n"
    "２．議事概要\n"
    "１．前回アンケートの振り返り\n"
    "資料１に基づき事務局より説明。\n"
    "C. 満足度は前回より上がった。\n"
    "２．次回テーマの検討\n"
    "Q. 企業からの登壇者は確保できるか。\n"
    "A. 二社に打診中。\n"
    "\n"
    "決定事項\n"
    "・次回はデータ流通をテーマとする。\n"
    "・開催は７月を目途とする。\n"
    "今後の対応\n"
    "・登壇候補者に打診する（石川）\n"
    "・事務局：会場を予約する\n"
    "・アンケート項目を見直す\n"
)

# Slide titles come out of PDF extraction indented by one space; bullets are "•".
BRIEFING = (
    " はじめに\n"
    "• ここで紹介する動向は事務局が把握している範囲の情報\n"
    " プライバシー – 国際動向\n"
    "• 欧州で新たなデータ移転枠組みが合意\n"
    "• 米国側も苦情処理の仕組みを整備することにコ\n"
    "ミット\n"
    "• https://privacy.example.org/framework-\n"
    "\n"
    "agreement\n"
    " プライバシー – 国際動向（続）\n"
    "• アジア太平洋でも越境移転ルールの検討が進む\n"
    " 各種意見募集・イベント\n"
    " 国連関連の意見募集(1)\n"
    "デジタル協力ロードマップ\n"
    "• 期限：２０２３年３月３１日\n"
    "• 質問：\n"
    "1. What should be the priorities for the next five \n"
    "years?\n"
    "2. How can stakeholders take part?\n"
    "• URL：\n"
    "• https://un.example.org/digital-cooperation/consult\n"
    "ation\n"
    " 各種会議: 2023年1月～3月\n"
    "• APrIGF準備会合 (1/20)\n"
    "https://aprigf.example.org/prep\n"
    "• ICANN76 (3/11-3/16)\n"
    "https://icann.example.org/76\n"
)
