"""A consultation's state across its dates (in two zones), its validation, and append-only history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from mshub.consultations.models import Consultation, ConsultationRevision
from mshub.consultations.services import update_consultation
from mshub.core.concurrency import EditConflictError
from tests.consultations.conftest import consultation

pytestmark = pytest.mark.django_db

UTC = dt.UTC


def test_a_deadline_of_2359_utc_on_7_december_is_8_december_in_tokyo(forum):
    c = consultation(forum, "WGEC", dt.datetime(2016, 9, 30), dt.datetime(2016, 12, 7, 23, 59), "UTC")
    assert c.closes == dt.datetime(2016, 12, 7, 23, 59, tzinfo=UTC)
    assert c.local_closes.date() == dt.date(2016, 12, 7)
    from mshub.core.timezones import in_zone

    assert in_zone(c.closes, "Asia/Tokyo").date() == dt.date(2016, 12, 8)


def test_the_state_moves_from_upcoming_to_open_to_awaiting_the_report_to_closed(forum):
    # Closes at 23:59 on 7 December in Geneva (22:59 UTC; 07:59 on 8 December in Tokyo).
    c = consultation(forum, "CWG", dt.datetime(2016, 10, 1), dt.datetime(2016, 12, 7, 23, 59), "Europe/Zurich")
    geneva_close = dt.datetime(2016, 12, 7, 22, 59, tzinfo=UTC)
    assert c.closes == geneva_close
    assert c.state(dt.datetime(2016, 9, 30, 21, 59, tzinfo=UTC)) == "upcoming"  # 23:59 in Geneva, the day before
    assert c.state(dt.datetime(2016, 9, 30, 22, 0, tzinfo=UTC)) == "open"  # midnight in Geneva
    assert c.state(geneva_close - dt.timedelta(minutes=1)) == "open"
    assert c.days_left(geneva_close - dt.timedelta(hours=1)) == 0
    assert c.days_left(geneva_close - dt.timedelta(days=3, hours=1)) == 3
    assert c.days_left(geneva_close) is None
    # Tokyo's 8 December morning is already past the deadline.
    assert c.state(dt.datetime(2016, 12, 8, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))) == "awaiting_report"
    c.report_url = "https://example.org/report"
    assert c.state(geneva_close) == "closed"
    c.report_url, c.report_expected = "", False
    assert c.state(geneva_close) == "closed"


def test_the_querysets_name_the_same_states_as_the_property(forum, django_assert_num_queries):
    now = dt.datetime(2020, 6, 1, 12, tzinfo=UTC)
    day = dt.timedelta(days=1)
    made = {
        "upcoming": consultation(forum, "U", now + day, now + 9 * day),
        "open": consultation(forum, "O", now - day, now + 3 * day),
        "awaiting_report": consultation(forum, "A", now - 9 * day, now - day),
        "closed": consultation(forum, "C", now - 9 * day, now - day, report_url="https://example.org/r"),
        "closed-no-report": consultation(forum, "N", now - 9 * day, now - day, report_expected=False),
    }
    objects = Consultation.objects
    with django_assert_num_queries(1):
        assert list(objects.upcoming(now)) == [made["upcoming"]]
    assert list(objects.open(now)) == [made["open"]]
    assert list(objects.awaiting_report(now)) == [made["awaiting_report"]]
    assert set(objects.closed(now)) == {made["closed"], made["closed-no-report"]}
    for key, c in made.items():
        assert c.state(now) == key.split("-")[0]
    assert list(objects.closing_within(5, now)) == [made["open"]]
    assert list(objects.closing_within(10, now)) == [made["open"], made["upcoming"]]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"closes": dt.datetime(2016, 1, 1, tzinfo=UTC)}, "closes"),  # before it opens
        ({"closes": dt.datetime(2016, 2, 1, tzinfo=UTC)}, "closes"),  # equal to the opening
        ({"zone": "Mars/Olympus_Mons"}, "timezone"),
        ({"title_en": "bad\x00title"}, "title_en"),
        ({"title_en": ""}, "title_ja"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"report_url": "data:text/html,<script>alert(1)</script>"}, "report_url"),
        ({"url": "file:///etc/passwd"}, "url"),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(forum, fields, field):
    values = {
        "title_en": "T",
        "opens": dt.datetime(2016, 2, 1, tzinfo=UTC),
        "closes": dt.datetime(2016, 3, 1, tzinfo=UTC),
        **fields,
    }
    with pytest.raises(ValidationError) as caught:
        consultation(forum, values.pop("title_en"), values.pop("opens"), values.pop("closes"), **values)
    assert field in caught.value.message_dict, caught.value.message_dict
    assert not Consultation.objects.exists()


def test_the_database_refuses_a_close_before_the_open(forum):
    c = consultation(forum, "T", dt.datetime(2016, 2, 1), dt.datetime(2016, 3, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Consultation.objects.filter(pk=c.pk).update(closes=c.opens - dt.timedelta(days=1))


def test_questions_are_numbered_and_every_edit_appends_a_revision(cast):
    forum = cast.forum
    c = consultation(
        forum,
        "Q",
        dt.datetime(2016, 2, 1),
        dt.datetime(2016, 3, 1),
        questions=[("問1", "Q one"), ("", "Q two"), ("", "   ")],
        documents=[("Draft", "https://example.org/draft.pdf")],
        message="added",
    )
    assert [(q.number, q.text_en) for q in c.questions.all()] == [(1, "Q one"), (2, "Q two")]
    c.title_ja = "意見募集"
    changed = update_consultation(
        c, c.version, forum, cast.users["secretariat"], questions=[("", "Only one")], message="fix"
    )
    assert changed == ["title_ja", "questions"]
    assert [q.text_en for q in c.questions.all()] == ["Only one"]
    assert list(c.revisions.values_list("number", "changed")) == [(2, ["title_ja", "questions"]), (1, [])]
    assert update_consultation(c, c.version, forum, questions=[("", "Only one")]) == []  # nothing changed
    revision = ConsultationRevision.objects.get(consultation=c, number=1)
    with pytest.raises(ValueError, match="append-only"):
        revision.save()
    with pytest.raises(ValueError, match="append-only"):
        revision.delete()


def test_an_edit_from_an_old_form_is_refused_and_writes_nothing(forum):
    c = consultation(forum, "V", dt.datetime(2016, 2, 1), dt.datetime(2016, 3, 1))
    loaded = c.version
    first = Consultation.objects.get(pk=c.pk)
    first.title_en = "First"
    update_consultation(first, loaded, forum)
    second = Consultation.objects.get(pk=c.pk)
    second.title_en = "Second"
    with pytest.raises(EditConflictError):
        update_consultation(second, loaded, forum)
    assert Consultation.objects.get(pk=c.pk).title_en == "First"
    assert c.revisions.count() == 2
