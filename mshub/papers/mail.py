"""The commenters' digest of dispositions (services/hearings.py queues it after a commit).

One plain-text mail per commenter with every disposed, not yet notified top-level comment of theirs
on the paper: paragraph, an excerpt of their text, the disposition, the reason and the revision that
addresses it. Each comment's ``notified_at`` is set when its mail has gone; a second run finds
nothing to send for them. User text is written as plain text, each on one line (``one_line``): no
HTML is made, and no line of the mail can be faked. The subject is built from the paper's title
with line breaks removed (Django refuses headers with newlines anyway).
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mshub.papers import paragraphs
from mshub.papers.models import Comment, Disposition, Paper

EXCERPT = 200


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def excerpt(text: str, limit: int = EXCERPT) -> str:
    words = one_line(paragraphs.plain(text))
    return words if len(words) <= limit else words[: limit - 1] + "…"


def digest_message(paper: Paper, user: Any, comments: list[Comment]) -> tuple[str, str]:
    """The subject and plain-text body of ``user``'s digest."""
    site = settings.SITE_URL
    title = one_line(paper.title)
    subject = _("Dispositions of your comments on “%(title)s”") % {"title": title}
    lines = [
        _("The working group has disposed of your comments on “%(title)s”.") % {"title": title},
        "",
    ]
    for comment in comments:
        where = (
            _("¶%(number)s of revision %(revision)s")
            % {"number": comment.paragraph_number, "revision": comment.revision.number}
            if comment.paragraph_number
            else _("The whole paper, revision %(revision)s") % {"revision": comment.revision.number}
        )
        lines += [
            f"- {where}",
            "  " + _("Your comment: %(text)s") % {"text": excerpt(comment.text)},
            "  " + _("Disposition: %(label)s") % {"label": Disposition(comment.disposition).label},
        ]
        if comment.reason:
            lines.append("  " + _("Reason: %(reason)s") % {"reason": one_line(comment.reason)})
        if comment.addressed_in is not None:
            lines.append("  " + _("Addressed in revision %(number)s") % {"number": comment.addressed_in.number})
        lines.append("")
    lines.append(_("The disposition table: %(link)s") % {"link": site + paper.urls.dispositions})
    return "".join(subject.splitlines()), "\n".join(lines) + "\n"


def send_digest(paper_pk: int) -> int:
    """Mail each commenter their pending dispositions; the number of mails sent."""
    from mshub.papers.services.hearings import pending_digest

    paper = Paper.objects.select_related("forum").filter(pk=paper_pk).first()
    if paper is None:
        return 0
    pending = (
        pending_digest(paper)
        .select_related("author", "revision", "addressed_in")
        .order_by("author_id", "hearing__opens_at", "paragraph_number", "created_at", "pk")
    )
    sent = 0
    for _author, group in groupby(pending, key=lambda c: c.author_id):
        rows = list(group)
        # Claim the rows before sending: a second job running at the same time (two chairs saving
        # at once) finds them claimed and sends nothing; a failed send gives them back.
        stamp = timezone.now()
        Comment.objects.filter(pk__in=[c.pk for c in rows], notified_at__isnull=True).update(notified_at=stamp)
        claimed = set(
            Comment.objects.filter(pk__in=[c.pk for c in rows], notified_at=stamp).values_list("pk", flat=True)
        )
        comments = [c for c in rows if c.pk in claimed]
        if not comments:
            continue
        user = comments[0].author
        with translation.override(user.language or settings.LANGUAGE_CODE):
            subject, body = digest_message(paper, user, comments)
        try:
            EmailMessage(subject=subject, body=body, to=[user.email]).send()
        except Exception:
            Comment.objects.filter(pk__in=claimed, notified_at=stamp).update(notified_at=None)
            raise
        sent += 1
    return sent
