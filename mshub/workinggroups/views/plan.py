"""The work plan: one timeline by month (page and PDF), and the milestone forms."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from mshub.core.files import bytes_response
from mshub.workinggroups.forms import MilestoneForm
from mshub.workinggroups.models import Milestone
from mshub.workinggroups.plan import build_plan
from mshub.workinggroups.services import WorkingGroupError, add_milestone, delete_milestone, update_milestone
from mshub.workinggroups.views.base import GroupView


class PlanView(GroupView, TemplateView):
    page_cache = True
    permission_required = "workinggroups.view_workinggroup"
    template_name = "workinggroups/plan.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["plan"] = build_plan(self.group, self.forum)
        return context


class PlanPdfView(GroupView, View):
    """The plan as a PDF (A4, Japanese fonts): a few pages, rendered on request like the meetings'
    badges; public readers get it from the page cache (``page_cache``), invalidated with the forum."""

    page_cache = True
    permission_required = "workinggroups.view_workinggroup"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from mshub.meetings.reports.pdf import render_pdf

        plan = build_plan(self.group, self.forum)
        with translation.override("ja"):
            html = render_to_string(
                "workinggroups/plan_pdf.html", {"plan": plan, "group": self.group, "forum": self.forum}, request=request
            )
        private = not self.forum.is_public
        return bytes_response(
            render_pdf(html),
            f"{self.group.slug}-plan.pdf",
            "application/pdf",
            as_attachment=False,
            sandbox=False,
            private=private,
        )


class MilestoneFormView(GroupView, FormView[MilestoneForm]):
    permission_required = "workinggroups.change_workinggroup"
    template_name = "workinggroups/milestone_form.html"
    form_class = MilestoneForm
    instance: Milestone | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "forum": self.forum, "instance": self.instance}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "milestone": self.instance}

    def save(self, form: MilestoneForm) -> Milestone:
        return add_milestone(self.forum, self.request.user, self.group, **form.values())

    def form_valid(self, form: MilestoneForm) -> HttpResponse:
        try:
            self.save(form)
        except WorkingGroupError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(self.group.urls.plan)


class MilestoneView(GroupView):
    """A milestone of the group (``pk``): another group's or forum's is not found, whatever the method."""

    _milestone: Milestone | None = None

    def milestone(self) -> Milestone:
        if self._milestone is None:
            found = Milestone.objects.filter(group=self.group, forum=self.forum, pk=self.kwargs["pk"]).first()
            if found is None:
                raise Http404("No such milestone")
            found.group = self.group
            self._milestone = found
        return self._milestone

    def get_permission_object(self) -> Any:
        return self.milestone()


class MilestoneUpdateView(MilestoneView, MilestoneFormView):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.instance = self.milestone()
        return super().dispatch(request, *args, **kwargs)

    def save(self, form: MilestoneForm) -> Milestone:
        assert self.instance is not None
        return update_milestone(self.forum, self.request.user, self.instance, **form.values())


class MilestoneDeleteView(MilestoneView, View):
    permission_required = "workinggroups.change_workinggroup"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        milestone = self.milestone()
        if request.POST.get("confirm") != "on":
            messages.error(request, _("Tick the box to confirm the deletion."))
            return HttpResponseRedirect(milestone.urls.milestone_update)
        delete_milestone(self.forum, request.user, milestone)
        messages.success(request, _("The milestone was deleted."))
        return HttpResponseRedirect(self.group.urls.plan)
