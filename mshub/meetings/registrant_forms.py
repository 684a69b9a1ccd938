"""Forms of the secretariat's registrant tools: a group of registrants, a mail to them, a move."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mshub.meetings.models import AttendanceMode, Meeting, RegistrationStatus
from mshub.meetings.services.registration import move_targets

YES_NO = [("", _("Either")), ("yes", _("Checked in")), ("no", _("Not checked in"))]


class RegistrantFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Confirmed and waiting list"))]
        + [(s.value, s.label) for s in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)],
    )
    mode = forms.ChoiceField(
        label=_("Attendance"), required=False, choices=[("", _("On site and remote")), *AttendanceMode.choices]
    )
    checked_in = forms.ChoiceField(label=_("Check-in"), required=False, choices=YES_NO)

    def filters(self) -> dict[str, str]:
        return {k: self.cleaned_data.get(k) or "" for k in ("status", "mode", "checked_in")}


class RegistrantMailForm(RegistrantFilterForm):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(
        label=_("Message"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Plain text. Each registrant's copy starts with their name and ends with their own registration link."
        ),
    )
    expected = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)


class MoveForm(forms.Form):
    target = forms.ModelChoiceField(queryset=Meeting.objects.none(), label=_("Move to"))

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = move_targets(meeting)  # type: ignore[attr-defined]
