"""``manage.py loaddemo``: an invented community to try mshub with (no real people)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from mshub.core.models import Forum, Membership, Role
from mshub.core.models.events import record
from mshub.core.services import create_forum, delete_forum

PASSWORD = "demo"
MAIN, TASKFORCE = "jipf", "policy-tf"
ACCOUNTS = [
    ("secretariat@demo.example", "事務局 太田", Role.SECRETARIAT),
    ("steering@demo.example", "運営 三宅", Role.STEERING),
    ("chair@demo.example", "WG主査 小川", Role.WG_CHAIR),
    ("member@demo.example", "メンバー 井上", Role.MEMBER),
    ("visitor@demo.example", "来訪者 木村", None),
]
ADMIN = "admin@demo.example"


@dataclass
class DemoSummary:
    created: bool
    logins: list[tuple[str, str]]


def logins() -> list[tuple[str, str]]:
    rows = [(email, str(role.label) if role else "signed in, not a member") for email, _name, role in ACCOUNTS]
    return [*rows, (ADMIN, "Django admin (/admin/)")]


def remove_demo() -> None:
    for forum in Forum.objects.filter(slug__in=[MAIN, TASKFORCE]):
        delete_forum(forum)
    get_user_model().objects.filter(email__in=[a[0] for a in ACCOUNTS] + [ADMIN]).delete()


@transaction.atomic
def build_demo(reset: bool = False) -> DemoSummary:
    if reset:
        remove_demo()
    elif Forum.objects.filter(slug=MAIN).exists():
        return DemoSummary(created=False, logins=logins())
    users = _accounts()
    main = create_forum(
        MAIN,
        name_ja="日本インターネット政策フォーラム",
        name_en="Japan Internet Policy Forum",
        short_name="JIPF",
        description_ja="インターネットガバナンスについて、政府・企業・市民社会・技術コミュニティ・学術が対等に議論する場です。",
        description_en="A multistakeholder forum where government, business, civil society, the technical community "
        "and academia discuss Internet governance on an equal footing.",
        timezone="Asia/Tokyo",
        mailing_list="forum@lists.demo.example",
        secretariat=users[ACCOUNTS[0][0]],
    )
    for email, _name, role in ACCOUNTS[1:]:
        if role is not None:
            Membership.objects.create(forum=main, user=users[email], role=role)
    _fill_forum(main, users)
    taskforce = create_forum(
        TASKFORCE,
        name_ja="IG政策タスクフォース",
        name_en="IG Policy Task Force",
        short_name="IGPTF",
        description_ja="国際プロセスへの意見書をまとめる作業部会(メンバー限定)。",
        description_en="Working space that drafts submissions to international processes (members only).",
        timezone="Europe/Zurich",
        is_public=False,
        accent_color="#6b3fa0",
        secretariat=users[ACCOUNTS[0][0]],
    )
    Membership.objects.create(forum=taskforce, user=users["chair@demo.example"], role=Role.WG_CHAIR)
    _fill_taskforce(taskforce)
    return DemoSummary(created=True, logins=logins())


def _accounts() -> dict[str, Any]:
    user_model = get_user_model()
    users = {}
    for email, name, _role in ACCOUNTS:
        user = user_model.objects.create_user(email=email, password=PASSWORD, display_name=name)
        users[email] = user
    user_model.objects.create_superuser(email=ADMIN, password=PASSWORD, display_name="Admin")
    return users


def _fill_forum(forum: Forum, users: dict[str, Any]) -> None:
    from mshub.meetings.demo import build_meetings
    from mshub.people.demo import build_organizations, build_people
    from mshub.people.demo_data import ORGANIZATIONS

    orgs = build_organizations(forum, ORGANIZATIONS)
    people = build_people(forum, orgs, count=64)
    for person, (email, _name, role) in zip(people, ACCOUNTS, strict=False):
        if role is not None:
            person.user = users[email]
            person.save(update_fields=["user"])
    build_meetings(forum, people, users[ACCOUNTS[0][0]])
    record(forum, users[ACCOUNTS[0][0]], "demo.loaded", forum, summary="demo community loaded")


def _fill_taskforce(forum: Forum) -> None:
    from mshub.people.demo import build_organizations, build_people
    from mshub.people.demo_data import TASKFORCE_ORGANIZATIONS

    orgs = build_organizations(forum, TASKFORCE_ORGANIZATIONS)
    build_people(forum, orgs, count=8, seed=7)
