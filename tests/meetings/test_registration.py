"""Registration: capacity, waiting list, promotion on cancellation, check-in, counts, mail."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.db import connection

from mshub.meetings.models import AttendanceMode, Registration, RegistrationStatus
from mshub.meetings.services import registration as reg
from mshub.meetings.services.meetings import change_status, create_meeting
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _register(meeting, group, email, mode=AttendanceMode.ONSITE, **kw):
    return reg.register(meeting, name=email.split("@")[0], email=email, mode=mode, stakeholder_group=group, **kw)


def test_onsite_beyond_capacity_goes_to_the_waiting_list_remote_does_not(announced, group):
    a = _register(announced, group, "a@example.org")
    b = _register(announced, group, "b@example.org")
    c = _register(announced, group, "c@example.org")
    d = _register(announced, group, "d@example.org")
    r = _register(announced, group, "r@example.org", mode=AttendanceMode.REMOTE)
    assert [x.status for x in (a, b, c, d, r)] == ["confirmed", "confirmed", "waitlisted", "waitlisted", "confirmed"]
    assert (c.waitlist_position, d.waitlist_position) == (1, 2)


def test_cancellation_promotes_the_first_on_the_waiting_list_and_mails_them(
    announced, group, django_capture_on_commit_callbacks
):
    a = _register(announced, group, "a@example.org")
    _register(announced, group, "b@example.org")
    c = _register(announced, group, "c@example.org")
    _register(announced, group, "d@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = reg.cancel(a)
    assert promoted == c
    c.refresh_from_db()
    assert c.status == RegistrationStatus.CONFIRMED
    assert c.waitlist_position is None
    assert [m.to for m in mail.outbox] == [["c@example.org"]]
    assert reg.cancel(a) is None  # cancelling twice changes nothing


def test_cancelling_a_waitlisted_or_remote_registration_promotes_no_one(announced, group):
    _register(announced, group, "a@example.org")
    _register(announced, group, "b@example.org")
    c = _register(announced, group, "c@example.org")
    d = _register(announced, group, "d@example.org")
    r = _register(announced, group, "r@example.org", mode=AttendanceMode.REMOTE)
    assert reg.cancel(c) is None
    assert reg.cancel(r) is None
    d.refresh_from_db()
    assert d.status == RegistrationStatus.WAITLISTED


def test_same_address_twice_is_refused_but_may_register_again_after_cancelling(announced, group):
    a = _register(announced, group, "Same@Example.org")
    with pytest.raises(reg.RegistrationError, match="already registered"):
        _register(announced, group, "same@example.org")
    reg.cancel(a)
    again = _register(announced, group, "same@example.org")
    assert again.status == RegistrationStatus.CONFIRMED


def test_registration_after_the_close_or_before_the_announcement_is_refused(series, announced, group):
    with pytest.raises(reg.RegistrationError, match="closed"):
        _register(announced, group, "late@example.org", now=announced.start + dt.timedelta(minutes=1))
    planned = create_meeting(series, start=dt.datetime(2030, 1, 1, 18), end=dt.datetime(2030, 1, 1, 20))
    with pytest.raises(reg.RegistrationError, match="closed"):
        _register(planned, group, "early@example.org")
    assert not Registration.objects.filter(email__in=["late@example.org", "early@example.org"]).exists()


def test_a_registration_links_to_the_registry_person_with_that_email(forum, announced, group):
    person = PersonFactory(forum=forum, email="known@example.org")
    assert _register(announced, group, "KNOWN@example.org").person == person


def test_confirmation_mail_has_the_cancel_link_and_online_access_only_for_remote(
    announced, group, django_capture_on_commit_callbacks, client
):
    with django_capture_on_commit_callbacks(execute=True):
        onsite = _register(announced, group, "on@example.org")
        _register(announced, group, "remote@example.org", mode=AttendanceMode.REMOTE)
    on_mail, remote_mail = mail.outbox
    assert onsite.token in on_mail.body
    assert "meet.example.org" not in on_mail.body
    assert "meet.example.org" in remote_mail.body


def test_check_in_twice_is_refused_and_counts_come_from_the_door(announced, group):
    a = _register(announced, group, "a@example.org")
    b = _register(announced, group, "b@example.org")
    _register(announced, group, "c@example.org")  # waitlisted
    _register(announced, group, "r@example.org", mode=AttendanceMode.REMOTE)
    reg.check_in(a)
    with pytest.raises(reg.RegistrationError, match="Already checked in"):
        reg.check_in(a)
    waitlisted = Registration.objects.get(email="c@example.org")
    with pytest.raises(reg.RegistrationError):
        reg.check_in(waitlisted)
    counts = reg.participation(announced)
    assert (counts.onsite, counts.remote, counts.registered_onsite, counts.waitlisted) == (1, 1, 2, 1)
    reg.check_in(b)
    assert reg.participation(announced).onsite == 2


@pytest.mark.django_db(transaction=True)
def test_two_people_racing_for_the_last_seat_exactly_one_gets_it(series, group):
    start = dt.datetime(2031, 5, 1, 18)
    meeting = change_status(
        create_meeting(series, start=start, end=start + dt.timedelta(hours=2), capacity=1), "announced"
    )
    barrier = threading.Barrier(2)
    results: list[str] = []
    errors: list[BaseException] = []

    def attempt(email: str) -> None:
        try:
            barrier.wait(timeout=10)
            results.append(_register(meeting, group, email).status)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(f"racer{i}@example.org",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors, errors
    assert sorted(results) == ["confirmed", "waitlisted"]
