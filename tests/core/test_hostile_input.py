"""Hostile input never makes a server error: every URL, for every role, with non-integers where
integers belong, NUL bytes, 4 KB strings and broken percent-encodings in the path, the query string
and the form answers 4xx (or a normal page), never 5xx.

It reuses the URL × role walker of tests/core/test_url_permissions.py (the routes, the records every
URL names, one session per role, the module-wide rolled-back transaction).
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.test import Client

from mshub.core.params import MAX_ID, int_param, malformed, parse_id
from tests.conftest import ROLES
from tests.core import test_url_permissions as walker
from tests.core.test_url_permissions import ROUTES, Route, World, url_for, view_class

# The walker's fixtures: records built once for the module, one savepoint per test.
module_world = walker.module_world
db = walker.db
world = walker.world

LONG = "x" * 4096
# In the path: one URL argument at a time replaced by each of these (already percent-encoded); the
# first two the middleware refuses for everyone alike, so one role tries them.
REFUSED_PATH_VALUES = ["%00", "%ff%fe", "%zz"]
PATH_VALUES = [LONG, "last", str(10**30)]
# In the query string: values the views must read safely (every role) ...
QUERY = (
    "version=last&series=" + LONG + "&page=abc&q=" + LONG + "&lang=zz&print=1&item=1.5&pk=-1&"
    "number=99999999999999999999999&token=%27%22%3C"
)
# ... and NUL bytes and broken encodings, which the middleware refuses for everyone alike.
REFUSED_QUERIES = ["series=%00&version=%00", "q=%zz", "page=%ff%fe", "series=%%%"]
# Form fields that name records, with values that are no id; and text with a NUL.
ID_FIELDS = ["item", "presenter", "intervention", "material", "action", "proposal", "registration", "membership"]
SECTIONS = {
    "section": ["attendance", "material", "version", "decision", "action", "close_action", "footnote"],
    "action": ["item", "presenter", "remove_presenter", "intervention", "remove_intervention"],
    "decision": ["accept", "decline"],
}


def _forms() -> list[dict[str, Any]]:
    bad_ids = dict.fromkeys(ID_FIELDS, "abc")
    forms: list[dict[str, Any]] = [
        {**bad_ids, "move": "up", "status": "held", "note": "x", "confirm": "yes"},
        {**bad_ids, "delete": "1"},
        {**dict.fromkeys(ID_FIELDS, "1" * 30), "move": "down"},
        {**dict.fromkeys(ID_FIELDS, LONG), "walk_in": "1"},
        {"status": "cancelled", "note": "a\x00b"},
        {"q": "\x00", "undo": "1", "registration": "1.5"},
    ]
    for key, values in SECTIONS.items():
        forms += [{**bad_ids, key: value, "status": "done"} for value in values]
    return forms


FORMS = _forms()


def _replace_arguments(url: str, world: World, values: list[str]) -> list[str]:
    """``url`` with each of its URL arguments (but the forum) replaced by each of ``values``."""
    parts = url.split("/")
    known = _argument_values(world.objects)
    urls = []
    for i, part in enumerate(parts):
        if i > 1 and (part.isdigit() or part in known):
            urls += ["/".join([*parts[:i], value, *parts[i + 1 :]]) for value in values]
    return urls


def _argument_values(o: dict[str, Any]) -> set[str]:
    return {o["meeting"].series.slug, o["registration"].token, "stakeholder-groups", "json", "MQ", "set-password"}


def _check(client: Client, method: str, url: str, data: dict[str, Any] | None = None) -> None:
    response = client.post(url, data) if method == "POST" else client.get(url)
    assert response.status_code < 500, f"{method} {url[:200]} {str(data)[:200]}: {response.status_code}"


@pytest.fixture(autouse=True)
def _quiet_requests() -> Any:
    """Thousands of expected 400s and 404s would each log a line; 500s fail the test anyway."""
    log = logging.getLogger("django.request")
    level = log.level
    log.setLevel(logging.CRITICAL)
    yield
    log.setLevel(level)


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.id)
def test_hostile_values_in_every_url_for_every_role(world: World, route: Route) -> None:
    url = url_for(route, world.objects)
    anonymous, secretariat = world.client("anonymous"), world.client("secretariat")
    for role in ROLES:
        _check(world.client(role), "GET", f"{url}?{QUERY}")
    for query in REFUSED_QUERIES:
        _check(anonymous, "GET", f"{url}?{query}")
    for path in _replace_arguments(url, world, REFUSED_PATH_VALUES):
        _check(anonymous, "GET", path)
    for path in _replace_arguments(url, world, PATH_VALUES):
        _check(anonymous, "GET", path)
        _check(secretariat, "GET", path)
    if hasattr(view_class(route), "post"):
        for form in FORMS:
            _check(secretariat, "POST", url, form)
        _check(anonymous, "POST", url, FORMS[0])


def test_nul_and_broken_encodings_get_the_400_page(world: World) -> None:
    meeting = world.objects["meeting"]
    client = world.client("secretariat")
    base = meeting.get_absolute_url()
    for url in (
        f"{base}cancel/%00/",
        f"{base}materials/{world.objects['material'].pk}/?version=%00",
        f"/{world.cast.forum.slug}/meetings/statistics/?series=%00",
        f"/{world.cast.forum.slug}/meetings/statistics/?series=%zz",
        f"/{world.cast.forum.slug}/meetings/statistics/?series=%ff%fe",
        f"{base}%ff%fe/",
        f"{base}cancel/%zz/",
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "Bad request" in response.content.decode(), url
    response = client.post(f"{base}status/", {"status": "cancelled", "note": "a\x00b"})
    assert response.status_code == 400
    meeting.refresh_from_db()
    assert meeting.status != "cancelled"


def test_a_non_integer_version_or_id_is_a_bad_request(world: World) -> None:
    o = world.objects
    client = world.client("secretariat")
    material = f"{o['meeting'].get_absolute_url()}materials/{o['material'].pk}/"
    for value in ("last", "1.5", "-1", "0x1", LONG, str(10**30)):
        assert client.get(material, {"version": value}).status_code == 400, value
    assert client.get(material).status_code == 200
    checkin = f"{o['meeting'].get_absolute_url()}check-in/"
    assert client.post(checkin, {"registration": "abc"}).status_code == 400
    assert client.post(checkin, {"registration": str(MAX_ID)}).status_code == 404


def test_the_parameter_helpers() -> None:
    from django.core.exceptions import BadRequest
    from django.http import QueryDict

    assert int_param(QueryDict("v=12"), "v") == 12
    assert int_param(QueryDict("v="), "v", 3) == 3
    assert int_param(QueryDict(""), "v") is None
    for bad in ("last", "1.5", "-1", "0", " ", "１２", str(MAX_ID + 1)):
        with pytest.raises(BadRequest):
            parse_id(bad)
    assert parse_id(str(MAX_ID)) == MAX_ID
    assert [malformed(t) for t in ("a=1&b=%E3%81%82", "a=%zz", "a=%ff%fe", "a=%00", "a=%", "a=b+c")] == [
        False,
        True,
        True,
        True,
        True,
        False,
    ]
