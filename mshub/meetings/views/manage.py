"""Planning screens: create and edit meetings, change their status."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.generic import FormView, View

from mshub.core.concurrency import EditConflictError
from mshub.core.views.base import ForumView
from mshub.meetings.forms import MeetingForm
from mshub.meetings.models import Meeting, MeetingStatus
from mshub.meetings.services.meetings import change_status, create_meeting, update_meeting
from mshub.meetings.views.base import MeetingView

_MEETING_FIELDS = list(MeetingForm.Meta.fields)


class MeetingCreateView(ForumView, FormView[MeetingForm]):
    permission_required = "meetings.add_meeting"
    template_name = "meetings/meeting_form.html"
    form_class = MeetingForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "forum": self.forum}

    def form_valid(self, form: MeetingForm) -> HttpResponse:
        data = form.cleaned_data
        fields = {name: data[name] for name in _MEETING_FIELDS if name != "timezone"}
        try:
            meeting = create_meeting(
                data["series"],
                start=data["start"],
                end=data["end"],
                timezone=data["timezone"],
                number=data.get("number"),
                actor=self.request.user,
                **fields,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("%(meeting)s was created.") % {"meeting": meeting})
        return HttpResponseRedirect(meeting.get_absolute_url())


class MeetingUpdateView(MeetingView, FormView[MeetingForm]):
    permission_required = "meetings.change_meeting"
    template_name = "meetings/meeting_form.html"
    form_class = MeetingForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "forum": self.forum, "instance": self.meeting}

    def form_valid(self, form: MeetingForm) -> HttpResponse:
        meeting: Meeting = form.save(commit=False)
        meeting.start, meeting.end = form.cleaned_data["start"], form.cleaned_data["end"]
        try:
            update_meeting(meeting, form.loaded_version, form.changed_data, actor=self.request.user)
        except EditConflictError as conflict:
            form.show_conflict(conflict.current)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(meeting.get_absolute_url())


class MeetingStatusView(MeetingView, View):
    permission_required = "meetings.change_meeting"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from mshub.meetings import notifications

        status = request.POST.get("status", "")
        if status not in self.meeting.choosable_statuses():
            messages.error(request, _("That status change is not possible."))
            return HttpResponseRedirect(self.meeting.get_absolute_url())
        if status in (MeetingStatus.ANNOUNCED, MeetingStatus.HELD) and request.POST.get("confirm") != "yes":
            # Mail goes out: say exactly to whom before anything is sent.
            context = {
                "meeting": self.meeting,
                "status": status,
                "announcing": status == MeetingStatus.ANNOUNCED,
                "status_label": MeetingStatus(status).label,
                "note": request.POST.get("note", "")[:300],
                "list_address": notifications.list_address(self.meeting) if status == MeetingStatus.ANNOUNCED else "",
                "recipients": notifications.survey_recipients(self.meeting) if status == MeetingStatus.HELD else [],
                "can_see_contact": request.user.has_perm("meetings.view_registrant_contact", self.meeting),
            }
            return render(request, "meetings/status_confirm.html", context)
        try:
            meeting = change_status(self.meeting, status, actor=request.user, note=request.POST.get("note", "")[:300])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(self.meeting.get_absolute_url())
        if status == MeetingStatus.ANNOUNCED and notifications.send_announcement(meeting):
            messages.info(request, _("The announcement was sent to the mailing list."))
        if status == MeetingStatus.HELD:
            n = notifications.send_survey_invitations(meeting)
            messages.info(request, _("Survey invitations were sent to %(n)s participants.") % {"n": n})
        messages.success(request, _("The meeting is now “%(status)s”.") % {"status": meeting.get_status_display()})
        return HttpResponseRedirect(meeting.get_absolute_url())
