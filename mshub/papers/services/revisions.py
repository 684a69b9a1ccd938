"""Creating papers and saving their text: every save appends a revision.

**The race.** Two editors load revision 3 and both save. Each save claims the paper with
``UPDATE paper SET revision_count = 4 WHERE pk = … AND revision_count = 3`` in its transaction: one
claims it and appends revision 4; the other claims nothing (on PostgreSQL its UPDATE waits for the
first transaction and then sees 4; SQLite serialises writers) and gets ``RevisionConflictError`` with
the base it started from, the revision saved meanwhile and the text it typed — nothing of theirs is
written, nothing of the other's is overwritten, and the conflict page offers a merge (merge.py).
The unique (paper, number) constraint backs the claim up.

Domain errors (``PaperError``) carry a message for the reader; views show it beside what was typed.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from mshub.core.models.events import record
from mshub.papers import paragraphs
from mshub.papers.models import MAX_TEXT, Paper, PaperRevision, PaperState


class PaperError(Exception):
    """A write on papers the rules refuse."""


class RevisionConflictError(PaperError):
    """Someone saved a revision after the editor loaded ``base``."""

    def __init__(self, paper: Paper, base: PaperRevision | None, current: PaperRevision, text: str, message: str):
        super().__init__(_("Revision %(number)s was saved while you were editing.") % {"number": current.number})
        self.paper = paper
        self.base = base
        self.current = current
        self.text = text
        self.message = message


def checked_text(text: str) -> str:
    text = paragraphs.clean_text(text)
    if len(text) > MAX_TEXT:
        raise PaperError(
            _("The text is too long: %(length)s characters, at most %(limit)s.")
            % {"length": len(text), "limit": MAX_TEXT}
        )
    if not text.strip():
        raise PaperError(_("The text is empty."))
    return text


def create_paper(group: Any, *, actor: Any, text: str, message: str = "", **fields: Any) -> Paper:
    """A new paper of ``group`` with its first revision."""
    text = checked_text(text)
    paper = Paper(forum=group.forum, group=group, created_by=actor if getattr(actor, "pk", None) else None)
    for name in ("title_ja", "title_en", "language", "consultation"):
        if name in fields:
            setattr(paper, name, fields[name])
    if not (paper.title_ja.strip() or paper.title_en.strip()):
        raise PaperError(_("Give the paper a title in Japanese or English."))
    with transaction.atomic():
        paper.save()
        revision = _append(paper, None, text, message or _("First draft"), actor)
        paper.revision_count = revision.number
        paper.save(update_fields=["revision_count"])
        record(paper.forum, actor, "papers.paper_created", paper, summary=paper.title)
    return paper


def _append(paper: Paper, base: PaperRevision | None, text: str, message: str, actor: Any) -> PaperRevision:
    revision = PaperRevision(
        paper=paper,
        number=(base.number if base else 0) + 1,
        text=text,
        paragraphs=paragraphs.anchor(text, base.paragraphs if base else None),
        message=message.strip()[:300],
        base_number=base.number if base else None,
        author=actor if getattr(actor, "pk", None) else None,
    )
    revision.save()
    return revision


def save_revision(paper: Paper, *, base_number: int, text: str, message: str, actor: Any) -> PaperRevision:
    """Append a revision made from revision ``base_number``; ``RevisionConflictError`` if it is not the latest."""
    text = checked_text(text)
    if paper.state not in (PaperState.DRAFT, PaperState.REVISING):
        raise PaperError(_("A paper can be edited only while it is a draft or being revised."))
    with transaction.atomic():
        claimed = Paper.objects.filter(
            pk=paper.pk, revision_count=base_number, state__in=[PaperState.DRAFT, PaperState.REVISING]
        ).update(revision_count=base_number + 1)
        if not claimed:
            if not Paper.objects.filter(pk=paper.pk, state__in=[PaperState.DRAFT, PaperState.REVISING]).exists():
                # a chair opened a hearing or moved the paper on since it was loaded
                raise PaperError(_("A paper can be edited only while it is a draft or being revised."))
            current = PaperRevision.objects.filter(paper=paper).order_by("-number").first()
            base = PaperRevision.objects.filter(paper=paper, number=base_number).first()
            assert current is not None
            raise RevisionConflictError(paper, base, current, text, message)
        base = PaperRevision.objects.get(paper=paper, number=base_number)
        if base.text == text:
            raise PaperError(
                _("Nothing changed: the text is the same as revision %(number)s.") % {"number": base_number}
            )
        revision = _append(paper, base, text, message, actor)
        paper.revision_count = revision.number
        paper.save(update_fields=["revision_count", "updated_at"])
        record(paper.forum, actor, "papers.revision_saved", paper, summary=f"r{revision.number}")
    return revision


def latest_revision(paper: Paper) -> PaperRevision:
    return PaperRevision.objects.get(paper=paper, number=paper.revision_count)
