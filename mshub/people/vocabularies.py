"""The default vocabularies a new forum starts with (editable afterwards)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

# (code, Japanese, English, IGF statistics category)
STAKEHOLDER_GROUPS = [
    ("government", "政府", "Government", "Government"),
    ("private-sector", "民間・企業", "Private sector", "Private Sector"),
    ("civil-society", "市民社会", "Civil society", "Civil Society"),
    ("technical-community", "技術コミュニティ", "Technical community", "Technical Community"),
    ("academia", "学術", "Academia", "Civil Society"),
    ("intergovernmental", "政府間・国際機関", "Intergovernmental organisation", "Intergovernmental Organizations"),
    ("media", "メディア", "Media", "Press/Media"),
    ("individual", "個人", "Individual", "Civil Society"),
]

ORGANIZATION_KINDS = [
    ("ministry", "省庁", "Ministry or agency"),
    ("company", "企業", "Company"),
    ("industry-association", "業界団体", "Industry association"),
    ("nonprofit", "非営利団体", "Non-profit organisation"),
    ("university", "大学・研究機関", "University or research institute"),
    ("registry", "レジストリ・インターネット資源管理", "Registry or Internet resource body"),
    ("international", "国際機関", "International organisation"),
    ("media-outlet", "報道機関", "Media outlet"),
    ("other", "その他", "Other"),
]

GENDERS = [
    ("female", "女性", "Female"),
    ("male", "男性", "Male"),
    ("other", "その他・回答しない", "Other or undisclosed"),
]


@transaction.atomic
def seed_vocabularies(forum: Any) -> None:
    from mshub.people.models import Gender, OrganizationKind, StakeholderGroup

    for order, (code, ja, en, igf) in enumerate(STAKEHOLDER_GROUPS):
        StakeholderGroup.objects.get_or_create(
            forum=forum, code=code, defaults={"name_ja": ja, "name_en": en, "igf_category": igf, "order": order}
        )
    for order, (code, ja, en) in enumerate(ORGANIZATION_KINDS):
        OrganizationKind.objects.get_or_create(
            forum=forum, code=code, defaults={"name_ja": ja, "name_en": en, "order": order}
        )
    for order, (code, ja, en) in enumerate(GENDERS):
        Gender.objects.get_or_create(forum=forum, code=code, defaults={"name_ja": ja, "name_en": en, "order": order})
