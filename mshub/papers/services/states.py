"""A paper's states: draft → in hearing → revising → final → published → submitted.

Only the group's chairs and the secretariat move states (``papers.run_paper``, checked by the
views); every move is one transaction with the paper row locked, and one activity entry
(``papers.state_changed`` with ``from`` and ``to``). Opening a hearing moves a draft or revising
paper into hearing (services/hearings.py); publishing fixes the published revision (the latest);
submitting records to which consultation or process, when, and the proof (an http(s) address).
Publishing queues the published revision's PDF after the commit (publication.py).
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mshub.core.models.events import record
from mshub.core.validators import is_web_url
from mshub.papers.models import Paper, PaperRevision, PaperState
from mshub.papers.services.revisions import PaperError

S = PaperState
TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.HEARING, S.FINAL}),
    S.HEARING: frozenset({S.REVISING}),
    S.REVISING: frozenset({S.HEARING, S.FINAL}),
    S.FINAL: frozenset({S.REVISING, S.PUBLISHED}),
    S.PUBLISHED: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset(),
}


def next_states(paper: Paper) -> list[str]:
    """Where the paper may go from its state, in the order of the cycle."""
    order = list(S.values)
    return sorted(TRANSITIONS[paper.state], key=order.index)


def move(paper: Paper, to: str, *, actor: Any, **submission: Any) -> Paper:
    """Move ``paper`` to the state ``to`` (``PaperError`` if that is not a next state from its
    current one, read under a lock). ``submission``: ``submitted_to``, ``submitted_on``,
    ``submission_url``, ``submission_note`` when ``to`` is submitted."""
    with transaction.atomic():
        locked = Paper.objects.select_for_update().get(pk=paper.pk)
        if to not in TRANSITIONS.get(locked.state, frozenset()):
            raise PaperError(
                _("A paper cannot go from “%(from)s” to “%(to)s”.")
                % {"from": S(locked.state).label, "to": S(to).label if to in S.values else to}
            )
        before = locked.state
        if before == S.HEARING and locked.hearings.filter(closes_at__gt=timezone.now()).exists():
            raise PaperError(_("The hearing has not closed yet: the paper stays in hearing until it does."))
        locked.state = to
        fields = ["state", "updated_at"]
        if to == S.PUBLISHED:
            locked.published_revision = PaperRevision.objects.get(paper=locked, number=locked.revision_count)
            locked.published_at = timezone.now()
            fields += ["published_revision", "published_at"]
        if to == S.SUBMITTED:
            _set_submission(locked, submission)
            fields += ["submitted_to", "submitted_on", "submission_url", "submission_note"]
        locked.save(update_fields=fields)
        changed = {"from": before, "to": to}
        record(locked.forum, actor, "papers.state_changed", locked, summary=f"{before} → {to}", **changed)
        if to == S.PUBLISHED:
            from mshub.papers.publication import queue_pdf

            transaction.on_commit(partial(queue_pdf, locked))
    for name in fields:
        setattr(paper, name, getattr(locked, name))
    return paper


def _set_submission(paper: Paper, submission: dict[str, Any]) -> None:
    to = str(submission.get("submitted_to") or "").strip()
    consultation = paper.consultation
    if not to and consultation is not None:  # the consultation's title in the paper's language
        to = getattr(consultation, f"title_{paper.language}", "") or consultation.title
    on = submission.get("submitted_on")
    if not to:
        raise PaperError(_("Say to which consultation or process the paper was submitted."))
    if not isinstance(on, dt.date):
        raise PaperError(_("Give the date of the submission."))
    if on > timezone.localdate() + dt.timedelta(days=1):
        raise PaperError(_("The date of the submission is in the future."))
    url = str(submission.get("submission_url") or "").strip()
    if url and (len(url) > 500 or not is_web_url(url)):
        raise PaperError(_("The proof of submission must be a web address starting with http:// or https://."))
    paper.submitted_to = to[:300]
    paper.submitted_on = on
    paper.submission_url = url
    paper.submission_note = str(submission.get("submission_note") or "")[:5000]
