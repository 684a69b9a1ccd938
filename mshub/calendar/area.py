"""What the international calendar contributes to the forum (the area contract, mshub.core.areas)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mshub.core.areas import Area, DemoStep, MenuEntry, Vocabulary


def _home_context(view: Any) -> dict[str, Any]:
    from mshub.calendar.listing import linked
    from mshub.calendar.models import ExternalEvent

    coming = ExternalEvent.objects.top_level().listed().filter(last_day__gte=timezone.localdate()).chronological()
    return {"coming_events": linked(coming[:5], view.forum)}


def _api_routes(router: Any) -> None:
    from mshub.calendar import api

    router.register("bodies", api.BodyViewSet, basename="body")
    router.register("event-kinds", api.EventKindViewSet, basename="eventkind")
    router.register("events", api.ExternalEventViewSet, basename="event")
    router.register("presence", api.PresenceViewSet, basename="presence")


def _create_forum(forum: Any) -> None:
    """The installation's bodies and kinds of event, if it has none yet (a first forum, a flushed test database)."""
    from mshub.calendar.models import Body, EventKind
    from mshub.calendar.vocabularies import seed

    seed(Body, EventKind)


def _delete_forum(forum: Any) -> None:
    """The forum's additions go before the people and meetings they name; the shared events stay."""
    from mshub.calendar.models import Presence, ReportBack

    Presence.objects.filter(forum=forum).delete()
    ReportBack.objects.filter(forum=forum).delete()


def _erase_person(person: Any) -> None:
    """The person's presence rows keep the count (the person is anonymised, not deleted); the notes
    and typed affiliations, which may name them, are blanked."""
    from mshub.calendar.models import Presence
    from mshub.core.pagecache import forum_changed

    Presence.objects.filter(person=person).update(note="", affiliation_ja="", affiliation_en="")
    forum_changed(person.forum_id)


def _demo(demo: Any) -> None:
    from mshub.calendar.demo import build_calendar

    build_calendar(demo)


AREA = Area(
    label="calendar",
    urls="mshub.calendar.urls",
    rules="mshub.calendar.rules",
    menu=(MenuEntry(15, _("Calendar"), "calendar:index", "calendar.view_calendar"),),
    home_panel="calendar/_home_panel.html",
    home_context=_home_context,
    home_order=15,
    demo_steps=(DemoStep(35, _demo),),
    api_routes=_api_routes,
    on_forum_create=_create_forum,
    on_forum_delete=_delete_forum,
    delete_order=40,
    on_person_erase=_erase_person,
    # shared by every forum of the installation: any forum's secretariat edits them
    vocabularies=(
        Vocabulary(
            50,
            "bodies",
            "calendar.Body",
            _("Bodies holding international events"),
            "calendar.change_vocabulary",
            ("short_name", "website"),
        ),
        Vocabulary(
            60, "event-kinds", "calendar.EventKind", _("Kinds of international event"), "calendar.change_vocabulary"
        ),
    ),
)
