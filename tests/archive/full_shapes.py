"""Invented documents at full length, in the shapes real IGCJ steering memos and meeting reports
come in from start to end (our own wording, invented names and forum; only the structure follows
the real ones): every discussion section of a memo with its 結論 and 今後の対応 blocks, and reports
with the variations a ten-year series has."""

# A steering memo as the web pages of 2016–2017 print it, no blank lines: the date in the title, the
# weekday and times under 開催日時, a stand-in attendee, the note-taker on the 事務局 line, materials
# with sub-numbers, seven unnumbered agenda bullets and seven “3.N.” sections. Each section has a 結論
# block (bullets as a “-” alone with the text on the next lines, or “- text”) and 今後の対応 lines or
# blocks; an action line inside a 結論 bullet without the 今後の対応 label; sentences on lines of their
# own without “。”; “→” answers after a question and after a plain point; “■” sub-headings; a
# “[事後補足…]” note; the next 考える会 as a bullet.
FULL_MEMO_WEB = """\
HGCを考える会ミーティングメモ - 2017年9月12日
開催日時：（火）14:00～16:10
開催場所：はなみずき会館 第3会議室
出席者（敬称略）：岡田、北村、佐野（中島氏代理）、田辺
事務局：西田、野口、浜口、松井（記）
1. 配布資料
資料1 ：HGC 21アンケート
資料2 ：HGC 22アジェンダ案参考資料
資料3-1：Japan-HGF Webページ案
資料3-2：NRI年次報告書ドラフト
資料4 ：別アリーナ動向まとめ
2. 議題
- HGC 21の振り返り
- HGC 22アジェンダ案
- Japan-HGFに関する意見交換
- NRI・IGF 2017への対応
- HGCの運営
- 他の場での議論との連携
- その他
3. 議論
3.1. HGC 21の振り返り
HGC 21の会合レポート
アンケートとメンバーの所感
-
満足度は前回並みで、
特に事例紹介の評価が高かった。
-
会場からの質問が少なかった。
→ 事前に質問を募る仕組みを試す。
-
遠隔参加者の音声が聞き取りにくいとの指摘があった。
結論：
- 次回も事例紹介を中心とする
- 質問の事前募集を試行する
今後の対応：
- 質問募集フォームを用意する（事務局）
- 会場マイクの手配を確認する（松井）
3.2. HGC 22アジェンダ案
発表の応募がなかったので、資料2をもとに候補を検討した。
結論
-
候補：越境データ流通のルールづくり
今後の対応：経済団体の担当者に登壇を打診（考える会）
-
候補：地域IGFの報告
地域IGFの参加者に発表を依頼する（事務局）
-
AOB候補：ユース向け研修プログラムの報告
今後の対応：研修の日本人参加者に連絡（考える会）
3.3. Japan-HGFに関する意見交換
資料3-1に基づき、Webページの構成を確認した。
- 掲載する項目は、概要、活動履歴、連絡先の3つとする。
- 英語版も同時に公開したい。
英語版は誰が作るのか？
→ 事務局で下訳を作り、考える会で確認する。
結論：
- Webページは10月中に公開する
今後の対応：
- 英語版の下訳を作成する（事務局）
- 下訳を確認する（考える会）
3.4. NRI・IGF 2017への対応
■年次報告書
資料3-2を確認した。
- 参加者数の集計方法を注記する必要がある。
- 提出期限は11月末。
結論
-
ドラフトを修正のうえ期限までに提出する
今後の対応：集計方法の注記を追加（事務局）
■NRIセッション
IGF 2017のNRI合同セッションに登壇者を出す必要がある。
→ 北村メンバーが登壇する方向で調整する。
結論：
- 登壇者は北村メンバーとする
対応事項：
セッション主催者に、
登壇者の氏名と所属を連絡する。
[事後補足：対応完了]
3.5. HGCの運営
事務局の体制について、次のような意見が出た。
- 記録係を持ち回りにしてはどうか。
- 会場の確保は早めに行いたい
- 年間予定を年初に示してほしい
結論
-
記録係は次回から持ち回りとする
年間予定案は事務局が次回までに作成する（事務局）
-
会場は三か月前までに
確保する
今後の対応：
- 記録係の順番表を作る（浜口）
3.6. 他の場での議論との連携
- ICANN：次回会合の論点を共有した。
- ITU：特になし。
- APrIGF：7月の会合の報告を共有した。
結論：
- 各アリーナの動向は資料4の形で毎回共有する
今後の対応：
- 資料4の様式を固める（事務局）
3.7. その他
- 次回考える会は2017年11月14日(火)14:00からの予定。
"""

