"""Demo organisations and people with changing affiliations, for one forum."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from mshub.people.demo_data import FAMILY, GIVEN, TITLES
from mshub.people.models import Affiliation, Gender, Organization, OrganizationKind, Person, StakeholderGroup


def build_organizations(forum: Any, table: Sequence[tuple[str, ...]]) -> dict[str, Organization]:
    groups = {g.code: g for g in StakeholderGroup.objects.filter(forum=forum)}
    kinds = {k.code: k for k in OrganizationKind.objects.filter(forum=forum)}
    orgs = {}
    for key, ja, en, short, group, kind, country, domain in table:
        orgs[key] = Organization.objects.create(
            forum=forum,
            name_ja=ja,
            name_en=en,
            short_name=short,
            stakeholder_group=groups[group],
            kind=kinds[kind],
            country=country,
            website=f"https://{domain}/" if domain else "",
        )
    return orgs


def build_people(forum: Any, orgs: dict[str, Organization], count: int, seed: int = 2026) -> list[Person]:
    """``count`` people; about half change organisation over the years (some more than once)."""
    rng = random.Random(seed)
    genders = {g.code: g for g in Gender.objects.filter(forum=forum)}
    names = [(f, g) for f in FAMILY for g in GIVEN]
    rng.shuffle(names)
    keys = sorted(orgs)
    people = []
    for i, ((fam, fam_kana, fam_latin), (giv, giv_kana, giv_latin, gender)) in enumerate(names[:count]):
        person = Person.objects.create(
            forum=forum,
            family_name_ja=fam,
            given_name_ja=giv,
            family_name_kana=fam_kana,
            given_name_kana=giv_kana,
            family_name_latin=fam_latin,
            given_name_latin=giv_latin,
            email=f"{giv_latin.lower()}.{fam_latin.lower()}{i}@demo.example",
            gender=genders.get(gender),
            pronouns={"other": "they/them"}.get(gender, ""),
            consent_listing=rng.random() < 0.7,
            consent_contact=rng.random() < 0.8,
            consent_updated_at=timezone.now() if i % 3 else None,
        )
        start = dt.date(rng.randint(2006, 2015), rng.choice((4, 7, 10)), 1)
        moves = 0 if i % 2 else rng.choice((1, 1, 2))
        for step in range(moves + 1):
            end = None
            if step < moves:
                end = dt.date(start.year + rng.randint(2, 5), 3, 31)
            ja, en = rng.choice(TITLES)
            org = orgs[keys[(i * 7 + step * 11) % len(keys)]]
            Affiliation.objects.create(person=person, organization=org, title_ja=ja, title_en=en, start=start, end=end)
            if end is not None:
                start = end + dt.timedelta(days=1)
        people.append(person)
    return people
