"""No page or API response of one forum shows another forum's data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from mshub.core.models import Membership, Role
from mshub.meetings.models import MeetingSeries
from mshub.meetings.services.agenda import add_item
from mshub.meetings.services.meetings import change_status, create_meeting
from mshub.people.models import Organization, Person, StakeholderGroup
from tests.core.test_url_permissions import build_objects, forum_routes, url_for
from tests.factories import AffiliationFactory, ForumFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db
MARK = "ZZFORUMBONLY"


@pytest.fixture
def forum_b(cast):
    b = ForumFactory(slug="forum-b", name_en=f"{MARK} forum", name_ja=f"{MARK} フォーラム", is_public=True)
    person = PersonFactory(forum=b, family_name_latin=MARK, family_name_ja=MARK, email=f"{MARK.lower()}@example.org")
    org = OrganizationFactory(forum=b, name_en=f"{MARK} Org", name_ja=f"{MARK} 組織")
    AffiliationFactory(person=person, organization=org, title_en=MARK)
    series = MeetingSeries.objects.create(forum=b, slug="regular", name_ja=f"{MARK} 会合")
    start = dt.datetime.now() + dt.timedelta(days=5)
    meeting = create_meeting(series, start=start, end=start + dt.timedelta(hours=1), title_ja=MARK)
    add_item(meeting, title_ja=MARK)
    change_status(meeting, "announced")
    # The secretariat of A is also a member of B: still, A's pages must show only A.
    Membership.objects.create(forum=b, user=cast.users["secretariat"], role=Role.SECRETARIAT)
    return {"forum": b, "person": person, "org": org, "meeting": meeting}


@pytest.fixture
def forum_a_objects(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_objects(cast.forum)


def test_no_page_or_api_response_of_forum_a_shows_forum_b(cast, forum_b, forum_a_objects):
    client = cast.client("secretariat")
    leaks = []
    for route in forum_routes():
        if "forum" not in route.kwargs:
            continue
        url = url_for(route, forum_a_objects)
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if MARK.encode() in body or MARK.lower().encode() in body:
            leaks.append(url)
    assert not leaks, leaks


def test_forum_b_records_under_forum_a_addresses_are_not_found(cast, forum_b, forum_a_objects):
    client = cast.client("secretariat")
    a = cast.forum.slug
    b_person, b_org, b_meeting = forum_b["person"], forum_b["org"], forum_b["meeting"]
    for url in (
        reverse("people:person-detail", kwargs={"forum": a, "pk": b_person.pk}),
        reverse("people:person-export", kwargs={"forum": a, "pk": b_person.pk}),
        reverse("people:organization-detail", kwargs={"forum": a, "pk": b_org.pk}),
        reverse("meetings:meeting", kwargs={"forum": a, "series": "regular", "number": 99}),
        reverse("api:person-detail", kwargs={"forum": a, "pk": b_person.pk}),
        reverse("api:organization-detail", kwargs={"forum": a, "pk": b_org.pk}),
        reverse("api:meeting-detail", kwargs={"forum": a, "pk": b_meeting.pk}),
    ):
        assert client.get(url).status_code == 404, url


def test_filters_naming_forum_b_records_do_not_leak(cast, forum_b):
    client = cast.client("secretariat")
    b_group = StakeholderGroup.objects.get(forum=forum_b["forum"], code="government")
    for path, params in (
        ("people/", {"organization": forum_b["org"].pk}),
        ("people/", {"stakeholder_group": b_group.pk}),
        ("organizations/", {"stakeholder_group": b_group.pk}),
        ("people/", {"q": MARK}),
    ):
        body = client.get(f"/{cast.forum.slug}/{path}", params).content.decode()
        echoes = (f"q={MARK}", f'value="{MARK}"')  # the search term typed, shown back
        for echo in echoes:
            body = body.replace(echo, "")
        assert MARK not in body, (path, params)


def test_forms_offer_only_this_forums_records_and_forged_posts_are_refused(cast, forum_b):
    person_a = PersonFactory(forum=cast.forum)
    client = cast.client("secretariat")
    form_url = f"/{cast.forum.slug}/people/{person_a.pk}/affiliations/new/"
    assert MARK not in client.get(form_url).content.decode()
    assert MARK not in client.get(f"/{cast.forum.slug}/people/{person_a.pk}/merge/").content.decode()
    response = client.post(form_url, {"organization": forum_b["org"].pk, "start": "2020-01-01"})
    assert response.status_code == 200
    assert person_a.affiliations.count() == 0
    merge = client.post(
        f"/{cast.forum.slug}/people/{person_a.pk}/merge/", {"duplicate": forum_b["person"].pk, "confirm": "on"}
    )
    assert merge.status_code == 200
    assert Person.objects.filter(pk=forum_b["person"].pk).exists()


def test_private_forums_are_hidden_from_outsiders_in_lists(cast, forum_b):
    forum_b["forum"].is_public = False
    forum_b["forum"].save()
    for role in ("anonymous", "visitor", "member"):
        client = cast.client(role)
        assert MARK not in client.get("/").content.decode()
        assert MARK not in client.get("/api/v1/forums/").content.decode()
    assert MARK in cast.client("secretariat").get("/").content.decode()  # a member of B sees it
    assert Organization.objects.filter(forum=forum_b["forum"]).exists()
