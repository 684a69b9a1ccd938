"""The JSON API: a valid OpenAPI schema for every route, personal data only for those who need it."""

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_schema_is_valid_openapi_and_documents_every_resource(client):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)
    paths = set(schema["paths"])
    for resource in ("organizations", "persons", "stakeholder-groups", "meetings"):
        assert f"/api/v1/{{forum}}/{resource}/" in paths
        assert f"/api/v1/{{forum}}/{resource}/{{id}}/" in paths
    assert "/api/v1/forums/" in paths
    served = client.get("/api/schema/")
    assert served.status_code == 200
    assert b"openapi" in served.content


def test_person_email_only_for_the_secretariat(cast):
    person = PersonFactory(forum=cast.forum, email="hidden@example.org")
    AffiliationFactory(person=person, title_en="Researcher")
    url = f"/api/v1/{cast.forum.slug}/persons/{person.pk}/"
    member = cast.client("member").get(url).json()
    secretariat = cast.client("secretariat").get(url).json()
    assert member["email"] is None
    assert secretariat["email"] == "hidden@example.org"
    assert member["affiliations"][0]["title_en"] == "Researcher"
    assert cast.client("anonymous").get(url).status_code == 403


def test_lists_are_paginated(cast):
    for _ in range(55):
        OrganizationFactory(forum=cast.forum)
    page = cast.client("anonymous").get(f"/api/v1/{cast.forum.slug}/organizations/").json()
    assert page["count"] == 55
    assert len(page["results"]) == 50
    assert page["next"].endswith("?page=2")


def _count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_persons_list_query_count_is_flat(cast):
    client = cast.client("secretariat")
    url = f"/api/v1/{cast.forum.slug}/persons/"
    AffiliationFactory(person=PersonFactory(forum=cast.forum))
    few = _count(client, url)
    for _ in range(30):
        AffiliationFactory(person=PersonFactory(forum=cast.forum))
    assert _count(client, url) == few
