"""The working groups' pages: the plan by month (with the events and deadlines aimed at and the others
of its months), the PDF in Japanese, forms with hostile input and forged posts, flat query counts."""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mshub.calendar.services import create_event
from mshub.people.models import Person
from mshub.workinggroups.models import Milestone, WorkingGroup
from mshub.workinggroups.services import add_member, add_milestone, create_group, update_milestone
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _url(forum, name, **kwargs):  # type: ignore[no-untyped-def]
    return reverse(f"workinggroups:{name}", kwargs={"forum": forum.slug, **kwargs})


def _month_sections(body: str) -> dict[str, str]:
    """The plan page's sections by month (``YYYY-MM``): each section's markup."""
    parts = body.split('<section class="plan-month" aria-labelledby="month-')[1:]
    return {part[:7]: part.split("</section>")[0] for part in parts}


def test_the_plan_is_one_timeline_by_month(world, cast):
    elsewhere = create_event(
        None,
        name_en="Internet Week",
        name_ja="インターネットウィーク",
        precision="month",
        year=2004,
        month=9,
        timezone="Asia/Tokyo",
    )
    beyond = create_event(None, name_en="APRICOT 2006", precision="month", year=2006, month=2, timezone="Asia/Tokyo")
    body = cast.client("anonymous").get(world.wsis.urls.plan).content.decode()
    months = _month_sections(body)
    assert list(months) == ["2004-08", "2004-09", "2004-10", "2004-11"]  # the last target's month ends it
    assert "Paper 1: draft" in months["2004-08"]
    assert elsewhere.name_en in months["2004-09"]  # another event of the plan's span
    assert "WGIG call for contributions" in months["2004-10"]  # the consultation's deadline (15 October, Geneva)
    assert "plan-deadline plan-target" in months["2004-10"]  # ... which a milestone aims at
    november = months["2004-11"]
    assert november.index("WGIG 1st meeting") < november.index("Paper 1: submission")  # by day: 23rd, then 30th
    assert "plan-event plan-target" in november
    assert "slipped" in november  # the submission after the meeting it aims at
    assert world.later_event.name_en not in body  # December: after the span
    assert beyond.name_en not in body  # outside the span
    assert '<table class="table plan-month">' in body  # tables, no canvas, no script needed
    assert "<canvas" not in body


def test_the_group_page_flags_the_slipped_milestone(world, cast):
    body = cast.client("anonymous").get(world.wsis.urls.group).content.decode()
    assert 'class="error slipped"' in body
    update_milestone(world.forum, None, world.slipped, done=dt.date(2004, 12, 2))
    body = cast.client("anonymous").get(world.wsis.urls.group).content.decode()
    assert 'class="error slipped"' not in body
    index = cast.client("anonymous").get(_url(world.forum, "index")).content.decode()
    assert "WSIS WG" in index


def test_the_pdf_holds_the_plan_in_japanese(world, cast):
    response = cast.client("anonymous").get(world.wsis.urls.plan_pdf)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content) if response.streaming else response.content
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", f.name, "-"], capture_output=True, check=True).stdout
    text = text.decode()
    for words in ("WSIS作業部会", "意見書①発表・提出", "WGIG第1回会合", "2004年11月"):
        assert words in text


def test_hostile_names_are_escaped_everywhere(world, cast):
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    client = cast.client("secretariat")
    response = client.post(
        _url(world.forum, "group-create"),
        {"name_ja": hostile, "name_en": hostile, "slug": "evil", "state": "proposed", "charter_ja": hostile},
    )
    assert response.status_code == 302
    group = WorkingGroup.objects.get(forum=world.forum, slug="evil")
    assert group.name_ja == hostile  # stored as typed, never markup
    add_milestone(world.forum, None, group, kind="draft", title_ja=hostile, month=dt.date(2005, 1, 1))
    for url in (group.urls.group, group.urls.plan, _url(world.forum, "index")):
        body = client.get(url).content.decode()
        assert "<script>alert(1)" not in body
        assert "<img src=x" not in body
        assert "&lt;script&gt;" in body


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("group-update", {"name_ja": "乗っ取り", "slug": "wsis", "state": "active"}),
        ("members", {"person": "1", "role": "chair"}),
        ("milestone-create", {"kind": "draft", "title_ja": "偽", "month": "2005-01"}),
    ],
)
def test_forged_posts_by_others_are_refused(world, cast, name, data):
    url = _url(world.forum, name, slug="wsis")
    for role in ("anonymous", "visitor", "member", "steering"):  # steering chairs another group only
        response = cast.client(role).post(url, data)
        assert response.status_code in (302, 403)
        if role != "anonymous":
            assert response.status_code == 403
    world.wsis.refresh_from_db()
    assert world.wsis.name_ja == "WSIS作業部会"
    assert not Milestone.objects.filter(title_ja="偽").exists()


def test_forged_milestone_and_member_posts_on_another_group(world, cast):
    other_milestone = add_milestone(
        world.forum, None, world.other, kind="draft", title_ja="他", month=dt.date(2005, 1, 1)
    )
    chair = cast.client("wg_chair")
    # the wsis chair names the other group's milestone under their own group: not found
    url = _url(world.forum, "milestone-delete", slug="wsis", pk=other_milestone.pk)
    assert chair.post(url, {"confirm": "on"}).status_code == 404
    assert chair.post(other_milestone.urls.milestone_delete, {"confirm": "on"}).status_code == 403
    assert Milestone.objects.filter(pk=other_milestone.pk).exists()
    member_row = world.other.members.first()
    assert chair.post(member_row.urls.member_remove).status_code == 403


