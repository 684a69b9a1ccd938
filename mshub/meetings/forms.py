"""Forms of the meetings area. Times are typed as wall-clock times in the meeting's zone."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mshub.core.concurrency import VersionedForm
from mshub.core.fields import WebURLFormField
from mshub.core.forms import OneOfRequired
from mshub.core.timezones import make_aware_in, zone_choices
from mshub.meetings.models import AgendaItem, AttendanceMode, Intervention, Meeting, MeetingSeries, Registration
from mshub.people.models import Gender, StakeholderGroup
from mshub.people.pickers import PersonField


class RegistrationForm(forms.ModelForm[Registration]):
    class Meta:
        model = Registration
        fields = ["name", "email", "organization", "stakeholder_group", "gender", "mode", "consent_listing"]
        widgets = {"mode": forms.RadioSelect}

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True  # only walk-ins at the door may lack one
        self.fields["stakeholder_group"].queryset = StakeholderGroup.objects.filter(  # type: ignore[attr-defined]
            forum=meeting.forum, active=True
        )
        self.fields["gender"].queryset = Gender.objects.filter(forum=meeting.forum, active=True)  # type: ignore[attr-defined]
        if not meeting.hybrid:
            self.fields["mode"].choices = [(AttendanceMode.ONSITE.value, AttendanceMode.ONSITE.label)]  # type: ignore[attr-defined]


class MeetingForm(VersionedForm, forms.ModelForm[Meeting]):
    """Create or edit a meeting. Start and end are the venue's wall-clock times in ``timezone``."""

    series = forms.ModelChoiceField(queryset=MeetingSeries.objects.none(), label=_("Series"))
    number = forms.IntegerField(
        label=_("Number"),
        min_value=1,
        required=False,
        help_text=_("Leave empty for the next number in the series; give one to enter a past meeting."),
    )
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(label=_("Starts"), widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label=_("Ends"), widget=forms.TimeInput(attrs={"type": "time"}))
    web_url = WebURLFormField(label=_("meeting page"), required=False)
    online_url = WebURLFormField(label=_("online access"), required=False)
    map_url = WebURLFormField(label=_("map link"), required=False)

    class Meta:
        model = Meeting
        fields = [
            "title_ja",
            "title_en",
            "timezone",
            "venue_ja",
            "venue_en",
            "address",
            "map_url",
            "web_url",
            "online_url",
            "hybrid",
            "language",
            "capacity",
            "registration_closes",
            "next_meeting_note_ja",
            "next_meeting_note_en",
        ]
        widgets = {
            "registration_closes": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "next_meeting_note_ja": forms.Textarea(attrs={"rows": 2}),
            "next_meeting_note_en": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forum = forum
        self.fields["series"].queryset = MeetingSeries.objects.filter(forum=forum)  # type: ignore[attr-defined]
        self.fields["timezone"].widget = forms.Select(choices=zone_choices())
        if self.instance.pk:
            del self.fields["series"]
            del self.fields["number"]
            self.initial.update(
                date=self.instance.local_start.date(),
                start_time=self.instance.local_start.time(),
                end_time=self.instance.local_end.time(),
            )
        else:
            self.initial.setdefault("timezone", forum.timezone)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        series, number = data.get("series"), data.get("number")
        if series and number and Meeting.objects.filter(series=series, number=number).exists():
            self.add_error("number", _("This series already has a meeting with that number."))
        day, start, end, zone = data.get("date"), data.get("start_time"), data.get("end_time"), data.get("timezone")
        if day and start and end and zone:
            if end <= start:
                self.add_error("end_time", _("A meeting must end after it starts."))
            else:
                data["start"] = make_aware_in(dt.datetime.combine(day, start), zone)
                data["end"] = make_aware_in(dt.datetime.combine(day, end), zone)
        return data


TITLE_REQUIRED = ((("title_ja", "title_en"), _("Give the item a title in Japanese or English.")),)


class AgendaItemForm(OneOfRequired, VersionedForm, forms.ModelForm[AgendaItem]):
    one_of_required = TITLE_REQUIRED

    class Meta:
        model = AgendaItem
        fields = [
            "title_ja",
            "title_en",
            "planned_start",
            "duration_minutes",
            "summary_ja",
            "summary_en",
            "outcome",
            "outcome_note_ja",
            "outcome_note_en",
            "deferred_to",
        ]
        widgets = {
            "summary_ja": forms.Textarea(attrs={"rows": 2}),
            "summary_en": forms.Textarea(attrs={"rows": 2}),
            "planned_start": forms.TimeInput(format="%H:%M", attrs={"placeholder": "14:10", "inputmode": "numeric"}),
        }

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["planned_start"].error_messages["invalid"] = _("Enter a time as hours and minutes, e.g. 14:10.")
        self.fields["deferred_to"].queryset = Meeting.objects.filter(  # type: ignore[attr-defined]
            forum=meeting.forum, start__gt=meeting.start
        ).select_related("series")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") == "deferred" and not data.get("deferred_to"):
            self.add_error("deferred_to", _("Say which meeting the item is deferred to."))
        return data


class NewItemForm(OneOfRequired, forms.Form):
    one_of_required = TITLE_REQUIRED

    title_ja = forms.CharField(label=_("title (Japanese)"), max_length=300, required=False)
    title_en = forms.CharField(label=_("title (English)"), max_length=300, required=False)
    parent = forms.ModelChoiceField(queryset=AgendaItem.objects.none(), required=False, label=_("Sub-item of"))

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = AgendaItem.objects.filter(meeting=meeting, parent=None)  # type: ignore[attr-defined]


class PresenterForm(forms.Form):
    person = PersonField(label=_("Presenter"))
    affiliation_ja = forms.CharField(label=_("affiliation for the record (Japanese)"), required=False, max_length=300)
    affiliation_en = forms.CharField(label=_("affiliation for the record (English)"), required=False, max_length=300)

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].for_forum(forum)  # type: ignore[attr-defined]


