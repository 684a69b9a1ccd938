"""Forms of the consultations. Dates are typed as wall-clock times in the issuer's zone.

Questions and documents are typed one per line (no JavaScript needed): a question in each language's
box, the same line number in both for the same question; a document as ``title | address``.
"""

from __future__ import annotations

import datetime as dt
from itertools import zip_longest
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

from mshub.calendar.forms import WallClockField
from mshub.calendar.models import Body
from mshub.consultations.models import Consultation, ConsultationResponse
from mshub.core.concurrency import VersionedForm
from mshub.core.fields import WebURLFormField
from mshub.core.timezones import available_zones, in_zone, make_aware_in, zone_choices
from mshub.people.pickers import PersonField


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValidationError(_("The text contains a NUL character."))
    return value


def _lines(text: str) -> list[str]:
    return [line.strip() for line in _no_nul(text or "").splitlines()]


class ConsultationForm(VersionedForm, forms.ModelForm[Consultation]):
    opens = WallClockField(label=_("Opens"), help_text=_("In the issuer's time zone."))
    closes = WallClockField(label=_("Closes"), help_text=_("The deadline, in the issuer's time zone."))
    url = WebURLFormField(label=_("consultation page"), required=False)
    report_url = WebURLFormField(label=_("issuer's summary report"), required=False)
    questions_ja = forms.CharField(
        label=_("Questions (Japanese)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    questions_en = forms.CharField(
        label=_("Questions (English)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One question per line, in the issuer's order."),
    )
    documents = forms.CharField(
        label=_("Documents"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: title | address."),
    )
    message = forms.CharField(
        label=_("What changed and why"),
        max_length=300,
        required=False,
        help_text=_("Kept in the consultation's history, which every forum sees."),
    )

    class Meta:
        model = Consultation
        fields = [
            "body",
            "title_ja",
            "title_en",
            "summary_ja",
            "summary_en",
            "url",
            "timezone",
            "opens",
            "closes",
            "report_expected",
            "report_url",
        ]
        widgets = {"summary_ja": forms.Textarea(attrs={"rows": 4}), "summary_en": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        consultation = self.instance
        self.fields["body"].queryset = Body.objects.filter(active=True) | Body.objects.filter(  # type: ignore[attr-defined]
            pk=consultation.body_id
        )
        zone = self.fields["timezone"]
        zone.widget = forms.Select(choices=zone_choices())
        zone.error_messages["invalid_choice"] = _("“%(value)s” is not an IANA time zone such as Asia/Tokyo.")
        if consultation.pk:
            self.initial["opens"] = in_zone(consultation.opens, consultation.timezone).replace(tzinfo=None)
            self.initial["closes"] = in_zone(consultation.closes, consultation.timezone).replace(tzinfo=None)
            questions = list(consultation.questions.all())
            self.initial["questions_ja"] = "\n".join(q.text_ja for q in questions)
            self.initial["questions_en"] = "\n".join(q.text_en for q in questions)
            self.initial["documents"] = "\n".join(f"{d.title} | {d.url}" for d in consultation.documents.all())

    def clean_title_ja(self) -> str:
        return _no_nul(self.cleaned_data.get("title_ja", ""))

    def clean_title_en(self) -> str:
        return _no_nul(self.cleaned_data.get("title_en", ""))

    def clean_summary_ja(self) -> str:
        return _no_nul(self.cleaned_data.get("summary_ja", ""))

    def clean_summary_en(self) -> str:
        return _no_nul(self.cleaned_data.get("summary_en", ""))

    def clean_documents(self) -> list[tuple[str, str]]:
        documents = []
        field = WebURLFormField()
        for line in _lines(self.cleaned_data.get("documents", "")):
            if not line:
                continue
            title, _bar, url = line.rpartition("|") if "|" in line else ("", "", line)
            documents.append((title.strip(), field.clean(url.strip())))
        return documents

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        zone = data.get("timezone")
        if zone and zone not in available_zones():
            self.add_error("timezone", _("“%(value)s” is not an IANA time zone such as Asia/Tokyo.") % {"value": zone})
            zone = None
        for name in ("opens", "closes"):
            value = data.get(name)
            if isinstance(value, dt.datetime) and value.tzinfo is None:
                data[name] = make_aware_in(value, zone) if zone else None
                setattr(self.instance, name, data[name])
        ja, en = _lines(data.get("questions_ja", "")), _lines(data.get("questions_en", ""))
        data["questions"] = [(q_ja, q_en) for q_ja, q_en in zip_longest(ja, en, fillvalue="") if q_ja or q_en]
        return data

    @property
    def lists(self) -> dict[str, Any]:
        return {"questions": self.cleaned_data["questions"], "documents": self.cleaned_data["documents"]}


class ResponseForm(forms.ModelForm[ConsultationResponse]):
    person_in_charge = PersonField(label=_("Person in charge"), required=False)
    paper_url = WebURLFormField(label=_("position paper (address)"), required=False)
    proof_url = WebURLFormField(label=_("proof of submission (address)"), required=False)
    submitted_at = forms.DateTimeField(
        label=_("Submitted"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("In your time zone."),
    )
    proof = forms.FileField(label=_("Proof of submission (file)"), required=False)
    remove_proof = forms.BooleanField(label=_("Remove the stored proof file"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ConsultationResponse
        fields = ["person_in_charge", "decision", "note", "paper", "paper_url", "submitted_at", "proof_url"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person_in_charge"].for_forum(forum)  # type: ignore[attr-defined]
        self.initial.setdefault("version", self.instance.version if self.instance.pk else None)

    def clean_note(self) -> str:
        return _no_nul(self.cleaned_data.get("note", ""))

    def clean_paper(self) -> str:
        return _no_nul(self.cleaned_data.get("paper", ""))

    def _post_clean(self) -> None:
        # The typed values onto the response; the service checks them and saves under the loaded version.
        self.instance = construct_instance(self, self.instance, self._meta.fields)
