"""The demo's calendar: the events of the sample talk (2015) and trend briefing (2016), shared by both
demo forums, each with its own presence; loading again adds nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from mshub.calendar.models import ExternalEvent, Presence
from mshub.core.demo import MAIN, TASKFORCE
from tests.test_demo import load

pytestmark = pytest.mark.django_db


def test_the_samples_events_are_on_the_demo_calendar() -> None:
    load("--no-meetings")
    events = {e.uid.removeprefix("demo-").removesuffix("@mshub"): e for e in ExternalEvent.objects.all()}
    assert events["igf-2014"].city_en == "Istanbul"
    assert (events["igf-2015"].first_day, events["igf-2015"].last_day) == (dt.date(2015, 11, 10), dt.date(2015, 11, 13))
    assert events["netmundial-2014"].country.code == "BR"
    assert events["wsis10-hle"].body.code == "wsis"  # type: ignore[union-attr]
    assert {"icann52", "icann53", "icann54", "icann57"} <= set(events)
    wic = events["wic-2014"]
    assert [child.name_en.split(":")[0] for child in wic.children.order_by("first_day")] == ["Day 1", "Day 2", "Day 3"]
    assert events["netmundial-initiative"].is_undecided
    assert events["wsis10-review"].is_month_only
    assert (events["wsis10-review"].year, events["wsis10-review"].month) == (2015, 12)
    assert events["oewg-session"].is_timed
    assert ExternalEvent.objects.upcoming(dt.date.today()).exists()
    assert Presence.objects.filter(forum__slug=MAIN).count() >= 10
    assert Presence.objects.filter(forum__slug=TASKFORCE).exists()
    page = Client().get(f"/{MAIN}/calendar/timeline/").content.decode()
    assert "2014" in page
    assert ">NETmundial</a>" in page  # the event (English: the tests default to it), not the body filter


def test_loading_again_or_resetting_makes_no_second_copy() -> None:
    load("--no-meetings")
    count = ExternalEvent.objects.count()
    load("--no-meetings")
    load("--reset", "--no-meetings")
    assert ExternalEvent.objects.count() == count
    assert Presence.objects.filter(forum__slug=MAIN).count() >= 10  # the new forum's own presence again


@pytest.mark.slow
def test_the_whole_demo_links_the_annual_igf_to_its_report_back_meeting() -> None:
    from mshub.calendar.models import ReportBack

    load()
    link = ReportBack.objects.get(forum__slug=MAIN)
    assert link.event.uid == "demo-annual-igf@mshub"
    assert link.meeting is not None
    assert link.meeting.title_en == "Report-back on the annual IGF"
    page = Client().get(f"/{MAIN}/calendar/events/{link.event_id}/").content.decode()
    assert link.meeting.get_absolute_url() in page


def test_the_demos_ics_imported_again_adds_and_changes_nothing() -> None:
    from mshub.calendar.importing import import_file
    from mshub.core.models import Forum

    load("--no-meetings")
    forum = Forum.objects.get(slug=MAIN)
    before = list(ExternalEvent.objects.order_by("pk").values_list("pk", "sequence", "status"))
    for year in (2014, 2015, 2016, dt.date.today().year):
        exported = Client().get(f"/{MAIN}/calendar/calendar.ics?year={year}").content
        run = import_file(exported, f"demo-{year}.ics", forum)
        assert (run.outcome, run.created, run.updated, run.cancelled) == ("done", 0, 0, 0)
    assert list(ExternalEvent.objects.order_by("pk").values_list("pk", "sequence", "status")) == before
