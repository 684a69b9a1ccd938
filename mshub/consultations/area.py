"""What the consultations contribute to the forum (the area contract, mshub.core.areas)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mshub.core.areas import Area, DemoStep, MenuEntry


def _home_context(view: Any) -> dict[str, Any]:
    from mshub.consultations.models import Consultation
    from mshub.core.pages import url_for_each

    rows = list(Consultation.objects.listed().open(timezone.now()).by_deadline()[:5])
    url = url_for_each("consultations:detail", {"forum": view.forum.slug})
    for row in rows:
        row.link = url(row.pk)  # type: ignore[attr-defined]
    return {"open_consultations": rows}


def _api_routes(router: Any) -> None:
    from mshub.consultations import api

    router.register("consultations", api.ConsultationViewSet, basename="consultation")
    router.register("consultation-responses", api.ResponseViewSet, basename="consultationresponse")


def _delete_forum(forum: Any) -> None:
    """The forum's responses, reminders and digest subscriptions and deliveries go; the shared
    consultations stay."""
    from mshub.consultations.models import ConsultationResponse, DeadlineReminder, DigestDelivery, DigestSubscription

    DigestDelivery.objects.filter(forum=forum).delete()
    DigestSubscription.objects.filter(forum=forum).delete()
    DeadlineReminder.objects.filter(forum=forum).delete()
    ConsultationResponse.objects.filter(forum=forum).delete()


def _erase_person(person: Any) -> None:
    """The person is no longer in charge of any response; the notes, which may name them, stay the
    forum's (they are the forum's working notes, not the person's data). The accounts erasure closes
    (the person's, and any holding their email) lose their digest subscriptions and the record of
    the digests sent to them (it holds their address), in every forum."""
    from mshub.consultations.models import ConsultationResponse, DigestDelivery, DigestSubscription
    from mshub.core.pagecache import forum_changed
    from mshub.people.erasure import accounts_of

    ConsultationResponse.objects.filter(person_in_charge=person).update(person_in_charge=None)
    accounts = [account.pk for account in accounts_of(person)]
    DigestDelivery.objects.filter(user__in=accounts).delete()
    DigestSubscription.objects.filter(user__in=accounts).delete()
    forum_changed(person.forum_id)


def _demo(demo: Any) -> None:
    from mshub.consultations.demo import build_consultations

    build_consultations(demo)


AREA = Area(
    label="consultations",
    urls="mshub.consultations.urls",
    rules="mshub.consultations.rules",
    # the deadline radar is a view of the consultations: linked from their page, not a menu entry of
    # its own (the forum menu stays one line on a desktop as areas arrive)
    menu=(MenuEntry(16, _("Consultations"), "consultations:index", "consultations.view_consultation"),),
    home_panel="consultations/_home_panel.html",
    home_context=_home_context,
    home_order=16,
    demo_steps=(DemoStep(36, _demo),),
    api_routes=_api_routes,
    on_forum_delete=_delete_forum,
    delete_order=41,
    on_person_erase=_erase_person,
)
