"""Organisations: created and edited by the steering group, public to read in a public forum."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mshub.core.models import ActivityEntry
from mshub.people.models import Organization
from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory, group

pytestmark = pytest.mark.django_db


def test_steering_member_creates_an_organisation_in_both_languages(cast):
    client = cast.client("steering")
    gov = group(cast.forum, "government")
    response = client.post(
        f"/{cast.forum.slug}/organizations/new/",
        {
            "name_ja": "デジタル政策庁",
            "name_en": "Digital Policy Agency",
            "short_name": "DPA",
            "stakeholder_group": gov.pk,
            "country": "JP",
            "website": "dpa.example.jp",
        },
    )
    assert response.status_code == 302
    org = Organization.objects.get(forum=cast.forum, short_name="DPA")
    assert org.website == "https://dpa.example.jp"
    assert org.country.code == "JP"
    assert ActivityEntry.objects.filter(verb="organization.created", target_id=str(org.pk)).exists()

    client.post(
        f"/{cast.forum.slug}/organizations/{org.pk}/edit/",
        {
            "name_ja": "デジタル政策庁",
            "name_en": "Digital Policy Agency of Japan",
            "short_name": "DPA",
            "stakeholder_group": gov.pk,
            "country": "JP",
        },
    )
    org.refresh_from_db()
    assert org.name_en == "Digital Policy Agency of Japan"


def test_an_organisation_needs_a_name_and_a_group_from_this_forum(cast):
    from tests.factories import ForumFactory

    foreign_group = group(ForumFactory())
    response = cast.client("secretariat").post(
        f"/{cast.forum.slug}/organizations/new/", {"short_name": "KEEP", "stakeholder_group": foreign_group.pk}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="KEEP"' in html
    assert "Select a valid choice" in html or "正しく選択" in html
    assert not Organization.objects.filter(short_name="KEEP").exists()


def test_public_sees_the_organisation_but_not_its_people(cast):
    org = OrganizationFactory(forum=cast.forum, name_en="Open Registry")
    AffiliationFactory(
        person=PersonFactory(forum=cast.forum, family_name_ja="", given_name_ja="", family_name_latin="Insider"),
        organization=org,
    )
    public = cast.client("anonymous").get(org.get_absolute_url()).content.decode()
    member = cast.client("member").get(org.get_absolute_url()).content.decode()
    assert "Open Registry" in public
    assert "Insider" not in public
    assert "Insider" in member


def test_organisation_page_lists_current_and_former_people(cast):
    org = OrganizationFactory(forum=cast.forum)
    AffiliationFactory(
        person=PersonFactory(forum=cast.forum, family_name_ja="", given_name_ja="", family_name_latin="Now"),
        organization=org,
        start=dt.date(2020, 1, 1),
    )
    AffiliationFactory(
        person=PersonFactory(forum=cast.forum, family_name_ja="", given_name_ja="", family_name_latin="Then"),
        organization=org,
        start=dt.date(2001, 1, 1),
        end=dt.date(2009, 12, 31),
    )
    html = cast.client("member").get(org.get_absolute_url()).content.decode()
    current, former = html.split("Formerly", 1) if "Formerly" in html else html.split("以前", 1)
    assert "Now" in current
    assert "Then" in former


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_organisation_list_and_page_query_counts_stay_flat(cast):
    client = cast.client("member")
    org = OrganizationFactory(forum=cast.forum)
    AffiliationFactory(person=PersonFactory(forum=cast.forum), organization=org)
    list_few, page_few = _count(client, f"/{cast.forum.slug}/organizations/"), _count(client, org.get_absolute_url())
    for _ in range(30):
        OrganizationFactory(forum=cast.forum)
        AffiliationFactory(person=PersonFactory(forum=cast.forum), organization=org)
    assert _count(client, f"/{cast.forum.slug}/organizations/") == list_few
    assert _count(client, org.get_absolute_url()) == page_few


def test_organisation_list_filters_by_group_and_name(cast):
    OrganizationFactory(
        forum=cast.forum, name_ja="", name_en="Alpha Telecom", stakeholder_group=group(cast.forum, "private-sector")
    )
    OrganizationFactory(
        forum=cast.forum, name_ja="", name_en="Beta Society", stakeholder_group=group(cast.forum, "civil-society")
    )
    client = cast.client("anonymous")
    by_group = client.get(
        f"/{cast.forum.slug}/organizations/", {"stakeholder_group": group(cast.forum, "private-sector").pk}
    ).content.decode()
    by_name = client.get(f"/{cast.forum.slug}/organizations/", {"q": "society"}).content.decode()
    assert "Alpha Telecom" in by_group
    assert "Beta Society" not in by_group
    assert "Beta Society" in by_name
    assert "Alpha Telecom" not in by_name
