"""A new area is one folder and one line of settings: it reaches the menu, the permission table, the
demo, the API router and forum deletion without any edit to core (mshub.core.areas)."""

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import RequestFactory, override_settings
from rest_framework.routers import SimpleRouter

from mshub.core import permissions
from mshub.core.areas import register_api_routes
from mshub.core.demo import TASKFORCE, build_demo
from mshub.core.management.commands.permissions import markdown_table
from mshub.core.models import ActivityEntry, Forum, Role
from mshub.core.services import delete_forum
from tests.factories import ForumFactory, MembershipFactory
from tests.sample_area import area as sample


@pytest.fixture
def sample_area():
    with override_settings(INSTALLED_APPS=[*settings.INSTALLED_APPS, "tests.sample_area"]):
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
        "meetings",
        "sample-notes",
    ]


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
