"""Demo organisations and people with changing, dated affiliations, for one forum.

Hand-written people (``PEOPLE`` with their ``CAREERS``) come first; the rest of the community is
combined from family and given names and given a plausible career: a first job in one stakeholder
group, and for about half of them one or two moves to where people from that group tend to go, on
the Japanese fiscal-year boundaries (31 March / 1 April, or 30 June / 1 July in government).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

from mshub.people.demo_data import CAREERS, DEPARTMENTS, FAMILY, GIVEN, MOVES, PEOPLE, TITLES
from mshub.people.models import Affiliation, Gender, Organization, OrganizationKind, Person, StakeholderGroup

# (organisation key, department ja, department en, title ja, title en, from, until, main affiliation?)
Step = tuple[str, str, str, str, str, dt.date | None, dt.date | None, bool]

LAST_MOVE_YEAR = 2024  # generated careers settle before the demo's "today"
PRONOUNS = {"female": "she/her", "male": "he/him", "other": "they/them"}


def build_organizations(forum: Any, table: Sequence[tuple[str, ...]]) -> dict[str, Organization]:
    """The organisations in ``table`` (rows as in ``demo_data.ORGANIZATIONS``), by key."""
    groups = {g.code: g for g in StakeholderGroup.objects.filter(forum=forum)}
    kinds = {k.code: k for k in OrganizationKind.objects.filter(forum=forum)}
    rows = {
        key: Organization(
            forum=forum,
            name_ja=ja,
            name_en=en,
            short_name=short,
            stakeholder_group=groups[group],
            kind=kinds[kind],
            country=country,
            website=f"https://www.{domain}/" if domain else "",
        )
        for key, ja, en, short, group, kind, country, domain in table
    }
    Organization.objects.bulk_create(rows.values())
    return rows


def build_people(
    forum: Any,
    orgs: dict[str, Organization],
    count: int,
    *,
    seed: int = 2026,
    people: Sequence[tuple[str, ...]] = PEOPLE,
    careers: Sequence[tuple[Any, ...]] = CAREERS,
) -> list[Person]:
    """``people`` with the steps of ``careers`` whose organisation is in ``orgs``, then generated
    people up to ``count`` in all. The hand-written people come first, in table order."""
    rng = random.Random(seed)
    genders = {g.code: g for g in Gender.objects.filter(forum=forum)}
    emails: set[str] = set()
    built: list[tuple[Person, list[Step]]] = []
    for key, fam, giv, fam_kana, giv_kana, fam_latin, giv_latin, gender, pronouns in people:
        steps = [_step(row) for row in careers if row[0] == key and row[1] in orgs]
        person = Person(
            forum=forum,
            family_name_ja=fam,
            given_name_ja=giv,
            family_name_kana=fam_kana,
            given_name_kana=giv_kana,
            family_name_latin=fam_latin,
            given_name_latin=giv_latin,
            gender=genders.get(gender),
            pronouns=pronouns,
        )
        built.append((_finish(person, steps, orgs, rng, emails), steps))

    taken = {(row[1], row[2]) for row in people}
    names = [(f, g) for f in FAMILY for g in GIVEN if (f[0], g[0]) not in taken]
    rng.shuffle(names)
    for (fam, fam_kana, fam_latin), (giv, giv_kana, giv_latin, gender) in names[: max(0, count - len(built))]:
        steps = _career(rng, orgs)
        code = None if rng.random() < 0.06 else gender  # not everyone's gender is on record
        person = Person(
            forum=forum,
            family_name_ja=fam,
            given_name_ja=giv,
            family_name_kana=fam_kana,
            given_name_kana=giv_kana,
            family_name_latin=fam_latin,
            given_name_latin=giv_latin,
            gender=genders.get(code or ""),
            pronouns=PRONOUNS.get(code or "", "") if rng.random() < 0.25 else "",
        )
        built.append((_finish(person, steps, orgs, rng, emails), steps))

    Person.objects.bulk_create([person for person, _steps in built])
    Affiliation.objects.bulk_create(
        Affiliation(
            person=person,
            organization=orgs[org],
            department_ja=dep_ja,
            department_en=dep_en,
            title_ja=title_ja,
            title_en=title_en,
            start=start,
            end=end,
            is_primary=primary,
        )
        for person, steps in built
        for org, dep_ja, dep_en, title_ja, title_en, start, end, primary in steps
    )
    return [person for person, _steps in built]


def _step(row: tuple[Any, ...]) -> Step:
    _key, org, dep_ja, dep_en, title_ja, title_en, start, end, primary = row
    return (
        org,
        dep_ja,
        dep_en,
        title_ja,
        title_en,
        dt.date.fromisoformat(start) if start else None,
        dt.date.fromisoformat(end) if end else None,
        primary,
    )


def _finish(
    person: Person, steps: list[Step], orgs: dict[str, Organization], rng: random.Random, emails: set[str]
) -> Person:
    """Consent flags and a work address at the current main organisation (unique in the forum)."""
    current = [s for s in steps if s[7] and s[6] is None] or steps
    domain = orgs[current[-1][0]].website.removeprefix("https://www.").rstrip("/") if current else ""
    local = f"{person.given_name_latin[:1]}.{person.family_name_latin}".lower()
    email, n = f"{local}@{domain or 'mail.example.com'}", 1
    while email in emails:
        n += 1
        email = f"{local}{n}@{domain or 'mail.example.com'}"
    emails.add(email)
    person.email = email
    person.consent_listing = rng.random() < 0.7
    person.consent_contact = rng.random() < 0.85
    if rng.random() < 0.6:
        person.consent_updated_at = dt.datetime(2024, rng.randint(1, 12), rng.randint(1, 28), 10, tzinfo=dt.UTC)
    return person


def _career(rng: random.Random, orgs: dict[str, Organization]) -> list[Step]:
    """A first job and, for about half, one or two moves; sometimes a board seat on the side."""
    by_group: dict[str, list[str]] = {}
    for key, organization in sorted(orgs.items()):
        by_group.setdefault(getattr(organization.stakeholder_group, "code", ""), []).append(key)
    moves = {group: [g for g in nxt if g in by_group] for group, _w, nxt in MOVES if group in by_group}
    firsts = [(group, weight) for group, weight, _nxt in MOVES if group in by_group]
    group = rng.choices([g for g, _w in firsts], [w for _g, w in firsts])[0]
    org = rng.choice(by_group[group])
    start = dt.date(rng.randint(1998, 2013), rng.choice((4, 4, 4, 7, 10)), 1)
    steps: list[Step] = []
    n_moves = rng.choice((0, 0, 0, 1, 1, 2))
    for step in range(n_moves + 1):
        if step:
            group = rng.choice(moves[group] or [group])
            org = rng.choice([k for k in by_group[group] if k != org] or [k for k in orgs if k != org])
            group = getattr(orgs[org].stakeholder_group, "code", "")
        end_year = start.year + rng.randint(3, 8)
        if step == n_moves or end_year > LAST_MOVE_YEAR:
            steps.append((org, *_position(rng, orgs[org]), start, None, True))
            break
        end = dt.date(end_year, *((6, 30) if group == "government" else (3, 31)))
        steps.append((org, *_position(rng, orgs[org]), start, end, True))
        start = end + dt.timedelta(days=1)
    held = {s[0] for s in steps}
    side = [
        k for k, o in orgs.items() if k not in held and o.kind and o.kind.code in {"nonprofit", "industry-association"}
    ]
    if side and rng.random() < 0.12:
        org = rng.choice(side)
        since = dt.date(rng.randint(2010, 2022), 6, 1)
        steps.append(
            (org, "", "", *rng.choice([("理事", "Board Member"), ("委員", "Committee Member")]), since, None, False)
        )
    return steps


def _position(rng: random.Random, org: Organization) -> tuple[str, str, str, str]:
    kind = org.kind.code if org.kind else "other"
    return (*rng.choice(DEPARTMENTS[kind]), *rng.choice(TITLES[kind]))


def build_community(demo: Any) -> None:
    """The people area's demo step (``mshub.core.demo.DemoBuild``): the forum's organisations and people,
    the demo accounts linked to (and named after) the persons they belong to."""
    from mshub.people.demo_data import (
        ORGANIZATIONS,
        TASKFORCE_CAREERS,
        TASKFORCE_ORGANIZATIONS,
    )
    from mshub.people.demo_data import TASKFORCE_PEOPLE as INTERNATIONAL

    names = {row[0]: f"{row[1]} {row[2]}" for row in PEOPLE}
    for email, _role, key in demo.accounts:
        if key and key in names:
            type(demo.users[email]).objects.filter(pk=demo.users[email].pk).update(display_name=names[key])
            demo.users[email].display_name = names[key]
    if demo.is_main:
        orgs = build_organizations(demo.forum, ORGANIZATIONS)
        people = build_people(demo.forum, orgs, count=demo.main_people)
        _link(people, [row[0] for row in PEOPLE], {key: email for email, _r, key in demo.accounts if key}, demo.users)
        demo.people = people
        return
    orgs = build_organizations(demo.forum, TASKFORCE_ORGANIZATIONS)
    rows = [row for row in PEOPLE if row[0] in demo.taskforce_people] + INTERNATIONAL
    people = build_people(
        demo.forum,
        orgs,
        count=len(rows) + demo.taskforce_extra_people,
        seed=7,
        people=rows,
        careers=CAREERS + TASKFORCE_CAREERS,
    )
    members = dict(demo.taskforce_members)
    accounts = {key: email for email, _r, key in demo.accounts if key and email in members}
    _link(people, [row[0] for row in rows], accounts, demo.users)


def _link(people: list[Any], keys: list[str], accounts: dict[str, str], users: dict[str, Any]) -> None:
    """Link the people whose key is in ``accounts`` (key: email) to those accounts."""
    for person, key in zip(people, keys, strict=False):
        if key in accounts:
            person.user = users[accounts[key]]
            person.save(update_fields=["user"])
