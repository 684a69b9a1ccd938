"""The calendar's bodies and kinds of event: the installation's vocabularies, edited by any forum's
secretariat on the one vocabularies page, shown at once in every forum's calendar."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from mshub.calendar.models import Body, EventKind
from mshub.core.models import ActivityEntry, Role
from tests.factories import ForumFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_secretariat_adds_a_body_that_every_forum_then_filters_by(cast):
    other = ForumFactory(slug="aprigf-jp")
    anonymous = Client()
    before = anonymous.get(f"/{other.slug}/calendar/").content.decode()  # cached for the public
    assert "Global Digital Compact" not in before
    response = cast.client("secretariat").post(
        f"/{cast.forum.slug}/vocabularies/bodies/new/",
        {
            "code": "gdc",
            "name_ja": "グローバル・デジタル・コンパクト",
            "name_en": "Global Digital Compact",
            "short_name": "GDC",
            "website": "https://www.un.org/global-digital-compact",
            "order": 99,
            "active": "on",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/{cast.forum.slug}/vocabularies/#voc-bodies"
    body = Body.objects.get(code="gdc")
    assert body.label == "GDC"
    entry = ActivityEntry.objects.get(verb="vocabulary.term_added")
    assert entry.forum == cast.forum
    after = anonymous.get(f"/{other.slug}/calendar/").content.decode()
    assert 'value="gdc"' in after  # the other forum's filter offers it: its cached page was dropped


def test_the_page_lists_the_shared_vocabularies_with_links_under_this_forum(cast):
    html = cast.client("secretariat").get(f"/{cast.forum.slug}/vocabularies/").content.decode()
    igf = Body.objects.get(code="igf")
    deadline = EventKind.objects.get(code="deadline")
    assert f'href="/{cast.forum.slug}/vocabularies/bodies/{igf.pk}/"' in html
    assert f'href="/{cast.forum.slug}/vocabularies/event-kinds/{deadline.pk}/"' in html
    assert 'id="voc-stakeholder-groups"' in html  # the forum's own lists on the same page


def test_editing_a_body_keeps_its_code_and_retires_rather_than_deletes(cast):
    igf = Body.objects.get(code="igf")
    response = cast.client("secretariat").post(
        f"/{cast.forum.slug}/vocabularies/bodies/{igf.pk}/",
        {"code": "renamed", "name_ja": "IGF", "name_en": "Internet Governance Forum", "short_name": "IGF", "order": 1},
    )
    assert response.status_code == 302
    igf.refresh_from_db()
    assert (igf.code, igf.name_en, igf.active) == ("igf", "Internet Governance Forum", False)
    assert ActivityEntry.objects.filter(verb="vocabulary.term_changed", forum=cast.forum).count() == 1


def test_codes_are_unique_across_the_installation(cast):
    response = cast.client("secretariat").post(
        f"/{cast.forum.slug}/vocabularies/event-kinds/new/",
        {"code": "summit", "name_ja": "サミット", "name_en": "Summit", "order": 1},
    )
    assert response.status_code == 200
    assert "already" in response.content.decode()
    assert EventKind.objects.filter(code="summit").count() == 1


@pytest.mark.parametrize("website", ["javascript:alert(1)", "data:text/html,<script>", "ftp://example.org/"])
def test_a_hostile_web_site_is_refused(cast, website):
    response = cast.client("secretariat").post(
        f"/{cast.forum.slug}/vocabularies/bodies/new/",
        {"code": "bad", "name_ja": "悪", "name_en": "Bad", "website": website, "order": 1},
    )
    assert response.status_code == 200
    assert not Body.objects.filter(code="bad").exists()


@pytest.mark.parametrize("role", ["anonymous", "visitor", "member", "steering"])
def test_only_a_secretariat_edits_them(cast, role):
    igf = Body.objects.get(code="igf")
    client = cast.client(role)
    for url in (f"/{cast.forum.slug}/vocabularies/bodies/new/", f"/{cast.forum.slug}/vocabularies/bodies/{igf.pk}/"):
        response = client.post(url, {"code": "x", "name_ja": "x", "name_en": "Forged", "order": 1})
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/login/" in response["Location"]
    igf.refresh_from_db()
    assert igf.name_en != "Forged"
    assert not Body.objects.filter(code="x").exists()


def test_the_secretariat_of_another_forum_edits_the_same_shared_term(cast):
    other = ForumFactory(slug="other")
    user = UserFactory(email="sec-other@example.org")
    MembershipFactory(forum=other, user=user, role=Role.SECRETARIAT)
    client = Client()
    client.force_login(user)
    itu = Body.objects.get(code="itu")
    response = client.post(
        f"/{other.slug}/vocabularies/bodies/{itu.pk}/",
        {"name_ja": "国際電気通信連合", "name_en": "ITU", "short_name": "ITU", "order": 3, "active": "on"},
    )
    assert response.status_code == 302
    assert ActivityEntry.objects.get(verb="vocabulary.term_changed").forum == other
    # …but it cannot reach this forum's own lists through its address
    cache.clear()
    assert client.get(f"/{cast.forum.slug}/vocabularies/").status_code == 403


def test_the_list_stays_at_a_constant_number_of_queries(cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = cast.client("secretariat")

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/{cast.forum.slug}/vocabularies/").status_code == 200
        return len(ctx)

    before = count()
    for n in range(15):
        Body.objects.create(code=f"body-{n}", name_ja=f"機関{n}", name_en=f"Body {n}")
    assert count() == before
