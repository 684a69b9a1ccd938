"""Topic statistics: records per topic, kind and year, counted in the database (one query per kind)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mshub.meetings.models import Meeting
from mshub.topics import statistics
from mshub.topics.models import Topic, TopicTag
from tests.factories import ForumFactory, OrganizationFactory
from tests.topics.trendkit import TOKYO, UTC, consultation, event, item, kinds, meeting, tag, topic

pytestmark = pytest.mark.django_db
__all__ = ["kinds"]  # the fixture


def at(year: int, month: int, day: int, hour: int = 14, zone: dt.tzinfo = TOKYO) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=zone)


def test_records_count_per_topic_kind_and_year(forum, kinds) -> None:  # type: ignore[no-untyped-def]
    dns = topic(forum, "dns").pk
    m23 = tag(forum, meeting(forum, at(2023, 5, 10)), "dns")
    m24 = tag(forum, meeting(forum, at(2024, 6, 1)), "dns", "privacy")
    tag(forum, item(m23), "dns")
    tag(forum, item(m24), "dns")
    tag(forum, item(m24, "別の議題"), "dns")
    tag(forum, event(dt.date(2024, 11, 10)), "dns")
    tag(forum, consultation(at(2022, 3, 1, zone=UTC)), "dns")

    counts = statistics.own_counts(forum)

    assert counts[(dns, "meeting", 2023)] == 1
    assert counts[(dns, "meeting", 2024)] == 1
    assert counts[(dns, "agenda-item", 2023)] == 1
    assert counts[(dns, "agenda-item", 2024)] == 2
    assert counts[(dns, "event", 2024)] == 1
    assert counts[(dns, "consultation", 2022)] == 1
    assert counts[(topic(forum, "privacy").pk, "meeting", 2024)] == 1
    assert sum(counts.values()) == 8


def test_a_datetime_counts_in_the_year_of_the_forums_zone(forum, kinds) -> None:  # type: ignore[no-untyped-def]
    """1 January 01:00 in Tokyo is still 31 December in UTC: the forum (Asia/Tokyo) counts it in
    the new year; a forum in UTC in the old one. A plain date is its own year."""
    dns = topic(forum, "dns").pk
    new_year_in_tokyo = dt.datetime(2024, 12, 31, 16, 0, tzinfo=UTC)  # 2025-01-01 01:00 JST
    tag(forum, meeting(forum, new_year_in_tokyo), "dns")
    tag(forum, consultation(dt.datetime(2024, 12, 31, 23, 30, tzinfo=UTC)), "dns")
    tag(forum, consultation(dt.datetime(2025, 1, 1, 0, 30, tzinfo=TOKYO), "Late in Tokyo"), "dns")  # 2024 in UTC
    tag(forum, event(dt.date(2024, 12, 31)), "dns")

    assert forum.timezone == "Asia/Tokyo"
    tokyo = statistics.own_counts(forum)
    assert tokyo[(dns, "meeting", 2025)] == 1
    assert tokyo[(dns, "consultation", 2025)] == 2
    assert tokyo[(dns, "event", 2024)] == 1

    forum.timezone = "UTC"
    utc = statistics.own_counts(forum)
    assert utc[(dns, "meeting", 2024)] == 1
    assert utc[(dns, "consultation", 2024)] == 2
    assert utc[(dns, "event", 2024)] == 1


def test_a_record_without_a_date_counts_under_no_year(forum, kinds) -> None:  # type: ignore[no-untyped-def]
    tag(forum, event(None), "dns")
    assert statistics.own_counts(forum)[(topic(forum, "dns").pk, "event", None)] == 1
    assert statistics.totals_by_topic(forum)[topic(forum, "dns").pk] == 1


def test_a_heading_counts_each_record_under_it_once(forum, kinds) -> None:  # type: ignore[no-untyped-def]
    infrastructure = topic(forum, "infrastructure")
    both = tag(forum, meeting(forum, at(2024, 2, 1)), "dns", "ip-addresses")
    tag(forum, item(both), "infrastructure", "dns")
    tag(forum, meeting(forum, at(2024, 3, 1)), "ixp")
    tag(forum, meeting(forum, at(2024, 4, 1)), "privacy")  # another heading
    topics = list(Topic.objects.of(forum))

    deeper = Topic.objects.create(
        forum=forum, code="dnssec", name_ja="DNSSEC", name_en="DNSSEC", parent=topic(forum, "dns")
    )
    topics = list(Topic.objects.of(forum))
    under = statistics.subtree(infrastructure, topics)
    assert under == {infrastructure.pk, deeper.pk, *infrastructure.children.values_list("pk", flat=True)}
    assert statistics.roots(topics)[deeper.pk] == infrastructure.pk
    rolled = statistics.subtree_counts(forum, under)
    assert rolled[("meeting", 2024)] == 2  # the meeting tagged dns + ip-addresses once, the IXP one
    assert rolled[("agenda-item", 2024)] == 1
    assert statistics.subtree_counts(forum, {infrastructure.pk}) == {("agenda-item", 2024): 1}

    headings = statistics.heading_counts(forum, topics)
    assert headings[(infrastructure.pk, "meeting", 2024)] == 2
    assert headings[(infrastructure.pk, "agenda-item", 2024)] == 1
    assert headings[(topic(forum, "human-rights").pk, "meeting", 2024)] == 1
    assert (topic(forum, "dns").pk, "meeting", 2024) not in headings  # only headings get a row

    own = statistics.own_counts(forum)
    assert own[(topic(forum, "dns").pk, "meeting", 2024)] == 1
    assert own[(topic(forum, "ip-addresses").pk, "meeting", 2024)] == 1


def test_another_forums_tags_and_records_are_never_counted(forum, kinds) -> None:  # type: ignore[no-untyped-def]
    other = ForumFactory(slug="other")
    dns = topic(forum, "dns")
    theirs = tag(other, meeting(other, at(2024, 5, 1)), "dns")
    tag(other, item(theirs), "dns")
    shared = event(dt.date(2024, 9, 1))
    tag(other, shared, "dns")  # the other forum's tag on a shared event
    # this forum's tags on the other forum's meeting and agenda item, made behind the service's back
    for obj in (theirs, theirs.agenda_items.get()):
        TopicTag.objects.create(
            forum=forum, topic=dns, content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
    assert statistics.own_counts(forum) == {}
    tag(forum, shared, "dns")
    assert statistics.own_counts(forum) == {(dns.pk, "event", 2024): 1}
    assert statistics.own_counts(other)[(topic(other, "dns").pk, "meeting", 2024)] == 1


def test_records_that_are_gone_are_not_counted(forum, kinds) -> None:  # type: ignore[no-untyped-def]
    dns = topic(forum, "dns")
    kept = tag(forum, meeting(forum, at(2024, 5, 1)), "dns")
    meeting_type = ContentType.objects.get_for_model(Meeting)
    for object_id in (str(kept.pk + 1000), "not-a-number", "1" * 30, ""):  # a row that is gone; ids no row has
        TopicTag.objects.create(forum=forum, topic=dns, content_type=meeting_type, object_id=object_id)
    tag(forum, OrganizationFactory(forum=forum), "dns")  # a kind nobody registered: neither shown nor counted
    assert statistics.own_counts(forum) == {(dns.pk, "meeting", 2024): 1}
    assert statistics.totals_by_topic(forum) == {dns.pk: 1}
    kept.delete()  # the registry drops its tags; were they left, the record is gone all the same
    assert statistics.own_counts(forum) == {}
    assert statistics.totals_by_topic(forum) == {}


def test_one_query_per_kind_however_many_tags(forum, kinds) -> None:  # type: ignore[no-untyped-def]
    topics = list(Topic.objects.of(forum))

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            statistics.own_counts(forum)
            statistics.heading_counts(forum, topics)
            statistics.subtree_counts(forum, [t.pk for t in topics])
        return len(ctx.captured_queries)

    tag(forum, meeting(forum, at(2020, 1, 10)), "dns")
    queries()  # the content types are read once, then cached
    few = queries()
    for year in range(2015, 2025):
        m = tag(forum, meeting(forum, at(year, 7, 1)), "dns", "privacy")
        tag(forum, item(m), "ixp")
        tag(forum, event(dt.date(year, 3, 3)), "cybercrime")
        tag(forum, consultation(at(year, 8, 1, zone=UTC)), "wsis")
    many = queries()
    assert few == many
    assert many == 3 * len(kinds)


def test_top_dropped_and_never_used(forum, kinds) -> None:  # type: ignore[no-untyped-def]
    names = {1: "a", 2: "b", 3: "c", 4: "d"}
    matrix = statistics.PerTopicYear(
        {(1, 2020): 3, (2, 2020): 3, (3, 2020): 1, (1, 2024): 2, (2, 2022): 1, (4, 2019): 5}
    )
    top = statistics.top_per_year(matrix, [2020, 2021, 2024], names, n=2)
    assert top == {2020: [(1, 3), (2, 3)], 2021: [], 2024: [(1, 2)]}
    # 2020 … 2024, quiet for 2 years: 2 was last used in 2022, 3 in 2020; 1 is still used; 4 is before the period
    assert statistics.dropped_out(matrix, 2020, 2024, 2) == [(3, 2020), (2, 2022)]
    assert statistics.dropped_out(matrix, 2020, 2024, 4) == [(3, 2020)]  # 2 was used in 2022, within the 4 years
    assert statistics.dropped_out(matrix, 2019, 2024, 4) == [(4, 2019), (3, 2020)]
    assert statistics.dropped_out(matrix, 2023, 2024, 2) == []  # a period of 2 years has no "earlier" part

    tag(forum, meeting(forum, at(2024, 5, 1)), "dns")
    never = statistics.never_used(Topic.objects.of(forum), statistics.own_counts(forum))
    assert "dns" not in {t.code for t in never}
    assert "privacy" in {t.code for t in never}
    assert "infrastructure" not in {t.code for t in never}  # a topic under it is used
    assert "human-rights" in {t.code for t in never}


def test_the_forum_path_of_each_kind(kinds) -> None:  # type: ignore[no-untyped-def]
    paths = {t.kind: statistics.forum_path(t) for t in kinds}
    assert paths == {"meeting": "forum", "agenda-item": "meeting__forum", "event": None, "consultation": None}
