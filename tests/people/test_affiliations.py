"""The registry answers "where was X on a given day" — what reports print as the affiliation at the time."""

import datetime as dt

import pytest
from django.db import IntegrityError

from mshub.people.models import Affiliation
from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_affiliation_on_a_date_follows_the_dated_history(forum):
    person = PersonFactory(forum=forum)
    ministry = OrganizationFactory(forum=forum, name_en="Ministry")
    registry = OrganizationFactory(forum=forum, name_en="Registry")
    AffiliationFactory(person=person, organization=ministry, start=dt.date(2012, 4, 1), end=dt.date(2016, 3, 31))
    AffiliationFactory(person=person, organization=registry, start=dt.date(2016, 4, 1), end=None)

    assert person.affiliation_on(dt.date(2016, 1, 28)).organization == ministry
    assert person.affiliation_on(dt.date(2016, 3, 31)).organization == ministry
    assert person.affiliation_on(dt.date(2016, 4, 1)).organization == registry
    assert person.affiliation_on(dt.date(2026, 1, 1)).organization == registry
    assert person.affiliation_on(dt.date(2011, 1, 1)) is None


def test_primary_affiliation_wins_over_a_concurrent_secondary_one(forum):
    person = PersonFactory(forum=forum)
    main = OrganizationFactory(forum=forum)
    side = OrganizationFactory(forum=forum)
    AffiliationFactory(person=person, organization=side, start=dt.date(2015, 1, 1), is_primary=False)
    AffiliationFactory(person=person, organization=main, start=dt.date(2010, 1, 1), is_primary=True)

    assert person.affiliation_on(dt.date(2016, 1, 28)).organization == main
    assert [a.organization for a in person.affiliations_on(dt.date(2016, 1, 28))] == [main, side]


def test_open_start_means_since_before_any_known_date(forum):
    aff = AffiliationFactory(person=PersonFactory(forum=forum), start=None, end=dt.date(2001, 1, 1))
    assert aff.person.affiliation_on(dt.date(1990, 5, 5)) == aff
    assert aff.person.affiliation_on(dt.date(2001, 1, 2)) is None


def test_database_refuses_an_affiliation_that_ends_before_it_starts(forum):
    person = PersonFactory(forum=forum)
    with pytest.raises(IntegrityError):
        Affiliation.objects.create(
            person=person,
            organization=OrganizationFactory(forum=forum),
            start=dt.date(2020, 1, 1),
            end=dt.date(2019, 1, 1),
        )


def test_affiliation_form_reports_end_before_start_and_keeps_input(forum, secretariat_client):
    person = PersonFactory(forum=forum)
    org = OrganizationFactory(forum=forum)
    url = f"/{forum.slug}/people/{person.pk}/affiliations/new/"
    response = secretariat_client.post(
        url,
        {
            "organization": org.pk,
            "title_en": "Director",
            "start": "2020-01-01",
            "end": "2019-01-01",
            "is_primary": "on",
        },
    )
    assert response.status_code == 200
    assert "cannot end before it starts" in response.content.decode()
    assert 'value="Director"' in response.content.decode()
    assert not Affiliation.objects.exists()
