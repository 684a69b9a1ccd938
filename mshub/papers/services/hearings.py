"""Hearings (comment rounds), comments and their dispositions (docs/papers.md).

**The races.** Opening a hearing locks the paper row (``select_for_update``; SQLite's writers are
serialised), then checks that no other hearing of the paper is open or scheduled and moves the paper
into hearing through ``states.move`` (which locks the same row again, in the same transaction): two
chairs opening a round at once get one round and one ``PaperError``. A comment is checked against
the hearing's times when it is written; a comment posted in the last second of a round and one
posted in the first second after it are decided by ``now`` on the server, the close being exclusive.
Disposing locks the hearing row, so two chairs submitting the disposition form at once write one
after the other (the later one wins, field by field, as a second save of the same form would).

**Mail.** Disposing hands ONE background job (``tasks.send_disposition_digest``) to
``transaction.on_commit``: it mails each commenter one plain-text digest of all their disposed,
not yet notified comments of the paper and sets ``notified_at`` (so ten dispositions of one
person's comments make one mail, and disposing again sends nothing new for the notified ones).
Commenters without an account, without an email, or whose account was closed by an erasure get none.

Domain errors are ``PaperError`` with a message for the reader; permissions are the views' job
(``papers.run_paper`` on the paper, ``papers.comment_hearing`` on the hearing) but the hearing's
open/closed check is made here as well.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mshub.core.models.events import record
from mshub.core.timezones import in_zone
from mshub.papers import paragraphs
from mshub.papers.models import (
    MAX_COMMENT,
    Audience,
    Comment,
    Disposition,
    Hearing,
    Paper,
    PaperRevision,
    PaperState,
)
from mshub.papers.services import states
from mshub.papers.services.revisions import PaperError, latest_revision


def when(moment: dt.datetime, forum: Any) -> str:
    """``moment`` in the forum's zone, for messages ("2004-09-30 17:00 Asia/Tokyo")."""
    return f"{in_zone(moment, forum.timezone):%Y-%m-%d %H:%M} {forum.timezone}"


def open_hearing(
    paper: Paper, *, opens_at: dt.datetime, closes_at: dt.datetime, audience: str, note: str = "", actor: Any
) -> Hearing:
    """A hearing on the paper's latest revision; the paper moves into hearing."""
    if audience not in Audience.values:
        raise PaperError(_("Choose who may comment."))
    if not (isinstance(opens_at, dt.datetime) and isinstance(closes_at, dt.datetime)):
        raise PaperError(_("Give the opening and closing date and time."))
    if closes_at <= opens_at:
        raise PaperError(_("A hearing must close after it opens."))
    if closes_at <= timezone.now():
        raise PaperError(_("The closing time is in the past."))
    note = paragraphs.clean_text(note).strip()
    if len(note) > 5000:
        raise PaperError(_("The note is too long: at most %(limit)s characters.") % {"limit": 5000})
    with transaction.atomic():
        locked = Paper.objects.select_for_update().get(pk=paper.pk)
        if locked.state not in (PaperState.DRAFT, PaperState.REVISING):
            raise PaperError(_("A hearing can be opened only on a draft or a paper being revised."))
        if Hearing.objects.filter(paper=locked, closes_at__gt=timezone.now()).exists():
            raise PaperError(_("Another hearing of this paper is open or scheduled."))
        hearing = Hearing.objects.create(
            forum=locked.forum,
            paper=locked,
            revision=latest_revision(locked),
            opens_at=opens_at,
            closes_at=closes_at,
            audience=audience,
            note=note,
            opened_by=actor if getattr(actor, "pk", None) else None,
        )
        states.move(paper, PaperState.HEARING, actor=actor)
        record(
            locked.forum,
            actor,
            "papers.hearing_opened",
            locked,
            summary=f"r{hearing.revision.number}",
            hearing=hearing.pk,
            audience=audience,
        )
    return hearing


def default_stakeholder_group(forum: Any, user: Any, day: dt.date | None = None) -> Any:
    """The stakeholder group of the organisation of the user's person's best affiliation valid on ``day``."""
    from mshub.people.models import Affiliation

    if not getattr(user, "pk", None):
        return None
    held = (
        Affiliation.objects.valid_on(day or timezone.localdate())
        .filter(person__forum=forum, person__user=user)
        .best_first()
        .select_related("organization__stakeholder_group")
        .first()
    )
    group = held.organization.stakeholder_group if held is not None else None
    return group if group is not None and group.forum_id == forum.pk else None


def comment_text(text: str) -> str:
    text = paragraphs.clean_text(text).strip()
    if not text:
        raise PaperError(_("The comment is empty."))
    if len(text) > MAX_COMMENT:
        raise PaperError(
            _("The comment is too long: %(length)s characters, at most %(limit)s.")
            % {"length": len(text), "limit": MAX_COMMENT}
        )
    return text


