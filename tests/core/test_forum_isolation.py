"""No page, API response or form of one forum shows, offers or accepts another forum's records.

Two forums, A and B, hold the same kinds of records; every name, title and email in A carries
``ZZ-FORUM-A-ONLY`` and every one in B ``ZZ-FORUM-B-ONLY``. A secretariat of A, and a user who is
secretariat of both, walk every URL of A (and the second user every URL of B): the other forum's
marker must never appear. B's records named under A's address are not found, filters and forms
of A neither show nor accept B's records, and the site-wide forum lists show private forums only
to their members.

The two forums are built once for the module (in a transaction rolled back at the end).
"""

from __future__ import annotations

import datetime as dt
import html.parser
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings
from django.forms import BaseForm
from django.test import Client
from django.urls import reverse

from mshub.calendar.services import add_presence, add_report_back, update_event
from mshub.core.models import ActivityEntry, Forum, Membership, Role
from mshub.core.models.events import record
from mshub.meetings.models import AgendaItem
from mshub.meetings.services.meetings import change_status, create_meeting
from mshub.people.models import Gender, Organization, OrganizationKind, Person, StakeholderGroup
from tests.core.test_url_permissions import (
    ALLOWED_STATUS,
    FORUM_ROUTES,
    Route,
    build_objects,
    module_scope,
    snapshot,
    url_for,
)
from tests.factories import AffiliationFactory, ForumFactory, MembershipFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

MARK = {"a": "ZZ-FORUM-A-ONLY", "b": "ZZ-FORUM-B-ONLY"}
OTHER = {"a": "b", "b": "a"}


@dataclass
class Side:
    """One forum and its records (``objects`` as for ``url_for``, plus extra marked records)."""

    forum: Forum
    objects: dict[str, Any]
    second_person: Person
    kind: OrganizationKind
    gender: Gender
    member_membership: Membership
    open_meeting: Any  # announced, registration open


@dataclass
class Twins:
    sides: dict[str, Side]  # "a", "b"
    sessions: dict[str, str]  # user name -> session key

    def client(self, who: str) -> Client:
        client = Client()
        if who != "anonymous":
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[who]
        return client


def build_side(key: str) -> Side:
    mark = MARK[key]
    forum = ForumFactory(slug=f"iso-{key}", name_ja=f"{mark} フォーラム", name_en=f"{mark} forum", is_public=True)
    objects = build_objects(forum, mark=mark)
    second = PersonFactory(
        forum=forum, family_name_latin=f"{mark}Suzuki", family_name_ja=f"{mark}鈴木", email=f"{key}-second@example.org"
    )
    AffiliationFactory(person=second, organization=objects["organization"], department_en=f"{mark} Dept")
    kind = OrganizationKind.objects.create(
        forum=forum, code=f"kind-{key}", name_ja=f"{mark}種別", name_en=f"{mark} kind"
    )
    gender = Gender.objects.create(forum=forum, code=f"gender-{key}", name_ja=f"{mark}性別", name_en=f"{mark} gender")
    organization = objects["organization"]
    organization.kind = kind
    organization.short_name = mark[:40]
    organization.save()
    member = UserFactory(email=f"zz-forum-{key}-only-member@example.org", display_name=f"{mark} Member")
    membership = MembershipFactory(forum=forum, user=member, role=Role.MEMBER)
    record(forum, member, "person.changed", objects["person"], summary=f"{mark} event")
    start = dt.datetime.now(dt.UTC) + dt.timedelta(days=30)
    open_meeting = create_meeting(
        objects["series"], start=start, end=start + dt.timedelta(hours=2), title_en=f"{mark} Next meeting"
    )
    open_meeting = change_status(open_meeting, "announced")
    return Side(forum, objects, second, kind, gender, membership, open_meeting)


