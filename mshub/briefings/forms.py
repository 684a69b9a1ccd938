"""The briefing's forms: the period and audience of a new one, its settings, a section's texts."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mshub.briefings.models import Briefing, BriefingEntry, BriefingSection
from mshub.meetings.models import AgendaItem


class DateInput(forms.DateInput):
    input_type = "date"


class BriefingForm(forms.ModelForm[Briefing]):
    class Meta:
        model = Briefing
        fields = ["title_ja", "title_en", "period_start", "period_end", "audience", "language", "intro_ja", "intro_en"]
        widgets = {
            "period_start": DateInput(),
            "period_end": DateInput(),
            "intro_ja": forms.Textarea(attrs={"rows": 3}),
            "intro_en": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period must end on or after its first day."))
        return data


class SectionForm(forms.ModelForm[BriefingSection]):
    class Meta:
        model = BriefingSection
        fields = ["heading_ja", "heading_en", "note_ja", "note_en"]
        widgets = {"note_ja": forms.Textarea(attrs={"rows": 2}), "note_en": forms.Textarea(attrs={"rows": 2})}


class EntryForm(forms.ModelForm[BriefingEntry]):
    class Meta:
        model = BriefingEntry
        fields = ["override_ja", "override_en"]
        widgets = {"override_ja": forms.Textarea(attrs={"rows": 2}), "override_en": forms.Textarea(attrs={"rows": 2})}


class PublishForm(forms.Form):
    message = forms.CharField(label=_("What changed"), max_length=300, required=False)


class AttachForm(forms.Form):
    MODES = [("pdf", _("the PDF")), ("link", _("a link to the slides"))]

    item = forms.ModelChoiceField(label=_("Agenda item"), queryset=AgendaItem.objects.none())
    mode = forms.ChoiceField(label=_("Attach"), choices=MODES, initial="pdf", widget=forms.RadioSelect)

    def __init__(self, *args: Any, items: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items  # type: ignore[attr-defined]
        self.fields["item"].label_from_instance = lambda i: f"{i.meeting} — {i}"  # type: ignore[attr-defined]
