"""Meeting pages through HTTP: registration, cancel link, check-in, publishing, calendars, feeds."""

import datetime as dt

import pytest
from icalendar import Calendar

from mshub.meetings.models import Meeting, Registration, ReportVersion
from mshub.meetings.services.meetings import change_status, create_meeting
from tests.meetings.sample11 import build_meeting_11

pytestmark = pytest.mark.django_db


def url(meeting, name="meeting", **kw):
    from django.urls import reverse

    return reverse(f"meetings:{name}", kwargs={**meeting.url_kwargs(), **kw})


def test_public_registration_form_registers_and_redirects(announced, group, client):
    response = client.post(
        url(announced, "register"),
        {
            "name": "Aki",
            "email": "aki@example.org",
            "organization": "NPO",
            "stakeholder_group": group.pk,
            "mode": "onsite",
            "consent_listing": "on",
        },
    )
    assert response.status_code == 302
    reg = Registration.objects.get(email="aki@example.org")
    assert reg.status == "confirmed"
    assert reg.consent_listing is True


def test_registration_form_errors_keep_input_and_write_nothing(announced, group, client):
    response = client.post(
        url(announced, "register"),
        {"name": "Keep Me", "email": "not-an-email", "stakeholder_group": group.pk, "mode": "onsite"},
    )
    assert response.status_code == 200
    assert 'value="Keep Me"' in response.content.decode()
    assert not Registration.objects.exists()


def test_registration_after_close_shows_a_clear_error(announced, group, client):
    Meeting.objects.filter(pk=announced.pk).update(registration_closes=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    response = client.post(
        url(announced, "register"),
        {"name": "Late", "email": "late@example.org", "stakeholder_group": group.pk, "mode": "onsite"},
    )
    assert response.status_code == 200
    assert not Registration.objects.exists()


def test_cancel_link_cancels_only_its_registration(announced, group, client):
    from mshub.meetings.services.registration import register

    mine = register(announced, name="A", email="a@example.org", mode="onsite", stakeholder_group=group)
    other = register(announced, name="B", email="b@example.org", mode="onsite", stakeholder_group=group)
    assert client.get(url(announced, "registration-cancel", token="wrong-token")).status_code == 404
    assert client.post(url(announced, "registration-cancel", token=mine.token)).status_code == 302
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.status, other.status) == ("cancelled", "confirmed")


def test_in_a_private_forum_the_mailed_links_work_signed_out(announced, group, client, forum):
    """The cancel and survey links carry the registration's token: no sign-in, even in a private forum."""
    from mshub.meetings.models import SurveyResponse
    from mshub.meetings.services.meetings import change_status
    from mshub.meetings.services.registration import register

    forum.is_public = False
    forum.save()
    mine = register(announced, name="A", email="a@example.org", mode="onsite", stakeholder_group=group)
    gone = register(announced, name="B", email="b@example.org", mode="onsite", stakeholder_group=group)
    wrong = client.get(url(announced, "registration-cancel", token="wrong-token"))
    assert wrong.status_code == 302  # without a valid link: the private forum asks to sign in
    assert "/accounts/login/" in wrong["Location"]
    cancel_url = url(announced, "registration-cancel", token=gone.token)
    assert client.get(cancel_url).status_code == 200
    response = client.post(cancel_url)
    assert response["Location"] == cancel_url  # back to the link's page, not to a sign-in
    gone.refresh_from_db()
    assert gone.status == "cancelled"
    held = change_status(announced, "held", now=announced.end)
    survey_url = url(held, "survey", token=mine.token)
    assert client.get(survey_url).status_code == 200
    answered = client.post(survey_url, {"satisfaction": "4"})
    assert answered.status_code == 302
    assert SurveyResponse.objects.filter(registration=mine, satisfaction=4).exists()
    assert client.get(url(held)).status_code == 302  # the link opens its own page only


