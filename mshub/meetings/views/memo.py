"""The memo of a meeting: attendees, materials (資料), decisions, action items, footnotes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from mshub.core.fields import WebURLFormField
from mshub.core.files import file_response
from mshub.core.forms import OneOfRequired
from mshub.core.params import id_param, int_param
from mshub.meetings.models import ActionItem, ActionStatus, Decision, Footnote, Material, MaterialVersion
from mshub.meetings.services.memo import (
    add_action,
    add_footnote,
    add_memo_decision,
    add_memo_material,
    add_memo_material_version,
    close_memo_action,
    note_attendance,
)
from mshub.meetings.services.minutes import carried_over_actions
from mshub.meetings.views.base import MeetingView
from mshub.people.pickers import PersonField


class MaterialForm(OneOfRequired, forms.Form):
    one_of_required = (
        (("title_ja", "title_en"), gettext_lazy("Give the material a title.")),
        (("url", "file"), gettext_lazy("Upload a file or give a link.")),
    )
    label = forms.CharField(label=gettext_lazy("Label"), max_length=40, required=False)
    title_ja = forms.CharField(label=gettext_lazy("title (Japanese)"), max_length=300, required=False)
    title_en = forms.CharField(label=gettext_lazy("title (English)"), max_length=300, required=False)
    url = WebURLFormField(label=gettext_lazy("link"), required=False)
    file = forms.FileField(label=gettext_lazy("File"), required=False)


TEXT_REQUIRED = ((("text_ja", "text_en"), gettext_lazy("Write the text in Japanese or English.")),)


class DecisionForm(OneOfRequired, forms.ModelForm[Decision]):
    one_of_required = TEXT_REQUIRED

    class Meta:
        model = Decision
        fields = ["text_ja", "text_en"]
        widgets = {"text_ja": forms.Textarea(attrs={"rows": 2}), "text_en": forms.Textarea(attrs={"rows": 2})}


class ActionForm(OneOfRequired, forms.ModelForm[ActionItem]):
    one_of_required = TEXT_REQUIRED

    class Meta:
        model = ActionItem
        fields = ["text_ja", "text_en", "owner", "owner_text", "due"]
        field_classes = {"owner": PersonField}
        widgets = {
            "due": forms.DateInput(attrs={"type": "date"}),
            "text_ja": forms.Textarea(attrs={"rows": 2}),
            "text_en": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].for_forum(forum)  # type: ignore[attr-defined]


class FootnoteForm(OneOfRequired, forms.ModelForm[Footnote]):
    one_of_required = TEXT_REQUIRED

    class Meta:
        model = Footnote
        fields = ["term", "text_ja", "text_en"]


class AttendanceForm(forms.Form):
    person = PersonField(label=gettext_lazy("Attendee"))
    remote = forms.BooleanField(label=gettext_lazy("remote"), required=False)

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].for_forum(forum)  # type: ignore[attr-defined]


class MemoView(MeetingView, TemplateView):
    permission_required = "meetings.edit_minutes"
    template_name = "meetings/memo.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        meeting = self.meeting
        context.update(
            attendances=meeting.attendances.select_related("person"),
            materials=meeting.materials.prefetch_related("versions"),
            decisions=meeting.decisions.all(),
            actions=meeting.action_items.select_related("owner"),
            carried=carried_over_actions(meeting),
            footnotes=meeting.footnotes.all(),
            # Each form has its own prefix: several share field names (text_ja), and ids must be unique.
            forms={
                "attendance": kwargs.get("attendance") or AttendanceForm(forum=self.forum, prefix="attendance"),
                "material": kwargs.get("material") or MaterialForm(prefix="material"),
                "decision": kwargs.get("decision") or DecisionForm(prefix="decision"),
                "action": kwargs.get("action") or ActionForm(forum=self.forum, prefix="action"),
                "footnote": kwargs.get("footnote") or FootnoteForm(prefix="footnote"),
            },
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        meeting = self.meeting
        section = request.POST.get("section", "")
        here = meeting.urls.memo
        if section == "attendance":
            form: forms.BaseForm = AttendanceForm(request.POST, forum=self.forum, prefix=section)
            if form.is_valid():
                note_attendance(
                    meeting, request.user, person=form.cleaned_data["person"], remote=form.cleaned_data["remote"]
                )
        elif section == "material":
            form = MaterialForm(request.POST, request.FILES, prefix=section)
            if form.is_valid():
                data = dict(form.cleaned_data)
                try:
                    add_memo_material(meeting, request.user, upload=data.pop("file"), **data)
                except ValidationError as exc:
                    form.add_error("file", exc)
        elif section == "version":
            material = get_object_or_404(Material, meeting=meeting, pk=id_param(request.POST, "material"))
            upload = request.FILES.get("file")
            if upload is None:
                messages.error(request, _("Choose a file to upload."))
                return HttpResponseRedirect(here)
            try:
                add_memo_material_version(material, upload, request.user)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
                return HttpResponseRedirect(here)
            form = MaterialForm()
        elif section == "decision":
            form = DecisionForm(request.POST, prefix=section, instance=Decision(meeting=meeting))
            if form.is_valid():
                add_memo_decision(meeting, form.save(commit=False), request.user)
        elif section == "action":
            form = ActionForm(request.POST, forum=self.forum, prefix=section, instance=ActionItem(meeting=meeting))
            if form.is_valid():
                add_action(form.save(commit=False), request.user)
        elif section == "close_action":
            action = get_object_or_404(ActionItem, meeting__series=meeting.series, pk=id_param(request.POST, "action"))
            status = request.POST.get("status")
            if status in (ActionStatus.DONE, ActionStatus.DROPPED):
                close_memo_action(action, status, meeting, request.user)
            form = DecisionForm()
        elif section == "footnote":
            form = FootnoteForm(request.POST, prefix=section, instance=Footnote(meeting=meeting))
            if form.is_valid():
                add_footnote(form.save(commit=False), request.user)
        else:
            messages.error(request, _("Unknown action."))
            return HttpResponseRedirect(here)
        if not form.is_valid() and form.is_bound:
            return self.render_to_response(self.get_context_data(**{section: form}), status=400)
        messages.success(request, _("Saved."))
        return HttpResponseRedirect(here)


class MaterialDownloadView(MeetingView, View):
    """A material's file (latest version, or ``?version=<id>``), as an attachment, never sniffed as HTML."""

    permission_required = "meetings.view_meeting"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        material = get_object_or_404(Material, meeting=self.meeting, pk=self.kwargs["pk"])
        versions = MaterialVersion.objects.filter(material=material)
        version_id = int_param(request.GET, "version")
        version = get_object_or_404(versions, pk=version_id) if version_id else versions.first()
        if version is None:
            raise _no_file()
        return file_response(version.file, version.original_name, content_type=version.content_type)


def _no_file() -> Exception:
    from django.http import Http404

    return Http404("No file")
