"""Registrants like an event tool: switch on site/remote and cancel from the meeting page or the mailed
link, the registry fills the form, and the secretariat's tools (cancel, move, CSV, mail, badges)."""

import csv
import datetime as dt
import io

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from mshub.meetings.models import AttendanceMode, MailDelivery, Registration, RegistrationStatus
from mshub.meetings.services import registration as reg
from mshub.meetings.services.meetings import change_status, create_meeting
from mshub.people.models import StakeholderGroup
from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def url(meeting, name="meeting", **kw):
    return reverse(f"meetings:{name}", kwargs={**meeting.url_kwargs(), **kw})


def _register(meeting, group, email, mode=AttendanceMode.ONSITE, **kw):
    return reg.register(meeting, name=email.split("@")[0], email=email, mode=mode, stakeholder_group=group, **kw)


def _full(announced, group):
    """Both on-site seats taken."""
    return _register(announced, group, "a@example.org"), _register(announced, group, "b@example.org")


# --- switching and cancelling (service) -------------------------------------------------------------


def test_switching_to_on_site_when_full_is_refused_or_joins_the_waiting_list(announced, group):
    _full(announced, group)
    remote = _register(announced, group, "r@example.org", mode=AttendanceMode.REMOTE)
    with pytest.raises(reg.RegistrationError, match="seats are taken: you stay registered to attend remotely"):
        reg.change_mode(remote, AttendanceMode.ONSITE)
    remote.refresh_from_db()
    assert (remote.mode, remote.status) == ("remote", "confirmed")
    moved = reg.change_mode(remote, AttendanceMode.ONSITE, waitlist=True)
    assert (moved.mode, moved.status, moved.waitlist_position) == ("onsite", "waitlisted", 1)


