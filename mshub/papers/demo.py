"""The demo's position paper: the WSIS WG's first paper (意見書①) to the UN Working Group on Internet
Governance, in the task-force forum, as the 2004 proposal's plan has it — drafted in August 2004,
heard in September, consolidated in October, published, and submitted to the WGIG.

Three revisions by two members of the group (the chair's draft, a member's additions, the chair's
consolidation); a closed hearing on revision 2 with comments from five stakeholder groups (two of
them came by mail and were entered by the secretariat, as comments did then: no account), one of
them answered in a thread; each comment disposed of with a reason, the accepted ones addressed in
revision 3. The text is the demo's own, written for it. The demo has no WGIG consultation record, so
the paper answers none and its submission names the process. Built once: a forum that has a paper
is left alone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from mshub.papers import paragraphs
from mshub.papers.models import Audience, Comment, Disposition, Hearing, Paper, PaperRevision
from mshub.papers.services.revisions import create_paper, save_revision
from mshub.papers.services.states import move
from mshub.people.models import StakeholderGroup
from mshub.workinggroups.models import WorkingGroup

GENEVA = ZoneInfo("Europe/Zurich")
TITLE_JA = "インターネット・ガバナンスに関する意見書(WGIGへの提出意見)"
TITLE_EN = "Position paper on Internet governance (comments to the WGIG)"

HEAD = "# インターネット・ガバナンスに関する意見書\n\n## 1. はじめに\n\n"
INTRO_1 = (
    "本意見書は、IG政策タスクフォースのWSIS WGが、国連事務総長の設置するインターネット・ガバナンス作業部会"
    "(WGIG)の検討に資するため、日本の関係者の意見を集約したものである。"
)
INTRO_3 = INTRO_1 + "原案は関係者ヒヤリング(2004年9月)で寄せられたコメントを踏まえて修正した。"
PRINCIPLE = (
    "## 2. 基本的な考え方\n\n"
    "インターネットは、技術コミュニティ、民間部門、市民社会、学術界がそれぞれの役割を果たしつつ、オープンで"
    "ボトムアップな調整によって発展してきた。インターネット・ガバナンスの議論は、この成功を損なわないことを"
    "出発点とすべきである。"
)
DEFINITION = (
    "我々は、インターネット・ガバナンスを「政府、民間部門及び市民社会が、それぞれの役割において、インターネットの"
    "発展と利用を形作る原則、規範、ルール、意思決定手続及びプログラムを策定し適用すること」と広く捉えることを"
    "提案する。ドメイン名やIPアドレスの管理に限らず、迷惑メール、セキュリティ、多言語化、途上国の参加といった"
    "公共政策課題を含めて議論すべきである。"
)
RESOURCES_1 = (
    "## 3. 個別の論点\n\n"
    "ドメイン名・IPアドレス等の資源管理については、ICANNによる民間主導の調整を基本とし、その透明性と説明責任を"
    "一層高めることが重要である。新たな政府間機関に管理を移すことには、技術的安定性と迅速な意思決定の観点から"
    "慎重であるべきである。"
)
RESOURCES_3 = RESOURCES_1.replace("ICANNによる", "ICANN及び地域インターネットレジストリ(RIR)による")
GOVERNMENTS = (
    "各国政府の関与については、ICANNの政府諮問委員会(GAC)の機能強化など、既存の枠組みの改善によって公共政策上の"
    "懸念に応えることを優先すべきである。ccTLDの管理については、各国・地域の事情に応じた、地域コミュニティとの"
    "合意に基づく運営を尊重すべきである。"
)
SPAM_1 = (
    "迷惑メールやウィルスへの対策は、単一の機関で対応できる課題ではない。各国の法執行機関、通信事業者、技術"
    "コミュニティの間の国際的な協力の枠組みを、既存の取り組み(OECD、ITU、APECなど)の連携によって強化すべきである。"
)
SPAM_3 = SPAM_1.replace(
    "強化すべきである。",
    "強化すべきである。その際、事業者団体のガイドラインなど民間の自主的な取組との連携も重要である。",
)
DEVELOPING = (
    "途上国の実質的な参加を確保するため、会合の遠隔参加手段、資料の多言語での提供、人材育成への支援が必要である。"
    "アジア太平洋地域においては、APNICやAPTLDなどの地域組織の経験を活用できる。"
)
MULTILINGUAL = (
    "国際化ドメイン名(IDN)をはじめとする多言語化は、非英語圏の利用者にとって重要な課題である。技術標準の策定と"
    "運用について、各言語コミュニティの参加を確保すべきである。"
)
PROCESS_1 = (
    "## 4. WGIGの進め方について\n\n"
    "WGIGの検討過程は、全てのステークホルダーに開かれたものであるべきである。会合資料と議事の公開、"
    "パブリックコメントの機会の確保を求める。"
)
PROCESS_3 = PROCESS_1.replace("機会の確保を求める。", "機会の確保、寄せられた意見とその扱いの公表を求める。")
EXPECTATION = (
    "我々は、WGIGが既存の機関の役割を整理し、重複や空白を明らかにした上で、必要な改善を提案することを期待する。"
    "新たな枠組みが必要と判断される場合でも、マルチステークホルダーによる対話の場とすることを提案する。"
)
END = "以上"


def _text(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


REVISION_1 = _text(HEAD + INTRO_1, PRINCIPLE, DEFINITION, RESOURCES_1, GOVERNMENTS, SPAM_1, PROCESS_1, EXPECTATION, END)
REVISION_2 = _text(
    HEAD + INTRO_1, PRINCIPLE, DEFINITION, RESOURCES_1, GOVERNMENTS, SPAM_1, DEVELOPING, MULTILINGUAL, PROCESS_1,
    EXPECTATION, END,
)  # fmt: skip
REVISION_3 = _text(
    HEAD + INTRO_3, PRINCIPLE, DEFINITION, RESOURCES_3, GOVERNMENTS, SPAM_3, DEVELOPING, MULTILINGUAL, PROCESS_3,
    EXPECTATION, END,
)  # fmt: skip

# (key, stakeholder group code, the words that find the paragraph in revision 2 ("": the whole paper),
#  the comment, day in September 2004, disposition, reason, addressed in revision 3?)
# fmt: off
COMMENTS: list[tuple[Any, ...]] = [
    ("rir", "technical-community", "ドメイン名・IPアドレス等の資源管理",
     "IPアドレスの配分はICANNだけでなく、APNICなどの地域インターネットレジストリ(RIR)のボトムアップな政策策定によって行われている。RIRの役割を明記すべきである。",
     6, Disposition.ACCEPTED, "ご指摘のとおりRIRの役割を明記した。", True),
    ("spam", "private-sector", "迷惑メールやウィルスへの対策",
     "迷惑メール対策では、事業者団体によるガイドラインや送信ドメイン認証の導入など、民間の自主的な取組が先行している。これに言及するとともに、各国の法的規制の国際的な調和も求めるべきではないか。",
     9, Disposition.PARTLY, "民間の自主的な取組との連携について追記した。法的規制の国際的な調和は各国の立法に関わり、本意見書では扱わない。", True),
    ("open", "civil-society", "WGIGの検討過程は",
     "会合資料の公開に加えて、パブリックコメントで寄せられた意見がどのように扱われたかを公表するよう求めるべきである。",
     14, Disposition.ACCEPTED, "寄せられた意見とその扱いの公表を求める旨を追記した。", True),
    ("definition", "academia", "インターネット・ガバナンスを「",
     "WGIGの作業定義はWGIG自身が検討するものであり、意見書が一つの定義を示すことは議論を先取りしすぎる。複数の考え方を並べて示す方がよい。",
     17, Disposition.NOT_ACCEPTED, "議論の範囲を明確にするため、一つの作業定義を提案することが有益と判断した。定義は広く捉えており、WGIGの検討を狭めるものではない。", False),
    ("privacy", "government", "",
     "国内の個人情報保護法制(2005年4月全面施行)との関係についても記述を加えてはどうか。",
     22, Disposition.OUT_OF_SCOPE, "本意見書はWGIGの検討範囲についての意見であり、国内法制は扱わない。テーマ別WGでの検討課題として引き継ぐ。", False),
]
# fmt: on
REPLY = (
    "spam",
    "ご指摘ありがとうございます。送信ドメイン認証について、国内事業者の導入状況がわかる資料があればご教示ください。",
    10,
)


def _at(day: dt.date, hour: int = 12) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=GENEVA)


def _find(revision: PaperRevision, words: str) -> tuple[str, int | None]:
    if not words:
        return "", None
    for paragraph in paragraphs.numbered(revision.paragraphs):
        if words in paragraph.text:
            return paragraph.anchor, paragraph.number
    raise LookupError(words)


def build_papers(demo: Any) -> None:
    """The WSIS WG's paper in the task force (nothing in the main forum, nothing if a paper exists)."""
    if demo.is_main or Paper.objects.filter(forum=demo.forum).exists():
        return
    forum = demo.forum
    group = WorkingGroup.objects.filter(forum=forum, slug="wsis").first()
    if group is None:
        return
    members = list(
        group.members.filter(left__isnull=True, person__user__isnull=False)
        .select_related("person__user")
        .order_by("pk")
    )
    chair = next((m.person.user for m in members if m.is_chair), None) or demo.secretariat
    editor = next((m.person.user for m in members if m.person.user != chair), None) or demo.secretariat
    paper = create_paper(group, actor=chair, text=REVISION_1, message="原案", title_ja=TITLE_JA, title_en=TITLE_EN)
    second = save_revision(
        paper, base_number=1, text=REVISION_2, message="途上国の参加と多言語化の段落を追加", actor=editor
    )
    hearing = Hearing.objects.create(
        forum=forum,
        paper=paper,
        revision=second,
        opens_at=_at(dt.date(2004, 9, 1), 9),
        closes_at=_at(dt.date(2004, 9, 30), 18),
        audience=Audience.MEMBERS,
        note="意見書①原案へのコメントをお寄せください(関係者ヒヤリング)。",
        opened_by=chair,
    )
    move(paper, "hearing", actor=chair)
    move(paper, "revising", actor=chair)
    groups = {g.code: g for g in StakeholderGroup.objects.filter(forum=forum)}
    authors = {"rir": None, "spam": editor, "open": demo.secretariat, "definition": None, "privacy": None}
    comments: dict[str, Comment] = {}
    addressed: list[str] = []
    for key, code, words, text, day, disposition, reason, fixed in COMMENTS:
        anchor, number = _find(second, words)
        comments[key] = Comment.objects.create(
            forum=forum,
            hearing=hearing,
            revision=second,
            anchor=anchor,
            paragraph_number=number,
            author=authors[key],
            stakeholder_group=groups.get(code),
            text=text,
            created_at=_at(dt.date(2004, 9, day)),
            disposition=disposition,
            reason=reason,
            disposed_at=_at(dt.date(2004, 10, 8)),
            disposed_by=chair,
            notified_at=_at(dt.date(2004, 10, 8), 18),
        )
        if fixed:
            addressed.append(key)
    parent = comments[REPLY[0]]
    Comment.objects.create(
        forum=forum,
        hearing=hearing,
        revision=second,
        anchor=parent.anchor,
        paragraph_number=parent.paragraph_number,
        parent=parent,
        author=chair,
        stakeholder_group=None,
        text=REPLY[1],
        created_at=_at(dt.date(2004, 9, REPLY[2])),
    )
    third = save_revision(paper, base_number=2, text=REVISION_3, message="ヒヤリングのコメントを反映", actor=chair)
    Comment.objects.filter(pk__in=[comments[k].pk for k in addressed]).update(addressed_in=third)
    for revision, day in ((1, dt.date(2004, 8, 20)), (2, dt.date(2004, 8, 30)), (3, dt.date(2004, 10, 15))):
        PaperRevision.objects.filter(paper=paper, number=revision).update(created_at=_at(day, 17))
    move(paper, "final", actor=chair)
    move(paper, "published", actor=chair)
    Paper.objects.filter(pk=paper.pk).update(published_at=_at(dt.date(2004, 10, 29), 10))
    move(
        paper,
        "submitted",
        actor=chair,
        submitted_to="国連インターネット・ガバナンス作業部会(WGIG)への意見提出",
        submitted_on=dt.date(2005, 1, 14),
        submission_url="https://wgig.example.org/contributions/2005/jp-ig-taskforce.pdf",
        submission_note="WGIGの意見募集に電子メールで提出し、受領の連絡を受けた。英訳を添付。",
    )
