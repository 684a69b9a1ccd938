"""Call for topics: members propose themes or presentations; the steering group accepts them into the agenda."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mshub.core.params import id_param
from mshub.meetings.models import TopicProposal
from mshub.meetings.services.agenda import accept_proposal, decline_proposal, propose_topic
from mshub.meetings.views.base import MeetingView
from mshub.people.pickers import PersonField


class ProposalForm(forms.ModelForm[TopicProposal]):
    class Meta:
        model = TopicProposal
        fields = ["title", "description", "presenter"]
        field_classes = {"presenter": PersonField}
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["presenter"].for_forum(forum)  # type: ignore[attr-defined]


class ProposalsView(MeetingView, TemplateView):
    permission_required = "meetings.propose_topic"
    template_name = "meetings/proposals.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        reviewer = self.request.user.has_perm("meetings.review_proposals", self.meeting)
        proposals = self.meeting.proposals.select_related("presenter", "agenda_item", "proposed_by")
        if not reviewer:
            proposals = proposals.filter(proposed_by_id=self.request.user.pk)
        context.update(
            proposals=proposals,
            reviewer=reviewer,
            open=self.meeting.open_for_proposals,
            form=kwargs.get("form") or ProposalForm(forum=self.forum),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        here = self.meeting.urls.proposals
        decision = request.POST.get("decision")
        if decision:
            if not request.user.has_perm("meetings.review_proposals", self.meeting):
                from django.core.exceptions import PermissionDenied

                raise PermissionDenied
            proposal = get_object_or_404(TopicProposal, meeting=self.meeting, pk=id_param(request.POST, "proposal"))
            if decision == "accept":
                accept_proposal(proposal, actor=request.user)
                messages.success(request, _("“%(title)s” is on the agenda.") % {"title": proposal.title})
            elif decision == "decline":
                decline_proposal(proposal, actor=request.user)
            return HttpResponseRedirect(here)
        if not self.meeting.open_for_proposals:
            messages.error(request, _("Proposals are closed for this meeting."))
            return HttpResponseRedirect(here)
        form = ProposalForm(
            request.POST, forum=self.forum, instance=TopicProposal(meeting=self.meeting, proposed_by_id=request.user.pk)
        )
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        propose_topic(form.save(commit=False), actor=request.user)
        messages.success(request, _("Thank you; the steering group will consider your proposal."))
        return HttpResponseRedirect(here)
