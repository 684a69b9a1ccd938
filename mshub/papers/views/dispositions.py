"""Dispositions: the chair's form for a closed hearing, and the paper's disposition table (HTML, CSV)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mshub.core.csvexport import csv_response
from mshub.papers.models import Comment, Disposition, PaperRevision
from mshub.papers.services.hearings import dispose
from mshub.papers.services.revisions import PaperError
from mshub.papers.threads import disposition_rows
from mshub.papers.views.base import PaperView
from mshub.papers.views.hearing_base import HearingScopedView


class DisposeView(HearingScopedView, TemplateView):
    """One form for every top-level comment of the closed hearing; rows left without a disposition
    are left as they are."""

    permission_required = "papers.run_paper"
    template_name = "papers/dispose.html"

    def rows(self) -> list[Comment]:
        return list(
            Comment.objects.filter(hearing=self.hearing, parent__isnull=True)
            .select_related("stakeholder_group", "revision", "addressed_in")
            .order_by("paragraph_number", "created_at", "pk")
        )

    def revisions(self) -> list[PaperRevision]:
        return list(
            PaperRevision.objects.filter(paper=self.paper, number__gte=self.hearing.revision.number)
            .only("pk", "number", "paper_id")
            .order_by("number")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        comments = kwargs.get("comments") or self.rows()
        typed = kwargs.get("typed") or {}
        for comment in comments:
            shown: Any = comment  # the values the form shows: as typed, else as saved
            shown.form_disposition, shown.form_reason, shown.form_addressed = typed.get(
                comment.pk, (comment.disposition, comment.reason, str(comment.addressed_in_id or ""))
            )
        context.update(
            comments=comments,
            revisions=self.revisions(),
            dispositions=Disposition.choices,
            state=self.hearing.state_at(),
            error=kwargs.get("error"),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        comments = self.rows()
        revisions = {str(r.pk): r for r in self.revisions()}
        typed: dict[int, tuple[str, str, str]] = {}
        decisions = []
        error = None
        for comment in comments:
            disposition = request.POST.get(f"disposition-{comment.pk}", "")
            reason = request.POST.get(f"reason-{comment.pk}", "")
            addressed = request.POST.get(f"addressed-{comment.pk}", "")
            typed[comment.pk] = (disposition, reason, addressed)
            if not disposition:
                continue
            if addressed and addressed not in revisions:
                error = _("Comment #%(pk)s: choose a revision of this paper.") % {"pk": comment.pk}
                continue
            decisions.append((comment, disposition, reason, revisions.get(addressed)))
        if error is None:
            try:
                dispose(self.hearing, decisions, actor=request.user)
            except PaperError as exc:
                error = str(exc)
        if error is not None:
            context = self.get_context_data(comments=comments, typed=typed, error=error)
            return self.render_to_response(context, status=400)
        messages.success(request, _("The dispositions are saved; the commenters will get a mail."))
        return HttpResponseRedirect(self.paper.urls.dispositions)


HEADER = ["№", "revision", "¶", "stakeholder group", "comment", "disposition", "reason", "addressed in"]


class DispositionsView(PaperView, TemplateView):
    permission_required = "papers.view_paper"
    template_name = "papers/dispositions.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["rows"] = disposition_rows(self.paper, self.request.user)
        context["hearings"] = list(self.paper.hearings.select_related("revision").order_by("opens_at"))
        return context


class DispositionsCsvView(PaperView, TemplateView):
    permission_required = "papers.view_paper"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        rows = [
            [
                r.number,
                r.revision,
                r.paragraph or "",
                r.stakeholder_group,
                r.text,
                r.disposition,
                r.reason,
                r.addressed_in or "",
            ]
            for r in disposition_rows(self.paper, self.request.user)
        ]
        return csv_response(f"paper-{self.paper.pk}-dispositions.csv", [HEADER, *rows])
