"""Registration: capacity with a waiting list, cancellation with promotion, check-in at the door.

Each workflow locks the meeting row first (``select_for_update`` on PostgreSQL; SQLite's
``BEGIN IMMEDIATE`` transactions serialise writers), so two people racing for the last seat
cannot both get it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mshub.core.models.events import record
from mshub.core.pagecache import forum_changed
from mshub.meetings.models import AttendanceMode, Meeting, MeetingStatus, Registration, RegistrationStatus
from mshub.people.models import Person

LIVE = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]


class RegistrationError(ValueError):
    """A registration that cannot be taken, with a message for the registrant."""


def registration_open(meeting: Meeting, now: Any = None) -> bool:
    now = now or timezone.now()
    closes = meeting.registration_closes or meeting.start
    return meeting.status == MeetingStatus.ANNOUNCED and now < closes


def seats_taken(meeting: Meeting) -> int:
    return Registration.objects.filter(
        meeting=meeting, mode=AttendanceMode.ONSITE, status=RegistrationStatus.CONFIRMED
    ).count()


@transaction.atomic
def register(
    meeting: Meeting, *, name: str, email: str, mode: str, stakeholder_group: Any, now: Any = None, **fields: Any
) -> Registration:
    """Take a registration. On-site beyond capacity goes to the waiting list."""
    from mshub.meetings.notifications import send_confirmation

    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not registration_open(meeting, now):
        raise RegistrationError(_("Registration for this meeting is closed."))
    email = email.strip().lower()
    if Registration.objects.filter(meeting=meeting, email__iexact=email, status__in=LIVE).exists():
        raise RegistrationError(_("This address is already registered for this meeting."))
    registration = Registration(
        meeting=meeting, name=name.strip(), email=email, mode=mode, stakeholder_group=stakeholder_group, **fields
    )
    registration.person = Person.objects.filter(forum=meeting.forum, email__iexact=email).first()
    if mode == AttendanceMode.ONSITE and meeting.capacity is not None and seats_taken(meeting) >= meeting.capacity:
        registration.status = RegistrationStatus.WAITLISTED
        registration.waitlist_position = _next_waitlist_position(meeting)
    registration.save()
    transaction.on_commit(lambda: send_confirmation(registration))
    return registration


@transaction.atomic
def walk_in(
    meeting: Meeting, *, name: str, mode: str, stakeholder_group: Any, actor: Any = None, email: str = "", **fields: Any
) -> Registration:
    """Register someone at the door (or a remote participant who joined online) and check them in.

    Staff only: works after registration has closed and does not take a waiting-list place.
    """
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    email = email.strip().lower()
    if email and Registration.objects.filter(meeting=meeting, email__iexact=email, status__in=LIVE).exists():
        raise RegistrationError(_("This address is already registered for this meeting."))
    registration = Registration.objects.create(
        meeting=meeting,
        name=name.strip(),
        email=email,
        mode=mode,
        stakeholder_group=stakeholder_group,
        person=Person.objects.filter(forum=meeting.forum, email__iexact=email).first() if email else None,
        checked_in_at=timezone.now(),
        **fields,
    )
    record(meeting.forum, actor, "registration.walk_in", meeting, summary=f"#{registration.pk}")
    return registration


@transaction.atomic
def cancel(registration: Registration, actor: Any = None) -> Registration | None:
    """Cancel; a freed on-site seat goes to the first on the waiting list, who is told by mail.

    Returns the promoted registration, if any.
    """
    meeting = Meeting.objects.select_for_update().get(pk=registration.meeting_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        return None
    freed_seat = registration.status == RegistrationStatus.CONFIRMED and registration.mode == AttendanceMode.ONSITE
    registration.status = RegistrationStatus.CANCELLED
    registration.waitlist_position = None
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "waitlist_position", "cancelled_at"])
    record(meeting.forum, actor, "registration.cancelled", meeting, summary=f"#{registration.pk}")
    return _promote_first_waiting(meeting) if freed_seat else None


def _promote_first_waiting(meeting: Meeting) -> Registration | None:
    """Give a free on-site seat to the first on the waiting list (who is told by mail after commit).

    Runs inside a workflow that holds the meeting's lock."""
    from mshub.meetings.notifications import send_promotion

    if meeting.capacity is not None and seats_taken(meeting) >= meeting.capacity:
        return None
    promoted = (
        Registration.objects.select_for_update()
        .filter(meeting=meeting, status=RegistrationStatus.WAITLISTED)
        .order_by("waitlist_position", "pk")
        .first()
    )
    if promoted is None:
        return None
    promoted.status = RegistrationStatus.CONFIRMED
    promoted.waitlist_position = None
    promoted.save(update_fields=["status", "waitlist_position"])
    transaction.on_commit(lambda: send_promotion(promoted))
    return promoted


