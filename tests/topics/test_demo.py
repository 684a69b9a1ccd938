"""The demo's tags: events, consultations, and (the whole demo) meetings, agenda items and Q/A/C
entries under fitting topics, in each forum for itself; loading again adds none."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType

from mshub.calendar.models import ExternalEvent
from mshub.consultations.models import Consultation
from mshub.core.demo import MAIN, TASKFORCE
from mshub.meetings.models import AgendaItem, Intervention, Meeting
from mshub.topics.models import TopicTag
from tests.test_demo import load

pytestmark = pytest.mark.django_db


def tagged(model: type, slug: str) -> TopicTag:
    return TopicTag.objects.filter(forum__slug=slug, content_type=ContentType.objects.get_for_model(model))


def test_the_demo_tags_events_and_consultations_in_each_forum() -> None:
    load("--no-meetings")
    for slug in (MAIN, TASKFORCE):
        assert tagged(ExternalEvent, slug).exists(), slug
        assert tagged(Consultation, slug).exists(), slug
    icann54 = ExternalEvent.objects.get(uid="demo-icann54@mshub")
    codes = set(TopicTag.objects.on(icann54).filter(forum__slug=MAIN).values_list("topic__code", flat=True))
    assert "dns" in codes
    igf = ExternalEvent.objects.get(uid="demo-igf-2015@mshub")
    assert "igf" in set(TopicTag.objects.on(igf).filter(forum__slug=MAIN).values_list("topic__code", flat=True))
    before = TopicTag.objects.count()
    load("--no-meetings")
    assert TopicTag.objects.count() == before


@pytest.mark.slow
def test_the_whole_demo_tags_meetings_agenda_items_and_some_entries() -> None:
    load()
    assert tagged(Meeting, MAIN).exists()
    assert tagged(AgendaItem, MAIN).exists()
    entries = tagged(Intervention, MAIN).count()
    assert 0 < entries < Intervention.objects.filter(item__meeting__forum__slug=MAIN).count()  # some, not all
