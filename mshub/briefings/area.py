"""What the briefings contribute to the forum (the area contract, mshub.core.areas)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from mshub.core.areas import Area, DemoStep, MenuEntry


def _delete_forum(forum: Any) -> None:
    """The briefings go (their sections, entries and versions with them) before the topics they name."""
    from mshub.briefings.models import Briefing

    Briefing.objects.filter(forum=forum).delete()


def _demo(demo: Any) -> None:
    from mshub.briefings.demo import build_briefing

    if demo.is_main:
        build_briefing(demo)


def _api_routes(router: Any) -> None:
    from mshub.briefings import api

    router.register("briefings", api.BriefingViewSet, basename="briefing")


AREA = Area(
    label="briefings",
    urls="mshub.briefings.urls",
    rules="mshub.briefings.rules",
    menu=(MenuEntry(48, _("Briefings"), "briefings:list", "briefings.view_briefings"),),
    demo_steps=(DemoStep(45, _demo, slow=True),),
    api_routes=_api_routes,
    on_forum_delete=_delete_forum,
    delete_order=35,
)
