"""The demo's working groups: those of the 2004 task-force proposal (../shared/samples: the WSIS WG
and the thematic WGs) in the task-force forum, with the proposal's month-by-month work plan.

The dates are the proposal's own (July 2004 – December 2005), aimed at the international meetings
of that plan. Those events are shared calendar records, made here through the calendar's services
when missing (``demo-wg-<key>@mshub``); where the exact days are not certain they are dated by
month. The proposal left the thematic WGs' column of its schedule empty ("JPNIC asks that the
thematic WG column be filled in"): their plans here are the demo's filling-in, feeding the WSIS WG's
first paper. Milestones before the WGIG's first meeting are done; one of the second paper's steps is
left undone after its target (flagged as slipped), as a plan under way would show.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mshub.calendar.models import Body, EventKind, ExternalEvent
from mshub.calendar.services import create_event
from mshub.people.models import Person
from mshub.topics.models import Topic
from mshub.workinggroups.models import GroupState, MemberRole, WorkingGroup
from mshub.workinggroups.services import add_member, add_milestone, create_group

D = dt.date

# (key, name ja, name en, body code, kind code, dates, city ja, city en, country, zone); dates are
# (first day, last day) or ("month", year, month).
# fmt: off
EVENTS: list[tuple[Any, ...]] = [
    ("wsis-prepcom1", "WSIS チュニス・フェーズ 第1回準備会合 (PrepCom-1)", "WSIS Tunis phase, PrepCom-1", "wsis", "meeting", (D(2004, 6, 24), D(2004, 6, 26)), "ハマメット", "Hammamet", "TN", "Africa/Tunis"),
    ("icann-kl", "ICANN会議 クアラルンプール", "ICANN meeting, Kuala Lumpur", "icann", "meeting", ("month", 2004, 7), "クアラルンプール", "Kuala Lumpur", "MY", "Asia/Kuala_Lumpur"),
    ("wgig-1", "国連事務総長インターネット・ガバナンスWG (WGIG) 第1回会合", "UN Working Group on Internet Governance (WGIG), 1st meeting", "", "meeting", ("month", 2004, 11), "ジュネーブ", "Geneva", "CH", "Europe/Zurich"),
    ("icann-capetown", "ICANN会議 ケープタウン", "ICANN meeting, Cape Town", "icann", "meeting", ("month", 2004, 12), "ケープタウン", "Cape Town", "ZA", "Africa/Johannesburg"),
    ("wgig-2", "WGIG 第2回会合", "WGIG, 2nd meeting", "", "meeting", ("month", 2005, 2), "ジュネーブ", "Geneva", "CH", "Europe/Zurich"),
    ("apricot-2005", "APRICOT 2005", "APRICOT 2005", "apricot", "meeting", ("month", 2005, 2), "京都", "Kyoto", "JP", "Asia/Tokyo"),
    ("wgig-3", "WGIG 第3回会合", "WGIG, 3rd meeting", "", "meeting", ("month", 2005, 4), "ジュネーブ", "Geneva", "CH", "Europe/Zurich"),
    ("wgig-4", "WGIG 第4回会合", "WGIG, 4th meeting", "", "meeting", ("month", 2005, 6), "ジュネーブ", "Geneva", "CH", "Europe/Zurich"),
    ("wgig-report", "WGIG 報告書の公表", "WGIG report published", "", "milestone", ("month", 2005, 7), "", "", "", "Europe/Zurich"),
    ("wsis-prepcom3", "WSIS チュニス・フェーズ 第3回準備会合 (PrepCom-3)", "WSIS Tunis phase, PrepCom-3", "wsis", "meeting", ("month", 2005, 9), "ジュネーブ", "Geneva", "CH", "Europe/Zurich"),
    ("wsis-tunis", "世界情報社会サミット チュニス会合 (WSIS II)", "World Summit on the Information Society, Tunis phase (WSIS II)", "wsis", "summit", (D(2005, 11, 16), D(2005, 11, 18)), "チュニス", "Tunis", "TN", "Africa/Tunis"),
]

# (slug, name ja, name en, state, charter ja, charter en, topic codes)
GROUPS: list[tuple[Any, ...]] = [
    ("wsis", "WSIS WG", "WSIS Working Group", GroupState.ACTIVE,
     "国連事務総長によるWG活動に関与し、インターネット・ガバナンスにおけるオープン、ボトムアップ、民間主導原理の尊重を中心とする日本からの意見を提出し、結果に最大限反映させる。\n\n"
     "WSISの動向を調査分析し、テーマ別WGの検討内容を取り込んだ意見集約を図る。専門家による議論を踏まえて意見原案を作成し、関係者のコメントを求めて原案を修正し、国際的な討議の場に意見を提出する。国連の場での討議の進展状況を報告する会合を開催する。",
     "To take part in the work of the UN Secretary-General's working group and put forward views from Japan centred on open, bottom-up, private-sector-led Internet governance, and see them reflected in its results as far as possible.\n\n"
     "The group follows WSIS, consolidates the thematic WGs' findings, drafts position papers with experts, revises them after stakeholders' comments, submits them to the international discussions, and holds report-back meetings on the UN process.",
     ("wsis", "multistakeholder")),
    ("resources", "資源管理WG(ドメイン名・IPアドレス)", "Internet Resources WG (domain names and IP addresses)", GroupState.ACTIVE,
     "ドメイン名システム、IPアドレスなどの資源管理について、日本にとって重要な課題を整理し、取り組みの方向性を検討・提言する。",
     "To map the issues of the domain name system, IP addresses and other Internet resources that matter most for Japan, and propose the way forward.",
     ("dns", "ip-addresses")),
    ("spam", "迷惑メール・ウィルス対策WG", "Spam and Viruses WG", GroupState.ACTIVE,
     "ウィルス、迷惑メール(スパム)への対応について、課題の抽出と対応策について一定の結論を出す。",
     "To identify the issues raised by viruses and unsolicited mail (spam) and conclude on the measures to take.",
     ("cybersecurity", "cybercrime")),
    ("multilingual", "多言語・多文化WG", "Multilingualism WG", GroupState.PROPOSED,
     "多言語・多文化環境の推進について、検討すべきテーマを幹事会に提案する。",
     "To propose to the steering committee what to study on a multilingual, multicultural Internet.",
     ("multilingualism",)),
]

# (group slug, kind, title ja, title en, month or day, target event key, done?)
MILESTONES: list[tuple[Any, ...]] = [
    ("wsis", "other", "定義・課題の分析・検討", "Definitions and issues: analysis", D(2004, 7, 1), "icann-kl", True),
    ("wsis", "consolidation", "定義・課題の集約整理", "Definitions and issues: consolidation", D(2004, 7, 1), "", True),
    ("wsis", "draft", "意見書①原案作成", "Position paper 1: draft", D(2004, 8, 1), "wgig-1", True),
    ("wsis", "hearing", "意見書①ヒヤリング", "Position paper 1: hearing", D(2004, 9, 1), "wgig-1", True),
    ("wsis", "consolidation", "意見書①とりまとめ", "Position paper 1: consolidation", D(2004, 10, 1), "wgig-1", True),
    ("wsis", "submission", "意見書①発表・提出", "Position paper 1: publication and submission", D(2004, 11, 1), "wgig-1", True),
    ("wsis", "report-back", "TFシンポジウム(WGIG第1回会合の報告)", "Task-force symposium (report-back on the first WGIG meeting)", D(2004, 12, 1), "", True),
    ("wsis", "other", "専門家会合への参加", "Taking part in the expert meetings", D(2005, 2, 1), "wgig-2", True),
    ("wsis", "draft", "意見書②原案作成", "Position paper 2: draft", D(2005, 3, 1), "wgig-3", True),
    ("wsis", "consolidation", "意見書②とりまとめ", "Position paper 2: consolidation", D(2005, 3, 1), "wgig-3", True),
    ("wsis", "submission", "意見書②発表・提出", "Position paper 2: publication and submission", D(2005, 5, 1), "wgig-3", False),
    ("wsis", "submission", "国連WGへ最終意見書提出", "Final position paper to the UN working group", D(2005, 8, 1), "wsis-prepcom3", False),
    ("wsis", "report-back", "WSISチュニス会合の報告会", "Report-back on the Tunis summit", D(2005, 12, 1), "wsis-tunis", False),
    ("resources", "other", "課題の抽出", "Mapping the issues", D(2004, 7, 1), "", True),
    ("resources", "draft", "WSIS WGの意見書①への原案", "Draft for the WSIS WG's paper 1", D(2004, 8, 1), "wgig-1", True),
    ("resources", "hearing", "関係者ヒヤリング", "Stakeholder hearing", D(2004, 9, 1), "wgig-1", True),
    ("spam", "other", "課題の抽出", "Mapping the issues", D(2004, 7, 1), "", True),
    ("spam", "draft", "WSIS WGの意見書①への原案", "Draft for the WSIS WG's paper 1", D(2004, 8, 1), "wgig-1", True),
    ("spam", "hearing", "関係者ヒヤリング", "Stakeholder hearing", D(2004, 9, 1), "wgig-1", True),
    ("multilingual", "other", "検討テーマの提案", "Proposal of the themes to study", D(2004, 10, 1), "", False),
]
# fmt: on

CHAIR_ACCOUNT = "chair@demo.example"


def build_events() -> dict[str, ExternalEvent]:
    """The proposal's international meetings by key, made once for the installation."""
    bodies = {b.code: b for b in Body.objects.all()}
    kinds = {k.code: k for k in EventKind.objects.all()}
    existing = {e.uid: e for e in ExternalEvent.objects.filter(uid__startswith="demo-wg-")}
    events = {}
    for key, name_ja, name_en, body, kind, dates, city_ja, city_en, country, zone in EVENTS:
        uid = f"demo-wg-{key}@mshub"
        if uid in existing:
            events[key] = existing[uid]
            continue
        fields: dict[str, Any] = {
            "name_ja": name_ja,
            "name_en": name_en,
            "body": bodies.get(body),
            "kind": kinds.get(kind),
            "city_ja": city_ja,
            "city_en": city_en,
            "country": country,
            "timezone": zone,
        }
        if dates[0] == "month":
            fields.update(precision="month", year=dates[1], month=dates[2])
        else:
            fields.update(precision="days", start_date=dates[0], end_date=dates[1])
        events[key] = create_event(None, message="demo", uid=uid, **fields)
    return events


