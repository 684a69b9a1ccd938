"""The load benchmark's forum (bench/forum.py): the promised sizes, and every page it drives answers.

bench/load.py serves this forum with gunicorn and drives these pages with wrk; here the same builder
fills the test database and Django's test client fetches each page once, as the public would.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from bench.forum import INTERVENTIONS, ITEMS, PAST_MEETINGS, PLENARY, REGISTRATIONS, STUDY, build_forum
from mshub.core.demo import MAIN
from mshub.meetings.models import Intervention, Meeting, MeetingStatus, Presenter

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_the_benchmark_forum_has_the_promised_sizes_and_every_page_answers(client) -> None:
    pages = build_forum()

    plenary = Meeting.objects.get(series__forum__slug=MAIN, series__slug=PLENARY)
    assert plenary.agenda_items.count() == ITEMS == 200
    assert Presenter.objects.filter(item__meeting=plenary).values("item").distinct().count() == ITEMS
    assert Intervention.objects.filter(item__meeting=plenary).count() == INTERVENTIONS == 400
    assert plenary.registrations.count() == REGISTRATIONS == 200
    assert plenary.status == MeetingStatus.REPORT_PUBLISHED
    assert plenary.report_versions.filter(language="ja").exists()
    past = Meeting.objects.filter(series__slug=STUDY, end__lt=timezone.now(), status=MeetingStatus.REPORT_PUBLISHED)
    assert past.count() == PAST_MEETINGS == 300
    assert Meeting.objects.filter(series__forum__slug=MAIN, series__slug="regular").count() >= 5  # the demo's

    kinds = {
        "forum home": "text/html",
        "meeting (demo)": "text/html",
        "meeting (200 items)": "text/html",
        "report (200 items)": "text/html",
        "report PDF (200 items)": "application/pdf",
        "meeting .ics": "text/calendar",
        "series .ics (300)": "text/calendar",
        "forum .ics": "text/calendar",
        "reports Atom": "application/atom+xml",
        "API meetings": "application/json",
        "API organisations": "application/json",
    }
    by_name = {page.name: page.path for page in pages}
    assert set(kinds) <= set(by_name)
    for page in pages:
        response = client.get(page.path)
        if page.path.endswith(".pdf"):  # its rendering was queued on commit, which a test never reaches:
            assert response.status_code == 503, page  # asking queues it (at once in tests) ...
            response = client.get(page.path)  # ... and it is served, never rendered in a request
        assert response.status_code == 200, page
        assert response["Content-Type"].startswith(kinds.get(page.name, "text/html")), page
    meeting_page = client.get(by_name["meeting (200 items)"]).content.decode()
    assert f"議題 {ITEMS}:" in meeting_page
    assert client.get(by_name["API meetings"]).json()["count"] > PAST_MEETINGS
    assert client.get(by_name["series .ics (300)"]).content.count(b"BEGIN:VEVENT") == PAST_MEETINGS
