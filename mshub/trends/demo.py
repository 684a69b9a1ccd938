"""The demo's trends: fifteen trend items of 2016–2026 and seven of the last weeks (the main forum),
three (the task force), under the forum's topics, and one feed that the demo never polls."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from mshub.people.models import Organization
from mshub.topics.models import Topic
from mshub.trends.models import Origin, Region
from mshub.trends.services import create_feed, create_item

D = dt.date
# (date, title, summary_en, summary_ja, source, url, region, countries, topics, organisations by abbreviation)
ITEMS: list[tuple[Any, ...]] = [
    (
        D(2016, 6, 14),
        "NATO recognises cyberspace as a domain of operations",
        "At the Warsaw summit preparations, allied defence ministers agreed that cyberspace is an operational domain "
        "alongside land, sea and air.",
        "",
        "NATO",
        "https://www.nato.int/cps/en/natohq/official_texts_133169.htm",
        Region.EUROPE,
        ["BE"],
        ["cyber-norms", "cybersecurity"],
        [],
    ),
    (
        D(2016, 7, 6),
        "EU adopts the NIS Directive: national CSIRTs and a cooperation group",
        "Directive (EU) 2016/1148 obliges each Member State to designate <b>CSIRTs</b> and a competent authority, "
        "and sets up a CSIRTs network.",
        "NIS指令が採択され、各加盟国にCSIRTの指定が義務付けられた。",
        "EUR-Lex",
        "https://eur-lex.europa.eu/eli/dir/2016/1148/oj",
        Region.EUROPE,
        [],
        ["csirt", "cybersecurity"],
        ["JIRT"],
    ),
    (
        D(2016, 10, 1),
        "IANA stewardship transition completed",
        "The NTIA contract with ICANN for the IANA functions expired; stewardship passed to the global multistakeholder "
        "community.",
        "IANA機能の監督権限移管が完了した。",
        "ICANN",
        "https://www.icann.org/stewardship",
        Region.GLOBAL,
        ["US"],
        ["iana", "multistakeholder"],
        ["JNRC"],
    ),
    (
        D(2016, 12, 9),
        "IGF 2016 in Guadalajara under the renewed ten-year mandate",
        "The IGF meets in Guadalajara under the ten-year mandate renewed by resolution 70/125.",
        "",
        "UN DESA",
        "https://www.un.org/en/ga/search/view_doc.asp?symbol=A/RES/70/125",
        Region.GLOBAL,
        ["MX"],
        ["igf", "wsis"],
        [],
    ),
    (
        D(2017, 6, 23),
        "UN GGE ends without a consensus report",
        "The fifth Group of Governmental Experts on ICT in the context of international security could not agree "
        "on a final report.",
        "第5会期の国連GGEは報告書の合意に至らず終了した。",
        "UNODA",
        "https://www.un.org/disarmament/ict-security/",
        Region.GLOBAL,
        [],
        ["cyber-norms"],
        ["MFP"],
    ),
    (
        D(2018, 5, 25),
        "GDPR applies across the European Union",
        "The General Data Protection Regulation now applies; its extraterritorial scope reaches services offered to "
        "people in the EU.",
        "GDPRの適用が開始された。",
        "European Commission",
        "https://commission.europa.eu/law/law-topic/data-protection_en",
        Region.EUROPE,
        [],
        ["privacy", "jurisdiction"],
        ["PFT"],
    ),
    (
        D(2019, 1, 23),
        "Japan and the EU adopt mutual adequacy decisions",
        "The largest area of safe data flows: personal data may move between Japan and the EU without further safeguards.",
        "日EU間の相互の十分性認定が発効した。",
        "Personal Information Protection Commission",
        "https://www.ppc.go.jp/en/aboutus/roles/international/cooperation/20190123/",
        Region.ASIA_PACIFIC,
        ["JP"],
        ["privacy", "cross-border-data-access"],
        [],
    ),
    (
        D(2019, 6, 10),
        "UN Secretary-General's High-level Panel on Digital Cooperation reports",
        "“The Age of Digital Interdependence” proposes three models of global digital cooperation, among them an "
        "<em>IGF Plus</em>.",
        "",
        "UN",
        "https://www.un.org/en/pdfs/DigitalCooperation-report-for%20web.pdf",
        Region.GLOBAL,
        [],
        ["igf", "multistakeholder"],
        ["GDCO"],
    ),
    (
        D(2020, 6, 6),
        "IPv6 passes 30 % of users reaching Google",
        "Native IPv6 adoption keeps rising, led by mobile networks in India and the United States.",
        "",
        "Google",
        "https://www.google.com/intl/en/ipv6/statistics.html",
        Region.GLOBAL,
        ["IN", "US"],
        ["ipv6"],
        [],
    ),
    (
        D(2021, 3, 12),
        "OEWG adopts its first consensus report",
        "The Open-ended Working Group on ICTs reaffirms the eleven norms of responsible state behaviour.",
        "国連OEWGが初のコンセンサス報告書を採択した。",
        "UNODA",
        "https://front.un-arm.org/wp-content/uploads/2021/03/Final-report-A-AC.290-2021-CRP.2.pdf",
        Region.GLOBAL,
        [],
        ["cyber-norms"],
        ["MFP"],
    ),
    (
        D(2022, 11, 28),
        "EU NIS2 Directive adopted",
        "NIS2 widens the sectors covered and strengthens incident reporting and supervision.",
        "",
        "Council of the EU",
        "https://eur-lex.europa.eu/eli/dir/2022/2555/oj",
        Region.EUROPE,
        [],
        ["cybersecurity", "csirt"],
        ["NISA"],
    ),
    (
        D(2023, 10, 12),
        "IGF 2023 in Kyoto: “The Internet We Want”",
        "Over 9,000 participants registered for the eighteenth IGF, hosted by Japan.",
        "京都でIGF2023が開催され、9,000人以上が登録した。",
        "IGF",
        "https://www.intgovforum.org/en/content/igf-2023",
        Region.ASIA_PACIFIC,
        ["JP"],
        ["igf"],
        ["MDC", "YIGF-J"],
    ),
    (
        D(2024, 9, 22),
        "Global Digital Compact adopted with the Pact for the Future",
        "Member States adopt the GDC, committing to an inclusive, open and secure digital future; the IGF is "
        "recognised as a primary multistakeholder platform.",
        "",
        "UN",
        "https://www.un.org/global-digital-compact/",
        Region.GLOBAL,
        [],
        ["wsis", "multistakeholder"],
        ["GDCO"],
    ),
    (
        D(2025, 12, 17),
        "WSIS+20 review: the IGF becomes a permanent forum",
        "The General Assembly's twenty-year review of WSIS makes the IGF's mandate permanent.",
        "WSIS+20レビューでIGFの恒久化が決まった。",
        "UN General Assembly",
        "https://publicadministration.un.org/en/wsis20",
        Region.GLOBAL,
        [],
        ["wsis", "igf"],
        ["ITCB"],
    ),
    (
        D(2026, 4, 8),
        "Regional IXPs in Africa pass one hundred",
        "Local traffic exchange keeps growing: more than one hundred exchange points now operate on the continent.",
        "",
        "Internet Society",
        "https://pulse.internetsociety.org/",
        Region.AFRICA,
        ["KE", "ZA", "NG"],
        ["ixp"],
        [],
    ),
]
TASKFORCE_ITEMS = (0, 4, 9)  # the cyber-norms items, for the task force

# What happened lately, dated back from the day the demo is built, so that the demo's briefing
# (the last 90 days: mshub/briefings/demo.py) has several topic sections, as a real one does.
RECENT: list[tuple[Any, ...]] = [
    (
        6,
        "ICANN opens the next round of new gTLD applications",
        "Applications for the first new generic top-level domains since 2012 open; applicant support lowers fees "
        "for applicants from developing economies.",
        "2012年以来となる新gTLDの申請受付が始まった。途上国の申請者向けの支援制度も用意された。",
        "ICANN",
        "https://newgtldprogram.icann.org/",
        Region.GLOBAL,
        [],
        ["dns"],
        ["JNRC"],
    ),
    (
        12,
        "国連のICTセキュリティに関する常設メカニズムが初会合",
        "",
        "OEWGの後継となる常設の「グローバル・メカニズム」が初会合を開き、責任ある国家の行動規範の実施と能力構築を議論した。",
        "UNODA",
        "https://disarmament.unoda.org/ict-security/",
        Region.GLOBAL,
        [],
        ["cyber-norms"],
        ["MFP"],
    ),
    (
        19,
        "総務省、IoT機器のセキュリティ要件に関する検討会の報告書案を公表",
        "",
        "ネットワークに接続されるIoT機器の初期パスワードやアップデート提供期間の表示などを求める報告書案が意見募集にかけられた。",
        "総務省",
        "https://www.soumu.go.jp/menu_news/s-news/iot-security.html",
        Region.ASIA_PACIFIC,
        ["JP"],
        ["iot-security", "cybersecurity"],
        [],
    ),
    (
        27,
        "EU and Japan deepen cooperation on data flows with trust",
        "The Digital Partnership Council agrees work on cross-border data flows and on access to data held by "
        "platforms for researchers.",
        "",
        "European Commission",
        "https://digital-strategy.ec.europa.eu/en/policies/partnerships",
        Region.EUROPE,
        ["JP"],
        ["cross-border-data-access", "privacy"],
        ["PFT"],
    ),
    (
        38,
        "APNIC: IPv6 capability in the Asia-Pacific passes half of users",
        "More than half of the region's users now reach IPv6-only content, led by India, Japan and Viet Nam.",
        "アジア太平洋地域でIPv6を利用できる利用者の割合が5割を超えた。",
        "APNIC Labs",
        "https://stats.labs.apnic.net/ipv6",
        Region.ASIA_PACIFIC,
        ["IN", "JP", "VN"],
        ["ipv6"],
        [],
    ),
    (
        52,
        "IGF 2026 closes with messages on the implementation of the WSIS+20 outcome",
        "The first IGF under its permanent mandate asks national and regional IGFs to feed the WSIS action lines' "
        "review.",
        "恒久化後初のIGFが閉幕し、各国・地域のIGFにWSIS成果文書の実施への貢献を求めるメッセージをまとめた。",
        "IGF",
        "https://www.intgovforum.org/",
        Region.GLOBAL,
        [],
        ["igf", "wsis"],
        ["YIGF-J"],
    ),
    (
        66,
        "Council of Europe convention on AI enters into force",
        "The Framework Convention on Artificial Intelligence and human rights, democracy and the rule of law enters "
        "into force after its fifth ratification.",
        "",
        "Council of Europe",
        "https://www.coe.int/en/web/artificial-intelligence/the-framework-convention-on-artificial-intelligence",
        Region.EUROPE,
        [],
        ["freedom-of-expression", "privacy"],
        [],
    ),
]


def build_trends(demo: Any) -> None:
    forum = demo.forum
    topics = {t.code: t for t in Topic.objects.of(forum)}
    orgs = {o.short_name: o for o in Organization.objects.filter(forum=forum).exclude(short_name="")}
    today = timezone.localdate()
    recent = [(today - dt.timedelta(days=days_ago), *rest) for days_ago, *rest in RECENT]
    rows = [*ITEMS, *recent] if demo.is_main else [ITEMS[i] for i in TASKFORCE_ITEMS]
    for date, title, summary_en, summary_ja, source, url, region, countries, codes, abbreviations in rows:
        create_item(
            forum,
            demo.secretariat,
            topics=[topics[c] for c in codes if c in topics],
            organizations=[orgs[a] for a in abbreviations if a in orgs],
            title=title,
            date=date,
            summary_en=summary_en,
            summary_ja=summary_ja,
            source_name=source,
            source_url=url,
            region=region,
            countries=countries,
            origin=Origin.MANUAL,
        )
    if demo.is_main:
        create_feed(
            forum,
            demo.secretariat,
            name="IGF news",
            url="https://www.intgovforum.org/en/rss.xml",
            active=False,  # the demo never polls it
            topics=[topics[c] for c in ("igf",) if c in topics],
        )
