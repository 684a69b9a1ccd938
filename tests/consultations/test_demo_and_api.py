"""The demo's consultations (the sample briefing's, with their deadlines; one open and one upcoming
relative to today), loaded twice without copies; the read-only API, public and members-only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from mshub.consultations.models import Consultation, ConsultationResponse
from mshub.core.demo import MAIN, TASKFORCE
from mshub.core.timezones import in_zone
from tests.consultations.conftest import consultation
from tests.test_demo import load

pytestmark = pytest.mark.django_db


def test_the_briefings_consultations_are_in_the_demo_once() -> None:
    load("--no-meetings")
    load("--no-meetings")
    made = {c.uid.removeprefix("demo-").removesuffix("@mshub"): c for c in Consultation.objects.all()}
    assert set(made) == {"cstd-wgec-2016", "itu-cwg-internet-2017", "icann-open", "mic-upcoming"}
    wgec = made["cstd-wgec-2016"]
    assert wgec.local_closes.date() == dt.date(2016, 12, 7)
    assert in_zone(wgec.closes, "Asia/Tokyo").date() == dt.date(2016, 12, 8)  # 07:59 the next morning in Tokyo
    assert wgec.questions.count() == 2
    assert made["itu-cwg-internet-2017"].questions.count() == 3
    assert made["icann-open"].current_state == "open"
    assert made["mic-upcoming"].current_state == "upcoming"
    assert ConsultationResponse.objects.filter(forum__slug=MAIN).count() == 3
    assert ConsultationResponse.objects.filter(forum__slug=TASKFORCE).count() == 2
    page = Client().get(f"/{MAIN}/consultations/").content.decode()
    assert "CSTD Working Group on Enhanced Cooperation" in page
    assert "ICANN public comment (demo dates)" in page


def test_the_api_lists_consultations_publicly_and_responses_to_members(cast) -> None:  # type: ignore[no-untyped-def]
    forum = cast.forum
    c = consultation(forum, "API", dt.datetime(2016, 1, 1), dt.datetime(2016, 2, 1), questions=[("", "Q?")])
    listing = Client().get(reverse("api:consultation-list", kwargs={"forum": forum.slug})).json()
    [row] = listing["results"]
    assert (row["id"], row["state"], row["questions"]) == (
        c.pk,
        "awaiting_report",
        [{"number": 1, "text_ja": "", "text_en": "Q?"}],
    )
    assert row["page"] == f"/{forum.slug}/consultations/{c.pk}/"
    responses = reverse("api:consultationresponse-list", kwargs={"forum": forum.slug})
    assert Client().get(responses).status_code == 403
    assert cast.client("member").get(responses).status_code == 200
