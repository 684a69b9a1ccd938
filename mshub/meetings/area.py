"""What the meetings contribute to the forum (the area contract, mshub.core.areas)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mshub.core.areas import Area, DemoStep, MenuEntry
from mshub.core.pagecache import forum_changed
from mshub.people.erasure import ERASED, full_names, name_parts, name_pattern, scrub
from mshub.people.models import Person


def _home_context(view: Any) -> dict[str, Any]:
    from mshub.meetings.views.base import visible_meetings

    return {"next_meetings": list(visible_meetings(view).filter(end__gte=timezone.now()).order_by("start")[:5])}


def _api_routes(router: Any) -> None:
    from mshub.meetings import api

    router.register("meetings", api.MeetingViewSet, basename="meeting")


def _delete_forum(forum: Any) -> None:
    """Meetings go before the people their presenters and registrations name."""
    from mshub.meetings.models import Meeting, MeetingSeries

    Meeting.objects.filter(forum=forum).delete()
    MeetingSeries.objects.filter(forum=forum).delete()


def _demo(demo: Any) -> None:
    from mshub.meetings.demo import build_meetings

    if demo.is_main:  # the task force has no meetings
        build_meetings(demo.forum, demo.people, demo.secretariat)


def anonymise_registrations(person: Person) -> None:
    """A person's part in the meetings, erased: registrations in the forum linked to them or made with their
    email lose name, email, organisation, link and consent and get a new secret link (counts stay right);
    their survey answers lose any mention of them."""
    from mshub.meetings.models import Registration, SurveyResponse
    from mshub.meetings.models.registration import new_token

    mine = models.Q(person=person)
    if person.email:
        mine |= models.Q(email__iexact=person.email)
    registrations = list(Registration.objects.filter(mine, meeting__forum=person.forum).values_list("pk", flat=True))
    for pk in registrations:
        Registration.objects.filter(pk=pk).update(
            name=ERASED, email="", organization="", person=None, consent_listing=False, token=new_token()
        )
    forum_changed(person.forum_id)  # the registrations' names leave every page at once
    pattern = name_pattern(full_names(person) | name_parts(person))
    if pattern is None:
        return
    for response in SurveyResponse.objects.filter(registration__in=registrations):
        SurveyResponse.objects.filter(pk=response.pk).update(
            comments=scrub(response.comments, pattern), suggestions=scrub(response.suggestions, pattern)
        )


AREA = Area(
    label="meetings",
    urls="mshub.meetings.urls",
    rules="mshub.meetings.rules",
    menu=(MenuEntry(10, _("Meetings"), "meetings:index", "core.view_forum"),),
    home_panel="meetings/_home_panel.html",
    home_context=_home_context,
    home_order=10,
    demo_steps=(DemoStep(30, _demo, slow=True),),
    api_routes=_api_routes,
    on_forum_delete=_delete_forum,
    delete_order=30,
    on_person_erase=anonymise_registrations,
)
