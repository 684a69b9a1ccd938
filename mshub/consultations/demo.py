"""The demo's consultations: the two of the sample trend briefing (2016, with their deadlines and
questions) and two relative to the day the demo is loaded (one open, one upcoming), shared by both
demo forums under stable UIDs; each forum's responses.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from mshub.calendar.models import Body
from mshub.consultations.models import Consultation, ConsultationResponse
from mshub.consultations.services import create_consultation, response_of, save_response
from mshub.core.timezones import make_aware_in
from mshub.people.models import Person


def _at(day: dt.date, hour: int, minute: int, zone: str) -> dt.datetime:
    return make_aware_in(dt.datetime.combine(day, dt.time(hour, minute)), zone)


def sample_consultations(today: dt.date) -> list[tuple[str, dict[str, Any]]]:
    day = lambda n: today + dt.timedelta(days=n)  # noqa: E731
    return [
        (
            "cstd-wgec-2016",
            {
                "body": "cstd",
                "title_ja": "CSTD 強化された協力に関する作業部会(WGEC)意見募集",
                "title_en": "CSTD Working Group on Enhanced Cooperation: call for inputs",
                "summary_en": "The WGEC asks for written inputs on enhanced cooperation (Tunis Agenda, §69-71).",
                "url": "http://unctad.org/en/pages/newsdetails.aspx?OriginalVersionID=1351",
                "timezone": "Europe/Zurich",
                "opens": _at(dt.date(2016, 9, 30), 0, 0, "Europe/Zurich"),
                "closes": _at(dt.date(2016, 12, 7), 23, 59, "Europe/Zurich"),
                "report_url": "https://unctad.org/topic/commission-on-science-and-technology-for-development",
                "questions": [
                    ("", "What are the high level characteristics of enhanced cooperation?"),
                    (
                        "",
                        "Taking into consideration the work of the previous WGEC and the Tunis Agenda, particularly "
                        "paragraphs 69-71, what kind of recommendations should we consider?",
                    ),
                ],
            },
        ),
        (
            "itu-cwg-internet-2017",
            {
                "body": "itu",
                "title_ja": "ITU 理事会 CWG-Internet 公開協議",
                "title_en": "ITU Council CWG-Internet open consultation",
                "url": "http://www.itu.int/en/council/cwg-internet/Pages/default.aspx",
                "timezone": "Europe/Zurich",
                "opens": _at(dt.date(2016, 10, 11), 0, 0, "Europe/Zurich"),
                "closes": _at(dt.date(2017, 1, 4), 23, 59, "Europe/Zurich"),
                "report_expected": False,
                "questions": [
                    (
                        "",
                        "What are the developmental aspects of the Internet (for example, economic, social, "
                        "regulatory and technical aspects), especially for developing countries?",
                    ),
                    (
                        "",
                        "How can governments and other stakeholders promote the developmental aspects of the Internet?",
                    ),
                    ("", "What are the challenges and opportunities?"),
                ],
                "documents": [("CWG-Internet", "http://www.itu.int/en/council/cwg-internet/Pages/default.aspx")],
            },
        ),
        (
            "icann-open",
            {
                "body": "icann",
                "title_ja": "ICANN パブリックコメント(デモ日程)",
                "title_en": "ICANN public comment (demo dates)",
                "summary_ja": "デモ用の日程(デモを読み込んだ日からの相対日付)です。",
                "summary_en": "Demo dates, relative to the day the demo was loaded.",
                "url": "https://www.icann.org/en/public-comment",
                "timezone": "UTC",
                "opens": _at(day(-20), 0, 0, "UTC"),
                "closes": _at(day(10), 23, 59, "UTC"),
                "questions": [("論点1", "Issue 1"), ("論点2", "Issue 2")],
            },
        ),
        (
            "mic-upcoming",
            {
                "body": "mic",
                "title_ja": "総務省 意見募集(デモ日程)",
                "title_en": "MIC call for comments (demo dates)",
                "summary_ja": "デモ用の日程(デモを読み込んだ日からの相対日付)です。",
                "summary_en": "Demo dates, relative to the day the demo was loaded.",
                "url": "https://www.soumu.go.jp/",
                "timezone": "Asia/Tokyo",
                "opens": _at(day(5), 9, 0, "Asia/Tokyo"),
                "closes": _at(day(35), 17, 0, "Asia/Tokyo"),
            },
        ),
    ]


def build_shared() -> dict[str, Consultation]:
    Body.objects.get_or_create(
        code="cstd",
        defaults={
            "name_ja": "国連 科学技術開発委員会",
            "name_en": "UN Commission on Science and Technology for Development",
            "short_name": "CSTD",
            "website": "https://unctad.org/topic/commission-on-science-and-technology-for-development",
        },
    )
    bodies = {b.code: b for b in Body.objects.all()}
    existing = {c.uid: c for c in Consultation.objects.filter(uid__startswith="demo-")}
    made: dict[str, Consultation] = {}
    for key, fields in sample_consultations(timezone.localdate()):
        uid = f"demo-{key}@mshub"
        if uid in existing:
            made[key] = existing[uid]
            continue
        made[key] = create_consultation(None, message="demo", uid=uid, **{**fields, "body": bodies.get(fields["body"])})
    return made


def build_consultations(demo: Any) -> None:
    """The shared consultations (once), then this forum's responses."""
    made = build_shared()
    if ConsultationResponse.objects.filter(forum=demo.forum).exists():
        return
    people = list(Person.objects.filter(forum=demo.forum).order_by("pk")[:2])
    if not people:
        return
    plan = [("icann-open", "respond", people[0]), ("cstd-wgec-2016", "respond", people[-1])]
    if demo.is_main:
        plan.append(("itu-cwg-internet-2017", "not_respond", people[-1]))
    for key, decision, person in plan:
        response = response_of(demo.forum, made[key])
        response.person_in_charge = person
        response.decision = decision
        if key == "cstd-wgec-2016":
            response.submitted_at = made[key].closes - dt.timedelta(days=1)
            response.proof_url = "https://unctad.org/"
        save_response(response, None, demo.secretariat)