def _next_waitlist_position(meeting: Meeting) -> int:
    last = Registration.objects.filter(meeting=meeting, status=RegistrationStatus.WAITLISTED).aggregate(
        p=models.Max("waitlist_position")
    )["p"]
    return (last or 0) + 1


@transaction.atomic
def change_mode(
    registration: Registration, mode: str, actor: Any = None, *, waitlist: bool = False, by_registrant: bool = False
) -> Registration:
    """Switch between on site and remote.

    The race: two remote registrants switching to the last on-site seat at once. The meeting row is
    locked first, so the second sees the seat taken. On site when full is refused (the registrant
    keeps the remote place) unless ``waitlist`` asks to join the waiting list instead. Leaving an
    on-site seat gives it to the first on the waiting list. A registrant (``by_registrant``) may
    switch only while registration is open; the secretariat at any time.
    """
    if mode not in AttendanceMode.values:
        raise RegistrationError(_("Choose on site or remote."))
    meeting = Meeting.objects.select_for_update().get(pk=registration.meeting_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise RegistrationError(_("This registration is cancelled."))
    if by_registrant and not registration_open(meeting):
        raise RegistrationError(_("Registration for this meeting is closed: please write to the secretariat."))
    if registration.mode == mode:
        return registration
    if mode == AttendanceMode.REMOTE and not meeting.hybrid:
        raise RegistrationError(_("This meeting has no remote participation."))
    freed_seat = registration.status == RegistrationStatus.CONFIRMED and registration.mode == AttendanceMode.ONSITE
    registration.mode = mode
    if mode == AttendanceMode.REMOTE:
        registration.status, registration.waitlist_position = RegistrationStatus.CONFIRMED, None
    elif meeting.capacity is not None and seats_taken(meeting) >= meeting.capacity:
        if not waitlist:
            raise RegistrationError(
                _("The on-site seats are taken: you stay registered to attend remotely. You may join the waiting list.")
            )
        registration.status = RegistrationStatus.WAITLISTED
        registration.waitlist_position = _next_waitlist_position(meeting)
    registration.save(update_fields=["mode", "status", "waitlist_position"])
    record(meeting.forum, actor, "registration.mode_changed", meeting, summary=f"#{registration.pk} → {mode}")
    if freed_seat:
        _promote_first_waiting(meeting)
    return registration


def move_targets(meeting: Meeting) -> models.QuerySet[Meeting]:
    """Other meetings of the same series a registration may be moved to: those open for registration."""
    now = timezone.now()
    return (
        Meeting.objects.filter(series=meeting.series, status=MeetingStatus.ANNOUNCED)
        .exclude(pk=meeting.pk)
        .filter(models.Q(registration_closes__gt=now) | models.Q(registration_closes__isnull=True, start__gt=now))
        .order_by("start")
    )


@transaction.atomic
def move(registration: Registration, target: Meeting, actor: Any = None) -> Registration:
    """The secretariat moves a registration to another open meeting of the same series.

    The race: both meetings' seats. Both rows are locked in primary-key order (so two moves in
    opposite directions cannot deadlock); the new registration follows the target's capacity (the
    waiting list when full) and the seat freed here goes to this meeting's waiting list.
    """
    if target.series_id != registration.meeting.series_id or target.pk == registration.meeting_id:
        raise RegistrationError(_("A registration can be moved only to another meeting of the same series."))
    locked = {
        m.pk: m
        for m in Meeting.objects.select_for_update().filter(pk__in=[registration.meeting_id, target.pk]).order_by("pk")
    }
    source, target = locked[registration.meeting_id], locked[target.pk]
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise RegistrationError(_("This registration is cancelled."))
    if not registration_open(target):
        raise RegistrationError(_("Registration for that meeting is closed."))
    if (
        registration.email
        and Registration.objects.filter(meeting=target, email__iexact=registration.email, status__in=LIVE).exists()
    ):
        raise RegistrationError(_("This address is already registered for that meeting."))
    freed_seat = registration.status == RegistrationStatus.CONFIRMED and registration.mode == AttendanceMode.ONSITE
    registration.status, registration.waitlist_position = RegistrationStatus.CANCELLED, None
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "waitlist_position", "cancelled_at"])
    mode = registration.mode if target.hybrid else AttendanceMode.ONSITE
    moved = Registration(
        meeting=target,
        person=registration.person,
        name=registration.name,
        email=registration.email,
        organization=registration.organization,
        stakeholder_group=registration.stakeholder_group,
        gender=registration.gender,
        mode=mode,
        consent_listing=registration.consent_listing,
    )
    if mode == AttendanceMode.ONSITE and target.capacity is not None and seats_taken(target) >= target.capacity:
        moved.status = RegistrationStatus.WAITLISTED
        moved.waitlist_position = _next_waitlist_position(target)
    moved.save()
    record(source.forum, actor, "registration.moved", source, summary=f"#{registration.pk} → {target} #{moved.pk}")
    if freed_seat:
        _promote_first_waiting(source)
    if moved.email:
        from mshub.meetings.notifications import send_confirmation

        transaction.on_commit(lambda: send_confirmation(moved))
    return moved