def add_comment(
    hearing: Hearing,
    *,
    user: Any,
    text: str,
    anchor: str = "",
    stakeholder_group: Any = None,
    parent: Comment | None = None,
    now: dt.datetime | None = None,
) -> Comment:
    """A comment (or a reply to ``parent``) in ``hearing`` while it is open at ``now``."""
    now = now or timezone.now()
    forum = hearing.forum
    if now < hearing.opens_at:
        raise PaperError(_("The hearing opens on %(when)s.") % {"when": when(hearing.opens_at, forum)})
    if not hearing.is_open(now):
        raise PaperError(_("The hearing closed on %(when)s.") % {"when": when(hearing.closes_at, forum)})
    if not getattr(user, "is_authenticated", False):
        raise PaperError(_("Sign in to comment."))
    text = comment_text(text)
    revision = hearing.revision
    if parent is not None:
        if parent.hearing_id != hearing.pk:
            raise PaperError(_("The comment you answer is not one of this hearing."))
        anchor = parent.anchor
    anchor = str(anchor or "")
    number = None
    if anchor:
        number = paragraphs.number_of(revision.paragraphs, anchor)
        if number is None:  # not in the revision, or a heading (headings carry no number and no comment)
            raise PaperError(_("There is no such paragraph in revision %(number)s.") % {"number": revision.number})
    if stakeholder_group is None:
        stakeholder_group = default_stakeholder_group(forum, user)
    elif stakeholder_group.forum_id != forum.pk:
        raise PaperError(_("Choose a stakeholder group of this forum."))
    with transaction.atomic():
        comment = Comment.objects.create(
            forum=forum,
            hearing=hearing,
            revision=revision,
            anchor=anchor,
            paragraph_number=number,
            parent=parent,
            author=user,
            stakeholder_group=stakeholder_group,
            text=text,
            created_at=now,
        )
        record(forum, user, "papers.comment_added", hearing.paper, summary=f"#{comment.pk}", hearing=hearing.pk)
    return comment


def dispose(hearing: Hearing, decisions: list[tuple[Any, str, str, Any]], *, actor: Any) -> list[Comment]:
    """Record ``decisions`` — (comment, disposition, reason, addressed_in revision or None) from one
    form — on top-level comments of the closed ``hearing``; all or nothing; one digest job after commit."""
    if not hearing.is_closed():
        raise PaperError(
            _("Comments are disposed after the hearing closes (%(when)s).")
            % {"when": when(hearing.closes_at, hearing.forum)}
        )
    if hearing.paper.is_public:
        raise PaperError(_("The paper is published: its disposition table is part of it and no longer changes."))
    checked: list[tuple[Comment, str, str, PaperRevision | None]] = []
    for comment, disposition, reason, addressed_in in decisions:
        if comment.hearing_id != hearing.pk or comment.parent_id is not None:
            raise PaperError(_("Only the top-level comments of this hearing are disposed here."))
        if disposition not in Disposition.values:
            raise PaperError(_("Comment #%(pk)s: choose a disposition.") % {"pk": comment.pk})
        reason = paragraphs.clean_text(reason or "").strip()
        if not reason and disposition != Disposition.ACCEPTED:
            raise PaperError(_("Comment #%(pk)s: give the reason for the disposition.") % {"pk": comment.pk})
        if len(reason) > MAX_COMMENT:
            raise PaperError(_("Comment #%(pk)s: the reason is too long.") % {"pk": comment.pk})
        if addressed_in is not None and (
            addressed_in.paper_id != hearing.paper_id or addressed_in.number < hearing.revision.number
        ):
            raise PaperError(
                _("Comment #%(pk)s: it must be addressed in revision %(number)s of this paper or a later one.")
                % {"pk": comment.pk, "number": hearing.revision.number}
            )
        checked.append((comment, disposition, reason, addressed_in))
    now = timezone.now()
    with transaction.atomic():
        Hearing.objects.select_for_update().get(pk=hearing.pk)
        for comment, disposition, reason, addressed_in in checked:
            changed = (comment.disposition, comment.reason, comment.addressed_in_id) != (
                disposition,
                reason,
                getattr(addressed_in, "pk", None),
            )
            if not changed:
                continue
            comment.disposition, comment.reason, comment.addressed_in = disposition, reason, addressed_in
            comment.disposed_at, comment.disposed_by = now, actor if getattr(actor, "pk", None) else None
            comment.notified_at = None  # a changed disposition is mailed again
            fields = ["disposition", "reason", "addressed_in", "disposed_at", "disposed_by", "notified_at"]
            comment.save(update_fields=fields)
        record(hearing.forum, actor, "papers.comments_disposed", hearing.paper, summary=str(len(checked)))
        transaction.on_commit(lambda: _queue_digest(hearing.paper_id))
    return [c for c, *_rest in checked]


def _queue_digest(paper_pk: int) -> None:
    from mshub.papers.tasks import send_disposition_digest

    send_disposition_digest.delay(paper_pk)


def pending_digest(paper: Paper) -> Any:
    """The disposed, not yet notified top-level comments of ``paper`` whose author can be mailed."""
    return (
        Comment.objects.filter(hearing__paper=paper, parent__isnull=True, notified_at__isnull=True)
        .exclude(disposition="")
        .filter(author__isnull=False, author__is_active=True)
        .exclude(Q(author__email="") | Q(author__email__endswith="@erased.invalid"))
    )
