"""Topic trend pages: one topic per year by kind (SVG chart, table, CSV), and "What we talk about"."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.db.models.signals import post_delete
from django.test.utils import CaptureQueriesContext

from mshub.topics.forms import TopicForm
from mshub.topics.models import Topic
from mshub.topics.registry import _drop_tags
from tests.conftest import ROLES, Cast
from tests.factories import ForumFactory
from tests.topics.trendkit import TOKYO, UTC, consultation, event, item, kinds, meeting, tag, topic

pytestmark = pytest.mark.django_db
__all__ = ["kinds"]  # the fixture

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '</text><script>alert("x")</script>=1+2'


def at(year: int, month: int = 6, day: int = 1) -> dt.datetime:
    return dt.datetime(year, month, day, 14, tzinfo=TOKYO)


def chart_of(html: str) -> ET.Element:
    found = re.search(r'<svg xmlns="http://www.w3.org/2000/svg" class="chart".*?</svg>', html, re.S)
    assert found, "no chart on the page"
    return ET.fromstring(found.group(0))  # noqa: S314 -- the page this test just rendered


def rows_of(response) -> list[list[str]]:  # type: ignore[no-untyped-def]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def some_history(forum) -> None:  # type: ignore[no-untyped-def]
    m21 = tag(forum, meeting(forum, at(2021)), "dns")
    tag(forum, item(m21), "dns")
    tag(forum, meeting(forum, at(2023)), "ip-addresses")  # a topic under infrastructure
    tag(forum, event(dt.date(2023, 11, 10)), "dns")
    tag(forum, consultation(dt.datetime(2023, 12, 31, 20, tzinfo=UTC)), "dns")  # 2024 in Tokyo


URLS = ["/{f}/topics/trends/", "/{f}/topics/trends.csv", "/{f}/topics/dns/trends/", "/{f}/topics/dns/trends.csv"]


@pytest.mark.parametrize("role", ROLES)
def test_the_steering_group_and_the_secretariat_see_the_trends(cast: Cast, kinds, role: str) -> None:  # type: ignore[no-untyped-def]
    client = cast.client(role)
    expected = {"anonymous": 302, "steering": 200, "secretariat": 200}.get(role, 403)
    for url in URLS:
        assert client.get(url.format(f=cast.forum.slug)).status_code == expected, url
    listing = client.get(f"/{cast.forum.slug}/topics/").content.decode()
    detail = client.get(f"/{cast.forum.slug}/topics/dns/").content.decode()
    assert (f"/{cast.forum.slug}/topics/trends/" in listing) == (expected == 200)
    assert (f"/{cast.forum.slug}/topics/dns/trends/" in detail) == (expected == 200)


def test_a_topics_chart_has_a_bar_per_year_and_a_table(cast: Cast, kinds) -> None:  # type: ignore[no-untyped-def]
    some_history(cast.forum)
    page = cast.client("steering").get(f"/{cast.forum.slug}/topics/infrastructure/trends/")
    html = page.content.decode()
    svg = chart_of(html)
    assert svg.get("role") == "img"
    assert svg.get("viewBox", "").startswith("0 0 ")
    assert svg.find(f"{SVG}title") is not None
    assert svg.find(f"{SVG}desc") is not None
    bars = svg.findall(f"{SVG}g[@class='bar']")
    assert [b.find(f"{SVG}text").text for b in bars] == ["2021", "2022", "2023", "2024"]  # type: ignore[union-attr]
    segments = [len(b.findall(f"{SVG}rect")) for b in bars]
    assert segments == [2, 0, 2, 1]  # 2021: meeting + agenda item; 2023: meeting (ip-addresses) + event
    assert len(svg.findall(f"{SVG}text[@class='axis-label']")) == 2
    table = {year: [n for _label, n in cells] for year, cells, _total in page.context["rows"]}
    assert table == {2021: [1, 1, 0, 0], 2022: [0, 0, 0, 0], 2023: [1, 0, 1, 0], 2024: [0, 0, 0, 1]}
    assert "<caption>" in html

    own = cast.client("steering").get(f"/{cast.forum.slug}/topics/infrastructure/trends/?subtopics=0")
    assert own.context["rows"] == []  # nothing is tagged with the heading itself


def test_a_hostile_topic_name_is_escaped_in_the_svg(cast: Cast, kinds) -> None:  # type: ignore[no-untyped-def]
    hostile = Topic.objects.create(forum=cast.forum, code="hostile", name_ja=HOSTILE, name_en=HOSTILE)
    tag(cast.forum, meeting(cast.forum, at(2024)), "hostile")
    html = cast.client("secretariat").get(f"/{cast.forum.slug}/topics/{hostile.code}/trends/").content.decode()
    assert "<script>alert" not in html
    svg = chart_of(html)
    assert HOSTILE in (svg.find(f"{SVG}title").text or "")  # type: ignore[union-attr]
    assert len(svg.findall(f"{SVG}g[@class='bar']")) == 1


def test_a_topics_csv_has_a_row_per_year_and_a_column_per_kind(cast: Cast, kinds) -> None:  # type: ignore[no-untyped-def]
    some_history(cast.forum)
    tag(cast.forum, event(None), "dns")
    response = cast.client("steering").get(f"/{cast.forum.slug}/topics/dns/trends.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="igf-jp-dns-trends.csv"' in response["Content-Disposition"]
    rows = rows_of(response)
    assert rows[0][1:-1] == ["meeting", "agenda-item", "event", "consultation"]
    assert rows[1:4] == [
        ["2021", "1", "1", "0", "0", "2"],
        ["2022", "0", "0", "0", "0", "0"],
        ["2023", "0", "0", "1", "0", "1"],
    ]
    assert rows[4] == ["2024", "0", "0", "0", "1", "1"]
    assert rows[5][1:] == ["0", "0", "1", "0", "1"]  # the event without a date


def test_the_overview_shows_top_dropped_and_never_used_topics(cast: Cast, kinds) -> None:  # type: ignore[no-untyped-def]
    forum = cast.forum
    for year in (2018, 2019, 2020, 2021):
        tag(forum, meeting(forum, at(year)), "dns", "wsis")
    tag(forum, meeting(forum, at(2018, 9)), "wsis")
    tag(forum, meeting(forum, at(2024)), "dns", "privacy")
    client = cast.client("steering")
    page = client.get(f"/{forum.slug}/topics/trends/?start=2018&end=2024&quiet=2")
    assert page.status_code == 200
    top = dict(page.context["top"])
    assert [(t.code, n) for t, n in top[2018]] == [("wsis", 2), ("dns", 1)]
    assert top[2022] == []
    assert [(t.code, last) for t, last in page.context["dropped"]] == [("wsis", 2021)]
    never = {t.code for t in page.context["never"]}
    assert "ixp" in never
    assert not never & {"dns", "wsis"}
    heat = {row.topic.code: row for row in page.context["heat"]}
    assert [n for n, _shade in heat["wsis"].cells] == [2, 1, 1, 1, 0, 0, 0]
    assert heat["wsis"].cells[0][1] == 5  # the busiest cell, darkest
    assert heat["infrastructure"].rolled_up
    assert heat["infrastructure"].total == 5  # dns's records under it
    html = page.content.decode()
    assert 'class="shade-5"' in html

    later = client.get(f"/{forum.slug}/topics/trends/?start=2022&end=2024&quiet=1")
    assert later.context["dropped"] == []  # nothing used in 2022 … 2023
    kinds_only = client.get(f"/{forum.slug}/topics/trends/?start=2018&end=2024&kinds=event")
    assert kinds_only.context["top"][0][1] == []
    assert "dns" in {t.code for t in kinds_only.context["never"]}


def test_the_period_defaults_to_the_first_year_with_records_until_this_year(cast: Cast, kinds) -> None:  # type: ignore[no-untyped-def]
    tag(cast.forum, meeting(cast.forum, at(2019)), "dns")
    page = cast.client("steering").get(f"/{cast.forum.slug}/topics/trends/")
    this_year = dt.datetime.now(TOKYO).year
    assert page.context["years"] == list(range(2019, this_year + 1))
    assert page.context["form"].initial == {"start": 2019, "end": this_year, "quiet": 2}
    alone = cast.client("steering").get(f"/{cast.forum.slug}/topics/trends/?start=2199")
    assert alone.context["years"] == [2199]


@pytest.mark.parametrize("query", ["start=2025&end=2020", "start=abc", "end=99999", "start=1900&end=2100", "kinds=x"])
def test_a_bad_period_is_an_error_not_a_failure(cast: Cast, kinds, query: str) -> None:  # type: ignore[no-untyped-def]
    page = cast.client("steering").get(f"/{cast.forum.slug}/topics/trends/?{query}")
    assert page.status_code == 200
    assert page.context["form"].errors
    assert len(page.context["years"]) <= 40
    assert cast.client("steering").get(f"/{cast.forum.slug}/topics/trends.csv?{query}").status_code == 200


def test_the_overview_csv_is_the_whole_matrix_and_injection_safe(cast: Cast, kinds) -> None:  # type: ignore[no-untyped-def]
    forum = cast.forum
    Topic.objects.create(forum=forum, code="formula", name_ja='=HYPERLINK("x")', name_en="@SUM(A1)", order=99)
    tag(forum, meeting(forum, at(2023)), "formula", "dns")
    response = cast.client("secretariat").get(f"/{forum.slug}/topics/trends.csv?start=2022&end=2023")
    assert 'filename="igf-jp-topic-trends-2022-2023.csv"' in response["Content-Disposition"]
    rows = rows_of(response)
    assert rows[0][-3:] == ["2022", "2023", rows[0][-1]]
    by_code = {r[0]: r for r in rows[1:]}
    assert len(by_code) == Topic.objects.of(forum).count()
    assert by_code["formula"][1:3] == ['\'=HYPERLINK("x")', "'@SUM(A1)"]
    assert by_code["formula"][4:] == ["0", "1", "1"]
    assert by_code["dns"][3] == "infrastructure"
    assert by_code["dns"][4:] == ["0", "1", "1"]


def test_another_forums_tags_stay_out_of_the_pages(cast: Cast, kinds) -> None:  # type: ignore[no-untyped-def]
    other = ForumFactory(slug="other")
    tag(other, meeting(other, at(2023)), "dns")
    client = cast.client("steering")
    assert client.get(f"/{cast.forum.slug}/topics/dns/trends/").context["rows"] == []
    page = client.get(f"/{cast.forum.slug}/topics/trends/?start=2023&end=2023")
    assert page.context["top"] == [(2023, [])]
    assert client.get(f"/{cast.forum.slug}/topics/{'only-there'}/trends/").status_code == 404


def test_the_pages_read_a_fixed_number_of_queries(cast: Cast, kinds) -> None:  # type: ignore[no-untyped-def]
    forum = cast.forum
    client = cast.client("steering")
    urls = [
        f"/{forum.slug}/topics/",
        f"/{forum.slug}/topics/trends/?start=2010&end=2024",
        f"/{forum.slug}/topics/trends.csv",
        f"/{forum.slug}/topics/dns/trends/",
        f"/{forum.slug}/topics/infrastructure/trends.csv",
    ]

    def counts() -> list[int]:
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            found.append(len(ctx.captured_queries))
        return found

    tag(forum, meeting(forum, at(2020)), "dns")
    counts()
    before = counts()
    for year in range(2012, 2025):
        m = tag(forum, meeting(forum, at(year)), "dns", "ixp", "privacy")
        tag(forum, item(m), "dns", "ip-addresses")
        tag(forum, event(dt.date(year, 4, 1)), "dns")
        tag(forum, consultation(dt.datetime(year, 5, 1, tzinfo=UTC)), "cybercrime")
    assert counts() == before


def test_the_topic_list_counts_only_records_that_exist(cast: Cast, kinds) -> None:  # type: ignore[no-untyped-def]
    forum = cast.forum
    kept = tag(forum, meeting(forum, at(2023)), "dns")
    tag(forum, item(kept), "dns")
    gone = tag(forum, meeting(forum, at(2022)), "dns")
    # a record deleted behind the registry's back (its tag stays)
    uid = "topics-drop-tags-meetings.meeting"
    post_delete.disconnect(_drop_tags, sender=type(gone), dispatch_uid=uid)
    try:
        type(gone).objects.filter(pk=gone.pk).delete()
    finally:
        post_delete.connect(_drop_tags, sender=type(gone), dispatch_uid=uid)
    assert topic(forum, "dns").tags.count() == 3
    page = cast.client("anonymous").get(f"/{forum.slug}/topics/")
    rows = {row.topic.code: row for row in page.context["rows"]}
    assert rows["dns"].topic.tag_count == 2


def test_trends_is_a_reserved_code(forum) -> None:  # type: ignore[no-untyped-def]
    form = TopicForm({"code": "trends", "name_ja": "傾向", "name_en": "Trends", "order": 0}, forum=forum)
    assert not form.is_valid()
    assert "code" in form.errors