FULL_MEMO_WEB_EXPECTED = {
    "genre": "steering_memo",
    "series": "HGCを考える会",
    "number": None,
    "title": "HGCを考える会ミーティングメモ - 2017年9月12日",
    "date": "2017-09-12",
    "start": "14:00",
    "end": "16:10",
    "venue": "はなみずき会館 第3会議室",
    "url": None,
    "participants": {"onsite": None, "remote": None},
    "attendees": ["岡田", "北村", "佐野", "田辺"],
    "secretariat": ["西田", "野口", "浜口", "松井"],
    "recorder": "松井",
    "materials": [
        {"label": "資料1", "title": "HGC 21アンケート"},
        {"label": "資料2", "title": "HGC 22アジェンダ案参考資料"},
        {"label": "資料3-1", "title": "Japan-HGF Webページ案"},
        {"label": "資料3-2", "title": "NRI年次報告書ドラフト"},
        {"label": "資料4", "title": "別アリーナ動向まとめ"},
    ],
    "decisions": [
        "次回も事例紹介を中心とする",
        "質問の事前募集を試行する",
        "候補：越境データ流通のルールづくり",
        "候補：地域IGFの報告",
        "AOB候補：ユース向け研修プログラムの報告",
        "Webページは10月中に公開する",
        "ドラフトを修正のうえ期限までに提出する",
        "登壇者は北村メンバーとする",
        "記録係は次回から持ち回りとする",
        "会場は三か月前までに確保する",
        "各アリーナの動向は資料4の形で毎回共有する",
    ],
    "actions": [
        {"text": "質問募集フォームを用意する", "owner": "事務局"},
        {"text": "会場マイクの手配を確認する", "owner": "松井"},
        {"text": "経済団体の担当者に登壇を打診", "owner": "考える会"},
        {"text": "地域IGFの参加者に発表を依頼する", "owner": "事務局"},
        {"text": "研修の日本人参加者に連絡", "owner": "考える会"},
        {"text": "英語版の下訳を作成する", "owner": "事務局"},
        {"text": "下訳を確認する", "owner": "考える会"},
        {"text": "集計方法の注記を追加", "owner": "事務局"},
        {"text": "セッション主催者に、登壇者の氏名と所属を連絡する。", "owner": None},
        {"text": "年間予定案は事務局が次回までに作成する", "owner": "事務局"},
        {"text": "記録係の順番表を作る", "owner": "浜口"},
        {"text": "資料4の様式を固める", "owner": "事務局"},
    ],
    "next_meeting": "次回考える会は2017年11月14日(火)14:00からの予定。",
    "footnotes": [],
    "warnings": [],
    "pages": 1,
}

FULL_MEMO_WEB_AGENDA = [
    ("1", "HGC 21の振り返り"),
    ("2", "HGC 22アジェンダ案"),
    ("3", "Japan-HGFに関する意見交換"),
    ("4", "NRI・IGF 2017への対応"),
    ("5", "HGCの運営"),
    ("6", "他の場での議論との連携"),
    ("7", "その他"),
]

