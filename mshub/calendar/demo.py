"""The demo's international calendar: the events of the sample talk (2015) and trend briefing (2016),
and a few with dates relative to the day the demo is loaded (named as demo dates), shared by both
demo forums; each forum's presence rows and a report-back.

Events are shared facts: they are made once (the first forum's step) under stable UIDs, and a second
run, or a ``--reset`` (which removes the forums, not the installation's calendar), finds them there.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from mshub.calendar.models import Body, EventKind, ExternalEvent, Presence, PresenceRole
from mshub.calendar.services import add_presence, add_report_back, create_event
from mshub.core.timezones import make_aware_in
from mshub.people.models import Person

D = dt.date
# key: (ja, en, body, kind, dates, city ja, city en, country, zone, url, parent key)
# dates: (first, last) days; ("month", year, month); ("tbd", year or None)
SAMPLE_EVENTS: list[tuple[str, str, str, str, str, Any, str, str, str, str, str, str]] = [
    (
        "iana-announcement",
        "米国「IANA機能」監督権移譲を表明",
        "US announces the IANA stewardship transition",
        "ntia",
        "milestone",
        (D(2014, 3, 14), D(2014, 3, 14)),
        "ワシントンD.C.",
        "Washington, D.C.",
        "US",
        "America/New_York",
        "https://www.ntia.gov/",
        "",
    ),
    (
        "netmundial-2014",
        "NETmundial会議",
        "NETmundial",
        "netmundial",
        "summit",
        (D(2014, 4, 23), D(2014, 4, 24)),
        "サンパウロ",
        "São Paulo",
        "BR",
        "America/Sao_Paulo",
        "https://netmundial.br/",
        "",
    ),
    (
        "wsis10-hle",
        "WSIS+10 ハイレベル・イベント",
        "WSIS+10 High-Level Event",
        "wsis",
        "meeting",
        (D(2014, 6, 10), D(2014, 6, 13)),
        "ジュネーブ",
        "Geneva",
        "CH",
        "Europe/Zurich",
        "https://www.itu.int/net/wsis/",
        "",
    ),
    (
        "aprigf-2014",
        "APrIGF 2014",
        "APrIGF 2014",
        "aprigf",
        "meeting",
        (D(2014, 8, 3), D(2014, 8, 5)),
        "ニューデリー",
        "New Delhi",
        "IN",
        "Asia/Kolkata",
        "https://aprigf.asia/",
        "",
    ),
    (
        "igf-2014",
        "IGF 2014 (第9回)",
        "IGF 2014 (9th IGF)",
        "igf",
        "meeting",
        (D(2014, 9, 2), D(2014, 9, 5)),
        "イスタンブール",
        "Istanbul",
        "TR",
        "Europe/Istanbul",
        "https://www.intgovforum.org/",
        "",
    ),
    (
        "itu-pp14",
        "ITU全権委員会議 (PP-14)",
        "ITU Plenipotentiary Conference (PP-14)",
        "itu",
        "summit",
        (D(2014, 10, 20), D(2014, 11, 7)),
        "釜山",
        "Busan",
        "KR",
        "Asia/Seoul",
        "https://www.itu.int/",
        "",
    ),
    (
        "wic-2014",
        "第1回 世界インターネット大会 烏鎮サミット",
        "1st World Internet Conference, Wuzhen Summit",
        "wic",
        "summit",
        (D(2014, 11, 19), D(2014, 11, 21)),
        "烏鎮",
        "Wuzhen",
        "CN",
        "Asia/Shanghai",
        "https://www.wicinternet.org/",
        "",
    ),
    (
        "wic-2014-day1",
        "1日目: New Internet Media、開会式、Information Economy Forum ほか",
        "Day 1: New Internet Media, Opening Ceremony, Information Economy Forum …",
        "wic",
        "meeting",
        (D(2014, 11, 19), D(2014, 11, 19)),
        "烏鎮",
        "Wuzhen",
        "CN",
        "Asia/Shanghai",
        "",
        "wic-2014",
    ),
    (
        "wic-2014-day2",
        "2日目: Cross-border E-commerce、Security and Cooperation in Cyberspace ほか",
        "Day 2: Cross-border E-commerce, Security and Cooperation in Cyberspace …",
        "wic",
        "meeting",
        (D(2014, 11, 20), D(2014, 11, 20)),
        "烏鎮",
        "Wuzhen",
        "CN",
        "Asia/Shanghai",
        "",
        "wic-2014",
    ),
    (
        "wic-2014-day3",
        "3日目: 非公開会合、Global Internet Governance Forum、閉会式",
        "Day 3: Closed Door Session, Global Internet Governance Forum, Closing Ceremony",
        "wic",
        "meeting",
        (D(2014, 11, 21), D(2014, 11, 21)),
        "烏鎮",
        "Wuzhen",
        "CN",
        "Asia/Shanghai",
        "",
        "wic-2014",
    ),
    (
        "cyberspace-summit-2014",
        "サイバースペース協力サミット",
        "Cyberspace Cooperation Summit",
        "",
        "summit",
        ("month", 2014, 12),
        "ベルリン",
        "Berlin",
        "DE",
        "Europe/Berlin",
        "",
        "",
    ),
    (
        "icann52",
        "ICANN52",
        "ICANN52",
        "icann",
        "meeting",
        (D(2015, 2, 8), D(2015, 2, 12)),
        "シンガポール",
        "Singapore",
        "SG",
        "Asia/Singapore",
        "https://www.icann.org/",
        "",
    ),
    (
        "unesco-dots",
        "UNESCO「Connecting the Dots」",
        "UNESCO “Connecting the Dots”",
        "unesco",
        "meeting",
        (D(2015, 3, 3), D(2015, 3, 4)),
        "パリ",
        "Paris",
        "FR",
        "Europe/Paris",
        "https://www.unesco.org/",
        "",
    ),
    (
        "gccs-2015",
        "サイバー空間に関する国際会議 2015",
        "Global Conference on CyberSpace 2015",
        "",
        "summit",
        (D(2015, 4, 16), D(2015, 4, 17)),
        "ハーグ",
        "The Hague",
        "NL",
        "Europe/Amsterdam",
        "",
        "",
    ),
    (
        "wsis-forum-2015",
        "WSISフォーラム 2015",
        "WSIS Forum 2015",
        "wsis",
        "meeting",
        (D(2015, 5, 25), D(2015, 5, 29)),
        "ジュネーブ",
        "Geneva",
        "CH",
        "Europe/Zurich",
        "https://www.itu.int/net/wsis/",
        "",
    ),
    (
        "netmundial-initiative",
        "NETmundial Initiative",
        "NETmundial Initiative",
        "netmundial",
        "meeting",
        ("tbd", 2015),
        "",
        "",
        "",
        "UTC",
        "",
        "",
    ),
    (
        "icann53",
        "ICANN53",
        "ICANN53",
        "icann",
        "meeting",
        (D(2015, 6, 21), D(2015, 6, 25)),
        "ブエノスアイレス",
        "Buenos Aires",
        "AR",
        "America/Argentina/Buenos_Aires",
        "https://www.icann.org/",
        "",
    ),
    (
        "iana-deadline",
        "IANA監督権移管の期限",
        "IANA stewardship transition deadline",
        "ntia",
        "deadline",
        ("month", 2015, 9),
        "",
        "",
        "",
        "America/New_York",
        "https://www.ntia.gov/",
        "",
    ),
    (
        "icann54",
        "ICANN54",
        "ICANN54",
        "icann",
        "meeting",
        (D(2015, 10, 18), D(2015, 10, 22)),
        "ダブリン",
        "Dublin",
        "IE",
        "Europe/Dublin",
        "https://www.icann.org/",
        "",
    ),
    (
        "cyber3-2015",
        "CYBER3 Conference",
        "CYBER3 Conference",
        "",
        "meeting",
        (D(2015, 11, 7), D(2015, 11, 8)),
        "沖縄",
        "Okinawa",
        "JP",
        "Asia/Tokyo",
        "",
        "",
    ),
    (
        "igf-2015",
        "IGF 2015 (第10回)",
        "IGF 2015 (10th IGF)",
        "igf",
        "meeting",
        (D(2015, 11, 10), D(2015, 11, 13)),
        "ジョアンペソア",
        "João Pessoa",
        "BR",
        "America/Fortaleza",
        "https://www.intgovforum.org/",
        "",
    ),
    (
        "wic-2015",
        "第2回 世界インターネット大会",
        "2nd World Internet Conference",
        "wic",
        "summit",
        (D(2015, 12, 16), D(2015, 12, 18)),
        "烏鎮",
        "Wuzhen",
        "CN",
        "Asia/Shanghai",
        "https://www.wicinternet.org/",
        "",
    ),
    (
        "wsis10-review",
        "国連総会 WSIS+10 レビュー(IGFの延長などを審議・決定)",
        "UN General Assembly WSIS+10 review (the IGF's mandate)",
        "un-ga",
        "meeting",
        ("month", 2015, 12),
        "ニューヨーク",
        "New York",
        "US",
        "America/New_York",
        "https://www.un.org/en/ga/",
        "",
    ),
    (
        "un-gge-2016",
        "国連政府専門家会合(GGE)",
        "UN Group of Governmental Experts (GGE)",
        "un-gge",
        "meeting",
        (D(2016, 8, 28), D(2016, 9, 2)),
        "ニューヨーク",
        "New York",
        "US",
        "America/New_York",
        "https://disarmament.unoda.org/ict-security/",
        "",
    ),
    (
        "itu-cwg-internet",
        "ITU CWG-Internet 第3回オープン協議",
        "ITU CWG-Internet, 3rd open consultation meeting",
        "itu",
        "meeting",
        (D(2016, 10, 11), D(2016, 10, 11)),
        "ジュネーブ",
        "Geneva",
        "CH",
        "Europe/Zurich",
        "https://www.itu.int/en/council/cwg-internet/",
        "",
    ),
    (
        "itu-cwg-wsis-29",
        "ITU CWG-WSIS 第29回会合",
        "ITU CWG-WSIS, 29th meeting",
        "itu",
        "meeting",
        (D(2016, 10, 12), D(2016, 10, 13)),
        "ジュネーブ",
        "Geneva",
        "CH",
        "Europe/Zurich",
        "https://www.itu.int/",
        "",
    ),
    (
        "wtsa-16",
        "WTSA-16",
        "WTSA-16",
        "itu",
        "meeting",
        (D(2016, 10, 25), D(2016, 11, 3)),
        "ハマメット",
        "Hammamet",
        "TN",
        "Africa/Tunis",
        "http://www.itu.int/en/ITU-T/wtsa16/Pages/default.aspx",
        "",
    ),
    (
        "insig-2016",
        "India School of Internet Governance (inSIG)",
        "India School of Internet Governance (inSIG)",
        "",
        "workshop",
        (D(2016, 10, 31), D(2016, 11, 2)),
        "ハイデラバード",
        "Hyderabad",
        "IN",
        "Asia/Kolkata",
        "http://isig.in/",
        "",
    ),
    (
        "ccwg-acct-2016",
        "ICANN説明責任強化 CCWG-ACCT会議",
        "ICANN CCWG-Accountability meeting",
        "icann",
        "meeting",
        (D(2016, 11, 2), D(2016, 11, 2)),
        "ハイデラバード",
        "Hyderabad",
        "IN",
        "Asia/Kolkata",
        "https://community.icann.org/",
        "",
    ),
    (
        "icann57",
        "ICANN57",
        "ICANN57",
        "icann",
        "meeting",
        (D(2016, 11, 3), D(2016, 11, 9)),
        "ハイデラバード",
        "Hyderabad",
        "IN",
        "Asia/Kolkata",
        "https://meetings.icann.org/en/hyderabad57",
        "",
    ),
    (
        "wic-2016",
        "第3回 世界インターネット大会 烏鎮サミット",
        "3rd World Internet Conference, Wuzhen Summit",
        "wic",
        "summit",
        (D(2016, 11, 16), D(2016, 11, 18)),
        "烏鎮",
        "Wuzhen",
        "CN",
        "Asia/Shanghai",
        "http://www.wuzhenwic.org/",
        "",
    ),
    (
        "igf-2016",
        "IGF 2016 (第11回)",
        "IGF 2016 (11th IGF)",
        "igf",
        "meeting",
        (D(2016, 12, 5), D(2016, 12, 9)),
        "グアダラハラ",
        "Guadalajara",
        "MX",
        "America/Mexico_City",
        "http://www.intgovforum.org/multilingual/",
        "",
    ),
    (
        "igf-2016-day0",
        "IGF 2016 Day 0",
        "IGF 2016 Day 0",
        "igf",
        "meeting",
        (D(2016, 12, 5), D(2016, 12, 5)),
        "グアダラハラ",
        "Guadalajara",
        "MX",
        "America/Mexico_City",
        "",
        "igf-2016",
    ),
    (
        "igf-2016-main",
        "IGF 2016 本会議",
        "IGF 2016 main sessions",
        "igf",
        "meeting",
        (D(2016, 12, 6), D(2016, 12, 9)),
        "グアダラハラ",
        "Guadalajara",
        "MX",
        "America/Mexico_City",
        "",
        "igf-2016",
    ),
]

DEMO_NOTE_JA = "デモ用の日程(デモを読み込んだ日からの相対日付)です。"
DEMO_NOTE_EN = "Demo dates, relative to the day the demo was loaded."


def relative_events(today: dt.date) -> list[tuple[str, dict[str, Any]]]:
    """A few events around ``today`` so that the lists always have something coming up."""
    day = lambda n: today + dt.timedelta(days=n)  # noqa: E731
    session = make_aware_in(dt.datetime.combine(day(20), dt.time(10, 0)), "America/New_York")
    return [
        (
            "annual-igf",
            {
                "name_ja": "IGF 年次会合(デモ日程)",
                "name_en": "Annual IGF (demo dates)",
                "body": "igf",
                "kind": "meeting",
                "precision": "days",
                "start_date": day(-33),
                "end_date": day(-29),
                "mode": "hybrid",
            },
        ),
        (
            "igf-proposals-due",
            {
                "name_ja": "IGF ワークショップ提案の締切(デモ日程)",
                "name_en": "IGF workshop proposals due (demo date)",
                "body": "igf",
                "kind": "deadline",
                "precision": "days",
                "start_date": day(10),
                "mode": "online",
            },
        ),
        (
            "oewg-session",
            {
                "name_ja": "国連OEWG 会合(デモ日程)",
                "name_en": "UN OEWG session (demo dates)",
                "body": "un-oewg",
                "kind": "meeting",
                "precision": "timed",
                "timezone": "America/New_York",
                "start": session,
                "end": session + dt.timedelta(hours=3),
                "city_ja": "ニューヨーク",
                "city_en": "New York",
                "country": "US",
                "mode": "hybrid",
            },
        ),
        (
            "apricot",
            {
                "name_ja": "APRICOT(デモ日程)",
                "name_en": "APRICOT (demo dates)",
                "body": "apricot",
                "kind": "meeting",
                "precision": "days",
                "start_date": day(60),
                "end_date": day(66),
            },
        ),
        (
            "wsis-forum",
            {
                "name_ja": "WSISフォーラム(デモ日程)",
                "name_en": "WSIS Forum (demo dates)",
                "body": "wsis",
                "kind": "meeting",
                "precision": "days",
                "start_date": day(198),
                "end_date": day(202),
                "city_ja": "ジュネーブ",
                "city_en": "Geneva",
                "country": "CH",
                "timezone": "Europe/Zurich",
            },
        ),
        (
            "next-igf",
            {
                "name_ja": "次回 IGF 年次会合(日程未定)",
                "name_en": "Next annual IGF (dates to be decided)",
                "body": "igf",
                "kind": "meeting",
                "precision": "tbd",
                "year": today.year + 1,
            },
        ),
    ]


def _sample_fields(row: tuple[Any, ...]) -> dict[str, Any]:
    _key, ja, en, body, kind, dates, city_ja, city_en, country, zone, url, _parent = row
    fields: dict[str, Any] = {
        "name_ja": ja,
        "name_en": en,
        "body": body,
        "kind": kind,
        "city_ja": city_ja,
        "city_en": city_en,
        "country": country,
        "timezone": zone,
        "url": url,
    }
    if dates[0] == "month":
        fields.update(precision="month", year=dates[1], month=dates[2])
    elif dates[0] == "tbd":
        fields.update(precision="tbd", year=dates[1])
    else:
        fields.update(precision="days", start_date=dates[0], end_date=dates[1])
    return fields


def build_events() -> dict[str, ExternalEvent]:
    """The demo's shared events by key, made if missing (``demo-<key>@mshub`` UIDs), through no forum:
    they are the installation's, and no forum's activity log shows them as its own work."""
    bodies = {b.code: b for b in Body.objects.all()}
    kinds = {k.code: k for k in EventKind.objects.all()}
    existing = {e.uid: e for e in ExternalEvent.objects.filter(uid__startswith="demo-")}
    events: dict[str, ExternalEvent] = {}
    relative = relative_events(timezone.localdate())
    rows = [(row[0], _sample_fields(row), row[11]) for row in SAMPLE_EVENTS]
    rows += [
        (key, {**fields, "description_ja": DEMO_NOTE_JA, "description_en": DEMO_NOTE_EN}, "")
        for key, fields in relative
    ]
    for key, fields, parent in rows:
        uid = f"demo-{key}@mshub"
        if uid in existing:
            events[key] = existing[uid]
            continue
        fields = {**fields, "body": bodies.get(fields.get("body", "")), "kind": kinds.get(fields.get("kind", ""))}
        if parent:
            fields["parent"] = events[parent]
        events[key] = create_event(None, message="demo", uid=uid, **fields)
    return events


# (event key, index of a person in the forum's registry, role)
MAIN_PRESENCE = [
    ("netmundial-2014", 3, PresenceRole.OBSERVER),
    ("igf-2014", 0, PresenceRole.SPEAKER),
    ("igf-2014", 5, PresenceRole.DELEGATE),
    ("igf-2014", 9, PresenceRole.REMOTE),
    ("wic-2014", 12, PresenceRole.OBSERVER),
    ("wic-2014", 13, PresenceRole.OBSERVER),
    ("icann52", 2, PresenceRole.DELEGATE),
    ("icann54", 2, PresenceRole.PANELLIST),
    ("igf-2015", 0, PresenceRole.PANELLIST),
    ("igf-2015", 1, PresenceRole.SPEAKER),
    ("igf-2015", 4, PresenceRole.DELEGATE),
    ("igf-2015", 7, PresenceRole.DELEGATE),
    ("igf-2015", 10, PresenceRole.REMOTE),
    ("igf-2016", 1, PresenceRole.SPEAKER),
    ("igf-2016", 6, PresenceRole.DELEGATE),
    ("annual-igf", 0, PresenceRole.SPEAKER),
    ("annual-igf", 3, PresenceRole.PANELLIST),
    ("annual-igf", 8, PresenceRole.DELEGATE),
]
TASKFORCE_PRESENCE = [("igf-2015", 0, PresenceRole.DELEGATE), ("wsis-forum-2015", 1, PresenceRole.SPEAKER)]


def build_calendar(demo: Any) -> None:
    """The calendar's demo step: the shared events (once), then this forum's presence and report-back."""
    events = build_events()
    if Presence.objects.filter(forum=demo.forum).exists():
        return
    people = list(Person.objects.filter(forum=demo.forum).order_by("pk"))
    table = MAIN_PRESENCE if demo.is_main else TASKFORCE_PRESENCE
    for key, index, role in table:
        if index < len(people):
            add_presence(demo.forum, events[key], people[index], demo.secretariat, role=role)
    if demo.is_main:
        from mshub.meetings.models import Meeting

        report_back = Meeting.objects.filter(forum=demo.forum, title_en="Report-back on the annual IGF").first()
        if report_back is not None:
            add_report_back(demo.forum, events["annual-igf"], demo.secretariat, meeting=report_back)
