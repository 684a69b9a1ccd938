"""Controlled vocabularies are data the secretariat edits, per forum."""

import pytest

from mshub.people.models import OrganizationKind, StakeholderGroup
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db


def test_secretariat_adds_a_stakeholder_group_used_by_the_forms(cast):
    client = cast.client("secretariat")
    response = client.post(
        f"/{cast.forum.slug}/vocabularies/stakeholder-groups/new/",
        {
            "code": "youth",
            "name_ja": "ユース",
            "name_en": "Youth",
            "order": 9,
            "active": "on",
            "igf_category": "Civil Society",
        },
    )
    assert response.status_code == 302
    youth = StakeholderGroup.objects.get(forum=cast.forum, code="youth")
    assert youth.igf_category == "Civil Society"
    form = client.get(f"/{cast.forum.slug}/organizations/new/").content.decode()
    assert "ユース" in form or "Youth" in form


def test_codes_are_unique_per_forum_and_stay_fixed(cast):
    client = cast.client("secretariat")
    clash = client.post(
        f"/{cast.forum.slug}/vocabularies/organization-kinds/new/",
        {"code": "company", "name_ja": "会社", "name_en": "Firm", "order": 1},
    )
    assert clash.status_code == 200
    assert "already used" in clash.content.decode()
    assert OrganizationKind.objects.filter(forum=cast.forum, code="company").count() == 1

    term = OrganizationKind.objects.get(forum=cast.forum, code="company")
    client.post(
        f"/{cast.forum.slug}/vocabularies/organization-kinds/{term.pk}/",
        {"code": "renamed", "name_ja": "企業", "name_en": "Business", "order": 1},
    )
    term.refresh_from_db()
    assert term.code == "company"
    assert term.name_en == "Business"
    assert term.active is False  # unchecked box retires the term


def test_terms_of_another_forum_and_unknown_vocabularies_are_404(cast):
    other = StakeholderGroup.objects.filter(forum=ForumFactory()).first()
    client = cast.client("secretariat")
    assert client.get(f"/{cast.forum.slug}/vocabularies/stakeholder-groups/{other.pk}/").status_code == 404
    assert client.get(f"/{cast.forum.slug}/vocabularies/planets/new/").status_code == 404


def test_steering_cannot_edit_vocabularies(cast):
    assert cast.client("steering").get(f"/{cast.forum.slug}/vocabularies/").status_code == 403


def test_the_vocabulary_page_links_each_term_without_a_query_per_term(cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = cast.client("secretariat")
    url = f"/{cast.forum.slug}/vocabularies/"

    def queries() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(url).content.decode()
        return len(ctx), html

    before, _html = queries()
    kinds = [OrganizationKind.objects.create(forum=cast.forum, code=f"kind-{n}", name_ja=f"種別{n}") for n in range(12)]
    after, html = queries()
    assert after == before
    assert f'href="/{cast.forum.slug}/vocabularies/organization-kinds/{kinds[-1].pk}/"' in html
    assert kinds[-1].urls.vocabulary_update == f"/{cast.forum.slug}/vocabularies/organization-kinds/{kinds[-1].pk}/"