# A steering memo as the pages of 2018–2019 print it: paragraphs with blank lines between them,
# sentences run together with a space, the 事務局 line indented with a note on one of them, an
# ordered agenda list with a bullet under one item, and discussion sections that do not line up with
# the agenda one to one (one item discussed in two sections, so the N-th section is not the N-th
# item), numbered points and bullets inside a section, 結論 / 今後の対応 blocks with “•” bullets,
# runs of “→” lines after points that are not questions, a 4. ToDo list (owner first, owner in
# 【】) and the next 考える会 on a line of its own.
FULL_MEMO_PARAGRAPHS = """\
HGCを考える会ミーティングメモ - 2018年10月23日

開催日時：（火）10:00～12:05
開催場所：はなみずき会館 第3会議室
出席者（敬称略）：岡田、北村、田辺
        事務局：西田、浜口（3.1のみ参加）、松井（記）

1. 配布資料

資料1：HGC 26アンケート集計結果
資料2：HGC 27アジェンダ検討資料
資料3：Japan-HGF合同イベント企画案

2. 議題

  1. HGC 26の振り返り
  2. HGC 27アジェンダ案
  3. Japan-HGF対応
    • 合同報告会の開催に向けて
  4. NRI・APrIGF 2019への対応
  5. メーリングリストアーカイブ小グループ
  6. AOB

3. 議論

3.1. HGC 26の振り返り

アンケートでは内容の評価は高かったが、 参加人数は少なかった。 告知文に説明があってもよかった、 とのコメントがあった。

結論：

  • 次回から告知文に各発表の要旨を載せる

今後の対応：

  • 告知文の様式を見直す（事務局）

3.2. HGC 27の開催時期について

2月の合同報告会が今後の活動に影響するため、 開催時期は報告会の後とすることで合意された。

結論：

  • HGC 27は3月中旬以降に開催する

今後の対応：

  • 会場の空き状況を確認する（松井）

3.3. HGC 27のアジェンダ案について

候補として次のテーマが挙がった。

  1. 国際的なデータ流通の枠組み
  2. 消費者保護とプラットフォーム

結論：

  • 候補1を中心に検討する
  • 登壇者は政府関係者に打診する

今後の対応：

  • 所管省庁の担当課に打診する（考える会）

3.4. Japan-HGF対応

合同報告会の検討状況が共有された：

  1. 実行委員会の会合が10月15日に開かれ、 開催の方向性が検討された。
  2. 次の点で出席者の意見が一致した。
    • 合同開催の形とする
    • 2月下旬に開催する

合同開催の費用はどう分担するのか？

→ 会場は事務局が手配し、 費用は折半とする方向で調整する。

結論：

  • 合同報告会の企画を進める

今後の対応：

  • 会場の候補を挙げる（事務局）
  • 実行委員会に合意事項を伝える（北村）

3.5. NRI・APrIGF 2019への対応

年次報告書の提出期限が近い。

→ 事務局がドラフトを作成し、 考える会で確認する。

→ 参加者の属性は、 登録時のアンケートの数字を使う。

APrIGFのワークショップ提案を出すか。

→ 今回は見送る。

結論：

  • 年次報告書は期限内に提出する

今後の対応：

  • ドラフトを作成する（事務局）

3.6. メーリングリストアーカイブ小グループ

小グループの会合は日程が合わず、 まだ開かれていない。

→ メンバーに状況を確認する。

結論：

  • 年内に一度会合を開く

今後の対応：

  • 日程調整を行う【浜口】

3.7. AOB

特になし。

4. ToDo

  1. 事務局：前回メモの公開
  2. 合同報告会の告知文案の作成【北村】

次回考える会：2018年12月20日(木)16:00～（予定）
"""

FULL_MEMO_PARAGRAPHS_EXPECTED = {
    "genre": "steering_memo",
    "series": "HGCを考える会",
    "number": None,
    "title": "HGCを考える会ミーティングメモ - 2018年10月23日",
    "date": "2018-10-23",
    "start": "10:00",
    "end": "12:05",
    "venue": "はなみずき会館 第3会議室",
    "attendees": ["岡田", "北村", "田辺"],
    "secretariat": ["西田", "浜口", "松井"],
    "recorder": "松井",
    "materials": [
        {"label": "資料1", "title": "HGC 26アンケート集計結果"},
        {"label": "資料2", "title": "HGC 27アジェンダ検討資料"},
        {"label": "資料3", "title": "Japan-HGF合同イベント企画案"},
    ],
    "decisions": [
        "次回から告知文に各発表の要旨を載せる",
        "HGC 27は3月中旬以降に開催する",
        "候補1を中心に検討する",
        "登壇者は政府関係者に打診する",
        "合同報告会の企画を進める",
        "年次報告書は期限内に提出する",
        "年内に一度会合を開く",
    ],
    "actions": [
        {"text": "告知文の様式を見直す", "owner": "事務局"},
        {"text": "会場の空き状況を確認する", "owner": "松井"},
        {"text": "所管省庁の担当課に打診する", "owner": "考える会"},
        {"text": "会場の候補を挙げる", "owner": "事務局"},
        {"text": "実行委員会に合意事項を伝える", "owner": "北村"},
        {"text": "ドラフトを作成する", "owner": "事務局"},
        {"text": "日程調整を行う", "owner": "浜口"},
        {"text": "前回メモの公開", "owner": "事務局"},
        {"text": "合同報告会の告知文案の作成", "owner": "北村"},
    ],
    "next_meeting": "次回考える会：2018年12月20日(木)16:00～（予定）",
    "warnings": [],
    "pages": 1,
}