@pytest.fixture(scope="module")
def module_twins(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Twins]:
    with module_scope(django_db_blocker, tmp_path_factory):
        sides = {key: build_side(key) for key in ("a", "b")}
        for key, other in OTHER.items():  # each forum's additions to the other's shared event
            side = sides[key]
            add_presence(side.forum, sides[other].objects["event"], side.second_person, note=f"{MARK[key]} there too")
            add_report_back(
                side.forum, sides[other].objects["event"], url="https://example.org/r", title_en=f"{MARK[key]} notes"
            )
        users = {
            "visitor": UserFactory(email="iso-visitor@example.org"),
            "sec_a": UserFactory(email="iso-sec-a@example.org"),
            "sec_b": UserFactory(email="iso-sec-b@example.org"),
            "sec_both": UserFactory(email="iso-sec-both@example.org"),
        }
        for who, keys in (("sec_a", "a"), ("sec_b", "b"), ("sec_both", "ab")):
            for key in keys:
                MembershipFactory(forum=sides[key].forum, user=users[who], role=Role.SECRETARIAT)
        sessions = {}
        for who, user in users.items():
            client = Client()
            client.force_login(user)
            sessions[who] = client.session.session_key
        for key in ("a", "b"):  # each forum's plain member, for the forum lists
            client = Client()
            client.force_login(sides[key].member_membership.user)
            sessions[f"member_{key}"] = client.session.session_key
        yield Twins(sides=sides, sessions=sessions)


@pytest.fixture
def twins(module_twins: Twins) -> Twins:
    return module_twins


def body_of(response: Any) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", errors="replace")


def leaks(body: str, key: str) -> bool:
    """Whether ``body`` shows anything of forum ``key`` (its marker, in any case)."""
    return MARK[key].lower() in body.lower()


# --- every page and endpoint ---------------------------------------------------------------------


def extra_urls(here: Side, other: Side) -> list[str]:
    """Lists with filters and pages, other renderings: the ways a list can be asked for."""
    slug = here.forum.slug
    people = reverse("people:person-list", kwargs={"forum": slug})
    orgs = reverse("people:organization-list", kwargs={"forum": slug})
    meeting = here.objects["meeting"]
    urls = [
        f"{people}?q={here.objects['person'].family_name_latin}",
        f"{people}?q=Yamada&page=1",
        f"{people}?organization={here.objects['organization'].pk}",
        f"{people}?stakeholder_group={here.objects['group'].pk}",
        f"{people}?organization={other.objects['organization'].pk}",
        f"{people}?stakeholder_group={other.objects['group'].pk}",
        f"{people}?q=@example.org",
        f"{orgs}?stakeholder_group={other.objects['group'].pk}",
        f"{orgs}?kind={other.kind.pk}",
        f"{orgs}?stakeholder_group={here.objects['group'].pk}&kind={here.kind.pk}",
        f"{orgs}?country=JP",
        reverse("people:person-detail", kwargs={"forum": slug, "pk": here.objects["person"].pk}) + "?on=2020-01-01",
        reverse("core:events", kwargs={"forum": slug}) + "?page=1",
        reverse("meetings:registrations", kwargs=meeting.url_kwargs()) + "?print=1",
        reverse("meetings:checkin", kwargs=meeting.url_kwargs()) + "?q=Registrant",
        reverse("meetings:register", kwargs=here.open_meeting.url_kwargs()),
    ]
    calendar = reverse("calendar:index", kwargs={"forum": slug})
    urls += [
        f"{calendar}?year=2015",
        f"{calendar}?body=igf&country=BR&kind=meeting",
        reverse("calendar:ics", kwargs={"forum": slug}) + "?year=2015&meetings=1",
        reverse("calendar:presence-table", kwargs={"forum": slug, "year": 2015}) + "?body=igf",
        reverse("calendar:event", kwargs={"forum": slug, "pk": other.objects["event"].pk}),  # shared: found
        reverse("consultations:detail", kwargs={"forum": slug, "pk": other.objects["consultation"].pk}),  # shared
        reverse("consultations:radar", kwargs={"forum": slug}) + "?days=365",
        reverse("consultations:ics", kwargs={"forum": slug}),
    ]
    trends = reverse("trends:index", kwargs={"forum": slug})
    urls += [
        f"{trends}?topic={here.objects['topic'].code}",
        f"{trends}?topic=dns",  # a code both forums have (another forum's own codes: tests/trends/test_pages.py)
        f"{trends}?source={here.objects['trend_item'].source_name}&year=2016",
        f"{trends}?period=365&page=1",
    ]
    names = ("stakeholdergroup", "organization", "person", "meeting", "event", "presence", "consultation")
    for name in (*names, "consultationresponse", "trenditem", "workinggroup", "paper"):
        api = reverse(f"api:{name}-list", kwargs={"forum": slug})
        urls += [f"{api}?page=1", f"{api}?format=json", f"{api}?format=api"]
    # (A search for the other forum's marker echoes the term typed: see
    # test_searching_for_the_other_forum_finds_nothing, which looks at the results.)
    return urls


