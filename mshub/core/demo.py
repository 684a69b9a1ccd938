"""``manage.py loaddemo``: an invented community to try mshub with (no real people).

Two forums: a public national forum (``MAIN``) with its registry, meetings and one account per
role, and a private task-force workspace (``TASKFORCE``, Geneva time) with fewer members and its
own records. Everything is built in one transaction; a second run changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import translation

from mshub.core.areas import demo_counters, demo_steps
from mshub.core.models import Forum, Role
from mshub.core.models.events import record
from mshub.core.services import add_member, create_forum, delete_forum

PASSWORD = "demo"
MAIN, TASKFORCE = "jipf", "policy-tf"
ADMIN = "admin@demo.example"
VISITOR_NAME = "木村 ゆり"
MAIN_PEOPLE, TASKFORCE_EXTRA_PEOPLE = 64, 3

# (email, role in the main forum or None for "signed in, not a member", key of the person it belongs to)
ACCOUNTS: list[tuple[str, Role | None, str]] = [
    ("secretariat@demo.example", Role.SECRETARIAT, "ota"),
    ("steering@demo.example", Role.STEERING, "miyake"),
    ("chair@demo.example", Role.WG_CHAIR, "ogawa"),
    ("member@demo.example", Role.MEMBER, "inoue"),
    ("visitor@demo.example", None, ""),
]
# The task force: fewer members, and the member and visitor accounts cannot see it.
TASKFORCE_MEMBERS = [
    ("secretariat@demo.example", Role.SECRETARIAT),
    ("chair@demo.example", Role.WG_CHAIR),
    ("steering@demo.example", Role.MEMBER),
]
TASKFORCE_PEOPLE = ("ota", "ogawa", "miyake", "kuwabara", "hattori")  # its own records of them

MAIN_FORUM: dict[str, Any] = {
    "name_ja": "日本インターネット政策フォーラム",
    "name_en": "Japan Internet Policy Forum",
    "short_name": "JIPF",
    "description_ja": "インターネットガバナンスについて、政府・企業・市民社会・技術コミュニティ・学術が対等に議論する"
    "国内フォーラムです。国連IGFの国内イニシアティブとして、年3回の定例会合と報告会を開いています。",
    "description_en": "A national multistakeholder forum where government, business, civil society, the technical "
    "community and academia discuss Internet governance on an equal footing. As a national IGF initiative it "
    "holds three regular meetings a year and a report-back after each IGF.",
    "timezone": "Asia/Tokyo",
    "mailing_list": "forum@lists.demo.example",
}
TASKFORCE_FORUM: dict[str, Any] = {
    "name_ja": "IG政策タスクフォース",
    "name_en": "IG Policy Task Force",
    "short_name": "IGPTF",
    "description_ja": "国際プロセスへの意見書をまとめる作業部会(メンバー限定)。ジュネーブでの会合に合わせて作業します。",
    "description_en": "Members-only workspace that drafts position papers for international processes, "
    "working to the Geneva meeting calendar.",
    "timezone": "Europe/Zurich",
    "is_public": False,
    "accent_color": "#6b3fa0",
    "mailing_list": "policy-tf@lists.demo.example",
}


@dataclass
class DemoSummary:
    created: bool
    logins: list[tuple[str, str]]
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # forum slug: (organisations, people)


def logins() -> list[tuple[str, str]]:
    """(email, what the account may do) for every demo account, in English like the rest of the output."""
    with translation.override("en"):
        rows = [(email, str(role.label) if role else "signed in, not a member") for email, role, _key in ACCOUNTS]
    return [*rows, (ADMIN, "Django admin (/admin/)")]


def counts() -> dict[str, tuple[int, int]]:
    """(organisations, people) per demo forum, as the installed areas count them (``Area.demo_counts``)."""
    result = {}
    for slug in (MAIN, TASKFORCE):
        found: dict[str, int] = {}
        for count in demo_counters():
            found.update(count(slug))
        result[slug] = (found.get("organizations", 0), found.get("people", 0))
    return result


def remove_demo() -> None:
    """Delete the demo forums with everything in them, and the demo accounts."""
    for forum in Forum.objects.filter(slug__in=[MAIN, TASKFORCE]):
        delete_forum(forum)
    get_user_model().objects.filter(email__in=[a[0] for a in ACCOUNTS] + [ADMIN]).delete()


@transaction.atomic
def build_demo(reset: bool = False, meetings: bool = True) -> DemoSummary:
    """Build the demo unless the main forum is already there (``reset``: rebuild it from scratch).

    ``meetings=False`` leaves out the meetings, registrations and published reports, which take most
    of the time.
    """
    if not reset and Forum.objects.filter(slug=MAIN).exists():
        return DemoSummary(created=False, logins=logins(), counts=counts())
    remove_demo()  # also clears what a half-removed demo left behind
    users = _accounts()
    secretariat = users[ACCOUNTS[0][0]]
    main = create_forum(MAIN, secretariat=secretariat, **MAIN_FORUM)
    for email, role, _key in ACCOUNTS[1:]:
        if role is not None:
            add_member(main, email, role, actor=secretariat)
    demo = DemoBuild(forum=main, main=main, secretariat=secretariat, users=users)
    _run_steps(demo, slow=meetings)

    taskforce = create_forum(TASKFORCE, secretariat=secretariat, **TASKFORCE_FORUM)
    for email, role in TASKFORCE_MEMBERS[1:]:
        add_member(taskforce, email, role, actor=secretariat)
    demo.forum = taskforce
    _run_steps(demo, slow=meetings)

    summary = DemoSummary(created=True, logins=logins(), counts=counts())
    for forum in (main, taskforce):
        n_orgs, n_people = summary.counts[forum.slug]
        record(
            forum,
            secretariat,
            "demo.loaded",
            forum,
            summary=f"demo community loaded: {n_orgs} organisations, {n_people} people",
            organizations=n_orgs,
            people=n_people,
        )
    return summary


@dataclass
class DemoBuild:
    """What each area's demo step (``Area.demo_steps``) builds on.

    The steps run once for the main forum, then once for the task force (``forum`` says which;
    ``is_main`` tells them apart). A step may leave things for later steps: the people step leaves
    the main forum's ``people`` for the meetings.
    """

    forum: Forum
    main: Forum
    secretariat: Any
    users: dict[str, Any]  # email: account
    accounts: list[tuple[str, Role | None, str]] = field(default_factory=lambda: ACCOUNTS)
    taskforce_members: list[tuple[str, Role]] = field(default_factory=lambda: TASKFORCE_MEMBERS)
    taskforce_people: tuple[str, ...] = TASKFORCE_PEOPLE
    main_people: int = MAIN_PEOPLE
    taskforce_extra_people: int = TASKFORCE_EXTRA_PEOPLE
    people: list[Any] = field(default_factory=list)

    @property
    def is_main(self) -> bool:
        return self.forum.pk == self.main.pk


def _run_steps(demo: DemoBuild, slow: bool) -> None:
    for step in demo_steps():
        if slow or not step.slow:
            step.build(demo)


def _accounts() -> dict[str, Any]:
    """One account per role, the visitor, and the admin. The people step names the accounts after
    the persons they belong to.

    The password is hashed once and shared: each hash takes a good half second with the production hasher.
    """
    encoded = make_password(PASSWORD)
    user_model = get_user_model()
    users = {
        email: user_model.objects.create(email=email, password=encoded, display_name="" if key else VISITOR_NAME)
        for email, _role, key in ACCOUNTS
    }
    user_model.objects.create(email=ADMIN, password=encoded, display_name="Admin", is_staff=True, is_superuser=True)
    return users
