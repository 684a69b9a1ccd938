"""A paper's state (its steps and the moves), its submission, and the renders of its published
revision: the reading page, Markdown and PDF (docs/papers.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from mshub.core.fields import WebURLFormField
from mshub.core.files import file_response
from mshub.papers import publication
from mshub.papers.models import Paper, PaperState
from mshub.papers.services import states
from mshub.papers.services.revisions import PaperError
from mshub.papers.views.base import PaperView

PDF_RETRY_SECONDS = 5
# Moves the state buttons make; a hearing is opened with its own form, the submission is recorded with its own.
BUTTON_STATES = frozenset(states.TRANSITIONS) - {PaperState.HEARING, PaperState.SUBMITTED}


class PaperObjectView(PaperView):
    """A paper's state, submission and published renders: read with its consultation and published revision."""

    paper_related = (*PaperView.paper_related, "consultation", "published_revision")


class StateView(PaperObjectView, View):
    """POST ``to``: move the paper to that next state (not into a hearing, nor submitted: their forms)."""

    permission_required = "papers.run_paper"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        paper = self.paper
        to = str(request.POST.get("to", ""))[:20]
        try:
            if to not in BUTTON_STATES:
                raise PaperError(_("Choose one of the states the paper may go to."))
            states.move(paper, to, actor=request.user)
        except PaperError as error:
            messages.error(request, str(error))
        else:
            label = PaperState(to).label
            messages.success(request, _("The paper is now “%(state)s”.") % {"state": label})
        return HttpResponseRedirect(paper.urls.paper)


class SubmissionForm(forms.Form):
    submitted_to = forms.CharField(label=gettext_lazy("Submitted to (consultation or process)"), max_length=300)
    submitted_on = forms.DateField(label=gettext_lazy("Submitted on"), widget=forms.DateInput(attrs={"type": "date"}))
    submission_url = WebURLFormField(
        label=gettext_lazy("Proof of submission (address)"),
        required=False,
        max_length=500,
        help_text=gettext_lazy("A receipt or the page listing the contributions (http or https)."),
    )
    note = forms.CharField(label=gettext_lazy("Note"), required=False, max_length=5000, widget=forms.Textarea)

    def clean_submitted_on(self) -> dt.date:
        day: dt.date = self.cleaned_data["submitted_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date of the submission is in the future."))
        return day


class SubmissionView(PaperObjectView, FormView[SubmissionForm]):
    """Record the submission of a published paper (it moves to submitted)."""

    permission_required = "papers.run_paper"
    template_name = "papers/submission_form.html"
    form_class = SubmissionForm

    def get_initial(self) -> dict[str, Any]:
        paper, initial = self.paper, super().get_initial()
        if paper.consultation is not None:
            title = getattr(paper.consultation, f"title_{paper.language}", "") or paper.consultation.title
            initial["submitted_to"] = title
        initial["submitted_on"] = timezone.localdate()
        return initial

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["may_submit"] = self.paper.state == PaperState.PUBLISHED
        context["back"] = self.paper.urls.paper
        return context

    def form_valid(self, form: SubmissionForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            states.move(
                self.paper,
                PaperState.SUBMITTED,
                actor=self.request.user,
                submitted_to=data["submitted_to"],
                submitted_on=data["submitted_on"],
                submission_url=data["submission_url"],
                submission_note=data["note"],
            )
        except PaperError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("The submission is recorded."))
        return HttpResponseRedirect(self.paper.urls.paper)


class PublishedMixin(PaperObjectView):
    """The renders of the published revision: whoever may read the paper; 404 while not published."""

    permission_required = "papers.view_paper"

    def published(self) -> Paper:
        paper = self.paper
        if not paper.is_public or paper.published_revision is None:
            raise Http404("Not published")
        paper.published_revision.paper = paper  # its urls and paragraphs need no query
        return paper

    def private(self) -> bool:
        return not self.forum.is_public


class PublishedView(PublishedMixin, TemplateView):
    template_name = "papers/published.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(publication.published_context(self.published()))
        return context


class MarkdownView(PublishedMixin, View):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        paper = self.published()
        response = HttpResponse(publication.render_markdown(paper), content_type="text/markdown; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{publication.file_stem(paper)}.md"'
        response["X-Content-Type-Options"] = "nosniff"
        if self.private():
            response["Cache-Control"] = "private"
        return response


class PdfView(PublishedMixin, View):
    """The stored PDF; while it is being rendered, a page saying so (202) that tries again."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        paper = self.published()
        name = f"{publication.file_stem(paper)}.pdf"
        if paper.pdf:
            return file_response(
                paper.pdf, name, content_type="application/pdf", as_attachment=False, sandbox=False, private=True
            )
        publication.queue_pdf(paper)  # never rendered in the reader's request
        response = render(
            request,
            "papers/pdf_pending.html",
            {"paper": paper, "forum": self.forum, "revision": paper.published_revision},
            status=202,
        )
        response["Retry-After"] = str(PDF_RETRY_SECONDS)
        return response
