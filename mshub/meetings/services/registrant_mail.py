"""The secretariat writes to all or a filtered group of a meeting's registrants.

Each mail is recorded with one ``MailDelivery`` per registrant; a background task sends them one by
one and marks each sent or failed. The race: registrations change while the secretariat reads the
count on the confirmation page. The count the secretariat confirmed travels with the form and the
mail is refused if the group no longer has that size.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from mshub.core.models.events import record
from mshub.meetings.models import MailDelivery, Meeting, RegistrantMail, Registration, RegistrationStatus
from mshub.meetings.services.registration import LIVE, RegistrationError


def recipients(meeting: Meeting, *, status: str = "", mode: str = "", checked_in: str = "") -> QuerySet[Registration]:
    """Live registrants with an address, narrowed by status, attendance mode and check-in ("yes"/"no")."""
    qs = Registration.objects.filter(meeting=meeting, status__in=LIVE).reachable()
    if status:
        qs = qs.filter(status=status)
    if mode:
        qs = qs.filter(mode=mode)
    if checked_in == "yes":
        qs = qs.filter(checked_in_at__isnull=False)
    elif checked_in == "no":
        qs = qs.filter(checked_in_at__isnull=True)
    return qs.order_by("name", "pk")


@transaction.atomic
def mail_registrants(
    meeting: Meeting, *, subject: str, body: str, filters: dict[str, str], expected: int, actor: Any = None
) -> RegistrantMail:
    """Record the mail and a pending delivery per recipient; the sending starts after the commit."""
    from mshub.meetings.tasks import send_registrant_mail

    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    group = list(recipients(meeting, **filters))
    if len(group) != expected:
        raise RegistrationError(
            _("The group changed while you were reading: it now has %(n)s registrants. Check and confirm again.")
            % {"n": len(group)}
        )
    if not group:
        raise RegistrationError(_("No registrant with an address matches: nothing was sent."))
    mail = RegistrantMail.objects.create(
        meeting=meeting, subject=" ".join(subject.split()), body=body, filters=filters, sent_by=actor
    )
    MailDelivery.objects.bulk_create(MailDelivery(mail=mail, registration=r) for r in group)
    record(meeting.forum, actor, "registration.mailed", meeting, summary=f"{mail.subject} ({len(group)})")
    transaction.on_commit(lambda: send_registrant_mail.delay(mail.pk))
    return mail


def status_label(value: str) -> str:
    return str(RegistrationStatus(value).label) if value else ""
