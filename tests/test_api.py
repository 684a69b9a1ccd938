"""The JSON API: a valid OpenAPI schema for every route, exact JSON, personal data only for those
who may see it, pagination, and a query count that does not grow with the rows."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
import yaml
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from mshub.people.models import Person, StakeholderGroup
from tests.conftest import Cast
from tests.core.test_url_permissions import ROUTES, Route
from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory, group

pytestmark = pytest.mark.django_db

# --- the schema -----------------------------------------------------------------------------------

# API URLs that are not operations of the API itself.
NOT_OPERATIONS = {"api:api-root", "api:schema", "api:docs"}


def openapi_path(route: Route) -> str:
    """A URL pattern as drf-spectacular writes the path: ``{name}`` parameters, ``pk`` as ``id``."""
    path = route.route.replace("^", "").replace("$", "")
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", path)
    path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", path)
    return "/" + path.replace("{pk}", "{id}")


API_ROUTES = [r for r in ROUTES if r.name.startswith("api:") and r.name not in NOT_OPERATIONS]
API_OPERATIONS = [r for r in API_ROUTES if "format" not in r.kwargs]  # DRF's ".json" twins are not documented


def generated_schema() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)  # type: ignore[no-any-return]


def test_the_generated_schema_is_valid_openapi_3() -> None:
    schema = generated_schema()
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "mshub API"


def test_the_schema_documents_every_api_route_and_nothing_else() -> None:
    assert API_OPERATIONS, "the URL walk found no API route"
    paths = generated_schema()["paths"]
    expected = {openapi_path(r) for r in API_OPERATIONS}
    assert expected == set(paths), (
        f"undocumented: {sorted(expected - set(paths))}; documented but not routed: {sorted(set(paths) - expected)}"
    )
    for route in API_OPERATIONS:
        operation = paths[openapi_path(route)]
        assert set(operation) - {"parameters"} == {"get"}, f"{route.name}: the API is read-only"
        assert "200" in operation["get"]["responses"], route.name
        if route.name.endswith("-list"):
            assert {p["name"] for p in operation["get"].get("parameters", [])} >= {"page"}, route.name


def test_the_schema_says_what_the_person_endpoint_returns() -> None:
    components = generated_schema()["components"]["schemas"]
    person = components["Person"]["properties"]
    assert person["email"]["nullable"] is True  # null unless the caller may see contact data
    assert person["email"]["format"] == "email"
    affiliation = components["Affiliation"]["properties"]
    assert affiliation["start"]["format"] == "date"
    assert affiliation["end"]["format"] == "date"
    assert components["PaginatedPersonList"]["properties"]["results"]["items"] == {
        "$ref": "#/components/schemas/Person"
    }


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_the_schema_is_served_to_everyone(cast: Cast, who: str) -> None:
    client = cast.client(who)
    as_yaml = client.get(reverse("api:schema"))
    assert as_yaml.status_code == 200
    assert as_yaml["Content-Type"].startswith("application/vnd.oai.openapi")
    served = yaml.safe_load(as_yaml.content)
    validate_schema(served)
    as_json = client.get(reverse("api:schema"), {"format": "json"})
    assert as_json.status_code == 200
    assert json.loads(as_json.content) == served
    assert set(served["paths"]) == {openapi_path(r) for r in API_OPERATIONS}
    docs = client.get(reverse("api:docs"))
    assert docs.status_code == 200
    assert reverse("api:schema").encode() in docs.content


# --- what the endpoints return ---------------------------------------------------------------------


def get_json(client: Client, url: str, **params: Any) -> Any:
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_organizations_as_json(cast: Cast) -> None:
    from mshub.people.models import OrganizationKind

    kind = OrganizationKind.objects.filter(forum=cast.forum).first() or OrganizationKind.objects.create(
        forum=cast.forum, code="ngo", name_ja="NGO", name_en="NGO"
    )
    org = OrganizationFactory(
        forum=cast.forum,
        name_ja="日本ネットワークインフォメーションセンター",
        name_en="Japan Network Information Center",
        short_name="JPNIC",
        stakeholder_group=group(cast.forum, "technical-community"),
        kind=kind,
        country="JP",
        website="https://www.nic.ad.jp/",
    )
    url = reverse("api:organization-detail", kwargs={"forum": cast.forum.slug, "pk": org.pk})
    assert get_json(cast.client("anonymous"), url) == {
        "id": org.pk,
        "name_ja": "日本ネットワークインフォメーションセンター",
        "name_en": "Japan Network Information Center",
        "short_name": "JPNIC",
        "stakeholder_group": "technical-community",
        "kind": kind.code,
        "country": "JP",
        "website": "https://www.nic.ad.jp/",
    }
    listing = get_json(cast.client("anonymous"), reverse("api:organization-list", kwargs={"forum": cast.forum.slug}))
    assert listing["count"] == 1
    assert listing["results"][0]["id"] == org.pk


def test_stakeholder_groups_as_json(cast: Cast) -> None:
    url = reverse("api:stakeholdergroup-list", kwargs={"forum": cast.forum.slug})
    listing = get_json(cast.client("anonymous"), url)
    groups = StakeholderGroup.objects.filter(forum=cast.forum)
    assert listing["count"] == groups.count() > 0
    assert listing["results"] == [
        {
            "id": g.pk,
            "code": g.code,
            "name_ja": g.name_ja,
            "name_en": g.name_en,
            "igf_category": g.igf_category,
            "order": g.order,
            "active": g.active,
        }
        for g in groups.order_by("order", "code")
    ]
    government = groups.get(code="government")
    detail = get_json(
        cast.client("anonymous"),
        reverse("api:stakeholdergroup-detail", kwargs={"forum": cast.forum.slug, "pk": government.pk}),
    )
    assert detail["code"] == "government"


def test_persons_as_json_with_dated_affiliations(cast: Cast) -> None:
    person = PersonFactory(
        forum=cast.forum,
        family_name_ja="高野",
        given_name_ja="葵",
        family_name_kana="たかの",
        given_name_kana="あおい",
        family_name_latin="Takano",
        given_name_latin="Aoi",
        email="aoi@example.org",
    )
    old = OrganizationFactory(forum=cast.forum, name_ja="旧組織", name_en="Old Org")
    new = OrganizationFactory(forum=cast.forum, name_ja="新組織", name_en="New Org")
    AffiliationFactory(
        person=person, organization=old, title_en="Researcher", start=dt.date(2010, 4, 1), end=dt.date(2019, 3, 31)
    )
    AffiliationFactory(
        person=person, organization=new, department_en="Policy", title_en="Director", start=dt.date(2019, 4, 1)
    )
    url = reverse("api:person-detail", kwargs={"forum": cast.forum.slug, "pk": person.pk})
    assert get_json(cast.client("secretariat"), url) == {
        "id": person.pk,
        "family_name_ja": "高野",
        "given_name_ja": "葵",
        "family_name_kana": "たかの",
        "given_name_kana": "あおい",
        "family_name_latin": "Takano",
        "given_name_latin": "Aoi",
        "email": "aoi@example.org",
        "affiliations": [  # the latest first
            {
                "organization": new.pk,
                "organization_name_ja": "新組織",
                "organization_name_en": "New Org",
                "department_ja": "",
                "department_en": "Policy",
                "title_ja": "",
                "title_en": "Director",
                "start": "2019-04-01",
                "end": None,
                "is_primary": True,
            },
            {
                "organization": old.pk,
                "organization_name_ja": "旧組織",
                "organization_name_en": "Old Org",
                "department_ja": "",
                "department_en": "",
                "title_ja": "",
                "title_en": "Researcher",
                "start": "2010-04-01",
                "end": "2019-03-31",
                "is_primary": True,
            },
        ],
    }


# --- personal data --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "sees_email"),
    [("member", False), ("wg_chair", False), ("steering", False), ("secretariat", True)],
)
def test_person_emails_only_for_the_secretariat(cast: Cast, who: str, sees_email: bool) -> None:
    people = [PersonFactory(forum=cast.forum, email=f"p{i}@example.org") for i in range(3)]
    AffiliationFactory(person=people[0])
    client = cast.client(who)
    detail = get_json(client, reverse("api:person-detail", kwargs={"forum": cast.forum.slug, "pk": people[0].pk}))
    assert detail["email"] == ("p0@example.org" if sees_email else None)
    assert len(detail["affiliations"]) == 1  # the rest of the record is there
    listing = get_json(client, reverse("api:person-list", kwargs={"forum": cast.forum.slug}))
    emails = {row["id"]: row["email"] for row in listing["results"]}
    assert emails == {p.pk: (p.email if sees_email else None) for p in people}


def test_a_person_sees_their_own_email_and_no_one_elses(cast: Cast) -> None:
    me = PersonFactory(forum=cast.forum, email="me@example.org", user=cast.users["member"])
    other = PersonFactory(forum=cast.forum, email="other@example.org")
    listing = get_json(cast.client("member"), reverse("api:person-list", kwargs={"forum": cast.forum.slug}))
    assert {row["id"]: row["email"] for row in listing["results"]} == {me.pk: "me@example.org", other.pk: None}


def test_a_person_without_email_is_null_even_for_the_secretariat(cast: Cast) -> None:
    person = PersonFactory(forum=cast.forum, email="")
    url = reverse("api:person-detail", kwargs={"forum": cast.forum.slug, "pk": person.pk})
    assert get_json(cast.client("secretariat"), url)["email"] is None


@pytest.mark.parametrize("who", ["anonymous", "visitor"])
def test_persons_are_not_for_the_public(cast: Cast, who: str) -> None:
    person = PersonFactory(forum=cast.forum)
    for url in (
        reverse("api:person-list", kwargs={"forum": cast.forum.slug}),
        reverse("api:person-detail", kwargs={"forum": cast.forum.slug, "pk": person.pk}),
    ):
        response = cast.client(who).get(url)
        assert response.status_code == 403
        assert person.email not in response.content.decode()


# --- pagination -----------------------------------------------------------------------------------


def test_lists_are_paginated_by_fifty(cast: Cast) -> None:
    orgs = [OrganizationFactory(forum=cast.forum, name_en=f"Org {i:02d}") for i in range(55)]
    client = cast.client("anonymous")
    url = reverse("api:organization-list", kwargs={"forum": cast.forum.slug})
    first = get_json(client, url)
    assert first["count"] == 55
    assert len(first["results"]) == 50
    assert first["previous"] is None
    assert first["next"] == f"http://testserver{url}?page=2"
    second = get_json(client, url, page=2)
    assert second["count"] == 55
    assert len(second["results"]) == 5
    assert second["next"] is None
    assert second["previous"] == f"http://testserver{url}"
    ids = [row["id"] for row in first["results"] + second["results"]]
    assert ids == [o.pk for o in sorted(orgs, key=lambda o: o.name_en)]  # ordered, no row twice or missing
    assert client.get(url, {"page": 3}).status_code == 404


# --- query counts ---------------------------------------------------------------------------------


def add_people(cast: Cast, n: int) -> None:
    for _ in range(n):
        person = PersonFactory(forum=cast.forum)
        AffiliationFactory(person=person, start=dt.date(2010, 4, 1), end=dt.date(2015, 3, 31))
        AffiliationFactory(person=person)


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("who", ["member", "secretariat"])
def test_the_persons_list_makes_as_many_queries_for_50_people_as_for_5(cast: Cast, who: str) -> None:
    client = cast.client(who)
    url = reverse("api:person-list", kwargs={"forum": cast.forum.slug})
    add_people(cast, 5)
    few = count_queries(client, url)
    add_people(cast, 45)
    assert Person.objects.filter(forum=cast.forum).count() == 50
    many = count_queries(client, url)
    assert len(client.get(url).json()["results"]) == 50
    assert many == few, f"{few} queries for 5 people, {many} for 50"


@pytest.mark.parametrize("name", ["api:organization-list", "api:stakeholdergroup-list", "api:forum-list"])
def test_other_lists_make_as_many_queries_for_many_rows_as_for_few(cast: Cast, name: str) -> None:
    client = cast.client("member")
    url = reverse(name, kwargs={} if name == "api:forum-list" else {"forum": cast.forum.slug})
    OrganizationFactory(forum=cast.forum)  # not empty: an empty page skips its query
    few = count_queries(client, url)
    for i in range(20):
        OrganizationFactory(forum=cast.forum)
        StakeholderGroup.objects.create(forum=cast.forum, code=f"extra-{i}", name_ja=f"群{i}", name_en=f"Group {i}")
    from tests.factories import ForumFactory, MembershipFactory

    for _ in range(5):
        MembershipFactory(forum=ForumFactory(), user=cast.users["member"])
    assert count_queries(client, url) == few


def test_no_area_imports_the_api_package_that_imports_every_area():
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "mshub"
    offenders = []
    for path in root.rglob("*.py"):
        if path.is_relative_to(root / "api") or path.parent == root:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            modules += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if any(m == "mshub.api" or m.startswith("mshub.api.") for m in modules):
                offenders.append(str(path.relative_to(root)))
    assert offenders == []