# A meeting report in the 2016 sample's shape, at full length: overview bullets, participation,
# the agenda with sub-items 2.1 … 2.6, two presenters on one line, a presenter that is only an
# organisation, an English name; pages with a running header and page numbers; footnotes at the
# foot of their pages, one of them going on at the foot of the next page; a question broken by a
# page of footnotes; answers of several paragraphs; C entries after A; a cancelled item, an item cut
# for time, a deferred one, one with only a summary, an その他 with nothing to report; the next
# meeting.
FULL_REPORT_SAMPLE = (
    "はなみずきガバナンス会議(HGC)\n"
    "\n"
    "第 15 回はなみずきガバナンス会議(HGC)レポート\n"
    "\n"
    "2016 年 11 月 30 日\n"
    "\n"
    "1. 会合の概要について\n"
    "\n"
    "- 日時： 2016 年 10 月 6 日(木) 18:30～20:40\n"
    "- 会場： はなみずき会館 大会議室\n"
    "- URL： <http://hgc.example.jp/meetings/2016/1006/>\n"
    "\n"
    "1.1. 参加状況\n"
    "\n"
    "- 会場参加者数： 34 名\n"
    "- 遠隔参加者数： 7 名\n"
    "\n"
    "1.2. アジェンダ（発表者敬称略、所属は当時）\n"
    "\n"
    "1. 越境データ流通をめぐる国際動向\n"
    "経済産業省通商政策局 岡田 達也\n"
    "2. IGF 2016 に向けて\n"
    " - 2.1. 全体の見どころ\n"
    "一般社団法人はなみずきネットワーク情報センター(HNIC) 北村 陽子\n"
    " - 2.2. ベストプラクティスフォーラムの状況\n"
    "HNIC 北村 陽子、株式会社さくら通信 田辺 修\n"
    " - 2.3. ユース参加の取り組み\n"
    "はなみずきユースフォーラム\n"
    " - 2.4. 市民社会の関心事項\n"
    "市民ネットワーク研究会(CNR) 佐野 千尋\n"
    " - 2.5. 政府セクターの準備状況\n"
    "総務省国際戦略局 野口 誠\n"
    " - 2.6. 意見交換\n"
    "HGC を考える会 浜口 健二\n"
    "3. IoT セキュリティの国際的な議論\n"
    "Asia Pacific Security Forum Daniel Brooks\n"
    "4. 地域 IGF の報告\n"
    "北辰大学 松井 美穂\n"
    "5. 次回会合のテーマについて\n"
    "HGC を考える会\n"
    "6. その他\n"
    "\n"
    "2. 質疑応答・議論内容\n"
    "\n"
    "1. 越境データ流通をめぐる国際動向\n"
    "\n"
    "経済産業省通商政策局の岡田達也氏より、資料「[越境データ流通の動向](#)」に基づき報告が行われた。"
    "続いて質疑が行われた。\n"
    "\n"
    "Q. 各国のルールがばらばらなままでは、企業はどの国の基準に合わせればよいのか。\n"
    "\n"
    "A. 当面は最も厳しい基準に合わせる企業が多い。ただ、それでは中小企業の負担が大きいので、"
    "相互に認め合う仕組みを作る議論が始まっている。\n"
    "\n"
    "この議論は来年以降さらに本格化する見込みである。\n"
    "\n"
    "C. 相互承認の仕組みは、民間の認証制度を活用すると動きやすいと思う。\n"
    "\n"
    "Q. データの国内保存を求める国は増えているのか。\n"
    "\n"
    "A. 増えている。特にアジアの一部の国で目立つ。\n"
    "\n"
    "C. 補足すると、保存義務の対象を金融や医療に限る国もあり、一律ではない。\n"
    "\n"
    "- 1 -\n"
    "\f"
    "はなみずきガバナンス会議(HGC)\n"
    "\n"
    "2. IGF 2016 に向けて\n"
    "\n"
    "2.1. 全体の見どころ\n"
    "\n"
    "資料「[IGF2016 の見どころ](#)」に基づき、HNIC の北村陽子氏より、今年の IGF の全体像について報告が"
    "あった。質疑の内容は次の通り。\n"
    "\n"
    "Q. 今年はネット中立性¹を扱うセッションが多いと聞いたが、日本からの登壇はあるのか。\n"
    "\n"
    "A. ワークショップに一件、日本の事業者が登壇する予定。\n"
    "\n"
    "2.2. ベストプラクティスフォーラムの状況\n"
    "\n"
    "HNIC の北村陽子氏と株式会社さくら通信の田辺修氏から報告があった。\n"
    "\n"
    "C. インシデント対応チーム²の国際的な連携は、長年の課題である。今回のフォーラムで各国の事例が"
    "集まるのは意義が大きいと思う。\n"
    "\n"
    "その一方で、集まった事例をどう使うのかが見えないという声もある。成果文書を誰が読むのかまで考えて"
    "進めて欲しい。\n"
    "\n"
    "A. ご指摘の点はフォーラムの中でも議論になっている。成果文書は各地域のフォーラムで紹介する予定。\n"
    "\n"
    "Q. 成果文書の草案に対して、日本から意見を出すことはできるのか。今後の日程と\n"
    "\n"
    "¹ インターネット上の通信を、内容や送信元によって差別せずに扱うという原則。\n"
    "\n"
    "² 組織内で発生したセキュリティ上の事故に対応するための専門チーム。各国に置かれており、その多くが"
    "国際的な\n"
    "\n"
    "- 2 -\n"
    "\f"
    "はなみずきガバナンス会議(HGC)\n"
    "\n"
    "あわせて教えて欲しい。\n"
    "\n"
    "A. 草案は来月公開され、その後二週間の意見募集がある。\n"
    "\n"
    "2.3. ユース参加の取り組み\n"
    "\n"
    "はなみずきユースフォーラムより、学生の IGF 派遣プログラムについて紹介があった。\n"
    "\n"
    "2.4. 市民社会の関心事項\n"
    "\n"
    "発表者の都合がつかなくなったため、発表は取り止めとなった。\n"
    "\n"
    "2.5. 政府セクターの準備状況\n"
    "\n"
    "資料に基づき、総務省の野口誠氏から発表があった。\n"
    "\n"
    "Q. 政府代表団の規模は昨年と比べてどうか。また、サイバー空間の規範³に関する議論にはどう臨むのか。\n"
    "\n"
    "A. 代表団はほぼ同じ規模を予定している。規範の議論には、関係省庁と連携して対応する。\n"
    "\n"
    "2.6. 意見交換\n"
    "\n"
    "時間の都合により、意見交換は行われなかった。\n"
    "\n"
    "団体の連絡体制の枠組みに参加している。\n"
    "\n"
    "³ 国家がサイバー空間で守るべきとされる行動の基準。\n"
    "\n"
    "- 3 -\n"
    "\f"
    "はなみずきガバナンス会議(HGC)\n"
    "\n"
    "3. IoT セキュリティの国際的な議論\n"
    "\n"
    "Asia Pacific Security Forum の Daniel Brooks 氏より、英語で発表が行われた。質疑の内容は次の通り。\n"
    "\n"
    "Q. 機器の出荷時の初期パスワードについて、国際的な基準を作る動きはあるのか。\n"
    "\n"
    "A. 複数の団体が指針を出しているが、まだ統一された基準はない。\n"
    "\n"
    "C. 日本でも同様の議論が始まっているので、海外の指針を紹介する場を作りたい。\n"
    "\n"
    "C. 製造者だけでなく、利用者への周知も合わせて進めるべきだと思う。\n"
    "\n"
    "4. 地域 IGF の報告\n"
    "\n"
    "北辰大学の松井美穂氏より、アジア太平洋地域 IGF の報告があった。今年は参加者の四割が初参加で、"
    "特にユースの参加が目立ったとの紹介があった。\n"
    "\n"
    "5. 次回会合のテーマについて\n"
    "\n"
    "本件は時間切れのため、次回に延期された。\n"
    "\n"
    "6. その他\n"
    "\n"
    "特になし。\n"
    "\n"
    "次回の HGC は 2016 年 12 月上旬に開催予定である。日程は決まり次第メーリングリストで案内する。\n"
    "\n"
    "- 4 -\n"
)