def test_leaving_an_on_site_seat_for_remote_gives_it_to_the_waiting_list(
    announced, group, django_capture_on_commit_callbacks
):
    a, _b = _full(announced, group)
    waiting = _register(announced, group, "w@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        a = reg.change_mode(a, AttendanceMode.REMOTE)
    waiting.refresh_from_db()
    assert (a.mode, a.status) == ("remote", "confirmed")
    assert (waiting.status, waiting.waitlist_position) == ("confirmed", None)
    assert [m.to for m in mail.outbox] == [["w@example.org"]]


def test_a_move_goes_to_an_open_meeting_of_the_same_series_only(series, announced, group):
    a, _b = _full(announced, group)
    waiting = _register(announced, group, "w@example.org")
    start = announced.start + dt.timedelta(days=30)
    later = change_status(create_meeting(series, start=start, end=start + dt.timedelta(hours=2)), "announced")
    moved = reg.move(a, later)
    a.refresh_from_db()
    waiting.refresh_from_db()
    assert a.status == RegistrationStatus.CANCELLED
    assert (moved.meeting, moved.email, moved.status) == (later, "a@example.org", "confirmed")
    assert waiting.status == RegistrationStatus.CONFIRMED  # the freed seat went to the waiting list
    assert list(reg.move_targets(announced)) == [later]
    closed = create_meeting(series, start=start, end=start + dt.timedelta(hours=2))  # planned, not open
    with pytest.raises(reg.RegistrationError, match="closed"):
        reg.move(moved, closed)


# --- the registrant's own pages -------------------------------------------------------------------


def test_a_signed_in_registrant_switches_and_cancels_from_the_meeting_page(announced, group, cast):
    member = cast.client("member")
    _register(announced, group, "member@example.org")
    page = member.get(url(announced)).content.decode()
    assert "You are registered (on site)" in page
    assert "Switch to remote" in page
    member.post(url(announced, "my-registration"), {"action": "mode", "mode": "remote"})
    mine = Registration.objects.get(email="member@example.org")
    assert (mine.mode, mine.status) == ("remote", "confirmed")
    assert "You are registered (remote)" in member.get(url(announced)).content.decode()
    member.post(url(announced, "my-registration"), {"action": "cancel"})
    mine.refresh_from_db()
    assert mine.status == RegistrationStatus.CANCELLED
    assert "You are registered" not in member.get(url(announced)).content.decode()


def test_switching_to_on_site_when_full_shows_a_clear_message_from_the_meeting_page(announced, group, cast):
    _full(announced, group)
    _register(announced, group, "member@example.org", mode=AttendanceMode.REMOTE)
    member = cast.client("member")
    response = member.post(url(announced, "my-registration"), {"action": "mode", "mode": "onsite"}, follow=True)
    assert "you stay registered to attend remotely" in response.content.decode()
    assert Registration.objects.get(email="member@example.org").mode == "remote"


def test_the_mailed_link_page_offers_the_switch(announced, group, client):
    r = _register(announced, group, "anon@example.org")
    link = url(announced, "registration-cancel", token=r.token)
    assert "Switch to remote" in client.get(link).content.decode()
    assert client.post(link, {"action": "mode", "mode": "remote"}).status_code == 302
    r.refresh_from_db()
    assert (r.mode, r.status) == ("remote", "confirmed")


def test_the_form_is_filled_from_the_registry_for_a_known_person(forum, announced, cast):
    government = StakeholderGroup.objects.get(forum=forum, code="government")
    person = PersonFactory(forum=forum, user=cast.users["member"], family_name_ja="高野", given_name_ja="葵")
    organization = OrganizationFactory(forum=forum, name_ja="総務省", name_en="MIC", stakeholder_group=government)
    AffiliationFactory(person=person, organization=organization, start=dt.date(2020, 1, 1))
    form = cast.client("member").get(url(announced, "register")).context["form"]
    assert form.initial["organization"] == organization.name
    assert form.initial["stakeholder_group"] == government.pk
    assert form.initial["name"] in {"高野 葵", person.name_latin}
    # Still editable: a different organisation typed in is what is registered.
    assert not form.fields["organization"].disabled


# --- the secretariat's tools ----------------------------------------------------------------------


def test_csv_has_the_stakeholder_columns_contact_only_for_the_secretariat_and_no_formulas(announced, group, cast):
    group.igf_category = "civil_society"
    group.save()
    reg.register(
        announced,
        name='=HYPERLINK("http://evil.example","x")',
        email="f@example.org",
        mode=AttendanceMode.ONSITE,
        stakeholder_group=group,
        organization="@SUM(A1)",
    )

    def rows(role):
        content = cast.client(role).get(url(announced, "registrations-csv")).content.decode("utf-8-sig")
        return list(csv.reader(io.StringIO(content)))

    secretariat, steering = rows("secretariat"), rows("steering")
    assert secretariat[0] == [
        "Name",
        "Email",
        "Organisation",
        "Stakeholder group",
        "IGF category",
        "Attendance",
        "Status",
        "Checked in",
    ]
    assert secretariat[1][:5] == [
        '\'=HYPERLINK("http://evil.example","x")',
        "f@example.org",
        "'@SUM(A1)",
        str(group),
        "civil_society",
    ]
    assert "Email" not in steering[0]
    assert "Gender" not in secretariat[0]  # promised: counted in statistics only, never shown per person
    assert "f@example.org" not in str(steering)


def test_mailing_a_group_shows_the_count_then_sends_one_recorded_delivery_each(
    announced, group, cast, django_capture_on_commit_callbacks
):
    _register(announced, group, "on@example.org")
    _register(announced, group, "remote1@example.org", mode=AttendanceMode.REMOTE)
    _register(announced, group, "remote2@example.org", mode=AttendanceMode.REMOTE)
    client = cast.client("secretariat")
    data = {"mode": "remote", "subject": "Link\nchange", "body": "New <b>link</b> & room"}
    mail.outbox.clear()
    preview = client.post(url(announced, "registrations-mail"), data)
    assert "This mail will go to 2 registrants" in preview.content.decode()
    assert not MailDelivery.objects.exists()
    assert not mail.outbox
    stale = client.post(url(announced, "registrations-mail"), {**data, "expected": 3, "confirm": "1"})
    assert stale.status_code == 409
    assert not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(url(announced, "registrations-mail"), {**data, "expected": 2, "confirm": "1"})
    assert sent.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["remote1@example.org", "remote2@example.org"]
    message = mail.outbox[0]
    assert "\n" not in message.subject
    assert "Link change" in message.subject
    assert "New <b>link</b> & room" in message.body  # plain text: shown as typed, not HTML-escaped
    assert set(MailDelivery.objects.values_list("status", flat=True)) == {"sent"}
    assert all(d.sent_at for d in MailDelivery.objects.all())


def test_a_failed_delivery_is_recorded_and_the_others_still_go(
    announced, group, cast, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.meetings.test_registrants.RefusingBackend"
    _register(announced, group, "ok@example.org")
    _register(announced, group, "refused@example.org", mode=AttendanceMode.REMOTE)
    client = cast.client("secretariat")
    data = {"subject": "Hello", "body": "Text", "expected": 2, "confirm": "1"}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url(announced, "registrations-mail"), data).status_code == 302
    statuses = dict(MailDelivery.objects.values_list("registration__email", "status"))
    assert statuses == {"ok@example.org": "sent", "refused@example.org": "failed"}


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        if any("refused@" in to for m in messages for to in m.to):
            raise OSError("550 mailbox unavailable")
        return len(messages)


def test_the_secretariat_cancels_switches_and_moves_a_registration(series, announced, group, cast):
    a, b = _full(announced, group)
    client = cast.client("secretariat")
    assert client.post(url(announced, "registration-manage", pk=a.pk), {"action": "cancel"}).status_code == 302
    a.refresh_from_db()
    assert a.status == RegistrationStatus.CANCELLED
    client.post(url(announced, "registration-manage", pk=b.pk), {"action": "mode", "mode": "remote"})
    b.refresh_from_db()
    assert b.mode == "remote"
    start = announced.start + dt.timedelta(days=30)
    later = change_status(create_meeting(series, start=start, end=start + dt.timedelta(hours=2)), "announced")
    client.post(url(announced, "registration-manage", pk=b.pk), {"action": "move", "target": later.pk})
    assert Registration.objects.get(meeting=later).email == "b@example.org"
    bad = client.post(url(announced, "registration-manage", pk=b.pk), {"action": "move", "target": "x"})
    assert bad.status_code in (302, 400)
    assert (
        cast.client("steering").post(url(announced, "registration-manage", pk=b.pk), {"action": "cancel"}).status_code
        == 403
    )


def test_the_door_list_has_the_date_and_venue(announced, group, cast):
    _register(announced, group, "a@example.org")
    page = cast.client("steering").get(url(announced, "registrations") + "?print=1").content.decode()
    assert "会議室A" in page
    assert announced.start.strftime("%Y-%m-%d") in page


def test_badges_are_an_a4_pdf_with_a_japanese_font(announced, group, cast):
    reg.register(announced, name="高野 葵", email="t@example.org", mode="onsite", stakeholder_group=group)
    response = cast.client("steering").get(url(announced, "registrations-badges"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert "高野 葵" in reader.pages[0].extract_text()
    fonts = {str(f["/BaseFont"]) for p in reader.pages for f in (p["/Resources"].get("/Font") or {}).values()}
    assert any("CJK" in f for f in fonts), fonts
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4


def test_after_the_close_a_registrant_cannot_switch_but_the_secretariat_can(announced, group, cast):
    r = _register(announced, group, "late@example.org")
    announced.registration_closes = announced.start - dt.timedelta(days=40)  # already past
    announced.save(update_fields=["registration_closes"])
    with pytest.raises(reg.RegistrationError, match="closed"):
        reg.change_mode(r, AttendanceMode.REMOTE, by_registrant=True)
    assert reg.change_mode(r, AttendanceMode.REMOTE).mode == "remote"


def test_the_mail_page_lists_past_mails_with_sent_and_failed_counts(
    announced, group, cast, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.meetings.test_registrants.RefusingBackend"
    _register(announced, group, "ok@example.org")
    _register(announced, group, "refused@example.org")
    client = cast.client("secretariat")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url(announced, "registrations-mail"), {"subject": "Room", "body": "B", "expected": 2, "confirm": "1"}
        )
    page = client.get(url(announced, "registrations-mail")).content.decode()
    assert "<td>Room</td>" in page
    assert "<td>1</td><td>1</td><td>0</td>" in page
