"""Position papers (意見書), their revisions and their hearings (docs/papers.md).

A ``Paper`` belongs to one working group and may answer a consultation. Its text lives in
``PaperRevision`` rows: every save appends one (number 1, 2, 3 …; author, time, message), and a
revision is never changed or deleted on its own. A revision's text is Markdown split into
paragraphs (``paragraphs.py``), each with an *anchor* that is kept by the next revision when the
paragraph survives (edited or not), so a comment anchored to a paragraph of revision 2 still finds
it in revision 5.

A ``Hearing`` is a comment round on one revision, open between two instants to an audience. A
``Comment`` is anchored to a paragraph (or the whole paper), carries the commenter's stakeholder
group and may answer another comment (a thread). After the round the chair gives each top-level
comment a disposition with a reason and the revision that addresses it.

The paper's ``revision_count`` is the number of its latest revision: saving claims it with
``UPDATE … WHERE revision_count = <the base the editor loaded>`` (services/revisions.py), so two
editors saving from the same base never overwrite each other.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mshub.core.fields import WebURLField
from mshub.core.files import private_name
from mshub.core.i18n import localized
from mshub.core.pages import PageURLs

MAX_TEXT = 200_000  # characters of a paper's Markdown (a long 意見書 is ~30 000)
MAX_COMMENT = 10_000


class PaperState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("paper state", "Draft")
    HEARING = "hearing", pgettext_lazy("paper state", "In hearing")
    REVISING = "revising", pgettext_lazy("paper state", "Revising")
    FINAL = "final", pgettext_lazy("paper state", "Final")
    PUBLISHED = "published", pgettext_lazy("paper state", "Published")
    SUBMITTED = "submitted", pgettext_lazy("paper state", "Submitted")


EDITABLE_STATES = frozenset({PaperState.DRAFT, PaperState.REVISING})
PUBLIC_STATES = frozenset({PaperState.PUBLISHED, PaperState.SUBMITTED})


def paper_pdf_path(instance: Any, filename: str) -> str:
    return private_name(f"papers/{instance.forum_id}", "paper.pdf")


class PaperQuerySet(models.QuerySet["Paper"]):
    def in_forum(self, forum: Any) -> PaperQuerySet:
        return self.filter(forum=forum)

    def published(self) -> PaperQuerySet:
        return self.filter(state__in=PUBLIC_STATES)


class Paper(models.Model):
    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="papers")
    group = models.ForeignKey(
        "workinggroups.WorkingGroup", on_delete=models.CASCADE, related_name="papers", verbose_name=_("working group")
    )
    consultation = models.ForeignKey(
        "consultations.Consultation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="papers",
        verbose_name=_("answers the consultation"),
    )
    title_ja = models.CharField(_("title (Japanese)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    language = models.CharField(
        _("language of the text"), max_length=2, choices=[("ja", "日本語"), ("en", "English")], default="ja"
    )
    state = models.CharField(_("state"), max_length=12, choices=PaperState.choices, default=PaperState.DRAFT)
    # The number of the latest revision: the optimistic lock of saving (services/revisions.py).
    revision_count = models.PositiveIntegerField(default=0, editable=False)
    published_revision = models.ForeignKey(
        "papers.PaperRevision", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # The submission: to which consultation or process, when, and the proof (a receipt's address).
    submitted_to = models.CharField(_("submitted to"), max_length=300, blank=True)
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    submission_url = WebURLField(_("proof of submission (address)"), blank=True, max_length=500)
    submission_note = models.TextField(_("note on the submission"), blank=True, max_length=5000)
    # The published revision's PDF, rendered in the background after publishing (publication.py).
    pdf = models.FileField(upload_to=paper_pdf_path, blank=True, max_length=300, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PaperQuerySet.as_manager()

    class Meta:
        ordering = ["forum", "-updated_at", "pk"]
        verbose_name = _("position paper")
        verbose_name_plural = _("position papers")
        constraints = [
            models.CheckConstraint(condition=~Q(title_ja="", title_en=""), name="paper_has_a_title"),
        ]

    urls = PageURLs(
        "papers",
        lambda p: {"forum": p.forum.slug, "pk": p.pk},
        "paper",
        "paper-edit",
        "revisions",
        "compare",
        "hearing-create",
        "dispositions",
        "dispositions-csv",
        "paper-state",
        "paper-submission",
        "paper-published",
        "paper-markdown",
        "paper-pdf",
    )

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.urls.paper

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    @property
    def is_public(self) -> bool:
        return self.state in PUBLIC_STATES

    @property
    def steps(self) -> list[dict[str, Any]]:
        """The cycle's states in order for the step list: the paper's ``current``, those before ``done``."""
        order = list(PaperState)
        here = order.index(PaperState(self.state))
        return [
            {"value": s.value, "label": s.label, "current": i == here, "done": i < here} for i, s in enumerate(order)
        ]

    @property
    def button_moves(self) -> list[PaperState]:
        """The next states a plain button moves to (a hearing and the submission have their forms)."""
        from mshub.papers.services.states import next_states

        return [PaperState(s) for s in next_states(self) if s not in (PaperState.HEARING, PaperState.SUBMITTED)]

    @property
    def may_be_submitted(self) -> bool:
        return self.state == PaperState.PUBLISHED


class PaperRevision(models.Model):
    """One saved text of a paper: appended, never changed."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("revision"))
    text = models.TextField(_("text (Markdown)"), max_length=MAX_TEXT)
    # [{"anchor": "p3f9a1c2", "text": "<the paragraph's Markdown>"}, …] in order (paragraphs.py).
    paragraphs = models.JSONField(default=list)
    message = models.CharField(_("what changed"), max_length=300, blank=True)
    base_number = models.PositiveIntegerField(null=True, blank=True)  # the revision the editor started from
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["paper", "number"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [models.UniqueConstraint(fields=["paper", "number"], name="paper_revision_number_unique")]

    urls = PageURLs(
        "papers",
        lambda r: {"forum": r.paper.forum.slug, "pk": r.paper_id, "number": r.number},
        "revision",
    )

    def __str__(self) -> str:
        return f"{self.paper} r{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Revisions are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Revisions are append-only.")


