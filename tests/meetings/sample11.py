"""The 11th IGCJ meeting of 2016-01-28, built from ../shared/samples/igcj-11-report-2016.txt.

The report's facts are the expected results of the report tests.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mshub.core.models import Forum
from mshub.meetings.models import AttendanceMode, Footnote, Intervention, ItemOutcome, Meeting, MeetingSeries, Presenter
from mshub.meetings.services import agenda, registration
from mshub.meetings.services.meetings import change_status, create_meeting
from mshub.people.models import Affiliation, Organization, Person, StakeholderGroup

# (key, org name ja, department ja, family, given, stakeholder group)
PRESENTERS = [
    ("takane", "総務省", "情報通信国際戦略局国際政策課", "高根", "優子", "government"),
    (
        "okutani",
        "一般社団法人日本ネットワークインフォメーションセンター(JPNIC)",
        "",
        "奥谷",
        "泉",
        "technical-community",
    ),
    ("kinoshita", "一般財団法人インターネット協会(IAJapan)", "", "木下", "剛", "private-sector"),
    ("hamada", "市民コンピュータコミュニケーション研究会(JCAFE)", "", "浜田", "忠久", "civil-society"),
    ("sugata", "総務省", "総合通信基盤局電気通信事業部データ通信課", "菅田", "洋一", "government"),
    ("hotta", "IGCJ を考える会", "", "堀田", "博文", "technical-community"),
]

# (number path, title, presenter keys, outcome, note, affiliation override)
AGENDA = [
    ("1", "WSIS+10 の状況報告", ["takane"]),
    ("2", "IGF 2015 の振り返りと今後に向けて", []),
    ("2.1", "概要報告", ["okutani"]),
    ("2.2", "セキュリティ関連の議論", ["okutani*"]),
    ("2.3", "ビジネスセクターの動向", ["kinoshita"]),
    ("2.4", "市民社会の動向", ["hamada"]),
    ("2.5", "政府セクターの動向", ["sugata"]),
    ("2.6", "IGF に関する議論", ["hotta"]),
    ("3", "IANA 移管・ICANN 説明責任に関する報告", ["okutani*"]),
    ("4", "その他", []),
]

QA_ITEM_1 = [
    ("Q", "12 月のハイレベル会合の文言の修正に、非政府のステークホルダーはどの程度関与していたのか。"),
    (
        "A",
        "準備会合には非政府のステークホルダーは入れなかったが、事前に Web など意見を発表していたため、"
        "政府ステークホルダーはこれらを取り込むように議論を進めることで、非政府ステークホルダーの意見を反映するように努めた。",
    ),
    ("Q", "今回の会合において、「市民社会」の定義はどうなっていたのか？"),
    ("A", "あらためて定義はしておらず、10 年前の WSIS の時と同じ定義を踏襲した。"),
]
QA_ITEM_2_1 = [
    (
        "Q",
        "ゼロレーティング[^1]に対して否定的な規制を採択している国が多いが、ポジティブな反応をしている国はあったのか？",
    ),
    ("A", "ゼロレーティングに対して全体的に慎重な意見が多く、欧州を中心に政府関係者は好意的ではないという印象。"),
]
QA_ITEM_2_2 = [
    (
        "C",
        "CSIRT[^2]に関するベストプラクティスということでは、世界の CSIRT が集まる団体である FIRST[^3]に"
        "セキュリティのベストプラクティスを作ってほしいと、2年ぐらい前に話が来ている。",
    ),
]
FOOTNOTES = [
    (1, "ゼロレーティング", "特定のコンテンツまたはサービスを利用した場合に、データ課金の対象外にすること"),
    (2, "CSIRT", "コンピュータセキュリティインシデントに関する報告を受け取り、調査し、対応活動を行う組織体。"),
    (
        3,
        "FIRST",
        "世界中の CSIRT が相互の情報交換やインシデント対応に関する協力関係を構築する目的で"
        " 1990 年に設立されたフォーラム。",
    ),
]
NEXT = "次回 IGCJ の日程は、通常であれば 3 月だが、3 月は年度末であるため、4 月で検討している。決まり次第連絡する。"


def build_registry(forum: Forum) -> dict[str, Person]:
    people = {}
    for key, org_name, dept, family, given, group in PRESENTERS:
        org, _ = Organization.objects.get_or_create(
            forum=forum,
            name_ja=org_name,
            defaults={"stakeholder_group": StakeholderGroup.objects.get(forum=forum, code=group)},
        )
        person = Person.objects.create(forum=forum, family_name_ja=family, given_name_ja=given)
        Affiliation.objects.create(
            person=person, organization=org, department_ja=dept, start=dt.date(2014, 4, 1), end=dt.date(2017, 3, 31)
        )
        people[key] = person
    # Later affiliations must not leak into a 2016 report.
    moved = Organization.objects.create(
        forum=forum,
        name_ja="後年の所属先",
        stakeholder_group=StakeholderGroup.objects.get(forum=forum, code="academia"),
    )
    Affiliation.objects.create(person=people["takane"], organization=moved, start=dt.date(2017, 4, 1))
    return people


def build_meeting_11(forum: Forum, actor: Any = None) -> Meeting:
    people = build_registry(forum)
    series = MeetingSeries.objects.create(
        forum=forum, slug="igcj", name_ja="日本インターネットガバナンス会議", name_en="IGCJ", timezone="Asia/Tokyo"
    )
    meeting = create_meeting(
        series,
        number=11,
        start=dt.datetime(2016, 1, 28, 18, 1),
        end=dt.datetime(2016, 1, 28, 20, 9),
        venue_ja="JPNIC 会議室",
        web_url="http://igcj.jp/meetings/2016/0128/",
        hybrid=True,
        actor=actor,
    )
    items: dict[str, Any] = {}
    for number, title, presenters in AGENDA:
        parent = items.get(number.rsplit(".", 1)[0]) if "." in number else None
        item = agenda.add_item(meeting, parent=parent, title_ja=title)
        items[number] = item
        for position, key in enumerate(presenters):
            # "JPNIC 奥谷 泉" the second time: the report abbreviates; typed for the record.
            override = "JPNIC" if key.endswith("*") else ""
            Presenter.objects.create(
                item=item, person=people[key.rstrip("*")], position=position, affiliation_ja=override
            )
    items["2.4"].outcome = ItemOutcome.CANCELLED
    items["2.4"].outcome_note_ja = "発表者が体調不良のため、発表は取り止めとなった。"
    items["2.4"].save()
    for number, entries in (("1", QA_ITEM_1), ("2.1", QA_ITEM_2_1), ("2.2", QA_ITEM_2_2)):
        for position, (kind, text) in enumerate(entries):
            Intervention.objects.create(item=items[number], position=position, kind=kind, text_ja=text)
    for mark, term, text in FOOTNOTES:
        Footnote.objects.create(meeting=meeting, mark=mark, term=term, text_ja=text)
    meeting.next_meeting_note_ja = NEXT
    meeting.save()

    change_status(meeting, "announced")
    group = StakeholderGroup.objects.get(forum=forum, code="technical-community")
    now = dt.datetime(2016, 1, 20, tzinfo=dt.UTC)
    for i in range(28):
        reg = registration.register(
            meeting,
            name=f"参加者{i}",
            email=f"p{i}@example.jp",
            mode=AttendanceMode.ONSITE,
            stakeholder_group=group,
            now=now,
        )
        registration.check_in(reg)
    registration.register(
        meeting, name="欠席者", email="absent@example.jp", mode=AttendanceMode.ONSITE, stakeholder_group=group, now=now
    )  # registered, never came: not counted
    for i in range(3):
        registration.register(
            meeting,
            name=f"遠隔{i}",
            email=f"r{i}@example.jp",
            mode=AttendanceMode.REMOTE,
            stakeholder_group=group,
            now=now,
        )
    change_status(meeting, "held")
    meeting.refresh_from_db()
    return meeting
