"""A new area is one folder and one line of settings: it reaches the menu, the permission table, its
pages, the forum's home page, the demo, the API (router, served routes and schema), forum creation
and forum deletion without any edit to core (mshub.core.areas)."""

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import RequestFactory, override_settings
from rest_framework.routers import SimpleRouter

import mshub.urls  # noqa: F401 -- the site's URLconf, built before the sample area is installed
from mshub.core import permissions
from mshub.core.areas import register_api_routes
from mshub.core.demo import TASKFORCE, build_demo
from mshub.core.management.commands.permissions import markdown_table
from mshub.core.models import ActivityEntry, Forum, Role
from mshub.core.services import create_forum, delete_forum
from mshub.people.models import StakeholderGroup
from tests.factories import ForumFactory, MembershipFactory
from tests.sample_area import area as sample


@pytest.fixture
def sample_area():
    """The sample area installed, with a URLconf built while it is (``tests/sample_area/root_urls``)."""
    with override_settings(
        INSTALLED_APPS=[*settings.INSTALLED_APPS, "tests.sample_area"], ROOT_URLCONF="tests.sample_area.root_urls"
    ):
        permissions.register_area_rules()
        yield
    permissions.register_area_rules()


def _menu(user, forum):
    request = RequestFactory().get("/")
    request.user = user
    template = Template("{% load mshub %}{% forum_nav forum as nav %}{% for i in nav %}{{ i.label }};{% endfor %}")
    return template.render(Context({"request": request, "forum": forum}))


@pytest.mark.django_db
def test_the_area_reaches_the_permission_table_and_the_menu(sample_area):
    forum = ForumFactory()
    steering = MembershipFactory(forum=forum, role=Role.STEERING).user
    member = MembershipFactory(forum=forum, role=Role.MEMBER).user
    assert "| `sample_area.view_notes` | · | · | · | ✓ | ✓ |" in markdown_table()
    assert "Members;Sample notes;" in _menu(steering, forum)
    assert "Sample notes" not in _menu(member, forum)


@pytest.mark.django_db
def test_the_area_reaches_the_api_router(sample_area):
    router = SimpleRouter()
    register_api_routes(router)
    assert [prefix for prefix, _viewset, _name in router.registry] == [
        "stakeholder-groups",
        "organizations",
        "persons",
        "topics",
        "meetings",
        "bodies",
        "event-kinds",
        "events",
        "presence",
        "consultations",
        "consultation-responses",
        "trend-items",
        "working-groups",
        "papers",
        "briefings",
        "sample-notes",
    ]


@pytest.mark.django_db
def test_the_area_serves_its_pages_and_its_home_panel_under_the_forum(sample_area, client):
    forum = ForumFactory(is_public=True)
    steering = MembershipFactory(forum=forum, role=Role.STEERING).user
    member = MembershipFactory(forum=forum, role=Role.MEMBER).user
    client.force_login(steering)
    page = client.get(f"/{forum.slug}/sample-notes/")
    assert page.status_code == 200
    assert f"Sample notes of {forum.slug}" in page.content.decode()
    home = client.get(f"/{forum.slug}/").content.decode()
    assert f'href="/{forum.slug}/sample-notes/"' in home  # the menu entry
    assert "3 sample notes" in home  # the home panel, with the context the area gave it
    client.force_login(member)
    assert client.get(f"/{forum.slug}/sample-notes/").status_code == 403


@pytest.mark.django_db
def test_the_area_serves_its_api_routes_with_the_registry_permission_and_in_the_schema(sample_area, client):
    forum = ForumFactory(is_public=True)
    steering = MembershipFactory(forum=forum, role=Role.STEERING).user
    assert client.get(f"/api/v1/{forum.slug}/sample-notes/").status_code in (401, 403)
    client.force_login(steering)
    answer = client.get(f"/api/v1/{forum.slug}/sample-notes/")
    assert answer.status_code == 200
    assert answer.json() == [{"note": "sample", "forum": forum.slug}]
    assert "/api/v1/{forum}/sample-notes/" in client.get("/api/schema/").content.decode()


@pytest.mark.django_db
def test_a_new_forum_reaches_each_area_however_it_is_saved(sample_area):
    created = create_forum("sample-created", name_en="Created")
    assert sample.CREATED[-1] == "sample-created"
    assert StakeholderGroup.objects.filter(forum=created, code="government").exists()  # people's part: its vocabularies
    Forum.objects.create(slug="sample-saved", name_en="Saved")
    assert sample.CREATED[-1] == "sample-saved"


@pytest.mark.django_db
def test_the_area_takes_part_in_the_demo_and_in_deleting_a_forum(sample_area):
    build_demo(meetings=False)
    assert ActivityEntry.objects.filter(verb="sample.demo", forum__slug=TASKFORCE).count() == 1
    forum = Forum.objects.get(slug=TASKFORCE)
    delete_forum(forum)
    assert sample.DELETED[-1] == TASKFORCE
    assert not Forum.objects.filter(slug=TASKFORCE).exists()


@pytest.mark.django_db
def test_without_the_area_nothing_of_it_shows():
    forum = ForumFactory()
    steering = MembershipFactory(forum=forum, role=Role.STEERING).user
    assert "sample_area" not in markdown_table()
    assert "Sample notes" not in _menu(steering, forum)


@pytest.mark.django_db
def test_without_the_area_its_pages_and_api_are_not_served(client):
    forum = ForumFactory(is_public=True)
    client.force_login(MembershipFactory(forum=forum, role=Role.STEERING).user)
    assert client.get(f"/{forum.slug}/sample-notes/").status_code == 404
    assert client.get(f"/api/v1/{forum.slug}/sample-notes/").status_code == 404