FULL_REPORT_SAMPLE_EXPECTED = {
    "genre": "meeting_report",
    "series": "はなみずきガバナンス会議(HGC)",
    "number": 15,
    "title": "第 15 回はなみずきガバナンス会議(HGC)レポート",
    "date": "2016-10-06",
    "start": "18:30",
    "end": "20:40",
    "venue": "はなみずき会館 大会議室",
    "url": "http://hgc.example.jp/meetings/2016/1006/",
    "participants": {"onsite": 34, "remote": 7},
    "next_meeting": "次回の HGC は 2016 年 12 月上旬に開催予定である。日程は決まり次第メーリングリストで案内する。",
    "footnotes": [
        {"mark": "1", "text": "インターネット上の通信を、内容や送信元によって差別せずに扱うという原則。", "page": 2},
        {
            "mark": "2",
            "text": "組織内で発生したセキュリティ上の事故に対応するための専門チーム。各国に置かれており、"
            "その多くが国際的な団体の連絡体制の枠組みに参加している。",
            "page": 2,
        },
        {"mark": "3", "text": "国家がサイバー空間で守るべきとされる行動の基準。", "page": 3},
    ],
    "warnings": [],
    "pages": 4,
}

# number: (title, [(name, organization)], outcome, page)
FULL_REPORT_SAMPLE_AGENDA = {
    "1": ("越境データ流通をめぐる国際動向", [("岡田 達也", "経済産業省通商政策局")], None, 1),
    "2": ("IGF 2016 に向けて", [], None, 2),
    "2.1": ("全体の見どころ", [("北村 陽子", "一般社団法人はなみずきネットワーク情報センター(HNIC)")], None, 2),
    "2.2": (
        "ベストプラクティスフォーラムの状況",
        [("北村 陽子", "HNIC"), ("田辺 修", "株式会社さくら通信")],
        None,
        2,
    ),
    "2.3": ("ユース参加の取り組み", [(None, "はなみずきユースフォーラム")], None, 3),
    "2.4": ("市民社会の関心事項", [("佐野 千尋", "市民ネットワーク研究会(CNR)")], "cancelled", 3),
    "2.5": ("政府セクターの準備状況", [("野口 誠", "総務省国際戦略局")], None, 3),
    "2.6": ("意見交換", [("浜口 健二", "HGC を考える会")], "cut_for_time", 3),
    "3": ("IoT セキュリティの国際的な議論", [("Daniel Brooks", "Asia Pacific Security Forum")], None, 4),
    "4": ("地域 IGF の報告", [("松井 美穂", "北辰大学")], None, 4),
    "5": ("次回会合のテーマについて", [(None, "HGC を考える会")], "deferred", 4),
    "6": ("その他", [], None, 4),
}

