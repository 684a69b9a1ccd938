"""Mail the meetings area sends. Templates live beside it in templates/meetings/emails/."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from mshub.core.tasks import send_mail_task
from mshub.meetings.models import Meeting, Presenter, RegistrantMail, Registration


def _send(
    template: str, to: list[str], context: dict[str, Any], language: str = "ja", reply_to: list[str] | None = None
) -> None:
    with translation.override(language):
        subject = "".join(render_to_string(f"meetings/emails/{template}_subject.txt", context).splitlines())
        body = render_to_string(f"meetings/emails/{template}.txt", context)
    send_mail_task.delay(subject=subject, body=body, to=to, reply_to=reply_to)


def cancel_url(registration: Registration) -> str:
    return settings.SITE_URL + registration.urls.registration_cancel


def _context(registration: Registration) -> dict[str, Any]:
    meeting = registration.meeting
    return {
        "registration": registration,
        "meeting": meeting,
        "cancel_url": cancel_url(registration),
        "meeting_url": settings.SITE_URL + meeting.get_absolute_url(),
    }


def send_confirmation(registration: Registration) -> None:
    _send("registration_confirmed", [registration.email], _context(registration), registration.meeting.language)


def send_promotion(registration: Registration) -> None:
    _send("registration_promoted", [registration.email], _context(registration), registration.meeting.language)


def send_reminder(registration: Registration) -> None:
    _send("registration_reminder", [registration.email], _context(registration), registration.meeting.language)


def list_address(meeting: Meeting) -> str:
    """Where announcements go: the series' list, else the forum's."""
    return meeting.series.mailing_list or meeting.forum.mailing_list


def send_announcement(meeting: Meeting) -> bool:
    """Announce to the mailing list. Returns False when neither the series nor the forum has one."""
    address = list_address(meeting)
    if not address:
        return False
    _send(
        "announcement",
        [address],
        {"meeting": meeting, "meeting_url": settings.SITE_URL + meeting.get_absolute_url()},
        meeting.language,
    )
    return True


def send_report_published(meeting: Meeting) -> bool:
    address = list_address(meeting)
    if not address:
        return False
    _send(
        "report_published",
        [address],
        {"meeting": meeting, "report_url": settings.SITE_URL + meeting.urls.report},
        meeting.language,
    )
    return True


def survey_url(registration: Registration) -> str:
    return settings.SITE_URL + registration.urls.survey


def survey_recipients(meeting: Meeting) -> Any:
    """Who the thank-you survey goes to: those who attended and left an address, nobody else."""
    return (
        Registration.objects.filter(meeting=meeting)
        .attended()
        .reachable()
        .select_related("meeting__series", "meeting__forum")
        .order_by("name", "pk")
    )


def send_survey_invitations(meeting: Meeting) -> int:
    """After the meeting: one mail per attendee with their personal survey link; returns how many."""
    sent = 0
    for registration in survey_recipients(meeting):
        context = {**_context(registration), "survey_url": survey_url(registration)}
        _send("survey_invitation", [registration.email], context, meeting.language)
        sent += 1
    return sent


def presenter_confirm_url(presenter: Presenter) -> str:
    return settings.SITE_URL + presenter.urls.presenter_confirm


def send_presenter_request(presenter: Presenter) -> None:
    """Ask a presenter to confirm, with the secret link to accept or decline."""
    meeting = presenter.item.meeting
    context = {
        "presenter": presenter,
        "item": presenter.item,
        "meeting": meeting,
        "confirm_url": presenter_confirm_url(presenter),
        "meeting_url": settings.SITE_URL + meeting.get_absolute_url(),
    }
    _send("presenter_request", [presenter.person.email], context, meeting.language)


def registrant_message(mail: RegistrantMail, registration: Registration) -> EmailMessage:
    """The secretariat's text to one registrant, as plain text (no markup is interpreted), with
    their own cancel link. The subject is one line: line breaks typed into it are folded."""
    meeting = registration.meeting
    context = {**_context(registration), "mail": mail}
    with translation.override(meeting.language):
        body = render_to_string("meetings/emails/registrant_mail.txt", context)
    subject = " ".join(f"[{meeting}] {mail.subject}".split())
    return EmailMessage(subject=subject, body=body, to=[registration.email])