VIEWS = [
    pytest.param("sec_a", "a", id="secretariat-of-A-views-A"),
    pytest.param("sec_both", "a", id="secretariat-of-both-views-A"),
    pytest.param("sec_both", "b", id="secretariat-of-both-views-B"),
]


@pytest.mark.parametrize(("who", "key"), VIEWS)
def test_no_page_or_api_response_shows_the_other_forum(twins: Twins, who: str, key: str) -> None:
    here, other = twins.sides[key], twins.sides[OTHER[key]]
    client = twins.client(who)
    pages = [(route.name, url_for(route, here.objects)) for route in FORUM_ROUTES]
    pages += [("", url) for url in extra_urls(here, other)]
    wrong_status: list[str] = []
    leaked: list[str] = []
    seen_own = 0
    for name, url in pages:
        response = client.get(url)
        if response.status_code != ALLOWED_STATUS.get(name, 200):
            wrong_status.append(f"{url}: {response.status_code}")
            continue
        body = body_of(response)
        if leaks(body, OTHER[key]):
            leaked.append(url)
        seen_own += leaks(body, key)
    assert not wrong_status, "the secretariat should see every page:\n" + "\n".join(wrong_status)
    assert not leaked, f"pages of forum {key.upper()} showing forum {OTHER[key].upper()}:\n" + "\n".join(leaked)
    assert seen_own > 20, "the walk should see this forum's own marked records (the check can find a marker)"


@pytest.mark.parametrize("name", ["people:person-list", "people:organization-list"])
def test_searching_for_the_other_forum_finds_nothing(twins: Twins, name: str) -> None:
    a = twins.sides["a"]
    response = twins.client("sec_both").get(reverse(name, kwargs={"forum": a.forum.slug}), {"q": MARK["b"]})
    assert response.status_code == 200
    assert list(response.context["object_list"]) == []
    own = twins.client("sec_both").get(reverse(name, kwargs={"forum": a.forum.slug}), {"q": MARK["a"]})
    assert own.context["object_list"], "the same search finds this forum's records"


# --- another forum's records under this forum's address ------------------------------------------

OBJECT_KEYS = ["person", "affiliation", "organization", "group", "meeting", "item", "material", "registration"]
OBJECT_KEYS += ["batch", "import_item", "document", "event", "presence", "report_back"]
OBJECT_KEYS += ["consultation", "consultation_response", "topic", "trend_item", "trend_feed", "briefing"]
OBJECT_KEYS += ["working_group", "wg_member", "milestone", "paper", "hearing", "published_paper"]


def foreign_variants(route: Route, here: dict[str, Any], other: dict[str, Any]) -> list[str]:
    """``route`` under here's forum with one (or all) of its records taken from the other forum."""
    own = url_for(route, here)
    urls = []
    for keys in [[k] for k in OBJECT_KEYS] + [OBJECT_KEYS]:
        url = url_for(route, {**here, **{k: other[k] for k in keys}})
        if url != own and url not in urls:
            urls.append(url)
    return urls


# Routes that name no record of a forum: a shared international event (every forum shows each one,
# see test_a_shared_event_shows_only_this_forums_additions) or a year and month of the calendar.
SHARED = {
    "calendar:event",
    "calendar:event-update",
    "calendar:presence-create",
    "calendar:reportback-create",
    "calendar:year",
    "calendar:month",
    "calendar:presence-table",
    "api:event-detail",
    "api:body-detail",
    "api:eventkind-detail",
    # a shared consultation: found under every forum (its response page edits this forum's own)
    "consultations:detail",
    "consultations:update",
    "consultations:response",
    "api:consultation-detail",
    # a feed subscription belongs to the installation, like the events it feeds (every forum's
    # secretariat manages them all: tests/calendar/test_subscriptions.py)
    "calendar:subscription",
    "calendar:subscription-refresh",
    "calendar:subscription-delete",
}
ROUTES_WITH_RECORDS = [r for r in FORUM_ROUTES if r.kwargs - {"forum", "kind", "format"} and r.name not in SHARED]