# A report of a later year as a PDF extractor gives it without blank lines: a running header on
# every page, page numbers “N/3”, an agenda of two parts (第1部 …) with items under each, a
# moderator and panelists (one “Name, Organisation” in English), minutes numbered “2.N.M.”, entries
# broken over lines and over a page (a footnote at the foot of the page between the halves),
# several answers to one question, comments after answers, a cancelled talk, one cut for time, one
# deferred, and the next meeting after the last item.
FULL_REPORT_PDF = (
    "はなみずきガバナンス会議(HGC)\n"
    "第 24 回はなみずきガバナンス会議(HGC)レポート\n"
    "2018 年 4 月 10 日\n"
    "1. 会合の概要について\n"
    "日時：2018 年 3 月 15 日(木) 15:00～18:10\n"
    "会場：さくらホール 2F 多目的室\n"
    "URL：http://hgc.example.jp/meetings/2018/0315/\n"
    "1.1. 参加状況\n"
    "会場参加者数：52 名\n"
    "遠隔参加者数：18 名\n"
    "1.2. アジェンダ（発表者敬称略、所属は当時）\n"
    "第1部 IGF 2017 の振り返り\n"
    "1. 全体報告\n"
    "HNIC 北村 陽子\n"
    "2. セキュリティ関連セッション\n"
    "株式会社さくら通信 田辺 修\n"
    "3. 人権関連セッション\n"
    "市民ネットワーク研究会 佐野 千尋\n"
    "第2部 データ流通と信頼\n"
    "1. 基調講演\n"
    "Emily Carter, Global Data Policy Institute\n"
    "2. パネルディスカッション\n"
    "モデレーター：北辰大学 松井 美穂\n"
    "パネリスト：経済産業省 岡田 達也、Kenji Mori, Pacific Cloud Alliance\n"
    "3. 次回以降のテーマ募集について\n"
    "HGC を考える会 浜口 健二\n"
    "2. 質疑応答・議論内容\n"
    "2.1. 第1部 IGF 2017 の振り返り\n"
    "2.1.1. 全体報告\n"
    "HNIC の北村陽子氏より、IGF 2017 の全体像について報告があった。\n"
    "Q. 今年の参加者数は過去と比べてどうだったか。\n"
    "A. 現地参加は過去最多に近く、遠隔参加も増えた。\n"
    "C. 遠隔参加の拠点を国内に設ける試みは、日本でも検討してよいと思う。\n"
    "2.1.2. セキュリティ関連セッション\n"
    "株式会社さくら通信の田辺修氏より、セキュリティ関連のセッションについて報告があった。\n"
    "Q. 国家による情報収集¹の議論は、どの程度踏み込んだものだったのか。ワークショップ\n"
    "によって温度差があったのではないか。\n"
    "A. 温度差は大きかった。政府関係者が登壇するセッションでは慎重な発言が多く、市民社会の主催\n"
    "¹ 政府機関が通信の内容や記録を集めること。\n"
    "1/3\n"
    "\f"
    "はなみずきガバナンス会議(HGC)\n"
    "するセッションでは具体的な事例が多く紹介された。\n"
    "一方で、どのセッションでも国際的な規範づくりの必要性には触れられていた。\n"
    "C. 規範づくりの議論は別の国際会議²でも進んでいるので、両者の関係を整理して紹介して欲しい。\n"
    "A. 次の機会に整理して紹介したい。\n"
    "2.1.3. 人権関連セッション\n"
    "講演者の体調不良により、この発表は中止された。\n"
    "² 国連の政府専門家会合など。\n"
    "2/3\n"
    "\f"
    "はなみずきガバナンス会議(HGC)\n"
    "2.2. 第2部 データ流通と信頼\n"
    "2.2.1. 基調講演\n"
    "Global Data Policy Institute の Emily Carter 氏より、データ流通における信頼の枠組みについて講演が\n"
    "あった。時間の都合により、質疑応答は行わなかった。\n"
    "2.2.2. パネルディスカッション\n"
    "松井美穂氏の司会のもと、岡田達也氏と Kenji Mori 氏によるパネルディスカッションが行われた。\n"
    "Q. 信頼の枠組みに、途上国はどのように参加できるのか。\n"
    "A. (岡田) 能力開発の支援と組み合わせることが重要だと考える。\n"
    "A. (Mori) 民間の認証制度は途上国の事業者にも開かれている。\n"
    "C. 認証の費用が参入の障壁にならないよう配慮が必要だと思う。\n"
    "C. 同感である。費用の一部を補助する仕組みを提案している団体もある³。\n"
    "2.2.3. 次回以降のテーマ募集について\n"
    "本件は次回に持ち越しとなった。\n"
    "次回は 2018 年 6 月頃に開催予定。テーマの提案はメーリングリストで受け付ける。\n"
    "³ 例えば、地域の業界団体による費用補助の取り組みがある。\n"
    "3/3\n"
)

