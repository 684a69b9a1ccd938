"""The bodies and kinds of event an installation starts with (editable afterwards; codes are the stable keys).

The migration ``0002_seed_bodies_and_kinds`` puts them in an existing installation; a new forum puts
them in an installation that has none (``Area.on_forum_create``: a database emptied by a test flush,
or one made without migrations).
"""

from __future__ import annotations

from typing import Any

# (code, Japanese, English, abbreviation, web site)
BODIES = [
    (
        "igf",
        "インターネット・ガバナンス・フォーラム",
        "Internet Governance Forum",
        "IGF",
        "https://www.intgovforum.org/",
    ),
    ("icann", "ICANN", "Internet Corporation for Assigned Names and Numbers", "ICANN", "https://www.icann.org/"),
    ("itu", "国際電気通信連合", "International Telecommunication Union", "ITU", "https://www.itu.int/"),
    ("un-ga", "国連総会", "United Nations General Assembly", "UNGA", "https://www.un.org/en/ga/"),
    (
        "un-gge",
        "国連政府専門家会合(GGE)",
        "UN Group of Governmental Experts (ICT and international security)",
        "GGE",
        "https://disarmament.unoda.org/ict-security/",
    ),
    (
        "un-oewg",
        "国連オープンエンド作業部会(OEWG)",
        "UN Open-Ended Working Group (ICT security)",
        "OEWG",
        "https://disarmament.unoda.org/open-ended-working-group/",
    ),
    (
        "wsis",
        "世界情報社会サミット(WSIS)",
        "World Summit on the Information Society",
        "WSIS",
        "https://www.itu.int/net/wsis/",
    ),
    (
        "aprigf",
        "アジア太平洋地域IGF",
        "Asia Pacific Regional Internet Governance Forum",
        "APrIGF",
        "https://aprigf.asia/",
    ),
    (
        "apricot",
        "APRICOT",
        "Asia Pacific Regional Internet Conference on Operational Technologies",
        "APRICOT",
        "https://www.apricot.net/",
    ),
    ("apnic", "APNIC", "Asia Pacific Network Information Centre", "APNIC", "https://www.apnic.net/"),
    (
        "wic",
        "世界インターネット大会(烏鎮)",
        "World Internet Conference (Wuzhen)",
        "WIC",
        "https://www.wicinternet.org/",
    ),
    ("netmundial", "NETmundial", "NETmundial", "NETmundial", "https://netmundial.br/"),
    ("unesco", "ユネスコ", "UNESCO", "UNESCO", "https://www.unesco.org/"),
    (
        "oecd",
        "経済協力開発機構",
        "Organisation for Economic Co-operation and Development",
        "OECD",
        "https://www.oecd.org/",
    ),
    (
        "ntia",
        "米国商務省電気通信情報局",
        "US National Telecommunications and Information Administration",
        "NTIA",
        "https://www.ntia.gov/",
    ),
    ("mic", "総務省", "Ministry of Internal Affairs and Communications (Japan)", "MIC", "https://www.soumu.go.jp/"),
]

# (code, Japanese, English)
KINDS = [
    ("meeting", "会合", "Meeting"),
    ("summit", "サミット・首脳級会合", "Summit"),
    ("workshop", "ワークショップ", "Workshop"),
    ("deadline", "期限", "Deadline"),
    ("milestone", "節目", "Milestone"),
]


def seed(body_model: Any, kind_model: Any) -> None:
    """Fill an empty list of bodies, and one of kinds (the models as given: a migration passes its own)."""
    if not body_model.objects.exists():
        body_model.objects.bulk_create(
            body_model(code=code, name_ja=ja, name_en=en, short_name=short, website=website, order=order)
            for order, (code, ja, en, short, website) in enumerate(BODIES, start=1)
        )
    if not kind_model.objects.exists():
        kind_model.objects.bulk_create(
            kind_model(code=code, name_ja=ja, name_en=en, order=order)
            for order, (code, ja, en) in enumerate(KINDS, start=1)
        )