@pytest.mark.parametrize("route", ROUTES_WITH_RECORDS, ids=lambda r: r.id)
def test_the_other_forums_records_under_this_forums_address_are_not_found(twins: Twins, route: Route) -> None:
    """Even for a user who may see the record in its own forum (the secretariat of both)."""
    a, b = twins.sides["a"], twins.sides["b"]
    urls = foreign_variants(route, a.objects, b.objects)
    assert urls, f"{route.name}: no record of B could be put into its address"
    client = twins.client("sec_both")
    before = snapshot()
    for url in urls:
        assert client.get(url).status_code == 404, f"GET {url}"
        if not route.name.startswith("api:"):
            # 405 where the view has no POST and checks the forum before the record: nothing found either
            assert client.post(url, {"confirm": "on"}).status_code in (404, 405), f"POST {url}"
    assert snapshot() == before


# --- filters --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("list_name", "param", "record"),
    [
        ("people:person-list", "organization", "organization"),
        ("people:person-list", "stakeholder_group", "group"),
        ("people:organization-list", "stakeholder_group", "group"),
        ("people:organization-list", "kind", "kind"),
    ],
)
def test_filters_naming_the_other_forums_records_are_refused(
    twins: Twins, list_name: str, param: str, record: str
) -> None:
    a, b = twins.sides["a"], twins.sides["b"]
    foreign = b.kind if record == "kind" else b.objects[record]
    client = twins.client("sec_both")
    url = reverse(list_name, kwargs={"forum": a.forum.slug})
    unfiltered = list(client.get(url).context["object_list"])
    response = client.get(url, {param: foreign.pk})
    assert response.status_code == 200
    form = response.context["filter"].form
    assert param in form.errors, "a choice from another forum is not a valid choice"
    assert list(response.context["object_list"]) == unfiltered, "the invalid filter is ignored"
    assert unfiltered
    assert all(o.forum_id == a.forum.pk for o in unfiltered)
    assert not leaks(body_of(response), "b")


# --- form choices ---------------------------------------------------------------------------------


