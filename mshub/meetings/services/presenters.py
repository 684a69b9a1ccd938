"""Asking presenters to confirm: a mail with a secret link, and their answer (accept or decline)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from mshub.core.models.events import record
from mshub.meetings.models import Presenter, PresenterAnswer
from mshub.meetings.models.agenda import new_confirmation_token


class NoAddressError(Exception):
    """The presenter's record holds no email: nobody to ask."""


@transaction.atomic
def ask_to_confirm(presenter: Presenter, actor: Any = None) -> Presenter:
    """Mail the presenter a link to accept or decline (after the commit, through the task queue).

    Asking again sends the same link again and clears an earlier answer. The activity log names the
    presenter by id only; its summary is the item's title.
    """
    from mshub.meetings.notifications import send_presenter_request

    presenter = (
        Presenter.objects.select_for_update().select_related("person", "item__meeting__forum").get(pk=presenter.pk)
    )
    if not presenter.person.email:
        raise NoAddressError
    presenter.confirmation_token = presenter.confirmation_token or new_confirmation_token()
    presenter.asked_at = timezone.now()
    presenter.answer = ""
    presenter.answered_at = None
    presenter.save(update_fields=["confirmation_token", "asked_at", "answer", "answered_at"])
    meeting = presenter.item.meeting
    record(meeting.forum, actor, "presenter.asked", presenter, summary=presenter.item.title)
    transaction.on_commit(lambda: send_presenter_request(presenter))
    return presenter


@transaction.atomic
def answer(presenter: Presenter, accepted: bool) -> Presenter:
    """The presenter's answer through the secret link; a later answer replaces an earlier one."""
    presenter = Presenter.objects.select_for_update().select_related("item__meeting__forum").get(pk=presenter.pk)
    presenter.answer = PresenterAnswer.ACCEPTED if accepted else PresenterAnswer.DECLINED
    presenter.answered_at = timezone.now()
    presenter.save(update_fields=["answer", "answered_at"])
    record(presenter.item.meeting.forum, None, f"presenter.{presenter.answer}", presenter, summary=presenter.item.title)
    return presenter
