"""The papers' pages: the list, a new paper, a paper, its editing (with the conflict page); writes go
through the services (services/revisions.py)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from mshub.consultations.models import Consultation
from mshub.core.views.base import ForumView
from mshub.papers import threads
from mshub.papers.access import readable
from mshub.papers.diff import side_by_side
from mshub.papers.forms import PaperForm, RevisionForm
from mshub.papers.merge import merge
from mshub.papers.models import Hearing, Paper, PaperRevision
from mshub.papers.paragraphs import anchor, numbered
from mshub.papers.services.revisions import PaperError, RevisionConflictError, create_paper, save_revision
from mshub.papers.views.base import PaperView, author_name
from mshub.workinggroups.models import WorkingGroup


class PaperListView(ForumView, TemplateView):
    """The papers this reader may read, by working group, with their state and revision."""

    permission_required = "papers.view_papers"
    template_name = "papers/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        papers = readable(Paper.objects.filter(forum=self.forum), self.request.user, self.forum)
        context["papers"] = list(
            papers.select_related("group", "group__forum", "forum").order_by("group__slug", "-updated_at", "pk")
        )
        return context


class PaperCreateView(ForumView, FormView[PaperForm]):
    """A new paper of the working group ``<group>`` (its chairs, the secretariat)."""

    permission_required = "papers.add_paper"
    template_name = "papers/paper_form.html"
    form_class = PaperForm
    _group: WorkingGroup | None = None

    @property
    def group(self) -> WorkingGroup:
        if self._group is None:
            self._group = get_object_or_404(
                WorkingGroup.objects.filter(forum=self.forum).select_related("forum"), slug=self.kwargs["group"]
            )
        return self._group

    def get_permission_object(self) -> Any:
        return self.group

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "group": self.group}

    def form_valid(self, form: PaperForm) -> HttpResponse:
        data = form.cleaned_data
        fields = {name: data.get(name) for name in ("title_ja", "title_en", "language", "consultation")}
        try:
            paper = create_paper(
                self.group, actor=self.request.user, text=data["text"], message=data.get("message", ""), **fields
            )
        except PaperError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("The paper is created: revision 1."))
        return HttpResponseRedirect(paper.urls.paper)


def paragraph_rows(paper: Paper, revision: PaperRevision, user: Any) -> tuple[list[Any], list[Any], list[Any]]:
    """The revision's numbered paragraphs, each with the comments on it; the whole paper's comments;
    and the comments on paragraphs this revision no longer has (shown apart, "on revision N ¶M")."""
    comments = threads.comments_by_anchor(paper, user)
    shown = numbered(revision.paragraphs)
    rows = [(p, comments.get(p.anchor) or []) for p in shown]
    present = {p.anchor for p in shown} | {""}
    gone = [c for anchor, found in comments.items() if anchor not in present for c in found]
    gone.sort(key=lambda c: (c.revision.number, c.paragraph_number or 0, c.created_at, c.pk))
    return rows, comments.get("") or [], gone


class PaperDetailView(PaperView, TemplateView):
    permission_required = "papers.view_paper"
    template_name = "papers/paper.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        paper = self.paper
        latest = self.revision(paper.revision_count)
        rows, whole, gone = paragraph_rows(paper, latest, self.request.user)
        hearings = hearing_rows(paper)
        consultation = None
        if paper.consultation_id is not None:
            consultation = Consultation.objects.shown_in(self.forum).filter(pk=paper.consultation_id).first()
        context.update(
            revision=latest,
            author=author_name(latest),
            rows=rows,
            whole_paper_comments=whole,
            removed_paragraph_comments=gone,
            consultation=consultation,
            hearings=hearings,
            can_edit=self.request.user.has_perm("papers.change_paper", paper),
            can_open_hearing=context["can_run"] and paper.is_editable and all(h.state == "closed" for h in hearings),  # type: ignore[attr-defined]
        )
        return context


def hearing_rows(paper: Paper) -> list[Hearing]:
    """The paper's hearings, oldest first, each with ``state`` (scheduled, open, closed): one query."""
    now = timezone.now()
    rows = list(Hearing.objects.filter(paper=paper).select_related("revision").order_by("opens_at", "pk"))
    for hearing in rows:
        hearing.paper = paper
        hearing.state = hearing.state_at(now)  # type: ignore[attr-defined]
    return rows


class PaperEditView(PaperView, FormView[RevisionForm]):
    """The paper's text, saved as a new revision; a save from an older revision gets the conflict page."""

    permission_required = "papers.change_paper"
    template_name = "papers/edit.html"
    form_class = RevisionForm

    def get_initial(self) -> dict[str, Any]:
        latest = self.revision(self.paper.revision_count)
        return {"text": latest.text, "base_number": latest.number}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["latest"] = self.revision(self.paper.revision_count)
        return context

    def form_invalid(self, form: RevisionForm) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form: RevisionForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            revision = save_revision(
                self.paper,
                base_number=data["base_number"],
                text=data["text"],
                message=data.get("message", ""),
                actor=self.request.user,
            )
        except RevisionConflictError as conflict:
            return self.conflict(conflict)
        except PaperError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("Saved as revision %(number)s.") % {"number": revision.number})
        return HttpResponseRedirect(self.paper.urls.paper)

    def conflict(self, conflict: RevisionConflictError) -> HttpResponse:
        """409: the revision saved meanwhile beside what the editor typed, and a merge to save."""
        theirs = PaperRevision.objects.select_related("author").get(pk=conflict.current.pk)
        base_text = conflict.base.text if conflict.base is not None else ""
        proposal = merge(base_text, conflict.text, theirs.text)
        mine = anchor(conflict.text, theirs.paragraphs)  # yours, lined up with theirs
        form = RevisionForm(initial={"text": proposal.text, "message": conflict.message, "base_number": theirs.number})
        context = self.get_context_data(form=form)
        context.update(
            theirs=theirs,
            theirs_author=author_name(theirs),
            base=conflict.base,
            yours=conflict.text,
            your_message=conflict.message,
            merged=proposal,
            rows=side_by_side(theirs.paragraphs, mine),
        )
        return render(self.request, "papers/conflict.html", context, status=409)