class Audience(models.TextChoices):
    GROUP = "group", _("Members of the working group")
    MEMBERS = "members", _("Members of the forum")
    PUBLIC = "public", _("The public (signed in)")


class Hearing(models.Model):
    """A comment round (ヒヤリング) on one revision."""

    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="+")
    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="hearings")
    revision = models.ForeignKey(PaperRevision, on_delete=models.PROTECT, related_name="hearings")
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    audience = models.CharField(_("who may comment"), max_length=10, choices=Audience.choices)
    note = models.TextField(_("note to commenters"), blank=True, max_length=5000)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["paper", "opens_at", "pk"]
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")),
                name="hearing_closes_after_it_opens",
                violation_error_message=_("A hearing must close after it opens."),
            )
        ]

    urls = PageURLs(
        "papers",
        lambda h: {"forum": h.paper.forum.slug, "pk": h.paper_id, "hearing": h.pk},
        "hearing",
        "comment-create",
        "dispose",
    )

    def __str__(self) -> str:
        return f"{self.paper} r{self.revision.number} ({self.opens_at:%Y-%m-%d})"

    def is_open(self, now: Any = None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_closed(self, now: Any = None) -> bool:
        return (now or timezone.now()) >= self.closes_at

    def state_at(self, now: Any = None) -> str:
        """ "scheduled", "open" or "closed" at ``now`` (the close is exclusive)."""
        now = now or timezone.now()
        if self.is_closed(now):
            return "closed"
        return "open" if self.is_open(now) else "scheduled"


class Disposition(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTLY = "partly", _("Partly accepted")
    NOT_ACCEPTED = "not", _("Not accepted")
    OUT_OF_SCOPE = "scope", _("Out of scope")


class Comment(models.Model):
    """A comment in a hearing, on a paragraph (``anchor``) or the whole paper (``anchor == ""``)."""

    forum = models.ForeignKey("core.Forum", on_delete=models.CASCADE, related_name="+")
    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="comments")
    revision = models.ForeignKey(PaperRevision, on_delete=models.PROTECT, related_name="comments")
    anchor = models.CharField(max_length=16, blank=True)
    paragraph_number = models.PositiveIntegerField(null=True, blank=True)  # its number in ``revision``
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    stakeholder_group = models.ForeignKey(
        "people.StakeholderGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("stakeholder group"),
    )
    text = models.TextField(_("comment"), max_length=MAX_COMMENT)
    created_at = models.DateTimeField(default=timezone.now)
    disposition = models.CharField(_("disposition"), max_length=10, choices=Disposition.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True, max_length=MAX_COMMENT)
    addressed_in = models.ForeignKey(
        PaperRevision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="addressed_comments",
        verbose_name=_("addressed in revision"),
    )
    disposed_at = models.DateTimeField(null=True, blank=True)
    disposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    notified_at = models.DateTimeField(null=True, blank=True)  # the commenter's digest mail

    class Meta:
        ordering = ["hearing", "created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"{self.hearing} #{self.pk}"

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None

    @property
    def is_disposed(self) -> bool:
        return bool(self.disposition)
