"""The calendar's pages: what is coming up, a month as a table of weeks, a year, the timeline of the
past, filters by GET parameters, an event with both zones, this forum's presence and report-backs, its
history; the edit form with its conflict check; adding and removing presence."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mshub.calendar.models import ExternalEvent, Presence
from mshub.calendar.services import add_presence, add_report_back, create_event, update_event
from mshub.core.middleware import TZ_COOKIE
from tests.calendar.conftest import body, days_event, kind, timed_event
from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory, group

pytestmark = pytest.mark.django_db


def page(forum, name: str, client: Client | None = None, query: str = "", **kwargs) -> str:  # type: ignore[no-untyped-def]
    response = (client or Client()).get(reverse(f"calendar:{name}", kwargs={"forum": forum.slug, **kwargs}) + query)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_coming_up_lists_the_next_events_then_the_undecided(forum):
    today = timezone.localdate()
    soon = days_event(forum, "Soon", today + dt.timedelta(days=3))
    later = days_event(forum, "Later", today + dt.timedelta(days=40), body=body("icann"))
    going_on = days_event(forum, "Going on", today - dt.timedelta(days=1), today + dt.timedelta(days=1))
    days_event(forum, "Over", today - dt.timedelta(days=10))
    create_event(forum, name_en="Next IGF", precision="tbd", year=today.year + 1)
    create_event(forum, name_en="Long gone TBD", precision="tbd", year=2015)
    days_event(forum, "A session", today + dt.timedelta(days=3), parent=soon)
    html = page(forum, "index", query="?")
    listed = re.findall(r'<a href="/igf-jp/calendar/events/\d+/">([^<]+)</a>', html)
    assert listed == ["Going on", "Soon", "Later", "Next IGF"]
    assert html.index("Later") < html.index("Dates to be decided") < html.index("Next IGF")
    assert later.name in page(forum, "index", query="?body=icann")
    assert "Soon" not in page(forum, "index", query="?body=icann")
    assert going_on.pk


def test_the_month_is_a_table_of_weeks_with_each_days_events(forum, igf2015):
    month_only = create_event(
        forum, name_ja="国連総会 WSIS+10 レビュー", name_en="WSIS+10", precision="month", year=2015, month=11
    )
    html = page(forum, "month", year=2015, month=11)
    assert '<table class="month-grid">' in html
    assert html.count("<tr>") == 1 + 6  # the weekdays, then six weeks (1 November 2015 was a Sunday)
    grid = html.split("</table>")[0]
    assert grid.count(">IGF 2015</a>") == 4  # on each of its four days
    assert 'datetime="2015-11-10"' in grid
    rest = html.split("</table>")[1]
    assert "Sometime this month" in rest
    assert month_only.name_en in rest
    assert month_only.name_en not in grid  # a month-only event has no day
    assert "/igf-jp/calendar/2015/10/" in html  # previous month
    assert "/igf-jp/calendar/2015/12/" in html
    assert "IGF 2015" not in page(forum, "month", year=2015, month=12)
    for year, month in ((2015, 13), (1800, 1), (2015, 0)):
        url = reverse("calendar:month", kwargs={"forum": forum.slug, "year": year, "month": month})
        assert Client().get(url).status_code == 404


def test_the_month_in_japanese_names_the_month_and_the_days(forum, igf2015):
    client = Client(headers={"accept-language": "ja"})
    html = page(forum, "month", client=client, year=2015, month=11)
    assert "2015年11月" in html
    assert "10 (火)" in html


def test_the_year_groups_events_by_month_and_keeps_undecided_ones_last(forum, igf2015):
    icann = days_event(forum, "ICANN54", dt.date(2015, 10, 18), dt.date(2015, 10, 22), body=body("icann"))
    create_event(forum, name_en="NETmundial Initiative", precision="tbd", year=2015)
    days_event(forum, "Spans the new year", dt.date(2014, 12, 30), dt.date(2015, 1, 2))
    html = page(forum, "year", year=2015)
    order = [
        html.index(text)
        for text in ("Spans the new year", icann.name_en, "IGF 2015", "Dates to be decided", "NETmundial Initiative")
    ]
    assert order == sorted(order)
    assert "/igf-jp/calendar/2015/11/" in html
    filtered = page(forum, "year", year=2015, query="?kind=meeting")
    assert "IGF 2015" in filtered
    assert icann.name_en not in filtered  # no kind


def test_the_timeline_reads_as_the_main_events_of_each_year(forum, igf2015):
    days_event(forum, "NETmundial", dt.date(2014, 4, 23), dt.date(2014, 4, 24), country="BR", city_en="São Paulo")
    days_event(forum, "IGF 2014", dt.date(2014, 9, 2), dt.date(2014, 9, 5), body=body("igf"), country="TR")
    create_event(forum, name_en="Cyberspace summit", precision="month", year=2014, month=12)
    days_event(forum, "Future", timezone.localdate() + dt.timedelta(days=100))
    html = page(forum, "timeline")
    assert html.index("Main events of 2015") < html.index("Main events of 2014")
    after_2014 = html.split("Main events of 2014")[1]
    assert after_2014.index("NETmundial") < after_2014.index("IGF 2014") < after_2014.index("Cyberspace summit")
    assert "São Paulo, Brazil" in after_2014
    assert "Future" not in html
    only_br = page(forum, "timeline", query="?country=BR")
    assert "NETmundial" in only_br
    assert "IGF 2014" not in only_br
    assert "Main events of 2015" in page(forum, "timeline", query="?year=2015")
    assert "Main events of 2014" not in page(forum, "timeline", query="?year=2015")


def test_a_filter_that_makes_no_sense_is_ignored_and_said_so(forum, igf2015):
    html = page(forum, "timeline", query="?year=abc&body=nosuch&country=ZZ")
    assert "IGF 2015" in html
    assert html.count('class="error"') == 3


def test_an_event_shows_its_date_in_its_zone_and_in_the_readers(forum):
    event = timed_event(forum, "OEWG", dt.datetime(2025, 3, 10, 10), dt.datetime(2025, 3, 10, 13), "America/New_York")
    url = reverse("calendar:event", kwargs={"forum": forum.slug, "pk": event.pk})
    html = Client().get(url).content.decode()  # the forum's zone, Asia/Tokyo
    assert "2025-03-10 (Mon) 10:00–13:00 America/New_York" in html
    # New York was already on summer time (EDT, -4) on 10 March 2025; Tokyo has none
    assert "In your time zone: 2025-03-10 (Mon) 23:00 – 03-11 (Tue) 02:00 Asia/Tokyo" in html
    reader = Client()
    reader.cookies[TZ_COOKIE] = "Europe/London"
    assert "2025-03-10 (Mon) 14:00–17:00 Europe/London" in reader.get(url).content.decode()
    reader.cookies[TZ_COOKIE] = "America/New_York"
    assert "In your time zone" not in reader.get(url).content.decode()  # the same zone: said once


def test_an_event_page_shows_its_parts_this_forums_presence_and_report_backs_and_its_history(cast):
    forum = cast.forum
    summit = days_event(
        forum, "WIC 2014", dt.date(2014, 11, 19), dt.date(2014, 11, 21), body=body("wic"), kind=kind("summit")
    )
    days_event(forum, "Day 1", dt.date(2014, 11, 19), parent=summit)
    organization = OrganizationFactory(
        forum=forum, name_en="Security Co", stakeholder_group=group(forum, "private-sector")
    )
    person = PersonFactory(forum=forum, family_name_latin="Tanaka", given_name_latin="Ken")
    AffiliationFactory(person=person, organization=organization, start=dt.date(2010, 4, 1), end=dt.date(2015, 3, 31))
    AffiliationFactory(person=person, start=dt.date(2015, 4, 1))  # where they are now
    add_presence(forum, summit, person, role="observer")
    add_report_back(forum, summit, url="https://example.org/wic-report", title_en="Our WIC report")
    summit.city_en = "Wuzhen"
    update_event(summit, summit.version, forum, cast.users["secretariat"], message="city added")
    url = reverse("calendar:event", kwargs={"forum": forum.slug, "pk": summit.pk})
    public = Client().get(url).content.decode()
    assert "Day 1" in public
    assert "Our WIC report" in public
    assert "Tanaka" not in public  # presence is for members
    assert "city added" in public
    assert cast.users["secretariat"].display_name not in public  # editors: steering and secretariat
    member = cast.client("member").get(url).content.decode()
    assert "Ken Tanaka" in member
    assert "Security Co" in member  # the affiliation on the event's first day, not today's
    assert "observer" in member
    steering = cast.client("steering").get(url).content.decode()
    assert cast.users["secretariat"].display_name in steering
    assert summit.revisions.count() == 2


def test_the_secretariat_adds_and_corrects_an_event_and_a_concurrent_edit_is_shown_not_lost(cast):
    client = cast.client("secretariat")
    create = reverse("calendar:event-create", kwargs={"forum": cast.forum.slug})
    response = client.post(
        create,
        {
            "name_en": "IGF 2016",
            "precision": "days",
            "start_date": "2016-12-06",
            "end_date": "2016-12-09",
            "timezone": "America/Mexico_City",
            "mode": "onsite",
            "status": "scheduled",
            "country": "MX",
            "body": body("igf").pk,
            "message": "from the briefing",
        },
    )
    event = ExternalEvent.objects.get(name_en="IGF 2016")
    assert response.status_code == 302
    assert response["Location"] == reverse("calendar:event", kwargs={"forum": cast.forum.slug, "pk": event.pk})
    assert event.revisions.get().message == "from the briefing"
    edit = reverse("calendar:event-update", kwargs={"forum": cast.forum.slug, "pk": event.pk})
    form = client.get(edit).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(body=event.body_id, city_en="Guadalajara", message="city")
    # someone else saves first
    event.city_en = "Mexico City"
    update_event(event, 1, cast.forum)
    conflict = client.post(edit, data)
    assert conflict.status_code == 409
    assert "Someone else saved this" in conflict.content.decode()
    event.refresh_from_db()
    assert event.city_en == "Mexico City"
    again = {**data, "version": conflict.context["form"].data["version"]}
    assert client.post(edit, again).status_code == 302
    event.refresh_from_db()
    assert (event.city_en, event.revisions.count(), event.sequence) == ("Guadalajara", 3, 2)


def test_a_bad_event_is_refused_with_the_form_and_nothing_saved(cast):
    client = cast.client("secretariat")
    create = reverse("calendar:event-create", kwargs={"forum": cast.forum.slug})
    response = client.post(
        create,
        {
            "name_en": "X",
            "precision": "timed",
            "timezone": "Asia/Tokyo",
            "start": "2016-12-06T10:00",
            "end": "2016-12-06T09:00",
            "mode": "onsite",
            "status": "scheduled",
        },
    )
    assert response.status_code == 200
    assert "An event cannot end before it starts." in response.content.decode()
    assert not ExternalEvent.objects.exists()


def test_the_steering_group_records_presence_and_removes_it(cast, igf2015):
    person = PersonFactory(forum=cast.forum, family_name_latin="Sato")
    client = cast.client("steering")
    add = reverse("calendar:presence-create", kwargs={"forum": cast.forum.slug, "pk": igf2015.pk})
    assert client.post(add, {"person": person.pk, "role": "panellist"}).status_code == 302
    presence = Presence.objects.get()
    assert (presence.forum, presence.person, presence.role) == (cast.forum, person, "panellist")
    again = client.post(add, {"person": person.pk, "role": "speaker"})
    assert "already listed" in again.content.decode()
    remove = reverse(
        "calendar:presence-delete", kwargs={"forum": cast.forum.slug, "event": igf2015.pk, "pk": presence.pk}
    )
    assert cast.client("member").post(remove).status_code == 403
    assert client.post(remove).status_code == 302
    assert not Presence.objects.exists()


def test_the_presence_table_counts_people_by_their_group_on_the_day(cast, igf2015):
    forum = cast.forum
    icann = days_event(forum, "ICANN54", dt.date(2015, 10, 18), dt.date(2015, 10, 22))
    government = OrganizationFactory(forum=forum, stakeholder_group=group(forum, "government"))
    company = OrganizationFactory(forum=forum, stakeholder_group=group(forum, "private-sector"))
    moved = PersonFactory(forum=forum)  # government until October 2015, then a company
    AffiliationFactory(person=moved, organization=government, start=dt.date(2010, 4, 1), end=dt.date(2015, 10, 31))
    AffiliationFactory(person=moved, organization=company, start=dt.date(2015, 11, 1))
    unknown = PersonFactory(forum=forum)  # no affiliation on record
    add_presence(forum, icann, moved, role="delegate")
    add_presence(forum, igf2015, moved, role="speaker")
    add_presence(forum, igf2015, unknown, role="remote")
    response = cast.client("member").get(reverse("calendar:presence-table", kwargs={"forum": forum.slug, "year": 2015}))
    table = response.context["table"]
    codes = [code for code, _label in table.columns]
    rows = {row.event.name_en: dict(zip(codes, row.counts, strict=True)) for row in table.rows}
    assert rows["ICANN54"]["government"] == 1
    assert rows["IGF 2015"]["private-sector"] == 1
    assert rows["IGF 2015"]["unknown"] == 1
    assert table.total == 3
    assert [row.event.name_en for row in table.rows] == ["ICANN54", "IGF 2015"]
    assert 'data-label="Government"' in response.content.decode()
