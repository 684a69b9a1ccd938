"""The hearing pages: open a hearing, the hearing with its comments and balance, comment on it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from mshub.papers import paragraphs
from mshub.papers.balance import balance_of
from mshub.papers.hearing_forms import CommentForm, HearingForm
from mshub.papers.models import Audience
from mshub.papers.rules import reaches
from mshub.papers.services.hearings import add_comment, default_stakeholder_group, open_hearing, when
from mshub.papers.services.revisions import PaperError
from mshub.papers.threads import comments_by_anchor
from mshub.papers.views.base import PaperView
from mshub.papers.views.hearing_base import HearingScopedView


class HearingCreateView(PaperView, FormView[HearingForm]):
    permission_required = "papers.run_paper"
    template_name = "papers/hearing_form.html"
    form_class = HearingForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "zone": self.forum.timezone}

    def get_initial(self) -> dict[str, Any]:
        return {"audience": Audience.MEMBERS}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["hearings"] = list(self.paper.hearings.select_related("revision").order_by("-opens_at"))
        return context

    def form_valid(self, form: HearingForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            hearing = open_hearing(
                self.paper,
                opens_at=data["opens_at"],
                closes_at=data["closes_at"],
                audience=data["audience"],
                note=data.get("note", ""),
                actor=self.request.user,
            )
        except PaperError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("The hearing is scheduled."))
        return HttpResponseRedirect(hearing.urls.hearing)

    def form_invalid(self, form: HearingForm) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400  # what was typed comes back with the reasons
        return response


def hearing_context(view: HearingScopedView, form: CommentForm | None = None) -> dict[str, Any]:
    """The hearing page's context (also for a refused comment, with its bound ``form``)."""
    hearing, paper, user = view.hearing, view.paper, view.request.user
    revision = hearing.revision
    comments = comments_by_anchor(paper, user, shown=revision.number)
    comments = {a: [c for c in rows if c.hearing_id == hearing.pk] for a, rows in comments.items()}
    can_run = user.has_perm("papers.run_paper", paper)
    can_comment = user.has_perm("papers.comment_hearing", hearing)
    balance = balance_of(hearing) if can_run else None
    context: dict[str, Any] = {
        "forum": view.forum,
        "paper": paper,
        "hearing": hearing,
        "revision": revision,
        "state": hearing.state_at(),
        "paragraphs": [(p, comments.get(p.anchor)) for p in paragraphs.numbered(revision.paragraphs)],
        "whole_paper_comments": comments.get("", []),
        "can_run": can_run,
        "can_comment": can_comment,
        "balance": balance,
        "comment_form": form,
        "stakeholder_groups": CommentForm(hearing=hearing).fields["stakeholder_group"].queryset,  # type: ignore[attr-defined]
        "my_group": default_stakeholder_group(view.forum, user) if can_comment else None,
        "other_hearings": [h for h in paper.hearings.order_by("opens_at") if h.pk != hearing.pk],
    }
    return context


class HearingView(HearingScopedView, TemplateView):
    permission_required = "papers.view_paper"
    template_name = "papers/hearing.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(hearing_context(self))
        return context


class CommentCreateView(HearingScopedView, View):
    """POST a comment or a reply. Refused comments come back on the hearing page (400) with the
    message and the text as typed."""

    permission_required = "papers.view_paper"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        hearing = self.hearing
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not reaches(request.user, hearing):
            raise PermissionDenied
        form = CommentForm(request.POST, hearing=hearing)
        if form.is_valid():
            data = form.cleaned_data
            try:
                comment = add_comment(
                    hearing,
                    user=request.user,
                    text=data["text"],
                    anchor=data.get("anchor") or "",
                    stakeholder_group=data.get("stakeholder_group"),
                    parent=data.get("parent"),
                )
            except PaperError as exc:
                field = "anchor" if "paragraph" in str(exc) else None
                form.add_error(field, str(exc))
            else:
                if self.forum_request.htmx:
                    return self.part(request, comment.anchor, None)
                messages.success(request, _("Your comment is saved."))
                return HttpResponseRedirect(f"{hearing.urls.hearing}#c{comment.pk}")
        if hearing.is_closed() and not form.non_field_errors():
            form.add_error(None, _("The hearing closed on %(when)s.") % {"when": when(hearing.closes_at, self.forum)})
        if self.forum_request.htmx:
            # htmx swaps 2xx answers only: the refusal and the text as typed replace the form it came from
            target = str(self.forum_request.htmx.target or "").removeprefix("comments-")
            return self.part(request, target if target != "paper" else "", form)
        context = hearing_context(self, form)
        context["request"] = request
        return TemplateResponse(request, "papers/hearing.html", context, status=400)

    def part(self, request: HttpRequest, anchor: str, refused: CommentForm | None) -> HttpResponse:
        """The comments and form of one paragraph (or of the whole paper), for htmx."""
        context = hearing_context(self)
        found = {p.anchor: (p, comments) for p, comments in context["paragraphs"]}
        paragraph, comments = found.get(anchor, (None, context["whole_paper_comments"]))
        context.update(
            request=request,
            anchor=paragraph.anchor if paragraph is not None else "",
            number=paragraph.number if paragraph is not None else None,
            is_heading=bool(paragraph and paragraph.is_heading),
            thread_comments=comments,
            refused=refused,
        )
        return TemplateResponse(request, "papers/_hearing_comments.html", context)
