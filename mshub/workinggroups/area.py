"""What the working groups contribute to the forum (the area contract, mshub.core.areas)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from mshub.core.areas import Area, DemoStep, MenuEntry


def _api_routes(router: Any) -> None:
    from mshub.workinggroups import api

    router.register("working-groups", api.WorkingGroupViewSet, basename="workinggroup")


def _delete_forum(forum: Any) -> None:
    """The forum's working groups (their tags, members and milestones with them)."""
    from django.contrib.contenttypes.models import ContentType

    from mshub.topics.models import TopicTag
    from mshub.workinggroups.models import Milestone, WorkingGroup, WorkingGroupMember

    content_type = ContentType.objects.get_for_model(WorkingGroup)
    TopicTag.objects.filter(forum=forum, content_type=content_type).delete()
    Milestone.objects.filter(forum=forum).delete()
    WorkingGroupMember.objects.filter(forum=forum).delete()
    WorkingGroup.objects.filter(forum=forum).delete()


def _erase_person(person: Any) -> None:
    """A person erased from the registry leaves every group (the rows go: they name the person)."""
    from mshub.workinggroups.models import WorkingGroupMember

    WorkingGroupMember.objects.filter(person=person).delete()


def _demo(demo: Any) -> None:
    from mshub.workinggroups.demo import build_working_groups

    build_working_groups(demo)


AREA = Area(
    label="workinggroups",
    urls="mshub.workinggroups.urls",
    rules="mshub.workinggroups.rules",
    menu=(MenuEntry(46, _("Working groups"), "workinggroups:index", "workinggroups.view_workinggroup"),),
    demo_steps=(DemoStep(38, _demo),),
    api_routes=_api_routes,
    on_forum_delete=_delete_forum,
    on_person_erase=_erase_person,
    delete_order=43,
)
