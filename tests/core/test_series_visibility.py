"""A steering-group series is seen by the steering group and the secretariat only: the URL × role walk
again, with the walker's meeting in such a series, over every URL that names a series or a meeting,
and over every list and feed that could name the meeting."""

from __future__ import annotations

import pytest

from mshub.meetings.models import MeetingSeries, SeriesVisibility
from tests.conftest import ROLES
from tests.core import test_url_permissions as walker
from tests.core.test_url_permissions import EXPECTED, LEVEL, NEEDED, ROUTES, Route, World, url_for

# the walker's records, built once per module and rolled back after it
module_world = walker.module_world
db = walker.db
world = walker.world

MEETING_ROUTES = [r for r in ROUTES if "series" in r.kwargs or r.name == "api:meeting-detail"]
LISTINGS = ["meetings:index", "meetings:forum-ics", "meetings:reports-feed", "api:meeting-list", "core:forum"]


def hide(world: World, visibility: str) -> None:
    MeetingSeries.objects.filter(pk=world.objects["series"].pk).update(visibility=visibility)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", MEETING_ROUTES, ids=lambda r: r.id)
def test_a_steering_series_is_closed_below_the_steering_group(world: World, route: Route, role: str) -> None:
    hide(world, SeriesVisibility.STEERING)
    url = url_for(route, world.objects)
    got = world.client(role).get(url).status_code
    if EXPECTED[route.name] == "link":
        assert got == 200, f"{role} GET {url}: the mailed link is the credential"
    elif LEVEL[role] >= max(NEEDED["steering"], NEEDED[EXPECTED[route.name]]):
        assert got in (200, 405), f"{role} GET {url}: {got}"
    elif route.name == "api:meeting-detail":
        assert got == 404, f"{role} GET {url}: {got} (the API does not list it, so it does not exist)"
    else:
        assert got == (302 if role == "anonymous" else 403), f"{role} GET {url}: {got}"


@pytest.mark.parametrize("visibility", [SeriesVisibility.STEERING, SeriesVisibility.MEMBERS])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("listing", LISTINGS)
def test_lists_and_feeds_name_a_hidden_series_meeting_only_to_those_who_see_it(
    world: World, listing: str, role: str, visibility: SeriesVisibility
) -> None:
    hide(world, visibility)
    route = next(r for r in ROUTES if r.name == listing)
    url = url_for(route, world.objects)
    response = world.client(role).get(url)
    assert response.status_code == 200
    body = response.content.decode()
    series = world.objects["series"]
    shown = series.name_en in body or series.name_ja in body or f"/{series.slug}/" in body
    sees = LEVEL[role] >= (NEEDED["steering"] if visibility == SeriesVisibility.STEERING else NEEDED["member"])
    assert shown == sees, f"{role} {url}: series shown={shown}, visibility {visibility}"