FULL_REPORT_PDF_EXPECTED = {
    "genre": "meeting_report",
    "series": "はなみずきガバナンス会議(HGC)",
    "number": 24,
    "title": "第 24 回はなみずきガバナンス会議(HGC)レポート",
    "date": "2018-03-15",
    "start": "15:00",
    "end": "18:10",
    "venue": "さくらホール 2F 多目的室",
    "url": "http://hgc.example.jp/meetings/2018/0315/",
    "participants": {"onsite": 52, "remote": 18},
    "next_meeting": "次回は 2018 年 6 月頃に開催予定。テーマの提案はメーリングリストで受け付ける。",
    "footnotes": [
        {"mark": "1", "text": "政府機関が通信の内容や記録を集めること。", "page": 1},
        {"mark": "2", "text": "国連の政府専門家会合など。", "page": 2},
        {"mark": "3", "text": "例えば、地域の業界団体による費用補助の取り組みがある。", "page": 3},
    ],
    "warnings": [],
    "pages": 3,
}

FULL_REPORT_PDF_AGENDA = {
    "1": ("第1部 IGF 2017 の振り返り", [], None, 1),
    "1.1": ("全体報告", [("北村 陽子", "HNIC")], None, 1),
    "1.2": ("セキュリティ関連セッション", [("田辺 修", "株式会社さくら通信")], None, 1),
    "1.3": ("人権関連セッション", [("佐野 千尋", "市民ネットワーク研究会")], "cancelled", 2),
    "2": ("第2部 データ流通と信頼", [], None, 3),
    "2.1": ("基調講演", [("Emily Carter", "Global Data Policy Institute")], "cut_for_time", 3),
    "2.2": (
        "パネルディスカッション",
        [("松井 美穂", "北辰大学"), ("岡田 達也", "経済産業省"), ("Kenji Mori", "Pacific Cloud Alliance")],
        None,
        3,
    ),
    "2.3": ("次回以降のテーマ募集について", [("浜口 健二", "HGC を考える会")], "deferred", 3),
}

