"""A test-only area: one folder and one line of settings (tests/test_areas.py installs it)."""

from typing import Any

from rest_framework import viewsets
from rest_framework.response import Response

from mshub.core.areas import Area, DemoStep, MenuEntry
from mshub.core.models.events import record

DELETED: list[str] = []  # the forums whose deletion reached this area


class NoteViewSet(viewsets.ViewSet):
    permission_required = "sample_area.view_notes"

    def list(self, request: Any, forum: str = "") -> Response:
        return Response([{"note": "sample"}])


def _api_routes(router: Any) -> None:
    router.register("sample-notes", NoteViewSet, basename="sample-note")


def _demo(demo: Any) -> None:
    record(demo.forum, demo.secretariat, "sample.demo", demo.forum, summary="sample notes")


def _delete_forum(forum: Any) -> None:
    DELETED.append(forum.slug)


AREA = Area(
    label="sample_area",
    rules="tests.sample_area.rules",
    menu=(MenuEntry(55, "Sample notes", "core:events", "sample_area.view_notes"),),
    demo_steps=(DemoStep(25, _demo),),
    api_routes=_api_routes,
    on_forum_delete=_delete_forum,
    delete_order=40,
)