class SelectParser(html.parser.HTMLParser):
    """The option values of every <select>, by the select's name."""

    def __init__(self) -> None:
        super().__init__()
        self.options: dict[str, set[str]] = {}
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "select":
            self._select = attr.get("name") or ""
            self.options.setdefault(self._select, set())
        elif tag == "option" and self._select is not None and attr.get("value"):
            self.options[self._select].add(str(attr["value"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def select_options(body: str) -> dict[str, set[str]]:
    parser = SelectParser()
    parser.feed(body)
    return parser.options


def pks(queryset: Any) -> set[str]:
    return {str(pk) for pk in queryset.values_list("pk", flat=True)}


def event_page(side: Side, name: str) -> str:
    """A page of the side's shared event, under the side's forum."""
    return reverse(f"calendar:{name}", kwargs={"forum": side.forum.slug, "pk": side.objects["event"].pk})


def choice_cases(side: Side) -> list[tuple[str, str, Any]]:
    """(page, select name, the records it may offer: all of them in this forum)."""
    f, o = side.forum, side.objects
    slug, person = f.slug, o["person"]
    register = side.open_meeting.url_kwargs()
    affiliation = reverse(
        "people:affiliation-update", kwargs={"forum": slug, "person": person.pk, "pk": o["affiliation"].pk}
    )
    return [
        (affiliation, "organization", Organization.objects.filter(forum=f)),  # the organisation chosen
        (f"/{slug}/people/new/", "gender", Gender.objects.filter(forum=f, active=True)),
        (f"/{slug}/organizations/new/", "stakeholder_group", StakeholderGroup.objects.filter(forum=f)),
        (f"/{slug}/organizations/new/", "kind", OrganizationKind.objects.filter(forum=f)),
        (f"/{slug}/people/", "organization", Organization.objects.filter(forum=f)),
        (f"/{slug}/people/", "stakeholder_group", StakeholderGroup.objects.filter(forum=f)),
        (f"/{slug}/organizations/", "stakeholder_group", StakeholderGroup.objects.filter(forum=f)),
        (f"/{slug}/organizations/", "kind", OrganizationKind.objects.filter(forum=f)),
        (reverse("meetings:register", kwargs=register), "stakeholder_group", StakeholderGroup.objects.filter(forum=f)),
        (reverse("meetings:register", kwargs=register), "gender", Gender.objects.filter(forum=f)),
        (reverse("meetings:meeting-create", kwargs={"forum": slug}), "series", f.meeting_series.all()),
        (event_page(side, "reportback-create"), "meeting", f.meetings.all()),
        (event_page(side, "reportback-create"), "agenda_item", AgendaItem.objects.filter(meeting__forum=f)),
    ]


def test_form_choices_offer_only_this_forums_records(twins: Twins) -> None:
    a, b = twins.sides["a"], twins.sides["b"]
    client = twins.client("sec_both")
    problems = []
    pages: dict[str, dict[str, set[str]]] = {}
    for url, name, allowed in choice_cases(a):
        if url not in pages:
            response = client.get(url)
            assert response.status_code == 200, url
            assert not leaks(body_of(response), "b"), url
            pages[url] = select_options(body_of(response))
        offered = pages[url].get(name)
        if offered is None:
            problems.append(f"{url}: no <select name={name!r}>")
        elif not offered:
            problems.append(f"{url} {name}: offers nothing (the test would prove nothing)")
        elif not offered <= pks(allowed):
            problems.append(f"{url} {name}: offers {sorted(offered - pks(allowed))}, not records of this forum")
    assert not problems, "\n".join(problems)
    # B's records are plainly absent from A's people filter
    organizations = pages[f"/{a.forum.slug}/people/"]["organization"]
    assert str(a.objects["organization"].pk) in organizations
    assert str(b.objects["organization"].pk) not in organizations


def test_pickers_search_only_this_forums_records(twins: Twins) -> None:
    """Person and organisation pickers list search results only: a term both forums match finds A's."""
    a, b = twins.sides["a"], twins.sides["b"]
    client = twins.client("sec_both")
    cases = [
        ("people", "Suzuki", Person.objects.filter(forum=a.forum), Person.objects.filter(forum=b.forum)),
        ("organizations", "o", Organization.objects.filter(forum=a.forum), Organization.objects.filter(forum=b.forum)),
    ]
    for kind, term, own, other in cases:
        assert other.search(term).exists(), "the other forum must have matches, or the test proves nothing"
        response = client.get(f"/{a.forum.slug}/{kind}/search/", {"q": term})
        offered = set(re.findall(r'<option value="(\d+)"', response.content.decode()))
        assert offered, kind
        assert offered <= pks(own.search(term)), kind
        assert not offered & pks(other), kind
    item = reverse("meetings:item", kwargs={**a.objects["meeting"].url_kwargs(), "pk": a.objects["item"].pk})
    affiliation = f"/{a.forum.slug}/people/{a.objects['person'].pk}/affiliations/new/"
    for url in (item, affiliation, f"/{a.forum.slug}/people/{a.objects['person'].pk}/merge/"):
        lists = select_options(body_of(client.get(url)))
        assert not any(lists.get(name) for name in ("person", "speaker", "organization", "duplicate")), url


# --- forged posts ---------------------------------------------------------------------------------


def form_errors(response: Any) -> dict[str, Any]:
    """The errors of every form in the response's template context, by field name."""
    errors: dict[str, Any] = {}
    for context in response.context or []:
        for value in context.flatten().values():
            if isinstance(value, BaseForm) and value.is_bound:
                errors.update(value.errors)
    return errors


def forged_posts(a: Side, b: Side) -> dict[str, tuple[str, dict[str, Any], str]]:
    """Case name: (A's url, data naming B's record, the field that must refuse it)."""
    slug, person, meeting = a.forum.slug, a.objects["person"], a.objects["meeting"].url_kwargs()
    item = reverse("meetings:item", kwargs={**meeting, "pk": a.objects["item"].pk})
    affiliation = reverse(
        "people:affiliation-update", kwargs={"forum": slug, "person": person.pk, "pk": a.objects["affiliation"].pk}
    )
    organization = reverse("people:organization-update", kwargs={"forum": slug, "pk": a.objects["organization"].pk})
    b_org, b_group, b_person = b.objects["organization"].pk, b.objects["group"].pk, b.objects["person"].pk
    return {
        "affiliation-create/organization": (
            f"/{slug}/people/{person.pk}/affiliations/new/",
            {"organization": b_org, "start": "2020-01-01", "is_primary": "on"},
            "organization",
        ),
        "affiliation-update/organization": (
            affiliation,
            {"organization": b_org, "start": "2015-04-01"},
            "organization",
        ),
        "person-merge/duplicate": (
            f"/{slug}/people/{person.pk}/merge/",
            {"duplicate": b_person, "confirm": "on"},
            "duplicate",
        ),
        "person-create/gender": (
            f"/{slug}/people/new/",
            {"family_name_latin": "Forged", "gender": b.gender.pk},
            "gender",
        ),
        "organization-create/stakeholder_group": (
            f"/{slug}/organizations/new/",
            {"name_en": "Forged", "stakeholder_group": b_group},
            "stakeholder_group",
        ),
        "organization-create/kind": (
            f"/{slug}/organizations/new/",
            {"name_en": "Forged", "stakeholder_group": a.objects["group"].pk, "kind": b.kind.pk},
            "kind",
        ),
        "organization-update/stakeholder_group": (
            organization,
            {"name_en": "Forged", "stakeholder_group": b_group},
            "stakeholder_group",
        ),
        "register/stakeholder_group": (
            reverse("meetings:register", kwargs=a.open_meeting.url_kwargs()),
            {"name": "Forged", "email": "forged@example.org", "mode": "onsite", "stakeholder_group": b_group},
            "stakeholder_group",
        ),
        "agenda-item/presenter": (item, {"action": "presenter", "person": b_person}, "person"),
        "agenda-item/intervention-speaker": (item, {"action": "intervention", "speaker": b_person}, "speaker"),
        "presence-create/person": (
            event_page(a, "presence-create"),
            {"person": b_person, "role": "speaker"},
            "person",
        ),
        "reportback-create/meeting": (
            event_page(a, "reportback-create"),
            {"meeting": b.objects["meeting"].pk},
            "meeting",
        ),
        "reportback-create/agenda_item": (
            event_page(a, "reportback-create"),
            {"agenda_item": b.objects["item"].pk},
            "agenda_item",
        ),
        "comment-create/stakeholder_group": (
            a.objects["hearing"].urls.comment_create,
            {"text": "Forged", "stakeholder_group": b_group},
            "stakeholder_group",
        ),
        "comment-create/parent": (
            a.objects["hearing"].urls.comment_create,
            {"text": "Forged", "parent": b.objects["hearing"].comments.get().pk},
            "parent",
        ),
    }


FORGED = [
    "affiliation-create/organization",
    "affiliation-update/organization",
    "person-merge/duplicate",
    "person-create/gender",
    "organization-create/stakeholder_group",
    "organization-create/kind",
    "organization-update/stakeholder_group",
    "register/stakeholder_group",
    "agenda-item/presenter",
    "agenda-item/intervention-speaker",
    "presence-create/person",
    "reportback-create/meeting",
    "reportback-create/agenda_item",
    "comment-create/stakeholder_group",
    "comment-create/parent",
]


@pytest.mark.parametrize("case", FORGED)
def test_forged_posts_naming_the_other_forums_records_are_refused(twins: Twins, case: str) -> None:
    cases = forged_posts(twins.sides["a"], twins.sides["b"])
    assert set(cases) == set(FORGED)
    url, data, field = cases[case]
    before = snapshot()
    response = twins.client("sec_both").post(url, data)
    assert response.status_code in (200, 400), f"POST {url}: {response.status_code}"
    assert field in form_errors(response), f"POST {url}: no error on {field}: {form_errors(response)}"
    assert snapshot() == before, f"POST {url} wrote to the database"


def test_tagging_with_the_other_forums_topic_is_refused(twins: Twins) -> None:
    """A's meeting and a shared event, tagged under A's address with B's topic: nothing written."""
    a, b = twins.sides["a"], twins.sides["b"]
    client = twins.client("sec_both")
    before = snapshot()
    for kind, target in (("meeting", a.objects["meeting"]), ("event", b.objects["event"])):
        url = reverse("topics:tag-record", kwargs={"forum": a.forum.slug, "kind": kind, "pk": target.pk})
        response = client.post(url, {"action": "add", "topic": b.objects["topic"].code})
        assert response.status_code == 302, url  # back to the record's page, with the refusal
    assert snapshot() == before


def test_a_membership_of_the_other_forum_cannot_be_changed_from_this_one(twins: Twins) -> None:
    a, b = twins.sides["a"], twins.sides["b"]
    target = b.member_membership
    before = snapshot()
    response = twins.client("sec_both").post(
        reverse("core:members", kwargs={"forum": a.forum.slug}),
        {"membership": target.pk, "role": Role.SECRETARIAT},
        follow=True,
    )
    assert response.status_code == 200
    assert "No such member." in body_of(response)
    assert snapshot() == before
    assert Membership.objects.get(pk=target.pk).role == Role.MEMBER
    assert not ActivityEntry.objects.filter(forum=a.forum, verb__startswith="member").exists()


# --- the site-wide lists of forums ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "visible"),
    [
        ("anonymous", {"iso-a", "iso-c"}),
        ("visitor", {"iso-a", "iso-c"}),
        ("sec_a", {"iso-a", "iso-c"}),
        ("member_b", {"iso-a", "iso-b", "iso-c"}),
        ("sec_both", {"iso-a", "iso-b", "iso-c"}),
    ],
)
def test_forum_lists_show_public_forums_and_the_users_own(twins: Twins, who: str, visible: set[str]) -> None:
    """A public, B private; C public and D private with no members among the cast."""
    Forum.objects.filter(pk=twins.sides["b"].forum.pk).update(is_public=False)
    ForumFactory(slug="iso-c", is_public=True)
    ForumFactory(slug="iso-d", is_public=False)
    slugs = {"iso-a", "iso-b", "iso-c", "iso-d"}
    client = twins.client(who)
    home = body_of(client.get(reverse("core:home")))
    assert {s for s in slugs if f'href="/{s}/"' in home} == visible
    api = client.get(reverse("api:forum-list")).json()
    assert {row["slug"] for row in api["results"]} & slugs == visible
    assert api["count"] == len(visible)
    for slug in slugs:
        detail = client.get(reverse("api:forum-detail", kwargs={"slug": slug}))
        assert detail.status_code == (200 if slug in visible else 404), slug
    if "iso-b" not in visible:
        assert not leaks(home, "b")
        assert not leaks(str(api), "b")


# --- the international calendar: shared events, each forum's own additions ------------------------


def test_a_shared_event_shows_only_this_forums_additions(twins: Twins) -> None:
    """A's event and B's are both on both calendars; under A's address each shows A's presence and
    report-backs only (B's person and notes at A's event stay in B)."""
    a, b = twins.sides["a"], twins.sides["b"]
    client = twins.client("sec_both")
    for event in (a.objects["event"], b.objects["event"]):
        page = body_of(client.get(reverse("calendar:event", kwargs={"forum": a.forum.slug, "pk": event.pk})))
        assert not leaks(page, "b"), event
        assert leaks(page, "a"), "A's own additions show (the check can find a marker)"
    api = body_of(client.get(reverse("api:presence-list", kwargs={"forum": a.forum.slug})))
    assert leaks(api, "a")
    assert not leaks(api, "b")


def test_the_presence_table_counts_this_forums_people_only(twins: Twins) -> None:
    a, b = twins.sides["a"], twins.sides["b"]
    response = twins.client("sec_both").get(
        reverse("calendar:presence-table", kwargs={"forum": a.forum.slug, "year": 2015})
    )
    table = response.context["table"]
    assert table.total == a.forum.calendar_presence.count() == 2  # A's person at A's event, A's second at B's
    assert not leaks(body_of(response), "b")
    assert b.forum.calendar_presence.count() == 2


def test_another_forums_edit_of_a_shared_event_names_neither_the_forum_nor_the_editor(twins: Twins) -> None:
    a, b = twins.sides["a"], twins.sides["b"]
    editor = Membership.objects.filter(forum=b.forum, role=Role.SECRETARIAT).first().user  # type: ignore[union-attr]
    event = a.objects["event"]
    event.refresh_from_db()
    event.city_en = "Geneva"
    update_event(event, event.version, b.forum, editor, message="city corrected")
    url = reverse("calendar:event", kwargs={"forum": a.forum.slug, "pk": event.pk})
    for who in ("anonymous", "sec_a"):
        page = body_of(twins.client(who).get(url))
        assert "city corrected" in page  # the shared fact's history
        assert "another forum" in page
        assert not leaks(page, "b"), who
        assert "iso-sec-b" not in page
    own = body_of(
        twins.client("sec_both").get(reverse("calendar:event", kwargs={"forum": b.forum.slug, "pk": event.pk}))
    )
    assert "this forum" in own
