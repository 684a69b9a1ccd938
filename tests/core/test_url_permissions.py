"""Every URL pattern, for every role, gets exactly the expected allow or deny.

A URL name that is neither in EXPECTED nor in EXEMPT fails the suite: a new view must come with
its rule (mshub/core/permissions.py) and its line here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from mshub.meetings.models import AttendanceMode, MeetingSeries
from mshub.meetings.services import registration as reg
from mshub.meetings.services.agenda import add_item
from mshub.meetings.services.meetings import change_status, create_meeting
from mshub.meetings.services.minutes import add_material
from mshub.meetings.services.publishing import publish_report
from mshub.people.models import StakeholderGroup
from tests.conftest import ROLES
from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory

RANK = {"anonymous": 0, "visitor": 0, "member": 1, "wg_chair": 2, "steering": 3, "secretariat": 4}
NEEDED = {"public": 0, "signed_in": 0, "member": 1, "wg_chair": 2, "steering": 3, "secretariat": 4}

# url name: (minimum role for GET, status when allowed). "public": anyone who may read the forum
# (everyone, for a public forum); "signed_in": any account.
EXPECTED: dict[str, tuple[str, int]] = {
    "core:home": ("public", 200),
    "core:forum": ("public", 200),
    "core:forum-settings": ("secretariat", 200),
    "core:members": ("steering", 200),
    "core:events": ("secretariat", 200),
    "people:person-list": ("member", 200),
    "people:person-create": ("steering", 200),
    "people:person-detail": ("member", 200),
    "people:person-update": ("steering", 200),
    "people:person-merge": ("secretariat", 200),
    "people:person-export": ("secretariat", 200),
    "people:person-erase": ("secretariat", 200),
    "people:affiliation-create": ("steering", 200),
    "people:affiliation-update": ("steering", 200),
    "people:organization-list": ("public", 200),
    "people:organization-create": ("steering", 200),
    "people:organization-detail": ("public", 200),
    "people:organization-update": ("steering", 200),
    "people:stakeholdergroup-list": ("public", 200),
    "people:vocabulary-index": ("secretariat", 200),
    "people:vocabulary-create": ("secretariat", 200),
    "people:vocabulary-update": ("secretariat", 200),
    "meetings:index": ("public", 200),
    "meetings:meeting-create": ("steering", 200),
    "meetings:forum-ics": ("public", 200),
    "meetings:reports-feed": ("public", 200),
    "meetings:statistics": ("member", 200),
    "meetings:statistics-csv": ("member", 200),
    "meetings:series": ("public", 200),
    "meetings:series-ics": ("public", 200),
    "meetings:meeting": ("public", 200),
    "meetings:meeting-ics": ("public", 200),
    "meetings:register": ("public", 200),
    "meetings:registration-cancel": ("public", 200),
    "meetings:meeting-update": ("steering", 200),
    "meetings:meeting-status": ("steering", 405),  # POST only
    "meetings:agenda": ("steering", 200),
    "meetings:item": ("steering", 200),
    "meetings:memo": ("steering", 200),
    "meetings:material": ("public", 200),
    "meetings:proposals": ("member", 200),
    "meetings:survey": ("public", 200),
    "meetings:survey-results": ("steering", 200),
    "meetings:registrations": ("steering", 200),
    "meetings:checkin": ("steering", 200),
    "meetings:report": ("public", 200),
    "meetings:report-version": ("public", 200),
    "meetings:report-md": ("public", 200),
    "meetings:report-pdf": ("public", 200),
    "meetings:publish": ("secretariat", 405),  # POST only
    "archive:index": ("secretariat", 200),
    "archive:batch": ("secretariat", 200),
    "archive:review": ("secretariat", 200),
    "api:api-root": ("public", 200),
    "api:schema": ("public", 200),
    "api:docs": ("public", 200),
    "api:forum-list": ("public", 200),
    "api:forum-detail": ("public", 200),
    "api:stakeholdergroup-list": ("public", 200),
    "api:stakeholdergroup-detail": ("public", 200),
    "api:organization-list": ("public", 200),
    "api:organization-detail": ("public", 200),
    "api:person-list": ("member", 200),
    "api:person-detail": ("member", 200),
    "api:meeting-list": ("public", 200),
    "api:meeting-detail": ("public", 200),
    "accounts:login": ("public", 200),
    "accounts:logout": ("public", 405),  # POST only
    "accounts:profile": ("signed_in", 200),
    "accounts:set-timezone": ("public", 405),  # POST only
    "accounts:password_change": ("signed_in", 200),
    "accounts:password_change_done": ("signed_in", 200),
    "accounts:password_reset": ("public", 200),
    "accounts:password_reset_done": ("public", 200),
    "accounts:password_reset_confirm": ("public", 200),
    "accounts:password_reset_complete": ("public", 200),
    "set_language": ("public", 405),  # POST only
    "javascript-catalog": ("public", 200),
}
EXEMPT_PREFIXES = {"admin:": "Django's admin, with its own staff-only check"}
SITE_WIDE = {
    n
    for n in EXPECTED
    if not n.startswith(
        (
            "core:forum",
            "core:members",
            "core:events",
            "people:",
            "meetings:",
            "api:stakeholder",
            "api:organization",
            "api:person",
            "api:meeting",
        )
    )
}


@dataclass
class Route:
    name: str
    pattern: str
    callback: Any
    kwargs: set[str]


def walk(patterns: list[Any] | None = None, prefix: str = "", namespace: str = "") -> list[Route]:
    routes = []
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            routes += walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern) and p.name:
            full = prefix + str(p.pattern)
            kwargs = set(p.pattern.regex.groupindex) | set(__import__("re").findall(r"<(?:\w+:)?(\w+)>", full))
            routes.append(Route(f"{namespace}{p.name}", full, p.callback, kwargs))
    return routes


def forum_routes() -> list[Route]:
    # DRF's format-suffix twins (…\.(?P<format>…)) serve the same views; their base route is walked.
    return [r for r in walk() if "format" not in r.kwargs and not r.name.startswith(tuple(EXEMPT_PREFIXES))]


def test_every_url_has_a_rule():
    missing = sorted({r.name for r in forum_routes()} - set(EXPECTED))
    assert not missing, f"URL names without a permission rule in this test (and the registry): {missing}"
    stale = sorted(set(EXPECTED) - {r.name for r in forum_routes()})
    assert not stale, f"rules for URLs that no longer exist: {stale}"


def test_every_forum_view_names_its_permission():
    for route in forum_routes():
        if "forum" not in route.kwargs:
            continue
        view = getattr(route.callback, "view_class", None) or getattr(route.callback, "cls", None)
        assert view is not None, route.name
        assert getattr(view, "permission_required", None), f"{route.name}: {view.__name__} has no permission_required"


@pytest.fixture
def objects(cast, settings, tmp_path) -> dict[str, Any]:
    settings.MEDIA_ROOT = tmp_path
    return build_objects(cast.forum)


def build_objects(forum: Any) -> dict[str, Any]:
    """One of each record a forum URL can name, with a published report and a registration."""
    person = PersonFactory(forum=forum)
    affiliation = AffiliationFactory(person=person, organization=OrganizationFactory(forum=forum))
    series = MeetingSeries.objects.create(forum=forum, slug="regular", name_ja="定例")
    start = dt.datetime.now() + dt.timedelta(days=10)
    meeting = create_meeting(series, start=start, end=start + dt.timedelta(hours=2))
    item = add_item(meeting, title_ja="議題")
    material = add_material(meeting, title_ja="資料", upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n"))
    meeting = change_status(meeting, "announced")
    group = StakeholderGroup.objects.get(forum=forum, code="government")
    registration = reg.register(
        meeting, name="R", email="r@example.org", mode=AttendanceMode.ONSITE, stakeholder_group=group
    )
    meeting = change_status(meeting, "held")
    publish_report(meeting)
    from mshub.archive.models import ImportBatch, ImportItem

    batch = ImportBatch.objects.create(forum=forum)
    import_item = ImportItem.objects.create(
        batch=batch, name="r.txt", status="parsed", record={"genre": "other"}, file=SimpleUploadedFile("r.txt", b"text")
    )
    return {
        "batch": batch,
        "import_item": import_item,
        "forum": forum,
        "person": person,
        "affiliation": affiliation,
        "meeting": meeting,
        "item": item,
        "material": material,
        "registration": registration,
        "group": group,
        "series": series,
    }


def url_for(route: Route, o: dict[str, Any]) -> str:
    m = o["meeting"]
    by_name: dict[str, dict[str, Any]] = {
        "people:person-detail": {"pk": o["person"].pk},
        "people:person-update": {"pk": o["person"].pk},
        "people:person-merge": {"pk": o["person"].pk},
        "people:person-export": {"pk": o["person"].pk},
        "people:person-erase": {"pk": o["person"].pk},
        "people:affiliation-create": {"person": o["person"].pk},
        "people:affiliation-update": {"person": o["person"].pk, "pk": o["affiliation"].pk},
        "people:organization-detail": {"pk": o["affiliation"].organization_id},
        "people:organization-update": {"pk": o["affiliation"].organization_id},
        "people:vocabulary-create": {"kind": "stakeholder-groups"},
        "people:vocabulary-update": {"kind": "stakeholder-groups", "pk": o["group"].pk},
        "meetings:item": {"pk": o["item"].pk},
        "meetings:material": {"pk": o["material"].pk},
        "meetings:registration-cancel": {"token": o["registration"].token},
        "meetings:survey": {"token": o["registration"].token},
        "meetings:report-version": {"version": 1},
        "api:forum-detail": {"slug": o["forum"].slug},
        "api:stakeholdergroup-detail": {"pk": o["group"].pk},
        "api:organization-detail": {"pk": o["affiliation"].organization_id},
        "api:person-detail": {"pk": o["person"].pk},
        "api:meeting-detail": {"pk": m.pk},
        "accounts:password_reset_confirm": {"uidb64": "MQ", "token": "set-password"},
        "archive:batch": {"pk": o["batch"].pk},
        "archive:review": {"pk": o["import_item"].pk},
    }
    kwargs = dict(by_name.get(route.name, {}))
    if "forum" in route.kwargs:
        kwargs["forum"] = o["forum"].slug
    if "series" in route.kwargs:
        kwargs["series"] = m.series.slug
    if "number" in route.kwargs:
        kwargs["number"] = m.number
    return reverse(route.name, kwargs=kwargs)


def expected_status(name: str, role: str, public_forum: bool) -> int:
    needed, allowed_status = EXPECTED[name]
    if needed == "signed_in":
        allowed = role != "anonymous"
    elif needed == "public":
        allowed = public_forum or name in SITE_WIDE or RANK[role] >= 1
    else:
        allowed = RANK[role] >= NEEDED[needed]
    if name == "api:forum-detail" and not public_forum and RANK[role] == 0:
        return 404  # a private forum does not exist for outsiders
    if allowed:
        if name == "accounts:login" and role != "anonymous":
            return 302  # already signed in: sent on
        return allowed_status
    if name.startswith("api:") or role != "anonymous":
        return 403
    return 302


@pytest.mark.parametrize("public_forum", [True, False], ids=["public-forum", "private-forum"])
def test_every_url_allows_and_denies_each_role_as_expected(cast, objects, public_forum):
    forum = cast.forum
    forum.is_public = public_forum
    forum.save()
    failures = []
    for role in ROLES:
        client = cast.client(role)
        for route in forum_routes():
            url = url_for(route, objects)
            want = expected_status(route.name, role, public_forum)
            response = client.get(url)
            got = response.status_code
            if got != want:
                failures.append(f"{role:<12} {route.name:<36} {url}: {got}, expected {want}")
            elif got == 302 and route.name != "accounts:login":
                assert "/accounts/login/" in response["Location"], (role, route.name)
    assert not failures, "\n" + "\n".join(failures)


@pytest.mark.parametrize(
    ("name", "kwargs", "data"),
    [
        ("people:person-create", {}, {"family_name_latin": "Forged"}),
        ("people:organization-create", {}, {"name_en": "Forged Org"}),
        ("core:forum-settings", {}, {"name_en": "Hijacked", "timezone": "UTC", "accent_color": "#000000"}),
        ("core:members", {}, {"email": "intruder@example.org", "role": "secretariat"}),
        ("meetings:meeting-create", {}, {"title_ja": "偽の会合"}),
    ],
)
def test_members_posting_to_write_views_are_refused_and_nothing_is_written(cast, name, kwargs, data):
    from mshub.core.models import Event, Forum

    before = Event.objects.count()
    response = cast.client("member").post(reverse(name, kwargs={"forum": cast.forum.slug, **kwargs}), data)
    assert response.status_code == 403
    assert Event.objects.count() == before
    assert Forum.objects.get(pk=cast.forum.pk).name_en != "Hijacked"