def build_working_groups(demo: Any) -> None:
    """The task force's working groups with members and work plans (the main forum has none). The
    shared events are made in the main forum's step already, so that every forum's later steps (the
    topics' tagging) find them on a first run as on a rebuild."""
    events = build_events()
    if demo.is_main or WorkingGroup.objects.filter(forum=demo.forum).exists():
        return
    forum, actor = demo.forum, demo.secretariat
    topics = {t.code: t for t in Topic.objects.of(forum)}
    people = list(Person.objects.filter(forum=forum).order_by("pk"))
    chair_user = demo.users.get(CHAIR_ACCOUNT)
    chair = next((p for p in people if chair_user is not None and p.user_id == chair_user.pk), None)
    others = [p for p in people if p is not chair]
    groups = {}
    for slug, name_ja, name_en, state, charter_ja, charter_en, codes in GROUPS:
        groups[slug] = create_group(
            forum,
            actor,
            name_ja=name_ja,
            name_en=name_en,
            slug=slug,
            state=state,
            charter_ja=charter_ja,
            charter_en=charter_en,
            mailing_list=f"tf-{slug}@lists.demo.example",
            topics=[topics[c] for c in codes if c in topics],
        )
    joined = D(2004, 7, 1)
    if chair is not None:
        add_member(forum, actor, groups["wsis"], chair, role=MemberRole.CHAIR, joined=joined)
    for index, person in enumerate(others):
        slug = ("wsis", "resources", "spam")[index % 3]
        role = MemberRole.CHAIR if index < 3 and slug != "wsis" else MemberRole.MEMBER
        add_member(forum, actor, groups[slug], person, role=role, joined=joined)
        if slug != "wsis" and index < 6:
            add_member(forum, actor, groups["wsis"], person, joined=joined)  # the thematic WGs feed the WSIS WG
    for slug, kind, title_ja, title_en, month, target, done in MILESTONES:
        add_milestone(
            forum,
            actor,
            groups[slug],
            kind=kind,
            title_ja=title_ja,
            title_en=title_en,
            month=month,
            target_event=events[target] if target else None,
            done=month.replace(day=28) if done else None,
        )
