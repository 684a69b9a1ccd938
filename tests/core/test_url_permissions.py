"""Every URL pattern of the project, for every role, gets exactly the expected allow or deny.

The test walks ``get_resolver().url_patterns`` recursively. Every named URL must appear either in
``EXPECTED`` (the least role that may GET it) or in ``EXEMPT`` (with the reason); a URL in neither
fails the suite, so a new view cannot ship without its rule here and in the permission registry
(``mshub/core/permissions.py``).

Outcomes:

* allowed: 200, or the status documented in ``ALLOWED_STATUS`` (e.g. 405 for POST-only views);
* denied, page: anonymous visitors are redirected to sign in (302 to the login URL with ``next``),
  signed-in users get 403;
* denied, API (``api:``): 403 for everyone (DRF session authentication sends no challenge, so
  anonymous callers get 403, not 401).

The walk runs for a public forum and again for a private one (``is_public=False``), where
"public" routes are closed to anonymous visitors and to the signed-in non-member ("visitor").

For speed the records are built once per module (in a transaction rolled back at the end), each
test runs in its own savepoint (see ``db`` below) and one signed-in session per role is reused.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client, TestCase, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from mshub.calendar.models import FeedSubscription
from mshub.core.models import Forum, Membership, Role
from mshub.core.permissions import PERMISSIONS
from mshub.core.rest.permissions import RulesPermission
from mshub.core.views.base import ForumView
from tests.conftest import ROLES, Cast
from tests.factories import (
    AffiliationFactory,
    ForumFactory,
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    UserFactory,
)

# The order of rights the suite expects, independent of the application's own rank table.
LEVEL = {"anonymous": 0, "visitor": 0, "member": 1, "wg_chair": 2, "steering": 3, "secretariat": 4}
NEEDED = {"link": 0, "public": 0, "signed_in": 0, "member": 1, "wg_chair": 2, "steering": 3, "secretariat": 4}

# URL name -> the least role that may GET it.
#   "public":    anyone who may read the forum: everyone for a public forum, members only for a
#                private one; for a site-wide URL (no <forum>), simply everyone.
#   "signed_in": any signed-in account (site-wide account pages).
#   "link":      anyone holding a secret link mailed to a registrant or a presenter, in a private forum too.
EXPECTED: dict[str, str] = {
    # core
    "core:home": "public",
    "core:forum": "public",
    "core:forum-settings": "secretariat",
    "core:members": "steering",
    "core:events": "secretariat",
    # people: the registry
    "people:person-list": "member",
    "people:person-create": "steering",
    "people:person-search": "member",
    "people:person-detail": "member",
    "people:person-update": "steering",
    "people:person-merge": "secretariat",
    "people:person-export": "secretariat",
    "people:person-erase": "secretariat",
    "people:affiliation-create": "steering",
    "people:affiliation-update": "steering",
    "people:organization-list": "public",
    "people:organization-create": "steering",
    "people:organization-search": "public",
    "people:organization-detail": "public",
    "people:organization-update": "steering",
    "people:stakeholdergroup-list": "public",
    "topics:topic-list": "public",
    # briefings: the walker's briefing is published for the steering group
    "briefings:list": "public",
    "briefings:create": "secretariat",
    "briefings:detail": "steering",
    "briefings:builder": "secretariat",
    "briefings:publish": "secretariat",
    "briefings:attach": "secretariat",
    "briefings:slides": "steering",
    "briefings:markdown": "steering",
    "briefings:pdf": "steering",
    "briefings:versions": "steering",
    "briefings:version": "steering",
    "briefings:version-slides": "steering",
    "briefings:version-markdown": "steering",
    "briefings:version-pdf": "steering",
    "api:briefing-list": "public",
    "api:briefing-detail": "steering",
    "topics:topic": "public",
    "topics:topic-create": "secretariat",
    "topics:topic-update": "secretariat",
    "topics:topic-state": "secretariat",
    "topics:topic-delete": "secretariat",
    "topics:topic-suggest": "secretariat",
    "topics:trends": "steering",
    "topics:trends-csv": "steering",
    "topics:topic-trends": "steering",
    "topics:topic-trends-csv": "steering",
    "topics:tag-record": "steering",  # and the record's own rule: a meeting's (steering) here
    "core:vocabulary-index": "secretariat",
    "core:vocabulary-create": "secretariat",
    "core:vocabulary-update": "secretariat",
    # meetings
    "meetings:index": "public",
    "meetings:meeting-create": "steering",
    "meetings:forum-ics": "public",
    "meetings:reports-feed": "public",
    "meetings:statistics": "member",
    "meetings:actions": "member",
    "meetings:statistics-csv": "member",
    "meetings:series": "public",
    "meetings:series-ics": "public",
    "meetings:series-create": "secretariat",
    "meetings:series-update": "secretariat",
    "meetings:meeting": "public",
    "meetings:meeting-ics": "public",
    "meetings:register": "public",
    "meetings:registration-cancel": "link",
    "meetings:my-registration": "public",
    "meetings:meeting-update": "steering",
    "meetings:meeting-status": "steering",
    "meetings:agenda": "steering",
    "meetings:item": "steering",
    "meetings:presenter-confirm": "link",
    "meetings:memo": "steering",
    "meetings:material": "public",
    "meetings:proposals": "member",
    "meetings:survey": "link",
    "meetings:survey-results": "steering",
    "meetings:registrations": "steering",
    "meetings:registrations-csv": "steering",
    "meetings:registrations-badges": "steering",
    "meetings:registrations-mail": "secretariat",
    "meetings:registration-manage": "secretariat",
    "meetings:checkin": "steering",
    "meetings:report": "public",
    "meetings:report-version": "public",
    "meetings:report-md": "public",
    "meetings:report-pdf": "public",
    "meetings:publish": "secretariat",
    # calendar: shared events, this forum's presence and report-backs
    "calendar:index": "public",
    "calendar:timeline": "public",
    "calendar:ics": "public",
    "calendar:year": "public",
    "calendar:month": "public",
    "calendar:presence-table": "member",
    "calendar:event-create": "secretariat",
    "calendar:event": "public",
    "calendar:event-update": "secretariat",
    "calendar:import": "secretariat",
    "calendar:subscription-create": "secretariat",
    "calendar:subscription": "secretariat",
    "calendar:subscription-refresh": "secretariat",
    "calendar:subscription-delete": "secretariat",
    "calendar:presence-create": "steering",
    "calendar:presence-delete": "steering",
    "calendar:reportback-create": "steering",
    "calendar:reportback-delete": "steering",
    # consultations: shared consultations, this forum's response, the deadline radar
    "consultations:index": "public",
    "consultations:create": "secretariat",
    "consultations:detail": "public",
    "consultations:update": "secretariat",
    "consultations:response": "steering",
    "consultations:proof": "member",
    "consultations:radar": "member",
    "consultations:ics": "public",
    "consultations:digest": "member",
    # trends: the forum's internal working notes (members read), feeds (the secretariat's)
    "trends:index": "member",
    "trends:item-create": "secretariat",
    "trends:item": "member",
    "trends:item-update": "secretariat",
    "trends:item-delete": "secretariat",
    "trends:feeds": "secretariat",
    "trends:feed-create": "secretariat",
    "trends:feed": "secretariat",
    "trends:feed-update": "secretariat",
    "trends:feed-poll": "secretariat",
    "trends:feed-delete": "secretariat",
    # working groups: read by whoever reads the forum; run by the group's chairs (the walker's
    # wg_chair account chairs no group: tests/workinggroups/test_rules.py) and the secretariat
    "workinggroups:index": "public",
    "workinggroups:group-create": "wg_chair",
    "workinggroups:group": "public",
    "workinggroups:group-update": "secretariat",
    "workinggroups:members": "secretariat",
    "workinggroups:member-remove": "secretariat",
    "workinggroups:plan": "public",
    "workinggroups:plan-pdf": "public",
    "workinggroups:milestone-create": "secretariat",
    "workinggroups:milestone-update": "secretariat",
    "workinggroups:milestone-delete": "secretariat",
    # position papers: the walker's paper is a draft of a group none of the walker's accounts belongs to
    # (its member is a person without an account): read by the steering group and the secretariat,
    # edited by the secretariat; started by the group's chairs and the secretariat
    "papers:index": "public",
    "papers:paper-create": "secretariat",
    "papers:paper": "steering",
    "papers:paper-edit": "secretariat",
    "papers:revisions": "steering",
    "papers:revision": "steering",
    "papers:compare": "steering",
    # papers: hearings and dispositions. The walker's paper is in an open hearing for the forum's
    # members, so they read it; the group's chairs (none of the walker's roles) and the secretariat run it
    "papers:hearing-create": "secretariat",
    "papers:hearing": "member",
    "papers:comment-create": "member",
    "papers:dispose": "secretariat",
    "papers:dispositions": "member",
    "papers:dispositions-csv": "member",
    # papers: the walker's published paper (its renders are the forum's readers'); its state and
    # submission are its group's chairs' (the walker's wg_chair chairs none) and the secretariat's
    "papers:paper-state": "secretariat",
    "papers:paper-submission": "secretariat",
    "papers:paper-published": "public",
    "papers:paper-markdown": "public",
    "papers:paper-pdf": "public",
    # archive
    "archive:index": "secretariat",
    "archive:batch": "secretariat",
    "archive:batch-publish": "secretariat",
    "archive:review": "secretariat",
    "archive:document": "secretariat",
    "archive:document-file": "secretariat",
    "archive:document-remove": "secretariat",
    # the JSON API
    "api:api-root": "public",
    "api:schema": "public",
    "api:docs": "public",
    "api:forum-list": "public",
    "api:forum-detail": "public",
    "api:stakeholdergroup-list": "public",
    "api:stakeholdergroup-detail": "public",
    "api:organization-list": "public",
    "api:organization-detail": "public",
    "api:person-list": "member",
    "api:person-detail": "member",
    "api:meeting-list": "public",
    "api:meeting-detail": "public",
    "api:body-list": "public",
    "api:body-detail": "public",
    "api:eventkind-list": "public",
    "api:eventkind-detail": "public",
    "api:event-list": "public",
    "api:event-detail": "public",
    "api:presence-list": "member",
    "api:presence-detail": "member",
    "api:consultation-list": "public",
    "api:consultation-detail": "public",
    "api:consultationresponse-list": "member",
    "api:consultationresponse-detail": "member",
    "api:trenditem-list": "member",
    "api:trenditem-detail": "member",
    "api:topic-list": "public",
    "api:topic-detail": "public",
    "api:workinggroup-list": "public",
    "api:workinggroup-detail": "public",
    "api:paper-list": "public",
    "api:paper-detail": "public",
    # accounts (site-wide)
    "accounts:login": "public",
    "accounts:logout": "public",
    "accounts:profile": "signed_in",
    "accounts:set-timezone": "public",
    "accounts:password_change": "signed_in",
    "accounts:password_change_done": "signed_in",
    "accounts:password_reset": "public",
    "accounts:password_reset_done": "public",
    "accounts:password_reset_confirm": "public",
    "accounts:password_reset_complete": "public",
    # i18n
    "set_language": "public",
    "javascript-catalog": "public",
}

# Allowed GETs that do not answer 200, and why.
ALLOWED_STATUS: dict[str, int] = {
    "meetings:meeting-status": 405,  # POST only; the permission is checked before the method
    "meetings:publish": 405,  # POST only
    "meetings:my-registration": 405,  # POST only (switch mode or cancel from the meeting page)
    "archive:batch-publish": 405,  # POST only
    "calendar:presence-delete": 405,  # POST only
    "calendar:reportback-delete": 405,  # POST only
    "calendar:subscription-refresh": 405,  # POST only
    "calendar:subscription-delete": 405,  # POST only
    "topics:topic-state": 405,  # POST only
    "trends:item-delete": 405,  # POST only
    "trends:feed-poll": 405,  # POST only
    "trends:feed-delete": 405,  # POST only
    "workinggroups:member-remove": 405,  # POST only
    "workinggroups:milestone-delete": 405,  # POST only
    "papers:comment-create": 405,  # POST only
    "topics:tag-record": 405,  # POST only
    "briefings:publish": 405,  # POST only
    "papers:paper-state": 405,  # POST only
    "accounts:logout": 405,  # POST only (Django's LogoutView)
    "accounts:set-timezone": 405,  # POST only
    "set_language": 405,  # POST only
}

# URL namespaces ("ns:*") or names left out of the walk, with the reason.
EXEMPT: dict[str, str] = {
    "admin:*": "Django's admin, guarded by its own is_staff check (see test_admin_is_staff_only)",
}


@dataclass(frozen=True)
class Route:
    name: str  # namespaced, e.g. "people:person-list"
    route: str  # the full pattern, e.g. "<slug:forum>/people/<int:pk>/"
    callback: Any
    kwargs: frozenset[str]

    @property
    def id(self) -> str:
        return f"{self.name}.<format>" if "format" in self.kwargs else self.name

    @property
    def in_forum(self) -> bool:
        return "forum" in self.kwargs


_KWARG = re.compile(r"<(?:\w+:)?(\w+)>")


def walk(patterns: list[Any] | None = None, prefix: str = "", namespace: str = "") -> list[Route]:
    """Every URL pattern below ``patterns`` (default: the project's), with its full route and name."""
    routes: list[Route] = []
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            routes += walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            full = prefix + str(p.pattern)
            kwargs = frozenset(_KWARG.findall(full)) | frozenset(p.pattern.regex.groupindex)
            routes.append(Route(f"{namespace}{p.name or ''}", full, p.callback, kwargs))
    return routes


def is_exempt(name: str) -> bool:
    return name in EXEMPT or any(k.endswith(":*") and name.startswith(k[:-1]) for k in EXEMPT)


ALL_ROUTES = walk()
ROUTES = [r for r in ALL_ROUTES if not is_exempt(r.name)]
FORUM_ROUTES = [r for r in ROUTES if r.in_forum]
# Site-wide URLs that list or show forums: the only ones a forum's visibility changes.
FORUM_LISTINGS = [r for r in ROUTES if r.name in {"core:home", "api:forum-list", "api:forum-detail"}]


def view_class(route: Route) -> type | None:
    """The class behind a URL: ``view_class`` for Django class-based views, ``cls`` for DRF viewsets."""
    return getattr(route.callback, "view_class", None) or getattr(route.callback, "cls", None)


# --- the records every URL can name -------------------------------------------------------------


@dataclass
class World:
    cast: Cast
    objects: dict[str, Any]
    sessions: dict[str, str]  # role -> session key of a signed-in session

    def client(self, role: str) -> Client:
        """A fresh client carrying the role's module-wide session (cookies never leak between tests)."""
        client = Client()
        if role != "anonymous":
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[role]
        return client


def make_cast(slug: str = "perm-forum") -> Cast:
    forum = ForumFactory(slug=slug, name_ja="権限フォーラム", name_en="Permission forum", is_public=True)
    users = {"visitor": UserFactory(email=f"visitor@{slug}.example.org")}
    for role in (Role.MEMBER, Role.WG_CHAIR, Role.STEERING, Role.SECRETARIAT):
        user = UserFactory(email=f"{role.value}@{slug}.example.org")
        MembershipFactory(forum=forum, user=user, role=role)
        users[role.value] = user
    return Cast(forum=forum, users=users)


def build_objects(forum: Forum, mark: str = "") -> dict[str, Any]:
    """One of each record a forum URL can name: a person with an affiliation, a meeting with an
    agenda item, a material, a registration and a published report, an archive import.

    With ``mark``, every name and title carries it (tests/core/test_forum_isolation.py looks for it).
    """
    from mshub.archive.models import ArchiveDocument, ImportBatch, ImportItem
    from mshub.meetings.models import AttendanceMode, MeetingSeries, Presenter
    from mshub.meetings.services import registration as reg
    from mshub.meetings.services.agenda import add_item
    from mshub.meetings.services.meetings import change_status, create_meeting
    from mshub.meetings.services.minutes import add_material
    from mshub.meetings.services.publishing import publish_report
    from mshub.people.models import Gender, StakeholderGroup
    from mshub.topics.models import Topic
    from mshub.topics.services import tag

    code = mark.lower() or "regular"
    if mark:
        group = StakeholderGroup.objects.create(forum=forum, code=code, name_ja=f"{mark} 群", name_en=f"{mark} group")
    else:
        group = StakeholderGroup.objects.get(forum=forum, code="government")
    person = PersonFactory(
        forum=forum,
        family_name_ja=f"{mark}山田",
        family_name_latin=f"{mark}Yamada",
        email=f"{code}-person@example.org",
        gender=Gender.objects.get(forum=forum, code="female"),
        notes=f"{mark} secretariat note: private",
    )
    organization = OrganizationFactory(
        forum=forum, name_ja=f"{mark}組織", name_en=f"{mark} Organisation", stakeholder_group=group
    )
    affiliation = AffiliationFactory(person=person, organization=organization, title_en=f"{mark} Director")
    series = MeetingSeries.objects.create(forum=forum, slug=code, name_ja=f"{mark}定例", name_en=f"{mark} Regular")
    start = dt.datetime.now(dt.UTC) + dt.timedelta(days=10)
    meeting = create_meeting(series, start=start, end=start + dt.timedelta(hours=2), title_en=f"{mark} Meeting")
    item = add_item(meeting, title_ja=f"{mark}議題", title_en=f"{mark} Item")
    presenter = Presenter.objects.create(item=item, person=person, confirmation_token=f"{code}-presenter-link")
    material = add_material(meeting, title_ja=f"{mark}資料", upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n"))
    meeting = change_status(meeting, "announced")
    registration = reg.register(
        meeting,
        name=f"{mark} Registrant",
        email=f"{code}-registrant@example.org",
        mode=AttendanceMode.ONSITE,
        stakeholder_group=group,
        gender=Gender.objects.get(forum=forum, code="male"),
    )
    meeting = change_status(meeting, "held", now=meeting.end)
    with TestCase.captureOnCommitCallbacks(execute=True):
        publish_report(meeting)  # and, as after a commit, render and store the PDFs
    batch = ImportBatch.objects.create(forum=forum)
    import_item = ImportItem.objects.create(
        batch=batch,
        name=f"{code}-report.txt",
        status="parsed",
        record={"genre": "other", "title": f"{mark} Report"},
        file=SimpleUploadedFile("r.txt", f"{mark} text".encode()),
    )
    event, presence, report_back = calendar_objects(forum, person, meeting, mark)
    consultation, consultation_response = consultation_objects(forum, person, mark)
    if mark:
        topic = Topic.objects.create(forum=forum, code=f"{code}-topic", name_ja=f"{mark} 論点", name_en=f"{mark} topic")
    else:
        topic = Topic.objects.get(forum=forum, code="dns")
    for tagged in (person, meeting, item, event, consultation):  # a shared record carries each forum's own
        tag(forum, tagged, [topic], None)
    trend_item, trend_feed = trend_objects(forum, organization, topic, mark)
    briefing = briefing_objects(forum, mark)
    working_group, wg_member, milestone = workinggroup_objects(forum, person, event, consultation, mark)
    paper, hearing = paper_objects(forum, working_group, consultation, group, mark)
    published_paper = published_paper_objects(working_group, consultation, mark)
    document = ArchiveDocument.objects.create(
        forum=forum,
        sha256=f"{code:0>64}"[-64:],
        name=f"{code}-memo.txt",
        genre="other",
        text=f"{mark} archived text",
        file=SimpleUploadedFile("m.txt", f"{mark} archived text".encode()),
    )
    return {
        "forum": forum,
        "person": person,
        "affiliation": affiliation,
        "organization": organization,
        "group": group,
        "series": series,
        "meeting": meeting,
        "item": item,
        "material": material,
        "registration": registration,
        "presenter": presenter,
        "batch": batch,
        "import_item": import_item,
        "document": document,
        "event": event,
        "presence": presence,
        "report_back": report_back,
        # Installation-wide, like the events it feeds (every forum's secretariat manages it): unmarked.
        "subscription": FeedSubscription.objects.create(
            name="Walker feed", url="https://example.org/f.ics", forum=forum
        ),
        "consultation": consultation,
        "consultation_response": consultation_response,
        "topic": topic,
        "trend_item": trend_item,
        "trend_feed": trend_feed,
        "briefing": briefing,
        "working_group": working_group,
        "wg_member": wg_member,
        "milestone": milestone,
        "paper": paper,
        "hearing": hearing,
        "published_paper": published_paper,
    }


def published_paper_objects(working_group: Any, consultation: Any, mark: str = "") -> Any:
    """A paper of the working group answering the consultation, taken to published (its PDF
    rendered, as after the commit)."""
    from mshub.papers.services.revisions import create_paper
    from mshub.papers.services.states import move

    paper = create_paper(
        working_group,
        actor=None,
        text=f"# {mark}意見書\n\n{mark} paper text.\n",
        title_ja=f"{mark}意見書",
        title_en=f"{mark} Paper",
        consultation=consultation,
    )
    move(paper, "final", actor=None)
    with TestCase.captureOnCommitCallbacks(execute=True):
        move(paper, "published", actor=None)
    paper.refresh_from_db()
    return paper


def workinggroup_objects(forum: Forum, person: Any, event: Any, consultation: Any, mark: str = "") -> tuple[Any, ...]:
    """This forum's working group (marked), with the person as a member and a milestone aimed at the event."""
    from mshub.workinggroups.services import add_member, add_milestone, create_group

    group = create_group(
        forum,
        None,
        name_ja=f"{mark}作業部会",
        name_en=f"{mark} Working group",
        slug=f"{mark.lower() or 'regular'}-wg",
        charter_en=f"{mark} charter",
        state="active",
    )
    member = add_member(forum, None, group, person)
    milestone = add_milestone(
        forum,
        None,
        group,
        kind="draft",
        title_ja=f"{mark}原案",
        title_en=f"{mark} Draft",
        month=dt.date(2015, 11, 1),
        target_event=event,
        note=f"{mark} milestone note",
    )
    return group, member, milestone


def paper_objects(forum: Forum, working_group: Any, consultation: Any, group: Any, mark: str = "") -> tuple[Any, Any]:
    """A draft paper of the working group (marked), at revision 2; and a second paper of the group in an
    open hearing for the forum's members, with a comment (marked) of an account under the forum's
    stakeholder group ``group``."""
    from mshub.papers.services.hearings import add_comment, open_hearing
    from mshub.papers.services.revisions import create_paper, save_revision

    paper = create_paper(
        working_group,
        actor=None,
        text=f"# {mark}意見書\n\n{mark}第一段落。\n",
        title_ja=f"{mark}意見書",
        title_en=f"{mark} Paper",
        consultation=consultation,
    )
    save_revision(paper, base_number=1, text=f"# {mark}意見書\n\n{mark}第一段落です。\n", message=mark, actor=None)
    heard = create_paper(
        working_group,
        actor=None,
        text=f"{mark} 第一段落。\n\n{mark} 第二段落。\n",
        title_ja=f"{mark}意見書（ヒヤリング）",
    )
    now = dt.datetime.now(dt.UTC)
    hearing = open_hearing(
        heard,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=30),
        audience="members",
        note=f"{mark} hearing note",
        actor=None,
    )
    commenter = UserFactory(email=f"{mark.lower() or 'regular'}-commenter@example.org")
    add_comment(hearing, user=commenter, text=f"{mark} comment", stakeholder_group=group)
    return paper, hearing


def trend_objects(forum: Forum, organization: Any, topic: Any, mark: str = "") -> tuple[Any, Any]:
    """This forum's trend item (naming its organisation, under its topic) and trend feed, both marked."""
    from mshub.trends.services import create_feed, create_item

    item = create_item(
        forum,
        None,
        topics=[topic],
        organizations=[organization],
        title=f"{mark} Trend item",
        summary_en=f"{mark} trend summary",
        date=dt.date(2016, 7, 6),
        source_name=f"{mark} Source",
        source_url=f"https://example.org/{mark.lower() or 'regular'}/trend",
    )
    feed = create_feed(forum, None, name=f"{mark} Trend feed", url="https://example.org/trends.xml", topics=[topic])
    return item, feed


def briefing_objects(forum: Forum, mark: str = "") -> Any:
    """A briefing for the steering group on the month of the forum's trend item (trend_objects),
    published (its PDF rendered, as after a commit)."""
    from mshub.briefings.builder import create_briefing
    from mshub.briefings.publishing import publish

    briefing = create_briefing(
        forum, None, title_en=f"{mark} Briefing", period_start=dt.date(2016, 7, 1), period_end=dt.date(2016, 7, 31)
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        publish(briefing)
    return briefing


def calendar_objects(forum: Forum, person: Any, meeting: Any, mark: str = "") -> tuple[Any, Any, Any]:
    """A shared event made through this forum (its name unmarked: every forum shows it), and this
    forum's presence at it and report-back on it (marked: no other forum may show them)."""
    from mshub.calendar.models import Body, EventKind
    from mshub.calendar.services import add_presence, add_report_back, create_event

    event = create_event(
        forum,
        name_en="Walker summit",
        name_ja="巡回サミット",
        body=Body.objects.get(code="igf"),
        kind=EventKind.objects.get(code="meeting"),
        precision="days",
        start_date=dt.date(2015, 11, 10),
        end_date=dt.date(2015, 11, 13),
    )
    presence = add_presence(forum, event, person, role="speaker", note=f"{mark} presence note")
    report_back = add_report_back(forum, event, meeting=meeting, title_en=f"{mark} Report-back", title_ja=f"{mark}報告")
    return event, presence, report_back


def consultation_objects(forum: Forum, person: Any, mark: str = "") -> tuple[Any, Any]:
    """A shared consultation made through this forum (unmarked: every forum shows it), and this
    forum's response to it with a proof file (marked: no other forum may show it)."""
    from mshub.calendar.models import Body
    from mshub.consultations.services import create_consultation, response_of, save_response

    consultation = create_consultation(
        forum,
        title_en="Walker consultation",
        body=Body.objects.get(code="icann"),
        timezone="UTC",
        opens=dt.datetime(2015, 10, 1, tzinfo=dt.UTC),
        closes=dt.datetime(2015, 12, 7, 23, 59, tzinfo=dt.UTC),
        questions=[("", "Walker question")],
    )
    response = response_of(forum, consultation)
    response.person_in_charge, response.decision, response.note = person, "respond", f"{mark} response note"
    proof = SimpleUploadedFile(f"{mark}-proof.txt", f"{mark} proof of submission".encode())
    save_response(response, None, proof=proof)
    return consultation, response


def url_kwargs(name: str, o: dict[str, Any]) -> dict[str, Any]:
    """The URL arguments for ``name``; ``pk`` names a different model on different routes."""
    person, meeting = o["person"], o["meeting"]
    by_name: dict[str, dict[str, Any]] = {
        "people:person-detail": {"pk": person.pk},
        "people:person-update": {"pk": person.pk},
        "people:person-merge": {"pk": person.pk},
        "people:person-export": {"pk": person.pk},
        "people:person-erase": {"pk": person.pk},
        "people:affiliation-create": {"person": person.pk},
        "people:affiliation-update": {"person": person.pk, "pk": o["affiliation"].pk},
        "people:organization-detail": {"pk": o["organization"].pk},
        "people:organization-update": {"pk": o["organization"].pk},
        "core:vocabulary-create": {"kind": "stakeholder-groups"},
        "core:vocabulary-update": {"kind": "stakeholder-groups", "pk": o["group"].pk},
        "meetings:item": {"pk": o["item"].pk},
        "meetings:material": {"pk": o["material"].pk},
        "meetings:registration-cancel": {"token": o["registration"].token},
        "meetings:survey": {"token": o["registration"].token},
        "meetings:presenter-confirm": {"token": o["presenter"].confirmation_token},
        "meetings:registration-manage": {"pk": o["registration"].pk},
        "meetings:report-version": {"version": 1},
        "archive:batch": {"pk": o["batch"].pk},
        "archive:batch-publish": {"pk": o["batch"].pk},
        "archive:review": {"pk": o["import_item"].pk},
        "archive:document": {"pk": o["document"].pk},
        "archive:document-file": {"pk": o["document"].pk},
        "archive:document-remove": {"pk": o["document"].pk},
        "api:forum-detail": {"slug": o["forum"].slug},
        "api:stakeholdergroup-detail": {"pk": o["group"].pk},
        "api:organization-detail": {"pk": o["organization"].pk},
        "api:person-detail": {"pk": person.pk},
        "api:meeting-detail": {"pk": meeting.pk},
        "calendar:year": {"year": 2015},
        "calendar:month": {"year": 2015, "month": 11},
        "calendar:presence-table": {"year": 2015},
        "calendar:event": {"pk": o["event"].pk},
        "calendar:event-update": {"pk": o["event"].pk},
        "calendar:presence-create": {"pk": o["event"].pk},
        "calendar:reportback-create": {"pk": o["event"].pk},
        "calendar:presence-delete": {"event": o["event"].pk, "pk": o["presence"].pk},
        "calendar:reportback-delete": {"event": o["event"].pk, "pk": o["report_back"].pk},
        "calendar:subscription": {"pk": o["subscription"].pk},
        "calendar:subscription-refresh": {"pk": o["subscription"].pk},
        "calendar:subscription-delete": {"pk": o["subscription"].pk},
        "api:body-detail": {"pk": o["event"].body_id},
        "api:eventkind-detail": {"pk": o["event"].kind_id},
        "api:event-detail": {"pk": o["event"].pk},
        "api:presence-detail": {"pk": o["presence"].pk},
        "consultations:detail": {"pk": o["consultation"].pk},
        "consultations:update": {"pk": o["consultation"].pk},
        "consultations:response": {"pk": o["consultation"].pk},
        "consultations:proof": {"pk": o["consultation"].pk},
        "api:consultation-detail": {"pk": o["consultation"].pk},
        "api:consultationresponse-detail": {"pk": o["consultation_response"].pk},
        "topics:topic": {"code": o["topic"].code},
        "topics:topic-update": {"code": o["topic"].code},
        "topics:topic-state": {"code": o["topic"].code},
        "topics:topic-delete": {"code": o["topic"].code},
        "topics:topic-trends": {"code": o["topic"].code},
        "topics:topic-trends-csv": {"code": o["topic"].code},
        "trends:item": {"pk": o["trend_item"].pk},
        "trends:item-update": {"pk": o["trend_item"].pk},
        "trends:item-delete": {"pk": o["trend_item"].pk},
        "trends:feed": {"pk": o["trend_feed"].pk},
        "trends:feed-update": {"pk": o["trend_feed"].pk},
        "trends:feed-poll": {"pk": o["trend_feed"].pk},
        "trends:feed-delete": {"pk": o["trend_feed"].pk},
        "api:trenditem-detail": {"pk": o["trend_item"].pk},
        "topics:tag-record": {"kind": "meeting", "pk": meeting.pk},
        "api:topic-detail": {"code": o["topic"].code},
        **{
            f"briefings:{name}": {"pk": o["briefing"].pk}
            for name in ("detail", "builder", "publish", "attach", "slides", "markdown", "pdf", "versions")
        },
        **{
            f"briefings:{name}": {"pk": o["briefing"].pk, "version": 1}
            for name in ("version", "version-slides", "version-markdown", "version-pdf")
        },
        "api:briefing-detail": {"pk": o["briefing"].pk},
        **{
            f"workinggroups:{name}": {"slug": o["working_group"].slug}
            for name in ("group", "group-update", "members", "plan", "plan-pdf", "milestone-create")
        },
        "workinggroups:member-remove": {"slug": o["working_group"].slug, "pk": o["wg_member"].pk},
        "workinggroups:milestone-update": {"slug": o["working_group"].slug, "pk": o["milestone"].pk},
        "workinggroups:milestone-delete": {"slug": o["working_group"].slug, "pk": o["milestone"].pk},
        "papers:paper-create": {"group": o["working_group"].slug},
        **{f"papers:{name}": {"pk": o["paper"].pk} for name in ("paper", "paper-edit", "revisions", "compare")},
        "papers:revision": {"pk": o["paper"].pk, "number": 1},
        "papers:hearing-create": {"pk": o["paper"].pk},
        **{f"papers:{name}": {"pk": o["hearing"].paper_id} for name in ("dispositions", "dispositions-csv")},
        **{
            f"papers:{name}": {"pk": o["hearing"].paper_id, "hearing": o["hearing"].pk}
            for name in ("hearing", "comment-create", "dispose")
        },
        **{
            f"papers:{name}": {"pk": o["published_paper"].pk}
            for name in ("paper-state", "paper-submission", "paper-published", "paper-markdown", "paper-pdf")
        },
        "api:workinggroup-detail": {"slug": o["working_group"].slug},
        "api:paper-detail": {"pk": o["published_paper"].pk},
        "accounts:password_reset_confirm": {"uidb64": "MQ", "token": "set-password"},
    }
    return dict(by_name.get(name, {}))


def url_for(route: Route, o: dict[str, Any]) -> str:
    kwargs = url_kwargs(route.name, o)
    if route.in_forum:
        kwargs["forum"] = o["forum"].slug
    if "series" in route.kwargs:
        kwargs["series"] = o["meeting"].series.slug
    if "number" in route.kwargs and "number" not in kwargs:  # a paper's revision names its own
        kwargs["number"] = o["meeting"].number
    if "format" in route.kwargs:
        kwargs["format"] = "json"
    missing = route.kwargs - set(kwargs)
    assert not missing, f"{route.name}: no value for URL argument(s) {sorted(missing)}; add them to url_kwargs()"
    return reverse(route.name, kwargs=kwargs)


@contextmanager
def module_scope(django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """For records built once per module: uploads in a temporary folder, the database open inside a
    transaction that is rolled back at the end, and django.request quiet below errors (hundreds of
    expected 403s and 404s would each log a traceback, seconds of the run; 500s are still logged)."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    media.enable()
    request_log = logging.getLogger("django.request")
    level = request_log.level
    request_log.setLevel(logging.ERROR)
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            yield
            transaction.set_rollback(True)
    finally:
        request_log.setLevel(level)
        media.disable()


@pytest.fixture(scope="module")
def module_world(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """The forum, its cast and records, built once for the module and rolled back after it."""
    with module_scope(django_db_blocker, tmp_path_factory):
        cast = make_cast()
        objects = build_objects(cast.forum)
        sessions = {}
        for role in ROLES[1:]:
            client = cast.client(role)
            sessions[role] = client.session.session_key
        yield World(cast=cast, objects=objects, sessions=sessions)


@pytest.fixture
def db(module_world: World) -> Iterator[None]:
    """Each test in a savepoint of the module's transaction, rolled back after it.

    This shadows pytest-django's ``db`` in this module: its per-test TestCase set-up costs more
    than the thousand requests here are worth. The name still tells pytest-django to create the
    test database, and ``module_world`` holds database access open for the module.
    """
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def world(module_world: World, db: None) -> World:
    return module_world


# --- the rule table is complete -----------------------------------------------------------------


def test_every_url_has_a_rule() -> None:
    unnamed = sorted(r.route for r in ROUTES if r.name.endswith(":") or not r.name)
    assert not unnamed, f"URL patterns without a name cannot have a rule; name them: {unnamed}"
    missing = sorted({r.name for r in ROUTES} - set(EXPECTED))
    assert not missing, (
        f"URL names without a permission rule: {missing}. Give the view its permission_required "
        "(mshub/core/permissions.py) and add the least role that may see it to EXPECTED in "
        "tests/core/test_url_permissions.py (or, for a URL outside mshub's rules, to EXEMPT with the reason)."
    )
    stale = sorted(set(EXPECTED) - {r.name for r in ROUTES})
    assert not stale, f"EXPECTED names URLs that no longer exist: {stale}"
    assert set(ALLOWED_STATUS) <= set(EXPECTED)
    assert all(role in NEEDED for role in EXPECTED.values())


@pytest.mark.parametrize("route", FORUM_ROUTES, ids=lambda r: r.id)
def test_every_forum_view_names_a_registered_permission(route: Route) -> None:
    cls = view_class(route)
    assert cls is not None, f"{route.name}: a view under /<forum>/ must be a class-based view or a DRF viewset"
    perm = getattr(cls, "permission_required", None)
    assert isinstance(perm, str), f"{route.name}: {cls.__name__} has no permission_required"
    assert perm, f"{route.name}: {cls.__name__} has an empty permission_required"
    assert perm in PERMISSIONS, f"{route.name}: {cls.__name__} needs {perm!r}, which the registry does not define"
    if hasattr(route.callback, "view_class"):
        assert issubclass(cls, ForumView), f"{route.name}: {cls.__name__} does not stand on ForumView"
    else:
        classes = cls.permission_classes  # type: ignore[attr-defined]
        assert any(issubclass(c, RulesPermission) for c in classes), f"{route.name}: not guarded by RulesPermission"


# --- the walk -----------------------------------------------------------------------------------


def expected_status(route: Route, role: str, forum_public: bool) -> int:
    name = route.name
    if name not in EXPECTED:
        pytest.fail(f"{name} ({route.route}) has no rule: add it to EXPECTED in {__name__}")
    needed = EXPECTED[name]
    if needed == "link":
        allowed = True  # the URL carries the secret token (a registration's, a presenter's)
    elif needed == "signed_in":
        allowed = role != "anonymous"
    elif needed == "public" and name == "api:forum-detail":
        allowed = forum_public or LEVEL[role] >= 1  # site-wide, but shows one forum
    elif needed == "public" and not route.in_forum:
        allowed = True
    elif needed == "public":
        allowed = forum_public or LEVEL[role] >= 1
    else:
        allowed = LEVEL[role] >= NEEDED[needed]
    if name == "api:forum-detail" and not allowed:
        return 404  # the API's forum list is filtered: a private forum does not exist for outsiders
    if allowed:
        if name == "accounts:login" and role != "anonymous":
            return 302  # already signed in: sent on to the site's home
        return ALLOWED_STATUS.get(name, 200)
    if name.startswith("api:") or role != "anonymous":
        return 403
    return 302


# --- personal data -----------------------------------------------------------------------------

# Emails, gender and secretariat notes of people and registrants are the secretariat's (and the
# person's own) business (docs/roles.md): every other role's response bodies are searched for them.
SEES_PERSONAL_DATA = {"secretariat"}

# Pages that list the gender vocabulary itself (not anyone's gender), and the markup they list it in.
GENDER_VOCABULARY: dict[str, str] = {
    "meetings:register": "an unselected <option> of the registration form's gender choice",
    "meetings:statistics": "a column heading of the aggregate statistics",
    "meetings:checkin": "an unselected <option> of the walk-in form (typed in at the door, never shown back)",
}
_VOCABULARY_MARKUP = (r'<option value="\d+">{}</option>', r'<th scope="col">{}</th>', r'data-label="{}"')


def personal_data(forum: Forum) -> tuple[set[str], set[str]]:
    """Every email and secretariat note of the forum's people and registrants, and every gender
    display name (both languages) on record for any of them."""
    from mshub.meetings.models import Registration
    from mshub.people.models import Gender, Person

    people = Person.objects.filter(forum=forum)
    registrations = Registration.objects.filter(meeting__forum=forum)
    private = {*people.values_list("email", flat=True), *people.values_list("notes", flat=True)}
    private |= set(registrations.values_list("email", flat=True))
    gender_ids = {*people.values_list("gender", flat=True), *registrations.values_list("gender", flat=True)}
    genders = Gender.objects.filter(pk__in=gender_ids - {None})
    names = {name for g in genders for name in (g.name_ja, g.name_en)}
    return {p for p in private if p}, {n for n in names if n}


def body_of(response: Any) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode("utf-8", errors="replace")


def assert_no_personal_data(world: World, route: Route, role: str, response: Any) -> None:
    body = body_of(response)
    private, genders = personal_data(world.cast.forum)
    shown = sorted(p for p in private if p in body)
    assert not shown, f"{role} GET {route.name} shows personal data: {shown}"
    for name in genders:
        if route.name in GENDER_VOCABULARY:
            for markup in _VOCABULARY_MARKUP:
                body = re.sub(markup.format(re.escape(name)), "", body)
        found = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", body)
        context = body[max(0, found.start() - 80) : found.end() + 40] if found else ""
        assert not found, f"{role} GET {route.name} shows a person's gender: {name!r} in ...{context!r}"


def check(world: World, route: Route, role: str, forum_public: bool) -> None:
    if not forum_public:
        Forum.objects.filter(pk=world.cast.forum.pk).update(is_public=False)
    url = url_for(route, world.objects)
    want = expected_status(route, role, forum_public)
    response = world.client(role).get(url)
    got = response.status_code
    assert got == want, f"{role} GET {url} ({route.name}): {got}, expected {want}"
    if got == 302 and route.name != "accounts:login":
        location = urlsplit(response["Location"])
        assert location.path == reverse("accounts:login"), f"{route.name}: redirected to {response['Location']}"
        assert parse_qs(location.query)["next"] == [url]
    if got == 403 and route.name.startswith("api:"):
        assert response["Content-Type"].startswith("application/json")
    if role not in SEES_PERSONAL_DATA:
        assert_no_personal_data(world, route, role, response)
    if route.name in {"core:home", "api:forum-list"}:
        body = response.content.decode()
        slug = world.cast.forum.slug
        listed = f'href="/{slug}/"' in body or f'"slug":"{slug}"' in body
        assert listed == (forum_public or LEVEL[role] >= 1), f"{role}: {route.name} lists the forum: {listed}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.id)
def test_public_forum(world: World, route: Route, role: str) -> None:
    check(world, route, role, forum_public=True)


# A forum's visibility only separates outsiders from members: the walk of the private forum takes
# both outsiders, the lowest role that keeps its rights and the highest.
PRIVATE_FORUM_ROLES = ["anonymous", "visitor", "member", "secretariat"]


@pytest.mark.parametrize("role", PRIVATE_FORUM_ROLES)
@pytest.mark.parametrize("route", FORUM_ROUTES + FORUM_LISTINGS, ids=lambda r: r.id)
def test_private_forum(world: World, route: Route, role: str) -> None:
    """A private forum shows nothing to outsiders; its members keep their rights."""
    check(world, route, role, forum_public=False)


@pytest.mark.parametrize("role", ROLES)
def test_admin_is_staff_only(world: World, role: str) -> None:
    """The exempt admin still refuses every non-staff role (none in the cast is staff)."""
    response = world.client(role).get(reverse("admin:index"))
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("admin:login")


def test_a_member_of_another_forum_is_an_outsider_here(world: World) -> None:
    """Rights are per forum: the secretariat of another forum is the public in this one."""
    other = ForumFactory(slug="other-forum")
    Membership.objects.create(forum=other, user=world.cast.users["visitor"], role=Role.SECRETARIAT)
    client = world.client("visitor")
    forum = world.cast.forum.slug
    assert client.get(reverse("people:person-list", kwargs={"forum": forum})).status_code == 403
    assert client.get(reverse("core:forum-settings", kwargs={"forum": forum})).status_code == 403
    assert client.get(reverse("api:person-list", kwargs={"forum": forum})).status_code == 403
    assert client.get(reverse("people:person-list", kwargs={"forum": other.slug})).status_code == 200


# --- writes are refused too ---------------------------------------------------------------------


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of mshub's own tables (small in these tests): proof that nothing was written."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            if model._meta.app_label in {
                "accounts",
                "core",
                "people",
                "meetings",
                "calendar",
                "consultations",
                "trends",
                "topics",
                "archive",
                "briefings",
                "workinggroups",
                "papers",
            }:
                cursor.execute(f"SELECT * FROM {connection.ops.quote_name(model._meta.db_table)} ORDER BY 1")  # noqa: S608
                rows[model._meta.db_table] = cursor.fetchall()
    return rows


# (url name, least role allowed to POST, form data a permitted user could send)
WRITES: list[tuple[str, str, dict[str, Any]]] = [
    ("people:person-create", "steering", {"family_name_latin": "Forged", "email": "forged@example.org"}),
    ("people:person-update", "steering", {"family_name_latin": "Forged"}),
    ("people:person-merge", "secretariat", {"duplicate": "__other_person__", "confirm": "on"}),
    ("people:person-erase", "secretariat", {}),
    ("people:affiliation-create", "steering", {"organization": "__organization__", "start": "2020-01-01"}),
    ("people:affiliation-update", "steering", {"organization": "__organization__", "title_en": "Forged"}),
    ("people:organization-create", "steering", {"name_en": "Forged Org", "stakeholder_group": "__group__"}),
    ("people:organization-update", "steering", {"name_en": "Forged Org", "stakeholder_group": "__group__"}),
    ("core:vocabulary-create", "secretariat", {"code": "forged", "name_en": "Forged", "order": 1}),
    ("core:vocabulary-update", "secretariat", {"name_en": "Forged", "order": 1}),
    (
        "core:forum-settings",
        "secretariat",
        {"name_ja": "乗っ取り", "name_en": "Hijacked", "timezone": "UTC", "accent_color": "#000000"},
    ),
    ("core:members", "secretariat", {"email": "intruder@example.org", "role": "secretariat"}),
    ("core:members", "secretariat", {"membership": "__member_membership__", "role": "secretariat"}),
    ("meetings:meeting-create", "steering", {"title_ja": "偽の会合"}),
    ("meetings:meeting-status", "steering", {"status": "cancelled"}),
    ("meetings:publish", "secretariat", {}),
    ("meetings:registration-manage", "secretariat", {"action": "cancel"}),
    (
        "meetings:registrations-mail",
        "secretariat",
        {"subject": "Forged", "body": "Forged", "expected": 1, "confirm": "1"},
    ),
    ("calendar:event-create", "secretariat", {"name_en": "Forged", "precision": "tbd", "timezone": "UTC"}),
    (
        "calendar:event-update",
        "secretariat",
        {"name_en": "Forged", "precision": "tbd", "timezone": "UTC", "version": 1},
    ),
    ("calendar:presence-create", "steering", {"person": "__other_person__", "role": "speaker"}),
    ("calendar:presence-delete", "steering", {}),
    ("calendar:reportback-create", "steering", {"url": "https://forged.example.org/"}),
    ("calendar:reportback-delete", "steering", {}),
    ("calendar:import", "secretariat", {"timezone": "UTC"}),
    ("calendar:subscription-create", "secretariat", {"name": "Forged", "url": "https://forged.example.org/f.ics"}),
    ("calendar:subscription-refresh", "secretariat", {"active": "0"}),
    ("calendar:subscription-delete", "secretariat", {"confirm": "on"}),
    ("trends:item-create", "secretariat", {"title": "Forged", "date": "2020-01-01"}),
    ("trends:item-update", "secretariat", {"title": "Forged", "date": "2020-01-01"}),
    ("trends:item-delete", "secretariat", {"confirm": "on"}),
    ("trends:feed-create", "secretariat", {"name": "Forged", "url": "https://forged.example.org/rss"}),
    ("trends:feed-update", "secretariat", {"name": "Forged", "url": "https://forged.example.org/rss"}),
    ("trends:feed-poll", "secretariat", {}),
    ("trends:feed-delete", "secretariat", {"confirm": "on"}),
    ("topics:tag-record", "steering", {"action": "add", "topic": "privacy"}),
    ("archive:review", "secretariat", {"genre": "other", "items-TOTAL_FORMS": 0, "items-INITIAL_FORMS": 0}),
    ("archive:document-remove", "secretariat", {}),
    ("archive:batch-publish", "secretariat", {}),
    (
        "briefings:create",
        "secretariat",
        {"period_start": "2015-01-01", "period_end": "2015-02-01", "audience": "public"},
    ),
    ("briefings:builder", "secretariat", {"action": "refresh"}),
    ("briefings:publish", "secretariat", {"message": "forged"}),
    ("briefings:attach", "secretariat", {"item": "__item__", "mode": "link"}),
    ("workinggroups:group-create", "wg_chair", {"name_ja": "偽", "slug": "forged", "state": "active"}),
    ("workinggroups:group-update", "secretariat", {"name_ja": "乗っ取り", "slug": "forged", "state": "concluded"}),
    ("workinggroups:members", "secretariat", {"person": "__other_person__", "role": "chair"}),
    ("workinggroups:member-remove", "secretariat", {}),
    ("workinggroups:milestone-create", "secretariat", {"kind": "draft", "title_ja": "偽", "month": "2020-01"}),
    ("workinggroups:milestone-update", "secretariat", {"kind": "draft", "title_ja": "偽", "month": "2020-01"}),
    ("workinggroups:milestone-delete", "secretariat", {"confirm": "on"}),
    ("papers:paper-create", "secretariat", {"title_ja": "偽", "language": "ja", "text": "偽の本文。"}),
    ("papers:paper-edit", "secretariat", {"text": "偽の本文。", "base_number": 2}),
    (
        "papers:hearing-create",
        "secretariat",
        {"opens_at": "2030-01-01T09:00", "closes_at": "2030-02-01T09:00", "audience": "public"},
    ),
    ("papers:dispose", "secretariat", {}),
    ("papers:paper-state", "secretariat", {"to": "submitted"}),
    (
        "papers:paper-submission",
        "secretariat",
        {"submitted_to": "Forged", "submitted_on": "2020-01-01", "submission_url": "https://forged.example.org/"},
    ),
]


def denied_roles(least: str) -> list[str]:
    """Anonymous, a member, and the highest role still below ``least``."""
    below = [role for role in ROLES if LEVEL[role] < NEEDED[least]]
    return sorted({"anonymous", "member", below[-1]}, key=ROLES.index)


DENIED_WRITES = [
    pytest.param(name, role, data, id=f"{name}{'[role]' if 'membership' in data else ''}-{role}")
    for name, least, data in WRITES
    for role in denied_roles(least)
]


@pytest.mark.parametrize(("name", "role", "data"), DENIED_WRITES)
def test_posts_to_write_views_are_refused_and_nothing_is_written(
    world: World, name: str, role: str, data: dict[str, Any]
) -> None:
    o = world.objects
    other = PersonFactory(forum=o["forum"])
    placeholders = {
        "__other_person__": other.pk,
        "__organization__": o["organization"].pk,
        "__group__": o["group"].pk,
        "__item__": o["item"].pk,
        "__member_membership__": Membership.objects.get(forum=o["forum"], user=world.cast.users["member"]).pk,
    }
    data = {k: placeholders.get(v, v) if isinstance(v, str) else v for k, v in data.items()}
    route = next(r for r in FORUM_ROUTES if r.name == name)
    url = url_for(route, o)
    before = snapshot()
    response = world.client(role).post(url, data)
    if role == "anonymous":
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == reverse("accounts:login")
    else:
        assert response.status_code == 403, f"{role} POST {url}: {response.status_code}"
    assert snapshot() == before, f"{role} POST {url} wrote to the database"


@pytest.mark.parametrize("role", ["anonymous", "visitor", "member", "steering", "secretariat"])
def test_the_api_is_read_only(world: World, role: str) -> None:
    """No role may write through the API: every endpoint is a read-only viewset."""
    o = world.objects
    before = snapshot()
    forum = o["forum"].slug
    for url in (
        reverse("api:organization-list", kwargs={"forum": forum}),
        reverse("api:person-list", kwargs={"forum": forum}),
        reverse("api:event-list", kwargs={"forum": forum}),
        reverse("api:presence-list", kwargs={"forum": forum}),
    ):
        response = world.client(role).post(url, {"name_en": "Forged"}, content_type="application/json")
        assert response.status_code in (403, 405), (role, url, response.status_code)
    detail = reverse("api:person-detail", kwargs={"forum": forum, "pk": o["person"].pk})
    assert world.client(role).delete(detail).status_code in (403, 405)
    assert snapshot() == before
