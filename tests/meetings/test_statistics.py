"""Statistics by stakeholder group, gender and first-time participation; the NRI CSV."""

import csv
import datetime as dt
import io

import pytest

from mshub.meetings.models import AttendanceMode, Presenter
from mshub.meetings.services import registration as reg
from mshub.meetings.services.agenda import add_item
from mshub.meetings.services.meetings import change_status, create_meeting
from mshub.people.models import Gender, StakeholderGroup
from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _meeting(series, day, capacity=None):
    start = dt.datetime(day.year, day.month, day.day, 18)
    m = create_meeting(series, start=start, end=start + dt.timedelta(hours=2), capacity=capacity)
    return change_status(m, "announced")


def _attend(meeting, email, group, mode=AttendanceMode.ONSITE, gender=None, check_in=True):
    r = reg.register(
        meeting,
        name=email,
        email=email,
        mode=mode,
        stakeholder_group=group,
        gender=gender,
        now=meeting.start - dt.timedelta(days=1),
    )
    if check_in and mode == AttendanceMode.ONSITE:
        reg.check_in(r)
    return r


def test_counts_by_group_gender_mode_and_first_time(forum, series, cast):
    g = {sg.code: sg for sg in StakeholderGroup.objects.filter(forum=forum)}
    female = Gender.objects.get(forum=forum, code="female")
    m1 = _meeting(series, dt.date(2030, 1, 20))
    _attend(m1, "a@example.org", g["government"], gender=female)
    _attend(m1, "b@example.org", g["private-sector"])
    _attend(m1, "noshow@example.org", g["civil-society"], check_in=False)
    _attend(m1, "r@example.org", g["media"], mode=AttendanceMode.REMOTE)
    m2 = _meeting(series, dt.date(2030, 6, 20))
    _attend(m2, "a@example.org", g["government"], gender=female)  # returning
    _attend(m2, "c@example.org", g["academia"])
    for m in (m1, m2):
        change_status(m, "held", now=m.end)

    response = cast.client("member").get(f"/{forum.slug}/meetings/statistics.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    first, second = rows
    assert (first["total"], first["onsite"], first["remote"]) == ("3", "2", "1")
    assert (first["Government"], first["Private Sector"], first["Press/Media"], first["Civil Society"]) == (
        "1",
        "1",
        "1",
        "0",
    )
    assert first["gender:female"] == "1"
    assert first["gender:undisclosed"] == "2"
    assert first["first_time"] == "3"
    assert (second["total"], second["first_time"]) == ("2", "1")
    assert second["Civil Society"] == "1"  # academia is reported under Civil Society

    page = cast.client("member").get(f"/{forum.slug}/meetings/statistics/").content.decode()
    assert "<svg" in page
    assert "2030" in page


def test_presenters_are_counted_by_their_group_at_the_meeting_date(forum, series, cast):
    from mshub.meetings.services.statistics import presenters_by_group

    person = PersonFactory(forum=forum)
    gov = OrganizationFactory(
        forum=forum, stakeholder_group=StakeholderGroup.objects.get(forum=forum, code="government")
    )
    uni = OrganizationFactory(forum=forum, stakeholder_group=StakeholderGroup.objects.get(forum=forum, code="academia"))
    AffiliationFactory(person=person, organization=gov, start=dt.date(2010, 1, 1), end=dt.date(2029, 12, 31))
    AffiliationFactory(person=person, organization=uni, start=dt.date(2030, 1, 1))
    for day in (dt.date(2029, 6, 1), dt.date(2030, 6, 1)):
        m = _meeting(series, day)
        Presenter.objects.create(item=add_item(m, title_ja="報告"), person=person)
    from mshub.meetings.models import Meeting

    counts = presenters_by_group(Meeting.objects.filter(forum=forum))
    assert counts[2029]["government"] == 1
    assert counts[2030]["academia"] == 1


def test_statistics_are_for_members_only(forum, cast):
    assert cast.client("visitor").get(f"/{forum.slug}/meetings/statistics/").status_code == 403


def test_statistics_query_count_is_flat(forum, series, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    group = StakeholderGroup.objects.get(forum=forum, code="government")
    m = _meeting(series, dt.date(2030, 1, 20))
    _attend(m, "x@example.org", group)
    client = cast.client("member")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(f"/{forum.slug}/meetings/statistics/")
        return len(ctx.captured_queries)

    few = count()
    for i in range(5):
        mm = _meeting(series, dt.date(2031, 1, 1 + i))
        for j in range(5):
            _attend(mm, f"p{i}-{j}@example.org", group)
    assert count() == few


def test_upcoming_and_steering_meetings_are_not_counted(forum, series, cast):
    from mshub.meetings.models import MeetingSeries

    group = StakeholderGroup.objects.get(forum=forum, code="government")
    upcoming = _meeting(series, dt.date(2099, 1, 1))
    reg.register(
        upcoming,
        name="x",
        email="x@example.org",
        mode=AttendanceMode.REMOTE,
        stakeholder_group=group,
        now=upcoming.start - dt.timedelta(days=1),
    )
    steering = MeetingSeries.objects.create(forum=forum, slug="steering", name_ja="運営", is_steering=True)
    held = _meeting(steering, dt.date(2030, 2, 2))
    change_status(held, "held", now=held.end)
    rows = list(
        csv.DictReader(
            io.StringIO(cast.client("member").get(f"/{forum.slug}/meetings/statistics.csv").content.decode("utf-8-sig"))
        )
    )
    assert rows == []


def test_a_report_s_counts_are_participation_where_nobody_registered(forum, series, cast):
    """An imported report gives 28 on site and 3 remote and has no registrations: the statistics count them."""
    group = StakeholderGroup.objects.get(forum=forum, code="government")
    reported = _meeting(series, dt.date(2016, 1, 28))
    reported.reported_onsite, reported.reported_remote = 28, 3
    reported.save()
    change_status(reported, "held", now=reported.end)
    registered = _meeting(series, dt.date(2016, 3, 1))
    registered.reported_onsite = 99  # registrations exist: they, not the hand count, are the data
    registered.save()
    _attend(registered, "a@example.org", group)
    change_status(registered, "held", now=registered.end)

    body = cast.client("member").get(f"/{forum.slug}/meetings/statistics.csv").content.decode("utf-8-sig")
    first, second = csv.DictReader(io.StringIO(body))
    assert (first["total"], first["onsite"], first["remote"], first["source"]) == ("31", "28", "3", "reported")
    assert (second["total"], second["source"]) == ("1", "registrations")
    assert first["series"] == series.name
    page = cast.client("member").get(f"/{forum.slug}/meetings/statistics/").content.decode()
    assert ">31<" in page  # the year row counts them too
    assert "as reported" in page
