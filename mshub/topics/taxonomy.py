"""The taxonomy a new forum starts with: Internet-governance topics, two levels, ja/en (editable afterwards).

Each entry is ``(code, Japanese, English, Japanese synonyms, English synonyms)``; a parent lists its
children. ``seed_topics`` is also what the data migration ``0002_seed_topics`` runs for the forums
that existed before topics did, with the historical model.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Seed(NamedTuple):
    code: str
    ja: str
    en: str
    synonyms_ja: tuple[str, ...] = ()
    synonyms_en: tuple[str, ...] = ()
    children: tuple[Seed, ...] = ()


TAXONOMY: tuple[Seed, ...] = (
    Seed(
        "infrastructure",
        "インフラ・重要資源",
        "Infrastructure and critical resources",
        ("インターネット資源", "インフラストラクチャ"),
        ("critical Internet resources", "infrastructure"),
        (
            Seed(
                "dns",
                "DNS",
                "DNS",
                ("ドメインネーム", "ドメイン名", "ネームサーバ", "DNSSEC", "gTLD", "WHOIS", "KSK", "ルートサーバ"),
                ("domain names", "Domain Name System", "DNSSEC", "gTLD", "WHOIS", "KSK", "root servers"),
            ),
            Seed(
                "ip-addresses",
                "IPアドレス",
                "IP addresses",
                ("アドレス資源", "IPv4"),
                ("address space", "number resources"),
            ),
            Seed(
                "iana",
                "IANA機能",
                "IANA functions",
                ("IANA監督権限移管", "IANA移管"),
                ("IANA stewardship transition", "PTI"),
            ),
            Seed("ipv6", "IPv6", "IPv6", ("IPv6移行", "IPv6普及"), ("IPv6 deployment", "IPv6 adoption")),
            Seed(
                "ixp",
                "IXP",
                "IXPs",
                ("インターネットエクスチェンジ", "相互接続点"),
                ("Internet exchange points", "peering"),
            ),
        ),
    ),
    Seed(
        "security",
        "セキュリティ",
        "Security",
        ("安全保障",),
        ("cyber security and safety",),
        (
            Seed(
                "cybersecurity",
                "サイバーセキュリティ",
                "Cybersecurity",
                ("情報セキュリティ",),
                ("information security", "cyber security"),
            ),
            Seed(
                "cybercrime",
                "サイバー犯罪",
                "Cybercrime",
                ("ネット犯罪", "ブダペスト条約", "ランサムウェア", "フィッシング"),
                ("online crime", "Budapest Convention", "ransomware", "phishing"),
            ),
            Seed(
                "cyber-norms",
                "国際サイバー規範",
                "International cyber norms",
                ("サイバー空間の規範", "国連GGE", "OEWG"),
                ("norms of responsible state behaviour", "UN GGE", "OEWG", "Group of Governmental Experts"),
            ),
            Seed(
                "csirt",
                "CSIRT",
                "CSIRTs",
                ("CERT", "インシデント対応チーム", "JPCERT/CC"),
                ("CERTs", "incident response teams", "JPCERT/CC"),
            ),
            Seed(
                "iot-security",
                "IoTセキュリティ",
                "IoT security",
                ("モノのインターネットの安全",),
                ("Internet of Things security", "connected devices"),
            ),
        ),
    ),
    Seed(
        "economy",
        "経済",
        "Economy",
        ("デジタル経済",),
        ("digital economy",),
        (
            Seed(
                "e-commerce",
                "電子商取引",
                "E-commerce",
                ("eコマース", "ネット通販"),
                ("electronic commerce", "online shopping"),
            ),
            Seed(
                "digital-trade",
                "デジタル貿易",
                "Digital trade",
                ("越境データ流通", "DFFT", "貿易協定"),
                ("cross-border data flows", "Data Free Flow with Trust", "trade agreements"),
            ),
            Seed(
                "zero-rating",
                "ゼロレーティング",
                "Zero rating",
                ("カウントフリー",),
                ("zero-rated services", "sponsored data"),
            ),
            Seed(
                "net-neutrality",
                "ネットワーク中立性",
                "Net neutrality",
                ("ネット中立性",),
                ("network neutrality", "open Internet"),
            ),
        ),
    ),
    Seed(
        "human-rights",
        "人権",
        "Human rights",
        ("オンラインの人権",),
        ("human rights online",),
        (
            Seed(
                "privacy",
                "プライバシー・個人情報保護",
                "Privacy and data protection",
                ("プライバシー", "個人情報", "データ保護", "忘れられる権利"),
                ("privacy", "data protection", "personal data", "GDPR", "right to be forgotten"),
            ),
            Seed(
                "freedom-of-expression",
                "表現の自由",
                "Freedom of expression",
                ("言論の自由", "検閲", "インターネット遮断", "ブロッキング"),
                ("free speech", "censorship", "Internet shutdowns", "website blocking"),
            ),
            Seed(
                "access",
                "アクセス・開発",
                "Access and development",
                ("デジタルデバイド", "接続性", "途上国", "インターネットアクセス"),
                ("digital divide", "connectivity", "meaningful access", "developing countries", "Internet access"),
            ),
        ),
    ),
    Seed(
        "legal",
        "法的課題",
        "Legal issues",
        ("法制度",),
        ("legal framework",),
        (
            Seed(
                "jurisdiction",
                "管轄権",
                "Jurisdiction",
                ("裁判管轄", "域外適用"),
                ("extraterritoriality", "extraterritorial", "applicable law"),
            ),
            Seed(
                "cross-border-data-access",
                "越境データアクセス",
                "Cross-border data access",
                ("電子証拠", "ガバメントアクセス"),
                ("e-evidence", "government access to data", "CLOUD Act"),
            ),
            Seed(
                "intellectual-property",
                "知的財産",
                "Intellectual property",
                ("著作権", "商標"),
                ("copyright", "trademarks", "IP rights"),
            ),
        ),
    ),
    Seed(
        "sociocultural",
        "社会・文化",
        "Sociocultural issues",
        ("社会文化",),
        ("society and culture",),
        (
            Seed(
                "multilingualism",
                "多言語化",
                "Multilingualism",
                ("国際化ドメイン名", "多言語ドメイン"),
                ("IDNs", "universal acceptance", "linguistic diversity"),
            ),
            Seed(
                "content",
                "コンテンツ",
                "Content",
                ("コンテンツモデレーション", "偽情報", "有害情報"),
                ("content moderation", "disinformation", "online harms", "harmful content"),
            ),
        ),
    ),
    Seed(
        "governance-process",
        "ガバナンスの枠組み",
        "Governance process",
        ("インターネットガバナンス",),
        ("Internet governance",),
        (
            Seed("igf", "IGF", "IGF", ("インターネット・ガバナンス・フォーラム",), ("Internet Governance Forum",)),
            Seed(
                "wsis",
                "WSIS",
                "WSIS",
                ("世界情報社会サミット", "WSIS+20"),
                ("World Summit on the Information Society", "WSIS+20"),
            ),
            Seed(
                "enhanced-cooperation",
                "強化された協力",
                "Enhanced cooperation",
                ("協力の強化",),
                ("enhanced cooperation working group", "WGEC"),
            ),
            Seed(
                "multistakeholder",
                "マルチステークホルダー",
                "The multistakeholder model",
                ("マルチステークホルダー・モデル", "多様な利害関係者"),
                ("multistakeholder", "multi-stakeholder", "multistakeholderism"),
            ),
        ),
    ),
)


def seed_topics(forum_id: int, topic_model: Any) -> int:
    """Create the taxonomy's topics this forum lacks (by code); return how many were made.

    ``topic_model`` is ``Topic`` or, in a data migration, its historical model. Existing topics are
    left as the secretariat edited them."""
    made = 0
    for order, seed in enumerate(TAXONOMY):
        parent, created = _get_or_create(topic_model, forum_id, seed, None, (order + 1) * 10)
        made += created
        for child_order, child in enumerate(seed.children):
            made += _get_or_create(topic_model, forum_id, child, parent, child_order + 1)[1]
    return made


def _get_or_create(topic_model: Any, forum_id: int, seed: Seed, parent: Any, order: int) -> tuple[Any, bool]:
    return topic_model.objects.get_or_create(
        forum_id=forum_id,
        code=seed.code,
        defaults={
            "name_ja": seed.ja,
            "name_en": seed.en,
            "synonyms_ja": "\n".join(seed.synonyms_ja),
            "synonyms_en": "\n".join(seed.synonyms_en),
            "parent": parent,
            "order": order,
        },
    )