class InterventionForm(OneOfRequired, forms.ModelForm[Intervention]):
    one_of_required = ((("text_ja", "text_en"), _("Write what was said, in Japanese or English.")),)

    class Meta:
        model = Intervention
        fields = ["kind", "text_ja", "text_en", "speaker"]
        field_classes = {"speaker": PersonField}
        widgets = {"text_ja": forms.Textarea(attrs={"rows": 3}), "text_en": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["speaker"].for_forum(forum)  # type: ignore[attr-defined]


class CheckInSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or organisation"), required=False)


class WalkInForm(RegistrationForm):
    """Someone registered at the door (or joining online) by staff: email optional, checked in at once."""

    class Meta(RegistrationForm.Meta):
        fields = ["name", "organization", "stakeholder_group", "gender", "mode", "email"]

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, meeting=meeting, **kwargs)
        self.fields["email"].required = False
        self.fields["mode"].choices = AttendanceMode.choices  # type: ignore[attr-defined]


class SeriesForm(forms.ModelForm[MeetingSeries]):
    """A series' names, defaults and who sees it. The short name is fixed once meetings link to it."""

    class Meta:
        model = MeetingSeries
        fields = [
            "slug",
            "name_ja",
            "name_en",
            "visibility",
            "is_steering",
            "mailing_list",
            "timezone",
            "default_venue_ja",
            "default_venue_en",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["timezone"] = forms.ChoiceField(label=_("usual time zone"), choices=zone_choices())
        if self.instance.pk:
            del self.fields["slug"]  # addresses of its meetings, feeds and calendars must not move

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"]
        if MeetingSeries.objects.filter(forum=self.instance.forum, slug=slug).exists():
            raise forms.ValidationError(_("This short name is taken in this forum."))
        return slug