def test_online_link_only_for_registrants(announced, group, cast):
    from mshub.meetings.services.registration import register

    assert "meet.example.org" not in cast.client("anonymous").get(url(announced)).content.decode()
    register(announced, name="M", email="member@example.org", mode="remote", stakeholder_group=group)
    assert "meet.example.org" in cast.client("member").get(url(announced)).content.decode()


def test_only_the_secretariat_sees_registrant_emails(announced, group, cast):
    from mshub.meetings.services.registration import register

    register(announced, name="Private", email="private@example.org", mode="onsite", stakeholder_group=group)
    steering = cast.client("steering").get(url(announced, "registrations"))
    secretariat = cast.client("secretariat").get(url(announced, "registrations"))
    assert steering.status_code == 200
    assert "Private" in steering.content.decode()
    assert "private@example.org" not in steering.content.decode()
    assert "private@example.org" in secretariat.content.decode()
    assert cast.client("member").get(url(announced, "registrations")).status_code == 403


def test_check_in_page_searches_and_checks_in_once(announced, group, cast):
    from mshub.meetings.services.registration import register

    reg = register(announced, name="山本 花", email="h@example.org", mode="onsite", stakeholder_group=group)
    client = cast.client("steering")
    page = client.get(url(announced, "checkin"), {"q": "山本"}).content.decode()
    assert "山本 花" in page
    assert client.post(url(announced, "checkin"), {"registration": reg.pk}).status_code == 302
    reg.refresh_from_db()
    first = reg.checked_in_at
    assert first is not None
    client.post(url(announced, "checkin"), {"registration": reg.pk})
    reg.refresh_from_db()
    assert reg.checked_in_at == first


def test_planned_meetings_are_hidden_from_the_public(series, cast):
    planned = create_meeting(
        series, start=dt.datetime(2031, 1, 1, 18), end=dt.datetime(2031, 1, 1, 20), title_ja="秘密の計画"
    )
    assert cast.client("anonymous").get(url(planned)).status_code == 302
    assert cast.client("visitor").get(url(planned)).status_code == 403
    assert cast.client("member").get(url(planned)).status_code == 200
    index = cast.client("anonymous").get(f"/{cast.forum.slug}/meetings/").content.decode()
    assert "秘密の計画" not in index


def test_a_planned_meetings_registration_page_follows_the_meeting_pages_rule(series, cast):
    """Until a meeting is announced, its registration page is as closed as the meeting page."""
    planned = create_meeting(
        series, start=dt.datetime(2031, 1, 1, 18), end=dt.datetime(2031, 1, 1, 20), title_ja="秘密の計画"
    )
    for role, status in {"anonymous": 302, "visitor": 403, "member": 200, "steering": 200}.items():
        for view in ("meeting", "register"):
            response = cast.client(role).get(url(planned, view))
            assert response.status_code == status, (role, view, response.status_code)
            assert ("秘密の計画" in response.content.decode()) == (status == 200), (role, view)
    response = cast.client("anonymous").post(url(planned, "register"), {"name": "x", "email": "x@example.org"})
    assert response.status_code == 302
    assert not planned.registrations.exists()


def test_meeting_ics_is_valid_and_keeps_uid_while_sequence_grows(announced, client):
    first = Calendar.from_ical(client.get(url(announced, "meeting-ics")).content)
    [event] = first.walk("VEVENT")
    assert event["DTSTART"].dt == announced.start
    assert str(event["UID"]) == f"{announced.uid}@mshub"
    change_status(announced, "postponed", note="venue closed")
    second = Calendar.from_ical(client.get(url(announced, "meeting-ics")).content)
    [event2] = second.walk("VEVENT")
    assert str(event2["UID"]) == str(event["UID"])
    assert int(event2["SEQUENCE"]) == int(event["SEQUENCE"]) + 1
    assert str(event2["STATUS"]) == "TENTATIVE"


