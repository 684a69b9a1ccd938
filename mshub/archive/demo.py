"""The demo's archive: invented old reports, a steering memo and a trend briefing of the demo forum,
imported as the secretariat would (one report as a PDF), and one upload left waiting for review.

The presenters are the demo registry's people, with the affiliations they had at the time, so the
import's matching shows; one presenter is not in the registry and is created for review.

The briefing's consultations and events go to the shared calendar and consultations (run after
their demo steps): two of them are already there from the 2016 sample (the CSTD call for inputs, by
its address and deadline; IGF 2016, by its address and days) and are linked, not copied; the others
(the IGF 2018 call for themes, IGF 2017, ICANN61) are created through the archive.
"""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile

from mshub.archive.importer import read_document
from mshub.archive.models import ImportBatch, ImportItem
from mshub.archive.store import store_document
from mshub.archive.tasks import parse_batch

SERIES = "日本インターネット政策フォーラム(JIPF)"

REPORT_3 = f"""第 3 回{SERIES}レポート

2017 年 8 月 1 日

1. 会合の概要について

- 日時： 2017 年 7 月 11 日(火) 18:00～20:05
- 会場： みなとカンファレンスセンター 会議室A
- URL： https://jipf.demo.example/meetings/2017/0711/

1.1. 参加状況

- 会場参加者数： 31 名
- 遠隔参加者数： 6 名

1.2. アジェンダ（発表者敬称略、所属は当時）

1. APrIGF 2017 の報告
日本ネットワーク資源センター 政策企画室 太田 美咲
2. データ流通と越境規制の動向
 - 2.1. 欧州の動き
デジタル通信省 情報通信政策局 国際政策課 小川 理恵
 - 2.2. アジアの動き
アジア通信事業者連盟 Priya Raman
3. その他

2. 質疑応答・議論内容

1. APrIGF 2017 の報告

日本ネットワーク資源センターの太田美咲氏より、資料「APrIGF 2017 参加報告」に基づき報告があった。その後、以下の質疑応答があった。

Q. ユース参加者はどの程度いたのか。

A. 全体の約 2 割で、前年より増えている。ユースの発言が目立つセッションも多かった。

C. 国内でもユース向けの準備会合を開き、
次回の参加を後押ししてはどうか。

2. データ流通と越境規制の動向

2.1. 欧州の動き

デジタル通信省の小川理恵氏より、欧州の一般データ保護規則¹の施行準備について報告があった。

Q. 日本企業への影響はいつから出るのか。

A. 来年 5 月の適用開始からである。域外適用があるため、欧州の利用者を持つ企業は準備が必要。

¹ 個人データの処理と移転に関する欧州連合の規則。2018 年 5 月に適用が始まる。

2.2. アジアの動き

発表者の都合により、本議題は次回に延期となった。

3. その他

次回は 11 月下旬の開催を予定している。
"""

REPORT_4_HTML = f"""<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 20mm; @bottom-center {{ content: "- " counter(page) " -"; }} }}
body {{ font-family: "Noto Sans CJK JP", sans-serif; font-size: 10.5pt; }} p {{ margin: 0 0 .6em; }}
.break {{ page-break-before: always; }}</style></head><body>
<p>第 4 回{SERIES}レポート</p>
<p>2017 年 12 月 15 日</p>
<p>1. 会合の概要について</p>
<p>- 日時： 2017 年 11 月 28 日(火) 18:30～20:30</p>
<p>- 会場： みなとカンファレンスセンター 会議室A</p>
<p>1.1. 参加状況</p>
<p>- 会場参加者数： 27 名</p><p>- 遠隔参加者数： 9 名</p>
<p>1.2. アジェンダ（発表者敬称略、所属は当時）</p>
<p>1. IGF 2017 の振り返り<br>北辰大学 法学部 小川 理恵</p>
<p>2. IoT セキュリティの国際動向<br>国家情報セキュリティ庁 サイバーセキュリティ統括室 松浦 健一</p>
<p>3. その他</p>
<p>2. 質疑応答・議論内容</p>
<p>1. IGF 2017 の振り返り</p>
<p>北辰大学の小川理恵氏より、IGF 2017 の概要について報告があった。</p>
<p>Q. 今回のメインセッションで日本からの登壇はあったのか。</p>
<p>A. 一件あった。次回はワークショップの提案も検討したい。</p>
<p class="break">2. IoT セキュリティの国際動向</p>
<p>国家情報セキュリティ庁の松浦健一氏より、IoT 機器の脆弱性対策²について報告があった。</p>
<p>Q. 機器の製造者に対する規制の議論はあるのか。</p>
<p>A. 認証制度の検討が各国で始まっている。</p>
<p>C. 利用者への周知も合わせて進めるべきである。</p>
<p>² 出荷時の初期パスワードの変更や更新の提供などの対策。</p>
<p>3. その他</p>
<p>次回は 2018 年 3 月の開催を予定している。</p>
</body></html>"""

