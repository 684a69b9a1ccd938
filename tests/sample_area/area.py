"""A test-only area: one folder and one line of settings (tests/test_areas.py installs it)."""

from typing import Any

from rest_framework import viewsets
from rest_framework.response import Response

from mshub.core.areas import Area, DemoStep, MenuEntry
from mshub.core.models.events import record

DELETED: list[str] = []  # the forums whose deletion reached this area
CREATED: list[str] = []  # the forums whose creation reached this area


class NoteViewSet(viewsets.ViewSet):
    permission_required = "sample_area.view_notes"

    def list(self, request: Any, forum: str = "") -> Response:
        return Response([{"note": "sample", "forum": forum}])


def _api_routes(router: Any) -> None:
    router.register("sample-notes", NoteViewSet, basename="sample-note")


def _home_context(view: Any) -> dict[str, Any]:
    return {"sample_note_count": 3}


def _demo(demo: Any) -> None:
    record(demo.forum, demo.secretariat, "sample.demo", demo.forum, summary="sample notes")


def _create_forum(forum: Any) -> None:
    CREATED.append(forum.slug)


def _delete_forum(forum: Any) -> None:
    DELETED.append(forum.slug)


AREA = Area(
    label="sample_area",
    urls="tests.sample_area.urls",
    rules="tests.sample_area.rules",
    menu=(MenuEntry(55, "Sample notes", "sample_area:notes", "sample_area.view_notes"),),
    home_panel="sample_area/_home_panel.html",
    home_context=_home_context,
    home_order=90,
    demo_steps=(DemoStep(25, _demo),),
    api_routes=_api_routes,
    on_forum_create=_create_forum,
    on_forum_delete=_delete_forum,
    delete_order=40,
)