def test_hostile_title_is_escaped_in_html_and_safe_in_ics(series, client):
    meeting = create_meeting(
        series,
        start=dt.datetime(2031, 2, 1, 18),
        end=dt.datetime(2031, 2, 1, 20),
        title_ja="<img src=x onerror=alert(1)>\r\nBEGIN:VEVENT",
    )
    change_status(meeting, "announced")
    html = client.get(url(meeting)).content.decode()
    assert "<img src=x" not in html
    body = client.get(url(meeting, "meeting-ics")).content
    assert len(Calendar.from_ical(body).walk("VEVENT")) == 1  # the title cannot inject a second event


def test_series_feed_lists_public_meetings_in_utc(announced, series, client):
    body = client.get(f"/{series.forum.slug}/meetings/{series.slug}/calendar.ics").content
    cal = Calendar.from_ical(body)
    assert str(cal["X-WR-TIMEZONE"]) == series.timezone
    assert [str(e["UID"]) for e in cal.walk("VEVENT")] == [f"{announced.uid}@mshub"]


def test_publishing_freezes_a_version_and_corrections_add_one(forum, cast, django_capture_on_commit_callbacks):
    meeting = build_meeting_11(forum)
    client = cast.client("secretariat")
    assert cast.client("anonymous").get(url(meeting, "report")).status_code == 302  # not published yet
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url(meeting, "publish"), {"note": ""}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "report_published"
    v1 = ReportVersion.objects.get(meeting=meeting, version=1, language="ja")
    assert v1.pdf.name.endswith(".pdf")
    v1.html  # noqa: B018
    with pytest.raises(ValueError, match="frozen"):
        v1.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(meeting, "publish"), {"note": "typo in 2.3"})
    assert list(
        ReportVersion.objects.filter(meeting=meeting).values_list("version", flat=True).order_by("version")
    ) == [1, 2]
    public = cast.client("anonymous")
    assert public.get(url(meeting, "report")).status_code == 200
    assert public.get(url(meeting, "report-version", version=1)).status_code == 200
    md = public.get(url(meeting, "report-md"))
    assert md["Content-Type"].startswith("text/markdown")
    pdf = public.get(url(meeting, "report-pdf"))
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    feed = public.get(f"/{forum.slug}/meetings/reports.atom").content.decode()
    assert "v2" in feed
    assert "typo in 2.3" in feed


def test_member_may_not_publish(forum, cast):
    meeting = build_meeting_11(forum)
    assert cast.client("steering").post(url(meeting, "publish")).status_code == 403
    assert not ReportVersion.objects.exists()


def test_forum_home_lists_the_next_public_meetings(announced, series, cast):
    create_meeting(series, start=dt.datetime(2032, 1, 1, 18), end=dt.datetime(2032, 1, 1, 20), title_ja="未発表")
    page = cast.client("anonymous").get(f"/{cast.forum.slug}/").content.decode()
    assert announced.title_ja in page
    assert "未発表" not in page