@transaction.atomic
def check_in(registration: Registration, actor: Any = None) -> Registration:
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.CONFIRMED:
        raise RegistrationError(_("Only confirmed registrations can be checked in."))
    if registration.checked_in_at is not None:
        raise RegistrationError(
            _("Already checked in at %(time)s.")
            % {"time": timezone.localtime(registration.checked_in_at).strftime("%H:%M")}
        )
    registration.checked_in_at = timezone.now()
    registration.save(update_fields=["checked_in_at"])
    return registration


@transaction.atomic
def undo_check_in(registration: Registration) -> None:
    Registration.objects.filter(pk=registration.pk).update(checked_in_at=None)
    forum_changed(registration.meeting.forum_id)  # the meeting page's checked-in count


@dataclass
class Participation:
    onsite: int
    remote: int
    registered_onsite: int
    registered_remote: int
    waitlisted: int


def participation(meeting: Meeting) -> Participation:
    """Counts for the report: on-site from check-ins at the door; remote from remote check-ins if any
    were recorded, else confirmed remote registrations."""
    rows = (
        Registration.objects.filter(meeting=meeting)
        .values("mode", "status")
        .annotate(n=models.Count("pk"), checked=models.Count("checked_in_at"))
    )
    confirmed = {AttendanceMode.ONSITE: 0, AttendanceMode.REMOTE: 0}
    checked = {AttendanceMode.ONSITE: 0, AttendanceMode.REMOTE: 0}
    waitlisted = 0
    for row in rows:
        if row["status"] == RegistrationStatus.CONFIRMED:
            confirmed[row["mode"]] += row["n"]
            checked[row["mode"]] += row["checked"]
        elif row["status"] == RegistrationStatus.WAITLISTED:
            waitlisted += row["n"]
    remote = checked[AttendanceMode.REMOTE] or confirmed[AttendanceMode.REMOTE]
    onsite = checked[AttendanceMode.ONSITE]
    if not any(confirmed.values()):  # no registrations in mshub: the counts the report gave, if any
        onsite, remote = meeting.reported_onsite or 0, meeting.reported_remote or 0
    return Participation(
        onsite=onsite,
        remote=remote,
        registered_onsite=confirmed[AttendanceMode.ONSITE],
        registered_remote=confirmed[AttendanceMode.REMOTE],
        waitlisted=waitlisted,
    )