def test_the_chair_runs_the_group_through_the_forms(world, cast):
    chair = cast.client("wg_chair")
    response = chair.post(
        world.wsis.urls.milestone_create,
        {"kind": "hearing", "title_ja": "意見書②ヒヤリング", "month": "2005-03", "target_event": world.later_event.pk},
    )
    assert response.status_code == 302
    milestone = Milestone.objects.get(title_ja="意見書②ヒヤリング")
    assert milestone.month == dt.date(2005, 3, 1)
    assert milestone.is_slipped
    bad = chair.post(world.wsis.urls.milestone_create, {"kind": "draft", "title_ja": "x", "month": "2005-13"})
    assert bad.status_code == 200
    assert "YYYY-MM" in bad.content.decode()
    person = PersonFactory(forum=world.forum, family_name_ja="服部")
    assert chair.post(world.wsis.urls.members, {"person": person.pk, "role": "member"}).status_code == 302
    assert world.wsis.members.filter(person=person, left=None).exists()
    page = chair.get(world.wsis.urls.members).content.decode()
    assert 'name="user"' not in page  # the forum's accounts (addresses) are the secretariat's to pick
    assert 'name="user"' in cast.client("secretariat").get(world.wsis.urls.members).content.decode()
    row = world.wsis.members.get(person=person)
    assert chair.post(row.urls.member_remove).status_code == 302
    row.refresh_from_db()
    assert row.left is not None
    response = chair.post(world.wsis.urls.group_update, {"name_ja": "WSIS WG", "slug": "wsis", "state": "concluded"})
    assert response.status_code == 302
    world.wsis.refresh_from_db()
    assert world.wsis.is_concluded
    assert cast.client("member").get(_url(world.forum, "group-create")).status_code == 403


def test_a_wg_chair_proposes_a_group_and_chairs_it(world, cast):
    chair = cast.client("wg_chair")
    page = chair.get(_url(world.forum, "group-create")).content.decode()
    assert 'name="state"' not in page  # the secretariat decides when a proposed group is active
    data = {"name_ja": "プライバシーWG", "slug": "privacy", "state": "active"}
    assert chair.post(_url(world.forum, "group-create"), data).status_code == 302
    group = WorkingGroup.objects.get(forum=world.forum, slug="privacy")
    assert group.state == "proposed"
    row = group.members.get()
    assert (row.person, row.role, row.user) == (world.chair_person, "chair", cast.users["wg_chair"])
    assert cast.client("wg_chair").get(group.urls.group_update).status_code == 200  # its chair edits it
    chair.post(group.urls.group_update, {"name_ja": "プライバシーWG", "slug": "privacy", "state": "active"})
    group.refresh_from_db()
    assert group.state == "proposed"  # ... but does not make it active: the secretariat does
    # without an entry in the registry there is no one to make chair: refused, nothing created
    steering = cast.client("steering")
    Person.objects.filter(forum=world.forum, user=cast.users["steering"]).update(user=None)
    response = steering.post(_url(world.forum, "group-create"), {"name_ja": "別WG", "slug": "other-wg"})
    assert response.status_code == 200
    assert "registry" in response.content.decode()
    assert not WorkingGroup.objects.filter(slug="other-wg").exists()


def _grow(world, n):  # type: ignore[no-untyped-def]
    forum = world.forum
    for i in range(n):
        group = create_group(forum, None, name_ja=f"WG{i}", slug=f"wg-{i}", state="active")
        add_member(forum, None, group, PersonFactory(forum=forum), role="chair")
        add_member(forum, None, world.wsis, PersonFactory(forum=forum))
        add_milestone(
            forum, None, group, kind="draft", title_ja=f"M{i}", month=dt.date(2004, 8, 1), target_event=world.event
        )
        add_milestone(
            forum,
            None,
            world.wsis,
            kind="other",
            title_ja=f"W{i}",
            day=dt.date(2004, 9, 1 + i),
            target_event=world.later_event,
        )
        create_event(
            None,
            name_en=f"E{i}",
            precision="days",
            start_date=dt.date(2004, 10, 1 + i),
            end_date=dt.date(2004, 10, 1 + i),
            timezone="UTC",
        )


def test_query_counts_stay_flat(world, cast, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client = cast.client("member")
    urls = [_url(world.forum, "index"), world.wsis.urls.group, world.wsis.urls.plan]

    def counts():  # type: ignore[no-untyped-def]
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    _grow(world, 1)
    few = counts()
    _grow_more(world)
    assert counts() == few


def _grow_more(world):  # type: ignore[no-untyped-def]
    forum = world.forum
    for i in range(6):
        group = create_group(forum, None, name_ja=f"WGX{i}", slug=f"wgx-{i}", state="active")
        add_member(forum, None, group, PersonFactory(forum=forum), role="chair")
        add_member(forum, None, world.wsis, PersonFactory(forum=forum))
        add_milestone(forum, None, group, kind="draft", title_ja=f"MX{i}", month=dt.date(2004, 8, 1))
        add_milestone(forum, None, world.wsis, kind="other", title_ja=f"WX{i}", day=dt.date(2004, 9, 10 + i))
        create_event(
            None,
            name_en=f"EX{i}",
            precision="days",
            start_date=dt.date(2004, 10, 10 + i),
            end_date=dt.date(2004, 10, 10 + i),
            timezone="UTC",
        )