def test_walk_ins_are_registered_and_checked_in_even_after_the_close(announced, group, cast):
    Meeting.objects.filter(pk=announced.pk).update(registration_closes=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    client = cast.client("steering")
    url_ = url(announced, "checkin")
    assert (
        client.post(
            url_, {"walk_in": "1", "name": "飛び入り", "stakeholder_group": group.pk, "mode": "onsite"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            url_,
            {"walk_in": "1", "name": "遠隔", "stakeholder_group": group.pk, "mode": "remote", "email": "r@example.org"},
        ).status_code
        == 302
    )
    assert (
        client.post(url_, {"walk_in": "1", "name": "", "stakeholder_group": group.pk, "mode": "onsite"}).status_code
        == 400
    )
    from mshub.meetings.services.registration import participation

    counts = participation(announced)
    assert (counts.onsite, counts.remote) == (1, 1)
    assert (
        cast.client("member")
        .post(url_, {"walk_in": "1", "name": "x", "stakeholder_group": group.pk, "mode": "onsite"})
        .status_code
        == 403
    )


def test_public_registration_still_requires_an_email(announced, group, client):
    response = client.post(
        url(announced, "register"), {"name": "No Mail", "stakeholder_group": group.pk, "mode": "onsite"}
    )
    assert response.status_code == 200
    assert not Registration.objects.exists()


def test_meetings_of_two_series_are_told_apart_everywhere(forum, series, client):
    """Two series each have a 第1回: the list, the page titles and the .ics name the series too."""
    other = series.__class__.objects.create(forum=forum, slug="youth", name_ja="ユース会合", name_en="Youth meeting")
    start = dt.datetime.now() + dt.timedelta(days=20)
    for s in (series, other):
        change_status(create_meeting(s, start=start, end=start + dt.timedelta(hours=2)), "announced")

    listing = client.get(f"/{forum.slug}/meetings/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "第1回定例会合" in listing
    assert "第1回ユース会合" in listing
    youth = Meeting.objects.get(series=other)
    page = client.get(url(youth), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "<title>第1回ユース会合" in page
    ics = client.get(f"/{forum.slug}/meetings/calendar.ics", HTTP_ACCEPT_LANGUAGE="ja").content
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(ics).walk("VEVENT")]
    assert sorted(summaries) == ["第1回ユース会合", "第1回定例会合"]
    english = client.get(f"/{forum.slug}/meetings/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "1st Youth meeting" in english


def test_calendar_and_mail_links_use_site_url(
    announced, group, client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "http://127.0.0.1:8101"  # what `make demo PORT=8101` gives the server
    [event] = Calendar.from_ical(client.get(url(announced, "meeting-ics")).content).walk("VEVENT")
    assert str(event["URL"]) == f"http://127.0.0.1:8101{announced.get_absolute_url()}"
    assert f"http://127.0.0.1:8101{announced.get_absolute_url()}" in str(event["DESCRIPTION"])
    form = {"name": "Aki", "email": "aki@example.org", "stakeholder_group": group.pk, "mode": "onsite"}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url(announced, "register"), form).status_code == 302
    [mail] = mailoutbox
    links = [word for word in mail.body.split() if word.startswith("http")]
    assert links
    assert all(link.startswith("http://127.0.0.1:8101/") for link in links), links


def _registration_post(client, meeting, group, email):
    data = {"name": "Reg", "email": email, "stakeholder_group": group.pk, "mode": "remote"}
    return client.post(url(meeting, "register"), data)


def test_anonymous_registration_mails_at_most_ten_addresses_from_one_client(
    announced, group, django_capture_on_commit_callbacks
):
    from django.core import mail
    from django.test import Client

    client = Client(REMOTE_ADDR="203.0.113.5")
    with django_capture_on_commit_callbacks(execute=True):
        codes = [_registration_post(client, announced, group, f"r{n}@example.org").status_code for n in range(12)]
    assert codes == [302] * 10 + [429] * 2
    assert len(mail.outbox) == 10
    assert Registration.objects.count() == 10
    refused = _registration_post(client, announced, group, "r99@example.org").content.decode()
    assert "nothing was registered and no mail was sent" in refused


def test_registering_one_address_over_and_over_stops_mailing_it(announced, group, django_capture_on_commit_callbacks):
    from django.core import mail
    from django.test import Client

    from mshub.meetings.services.registration import cancel

    codes = []
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(5):  # register the victim, cancel, register again, each time from a new client
            codes.append(_registration_post(Client(REMOTE_ADDR=f"10.0.0.{n}"), announced, group, "v@example.org"))
            for registration in Registration.objects.filter(email="v@example.org", status="confirmed"):
                cancel(registration)
    assert [c.status_code for c in codes] == [302, 302, 302, 429, 429]
    assert [m.to for m in mail.outbox] == [["v@example.org"]] * 3
