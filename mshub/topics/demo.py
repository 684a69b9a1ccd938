"""The demo's tags: every registered kind of record (meetings, agenda items, Q/A/C entries,
international events, consultations) put under the topics its words name, in each demo forum.

Topics import none of the areas above them: the records are read through the registry
(``registry.py``), and their Japanese and English text matched against the cues below (a
hand-made list for the demo only; suggestions for real use are a separate feature, reviewed by a
person). Runs after the areas' own demo steps; a second run adds nothing.
"""

from __future__ import annotations

from typing import Any

from mshub.topics import registry, services
from mshub.topics.models import Topic

# topic code: words that put a record under it (matched case-insensitively, ja and en)
CUES: dict[str, tuple[str, ...]] = {
    "dns": ("dns", "domain name", "ドメイン", "icann", "gtld", "cctld", "whois", "rdap"),
    "ip-addresses": ("ip address", "ipアドレス", "アドレス資源", "apnic", "rir ", "jpnic"),
    "iana": ("iana", "stewardship", "監督権限"),
    "ipv6": ("ipv6",),
    "ixp": ("ixp", "peering", "相互接続"),
    "cybersecurity": ("cybersecurity", "cyber security", "サイバーセキュリティ", "security", "セキュリティ"),
    "cybercrime": ("cybercrime", "サイバー犯罪", "budapest"),
    "cyber-norms": ("norms", "oewg", "gge", "規範"),
    "csirt": ("csirt", "cert", "インシデント対応"),
    "iot-security": ("iot",),
    "e-commerce": ("e-commerce", "電子商取引"),
    "digital-trade": ("digital trade", "デジタル貿易", "wto", "data free flow", "dfft", "信頼性のある自由なデータ流通"),
    "zero-rating": ("zero rating", "zero-rating", "ゼロレーティング"),
    "net-neutrality": ("net neutrality", "ネットワーク中立性", "ネット中立性"),
    "privacy": ("privacy", "プライバシー", "data protection", "個人情報", "gdpr"),
    "freedom-of-expression": ("freedom of expression", "表現の自由", "censorship", "検閲"),
    "access": ("access", "connectivity", "アクセス", "デジタル・デバイド", "digital divide", "meaningful connectivity"),
    "jurisdiction": ("jurisdiction", "管轄"),
    "cross-border-data-access": ("cross-border", "越境", "e-evidence", "電子証拠"),
    "intellectual-property": ("copyright", "著作権", "intellectual property", "知的財産"),
    "multilingualism": ("multilingual", "多言語", "idn", "universal acceptance", "国際化ドメイン"),
    "content": ("content", "コンテンツ", "disinformation", "偽情報", "platform", "プラットフォーム"),
    "igf": ("igf", "インターネット・ガバナンス・フォーラム", "internet governance forum"),
    "wsis": ("wsis", "世界情報社会サミット", "world summit on the information society"),
    "enhanced-cooperation": ("enhanced cooperation", "強化された協力"),
    "multistakeholder": (
        "multistakeholder",
        "multi-stakeholder",
        "マルチステークホルダー",
        "netmundial",
        "global digital compact",
        "gdc",
    ),
}

TEXT_FIELDS = ("title_ja", "title_en", "name_ja", "name_en", "summary_ja", "summary_en", "text_ja", "text_en")
# records whose parts tell what they are about (a meeting: its agenda's titles), read by name only
PARTS = ("agenda_items",)


def text_of(obj: Any) -> str:
    texts = [str(getattr(obj, name, "") or "") for name in TEXT_FIELDS]
    for relation in PARTS:
        manager = getattr(obj, relation, None)
        if manager is not None and hasattr(manager, "all"):
            texts += [text_of(part) for part in manager.all()]
    return " ".join(texts).lower()


def topics_for(text: str, topics: dict[str, Topic]) -> list[Topic]:
    return [topics[code] for code, cues in CUES.items() if code in topics and any(cue in text for cue in cues)]


def tag_demo_records(demo: Any) -> int:
    """Tag the forum's records of every registered kind by their words; returns how many tags were made."""
    forum = demo.forum
    topics = {t.code: t for t in Topic.objects.of(forum).active()}
    made = 0
    for entry in registry.taggables():
        for obj in entry.records(forum):
            chosen = topics_for(text_of(obj), topics)
            if chosen:
                made += len(services.tag(forum, obj, chosen, demo.secretariat))
    return made
