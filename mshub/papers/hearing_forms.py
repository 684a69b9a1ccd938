"""Forms of hearings and comments. Times are typed as wall-clock times in the forum's zone."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mshub.core.timezones import in_zone, make_aware_in
from mshub.papers.models import MAX_COMMENT, Audience, Comment, Hearing

LOCAL = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]


class HearingForm(forms.Form):
    opens_at = forms.DateTimeField(label=_("Opens"), widget=LOCAL, input_formats=FORMATS)
    closes_at = forms.DateTimeField(label=_("Closes"), widget=LOCAL, input_formats=FORMATS)
    audience = forms.ChoiceField(label=_("Who may comment"), choices=Audience.choices)
    note = forms.CharField(label=_("Note to commenters"), widget=forms.Textarea, required=False, max_length=5000)

    def __init__(self, *args: Any, zone: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.zone = zone
        help_text = _("Local time in %(zone)s.") % {"zone": zone}
        self.fields["opens_at"].help_text = help_text
        self.fields["closes_at"].help_text = help_text

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("opens_at", "closes_at"):
            value = data.get(name)
            if not isinstance(value, dt.datetime):
                continue
            if not 1900 <= value.year <= 2100:  # also keeps the zone arithmetic inside the calendar
                self.add_error(name, _("Give a date between 1900 and 2100."))
                data.pop(name, None)
                continue
            # Django made the typed wall clock aware: read it in the forum's zone
            data[name] = make_aware_in(value.replace(tzinfo=None), self.zone)
        return data


def local_initial(hearing: Hearing | None, zone: str) -> dict[str, Any]:
    if hearing is None:
        return {}
    return {
        "opens_at": in_zone(hearing.opens_at, zone).replace(tzinfo=None),
        "closes_at": in_zone(hearing.closes_at, zone).replace(tzinfo=None),
    }


class CommentForm(forms.Form):
    """A comment or a reply; ``anchor`` is checked by the service against the hearing's revision."""

    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4}), max_length=MAX_COMMENT)
    anchor = forms.CharField(required=False, max_length=16, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    stakeholder_group: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Stakeholder group"), queryset=None, required=False, empty_label=_("(that of my affiliation)")
    )

    def __init__(self, *args: Any, hearing: Hearing, **kwargs: Any) -> None:
        from mshub.people.models import StakeholderGroup

        super().__init__(*args, **kwargs)
        self.hearing = hearing
        field = self.fields["stakeholder_group"]
        field.queryset = StakeholderGroup.objects.filter(forum_id=hearing.forum_id, active=True)  # type: ignore[attr-defined]
        field.error_messages["invalid_choice"] = _("Choose a stakeholder group of this forum.")

    def clean_parent(self) -> Comment | None:
        pk = self.cleaned_data.get("parent")
        if pk is None:
            return None
        parent = Comment.objects.filter(hearing=self.hearing, pk=pk).first()
        if parent is None:
            raise forms.ValidationError(_("The comment you answer is not one of this hearing."))
        return parent