# The tail of a memo in other ways real ones end: a 結論 of plain sentences (one naming its owner),
# a 今後の対応 bullet whose text wraps, an “→” answer whose reasons follow as bullets, a ToDo block
# with the owner first or in 【】, and the next 考える会 as a heading with its date on the next line.
MEMO_TAIL = """\
HGCを考える会ミーティングメモ - 2017年6月13日
開催日時：（火）14:00～16:00
開催場所：はなみずき会館
出席者（敬称略）：岡田、北村
事務局：西田、松井（記）
2. 議題
- HGC 19の振り返り
- その他
3. 議論
3.1. HGC 19の振り返り
-
参加者が前回より減ったことについて議論
→ 告知が遅れたのではないか。考えられる理由：
- 他の催しとの重複
- 告知文が専門的すぎた
結論：
次回は告知を一か月前に出す。
告知文の案を事務局が作る（事務局）
今後の対応：
-
告知の配信先の一覧を
更新する（松井）
3.2. その他
ToDo：
- 事務局：アンケートの集計
- 会場を予約する【松井】
4. 次回考える会
2017年8月1日(火)14:00～16:00
"""

MEMO_TAIL_EXPECTED = {
    "decisions": ["次回は告知を一か月前に出す。", "告知文の案を事務局が作る（事務局）"],
    "actions": [
        {"text": "告知文の案を事務局が作る", "owner": "事務局"},
        {"text": "告知の配信先の一覧を更新する", "owner": "松井"},
        {"text": "アンケートの集計", "owner": "事務局"},
        {"text": "会場を予約する", "owner": "松井"},
    ],
    "next_meeting": "次回考える会 2017年8月1日(火)14:00～16:00",
}
