"""The review page's part for a trend briefing: each consultation and event it lists, editable, with
what storing will do with it: add it as a new record, take it as the same as a record the
installation holds (preselected when one is found: ``briefings.suggested_*``), or skip it.

``BriefingForms.apply`` writes the choice into the record (``match``: a pk, ``"new"`` or ``"skip"``),
so storing from the review page and from the command line go through ``briefings.store_briefing``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from mshub.archive.briefings import NEW, SKIP, day, suggested_consultation, suggested_event, web
from mshub.archive.parsed import ConsultationEntry, EventEntry, ParsedRecord
from mshub.core.fields import WebURLFormField

DATE = forms.DateInput(attrs={"type": "date"})


def _choices(found: Any) -> list[tuple[str, str]]:
    same = [(str(found.pk), str(_("Same as “%(name)s”") % {"name": found}))] if found is not None else []
    return [(NEW, str(_("Add as new"))), *same, (SKIP, str(_("Skip")))]


def _initial_match(entry: ConsultationEntry | EventEntry, found: Any, creatable: bool = True) -> str:
    """The choice made before, else the record found, else "new" (or "skip" for what cannot be made:
    a consultation without a deadline, until the reviewer gives one)."""
    chosen = entry.get("match")
    if chosen in (NEW, SKIP) or (found is not None and str(chosen) == str(found.pk)):
        return str(chosen)
    if found is not None:
        return str(found.pk)
    return NEW if creatable else SKIP


class _EntryForm(forms.Form):
    match = forms.ChoiceField(label=_("Store as"), choices=[], widget=forms.RadioSelect)

    def __init__(self, *args: Any, suggestions: list[Any] | None = None, **kwargs: Any) -> None:
        index = kwargs.pop("form_index", None)
        super().__init__(*args, **kwargs)
        suggestions = suggestions or []
        found = suggestions[index] if index is not None and index < len(suggestions) else None
        match = self.fields["match"]
        assert isinstance(match, forms.ChoiceField)
        match.choices = _choices(found)

    def chosen(self) -> int | str:
        value = self.cleaned_data["match"]
        return int(value) if value.isdigit() else value


class ConsultationForm(_EntryForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    body = forms.CharField(label=_("Issued by"), max_length=200, required=False)
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DATE)
    url = WebURLFormField(label="URL", max_length=200, required=False)
    field_order = ["title", "body", "deadline", "url", "match"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("match") == NEW and not data.get("deadline"):
            self.add_error("deadline", _("A new consultation needs its deadline."))
        return data


class EventForm(_EntryForm):
    name = forms.CharField(label=_("Name"), max_length=300)
    start = forms.DateField(label=_("First day"), required=False, widget=DATE)
    end = forms.DateField(label=_("Last day"), required=False, widget=DATE)
    url = WebURLFormField(label="URL", max_length=200, required=False)
    field_order = ["name", "start", "end", "url", "match"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The last day cannot come before the first."))
        if data.get("end") and not data.get("start"):
            self.add_error("start", _("Give the first day."))
        return data


class _FormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {**super().get_form_kwargs(index), "form_index": index}


ConsultationFormSet = forms.formset_factory(ConsultationForm, formset=_FormSet, extra=0, max_num=200, absolute_max=200)
EventFormSet = forms.formset_factory(EventForm, formset=_FormSet, extra=0, max_num=200, absolute_max=200)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


@dataclass
class BriefingForms:
    consultations: Any
    events: Any

    @classmethod
    def build(cls, record: ParsedRecord, data: QueryDict | None = None) -> BriefingForms:
        """The forms for the record's entries (none for another genre); bound to ``data`` if given."""
        briefing = record.get("genre") == "trend_briefing"
        consultations = list(record.get("consultations") or []) if briefing else []
        events = list(record.get("events") or []) if briefing else []
        found_c = [suggested_consultation(e) for e in consultations]
        found_e = [suggested_event(e) for e in events]
        c_kwargs = {"suggestions": found_c}
        e_kwargs = {"suggestions": found_e}
        if data is not None and briefing:
            return cls(
                ConsultationFormSet(data, prefix="consultations", form_kwargs=c_kwargs),
                EventFormSet(data, prefix="events", form_kwargs=e_kwargs),
            )
        c_initial = [
            {
                "title": e.get("title") or e.get("url") or "",
                "body": e.get("body") or "",
                "deadline": day(e.get("deadline")),
                "url": web(e.get("url")),
                "match": _initial_match(e, found, creatable=day(e.get("deadline")) is not None),
            }
            for e, found in zip(consultations, found_c, strict=True)
        ]
        e_initial = [
            {
                "name": e.get("name") or "",
                "start": day(e.get("start")),
                "end": day(e.get("end")),
                "url": web(e.get("url")),
                "match": _initial_match(e, found),
            }
            for e, found in zip(events, found_e, strict=True)
        ]
        return cls(
            ConsultationFormSet(initial=c_initial, prefix="consultations", form_kwargs=c_kwargs),
            EventFormSet(initial=e_initial, prefix="events", form_kwargs=e_kwargs),
        )

    def is_valid(self) -> bool:
        """Valid when bound (a briefing's forms as posted); another genre has none to check."""
        if not self.consultations.is_bound:
            return True
        return all([self.consultations.is_valid(), self.events.is_valid()])

    def apply(self, record: ParsedRecord) -> None:
        """The entries as corrected, each with its ``match``; forms beyond the record's entries are ignored."""
        if record.get("genre") != "trend_briefing" or not self.consultations.is_bound:
            return
        consultations: list[ConsultationEntry] = []
        for form, consultation in zip(self.consultations.forms, record.get("consultations") or [], strict=False):
            data = form.cleaned_data
            consultations.append(
                {
                    **consultation,
                    "title": data["title"],
                    "body": data.get("body") or None,
                    "deadline": _iso(data.get("deadline")),
                    "url": data.get("url") or None,
                    "match": form.chosen(),
                }
            )
        events: list[EventEntry] = []
        for form, event in zip(self.events.forms, record.get("events") or [], strict=False):
            data = form.cleaned_data
            events.append(
                {
                    **event,
                    "name": data["name"],
                    "start": _iso(data.get("start")),
                    "end": _iso(data.get("end")),
                    "url": data.get("url") or None,
                    "match": form.chosen(),
                }
            )
        # Entries without a form (a form posted short) stay as they were: automatic.
        record["consultations"] = consultations + list(record.get("consultations") or [])[len(consultations) :]
        record["events"] = events + list(record.get("events") or [])[len(events) :]