MEMO = """JIPF運営委員会ミーティングメモ - 2017年10月3日
開催日時:(火)14:00~15:30
開催場所:JNRC会議室
出席者(敬称略):太田、三宅、服部
事務局:白石(記)
1. 配布資料
資料1 :第3回会合アンケート結果
資料2 :第4回会合アジェンダ案
2. 議題
- 第3回会合の振り返り
- 第4回会合のアジェンダ
3. 議論
3.1. 第3回会合の振り返り
アンケートの満足度は前回より高かった。
3.2. 第4回会合のアジェンダ
資料2に基づきアジェンダを検討。
結論
- 第4回会合はIGF 2017の振り返りとIoTセキュリティを主題とする。
今後の対応
- 登壇候補者に打診する(事務局)
- 会場を予約する(白石)
"""

BRIEFING = """ 最近の動向（2017年9月～11月）
 プライバシー – 国際動向
• 欧州の一般データ保護規則の適用に向けて各国で準備が進む
• https://privacy.demo.example/gdpr-readiness
 IoT
• IoT 機器のセキュリティ認証制度の検討が始まる
 各種意見募集・イベント
 国連関連の意見募集(1)
IGF 2018 のテーマ募集
• 期限：2018年1月31日
• 質問：
1. 2018 年に取り上げるべきテーマは何か
2. 新しいセッション形式の提案はあるか
• URL：
• https://igf.demo.example/call-for-themes
 国連関連の意見募集(2)
CSTD WG Enhanced Corporation
• 期限：2016年12月7日
• URL：
• http://unctad.org/en/pages/newsdetails.aspx?OriginalVersionID=1351
 各種会議: 2016年12月
• IGF2016 (Day0:12/5、本会議12/6-12/9)
http://www.intgovforum.org/multilingual/
 各種会議: 2017年12月～2018年3月
• IGF 2017 (12/18-12/21)
https://igf.demo.example/2017
• ICANN61 (3/10-3/15)
https://icann.demo.example/61
"""

REPORT_5 = (
    REPORT_3.replace("第 3 回", "第 5 回")
    .replace("2017 年 7 月 11 日(火) 18:00～20:05", "2018 年 3 月 6 日(火) 18:30～20:30")
    .replace("2017/0711", "2018/0306")
    .replace("APrIGF 2017", "IGF 2018 準備会合")
)


def _pdf(markup: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=markup).write_pdf()


def build_archive(forum: Any, actor: Any) -> int:
    """Import the demo's old documents into ``forum``; returns how many were stored."""
    files = [
        ("jipf-03-report-2017.txt", REPORT_3.encode()),
        ("jipf-04-report-2017.pdf", _pdf(REPORT_4_HTML)),
        ("jipf-steering-memo-2017-10-03.txt", MEMO.encode()),
        ("jipf-trend-briefing-2017-11.txt", BRIEFING.encode()),
    ]
    stored = 0
    for name, content in files:
        record, extracted = read_document(content, name)
        if not record["errors"]:
            # The 2017 memo names its own series ("JIPF運営委員会"): stored there, as a reviewer would
            # choose, not numbered among the steering meetings the demo holds in 2026.
            new_series = record.get("series") if record["genre"] == "steering_memo" else None
            store_document(
                forum, record, name, actor=actor, content=content, extracted=extracted, new_series=new_series
            )
            stored += 1
    batch = ImportBatch.objects.create(forum=forum, created_by=actor)
    ImportItem.objects.create(batch=batch, name="jipf-05-report-2018.txt", file=ContentFile(REPORT_5.encode(), "r.txt"))
    parse_batch(batch.pk)  # waiting for the secretariat's review
    return stored
