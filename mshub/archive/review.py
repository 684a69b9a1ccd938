"""Reviewing a parsed document before it is stored: the agenda and its minutes, each presenter's
registry match, a memo's attendees, materials, decisions and action items, and a trend briefing's
consultations and events (``review_briefing.py``), as forms.

The forms start from the parsed record and turn back into one (``ReviewForms.apply``), so storing
a reviewed file and importing it from the command line go through the same code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from mshub.archive.forms import NEW_SERIES, ReviewForm
from mshub.archive.genres import STORABLE, Genre
from mshub.archive.parsed import AgendaEntry, InterventionEntry, Kind, MaterialEntry, ParsedRecord, PresenterEntry
from mshub.archive.parsers.memo_text import action
from mshub.archive.parsers.report import nest, walk
from mshub.archive.review_briefing import BriefingForms
from mshub.archive.store import matching_series
from mshub.core.text import narrow
from mshub.meetings.models import ItemOutcome
from mshub.people.matching import NameIndex, OrganizationIndex, PersonIndex, name_forms
from mshub.people.models import Organization, Person, StakeholderGroup

OUTCOMES = [("" if value == ItemOutcome.HELD else value, label) for value, label in ItemOutcome.choices]
_ENTRY = re.compile(r"^\s*([QAC])\s*[.:]\s*(.*)$")
_KINDS: dict[str, Kind] = {"Q": "Q", "A": "A", "C": "C"}
_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}$")
AUTO, NEW = "", "new"


def minutes_text(interventions: list[InterventionEntry]) -> str:
    """Entries as the reviewer edits them: ``Q. …`` / ``A. …`` / ``C. …``, a blank line between."""
    return "\n\n".join(f"{e['kind']}. {e['text']}" for e in interventions)


def parse_minutes(text: str) -> list[InterventionEntry]:
    """The reverse of ``minutes_text``; a line starting with Q. A. or C. begins an entry."""
    entries: list[InterventionEntry] = []
    for line in text.splitlines():
        m = _ENTRY.match(narrow(line))
        if m:
            entries.append({"kind": _KINDS[m.group(1)], "text": line[m.start(2) :].strip()})
        elif line.strip():
            if not entries:
                raise ValidationError(_("Each entry starts with Q., A. or C."))
            entries[-1]["text"] = f"{entries[-1]['text']}\n{line.strip()}".strip()
    return entries


class ItemForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=20, widget=forms.TextInput(attrs={"size": 5}))
    title = forms.CharField(label=_("Title"), max_length=300)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=OUTCOMES, required=False)
    outcome_note = forms.CharField(label=_("Outcome note"), max_length=300, required=False)
    summary = forms.CharField(label=_("How it was presented"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    minutes = forms.CharField(
        label=_("Minutes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One entry per paragraph, starting with Q., A. or C."),
    )
    page = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_number(self) -> str:
        number = narrow(self.cleaned_data["number"]).strip().rstrip(".")
        if not _NUMBER.match(number):
            raise ValidationError(_("A number such as 2 or 2.1."))
        return number

    def clean_minutes(self) -> list[InterventionEntry]:
        return parse_minutes(self.cleaned_data.get("minutes") or "")


def _match_choices(index: NameIndex | None, name: str, new: Any, matched: Any = None) -> list[tuple[str, str]]:
    """ "Automatic" (naming what storing would pick), the likeliest records, and "new"."""
    best = index.best(name) if index is not None and name else None
    automatic = _("Automatic: %(name)s") % {"name": best.record} if best else _("Automatic: %(new)s") % {"new": new}
    if best and matched is not None:
        automatic = matched % {"name": best.record}
    choices = [(AUTO, str(automatic))]
    for match in index.candidates(name) if index is not None and name else []:
        choices.append((str(match.record.pk), f"{match.record} ({match.score:.0f}%)"))
    return [*choices, (NEW, capfirst(str(new)))]


def _chosen(value: str | None, model: type[Person] | type[Organization], forum: Any) -> str | int:
    value = value or AUTO
    if value in (AUTO, NEW):
        return value
    if not value.isdigit() or not model.objects.filter(forum=forum, pk=int(value)).exists():
        raise ValidationError(_("Choose one of this forum's records."))
    return int(value)


class PresenterForm(forms.Form):
    item = forms.CharField(
        label=_("Agenda item"), max_length=20, required=False, widget=forms.TextInput(attrs={"size": 5})
    )
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    person = forms.CharField(label=_("Person in the registry"), required=False, widget=forms.Select)
    organization = forms.CharField(label=_("Organisation"), max_length=300, required=False)
    organization_id = forms.CharField(label=_("Organisation in the registry"), required=False, widget=forms.Select)

    def __init__(
        self,
        *args: Any,
        forum: Any = None,
        people: PersonIndex | None = None,
        organizations: OrganizationIndex | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.forum = forum

        def current(field: str) -> str:
            return (self.data.get(self.add_prefix(field)) if self.is_bound else self.initial.get(field)) or ""

        person_widget = self.fields["person"].widget
        org_widget = self.fields["organization_id"].widget
        assert isinstance(person_widget, forms.Select)
        assert isinstance(org_widget, forms.Select)
        person_widget.choices = _match_choices(people, current("name"), _("a new person"))
        org_widget.choices = _match_choices(
            organizations,
            current("organization"),
            _("a new organisation (kept separate)"),
            _("Matches existing organisation %(name)s: merge into it"),
        )

    def clean_person(self) -> str | int:
        return _chosen(self.cleaned_data.get("person"), Person, self.forum)

    def clean_organization_id(self) -> str | int:
        return _chosen(self.cleaned_data.get("organization_id"), Organization, self.forum)


class NewOrganizationForm(forms.Form):
    """An organisation the document names that is not in the registry: its stakeholder group, or
    none yet (then it is listed "to classify")."""

    name = forms.CharField(max_length=300, widget=forms.HiddenInput)
    group = forms.ModelChoiceField(
        label=_("Stakeholder group"), queryset=StakeholderGroup.objects.none(), required=False
    )

    def __init__(self, *args: Any, forum: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        group = self.fields["group"]
        assert isinstance(group, forms.ModelChoiceField)
        group.queryset = StakeholderGroup.objects.filter(forum=forum)
        group.empty_label = str(_("To be classified"))


def new_organizations(presenters: list[dict[str, str]], index: OrganizationIndex) -> list[str]:
    """The organisation names storing would create, once each (an abbreviation and the full name
    beside it are one), in order."""
    names: list[str] = []
    for presenter in presenters:
        name = presenter.get("organization") or ""
        chosen = str(presenter.get("organization_id") or "")
        if not name or chosen.isdigit() or (chosen != NEW and index.best(name)):
            continue
        main, short = name_forms(name)
        index.add(SimpleNamespace(pk=None, name_ja=main, name_en="", short_name=short or name, aliases=[name]))
        names.append(name)
    return names


ItemFormSet = forms.formset_factory(ItemForm, extra=0, can_delete=True)
NewOrganizationFormSet = forms.formset_factory(NewOrganizationForm, extra=0)
PresenterFormSet = forms.formset_factory(PresenterForm, extra=1)


def _lines(label: Any, help_text: Any) -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=help_text)


class MemoForm(forms.Form):
    attendees = _lines(_("Attendees"), _("One a line."))
    materials = _lines(_("Materials"), _("“資料1 title”, one a line."))
    decisions = _lines(_("Decisions"), _("One a line."))
    actions = _lines(_("Action items"), _("“what (who)”, one a line."))

    @staticmethod
    def initial_from(record: ParsedRecord) -> dict[str, str]:
        return {
            "attendees": "\n".join(record.get("attendees") or []),
            "materials": "\n".join(
                " ".join(p for p in (m.get("label"), m.get("title")) if p) for m in record.get("materials") or []
            ),
            "decisions": "\n".join(record.get("decisions") or []),
            "actions": "\n".join(
                f"{a['text']}（{a['owner']}）" if a.get("owner") else a["text"] for a in record.get("actions") or []
            ),
        }

    def apply(self, record: ParsedRecord) -> None:
        """Put the memo's lists as corrected into ``record``."""
        lines = {
            k: [ln.strip() for ln in (self.cleaned_data.get(k) or "").splitlines() if ln.strip()] for k in self.fields
        }
        materials: list[MaterialEntry] = []
        for line in lines["materials"]:
            label, _, title = line.partition(" ")
            materials.append({"label": label, "title": title.strip() or None})
        record["attendees"] = lines["attendees"]
        record["materials"] = materials
        record["decisions"] = lines["decisions"]
        record["actions"] = [action(t) for t in lines["actions"]]


def _presenter_initial(number: str, presenter: PresenterEntry) -> dict[str, str]:
    """A presenter as its review form starts: names as found, the registry matches chosen before."""
    initial = {"item": number, "name": presenter.get("name") or "", "organization": presenter.get("organization") or ""}
    if presenter.get("person") not in (None, ""):
        initial["person"] = str(presenter.get("person"))
    if presenter.get("organization_id") not in (None, ""):
        initial["organization_id"] = str(presenter.get("organization_id"))
    return initial


def series_initial(forum: Any, record: ParsedRecord) -> dict[str, str]:
    """The series the document names if the forum has it, else a new one named as the document says."""
    if record.get("genre") not in STORABLE:
        return {}
    found = matching_series(forum, record)
    if found is not None:
        return {"store_in": found.slug}
    return {"store_in": NEW_SERIES, "new_series": record.get("series") or ""}


@dataclass
class ReviewForms:
    """Every form of the review page, bound together."""

    facts: ReviewForm
    items: Any
    presenters: Any
    memo: MemoForm
    organizations: Any
    briefing: BriefingForms

    @classmethod
    def build(cls, record: ParsedRecord, forum: Any, data: QueryDict | None = None) -> ReviewForms:
        flat = walk(record.get("agenda") or [])
        presenter_kwargs = {"forum": forum, "people": PersonIndex(forum), "organizations": OrganizationIndex(forum)}
        if data is not None:
            return cls(
                ReviewForm(data, forum=forum),
                ItemFormSet(data, prefix="items"),
                PresenterFormSet(data, prefix="presenters", form_kwargs=presenter_kwargs),
                MemoForm(data, prefix="memo"),
                NewOrganizationFormSet(data, prefix="neworgs", form_kwargs={"forum": forum}),
                BriefingForms.build(record, data),
            )
        items = [
            {
                "number": item.get("number") or "",
                "title": item.get("title") or "",
                "outcome": item.get("outcome") or "",
                "outcome_note": item.get("outcome_note") or "",
                "summary": item.get("summary") or "",
                "minutes": minutes_text(item.get("interventions") or []),
                "page": item.get("page"),
            }
            for item in flat
        ]
        presenters = [_presenter_initial(item["number"], p) for item in flat for p in item.get("presenters") or []]
        return cls(
            ReviewForm(initial=ReviewForm.initial_from(record) | series_initial(forum, record), forum=forum),
            ItemFormSet(initial=items, prefix="items"),
            PresenterFormSet(initial=presenters, prefix="presenters", form_kwargs=presenter_kwargs),
            MemoForm(initial=MemoForm.initial_from(record), prefix="memo"),
            NewOrganizationFormSet(
                initial=[{"name": name} for name in new_organizations(presenters, OrganizationIndex(forum))],
                prefix="neworgs",
                form_kwargs={"forum": forum},
            ),
            BriefingForms.build(record),
        )

    def is_valid(self) -> bool:
        forms = (self.facts, self.items, self.presenters, self.memo, self.organizations)
        valid = all(form.is_valid() for form in forms)
        if not self.briefing.is_valid() or not valid:
            return False
        numbers = [f.cleaned_data["number"] for f in self._kept_items()]
        if len(numbers) != len(set(numbers)):
            self.facts.add_error(None, _("Two agenda items have the same number."))
            return False
        for form in self.presenters.forms:
            item = narrow(form.cleaned_data.get("item") or "").strip().rstrip(".")
            if form.cleaned_data.get("name") and item not in numbers:
                form.add_error("item", _("No agenda item has this number."))
                return False
        return True

    def destination(self) -> dict[str, str | None]:
        """``store_document``'s series arguments as chosen."""
        chosen = self.facts.cleaned_data.get("store_in") or None
        if chosen == NEW_SERIES:
            return {"series_slug": None, "new_series": self.facts.cleaned_data["new_series"].strip()}
        return {"series_slug": chosen, "new_series": None}

    def _kept_items(self) -> list[ItemForm]:
        return [f for f in self.items.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]

    def apply(self, record: ParsedRecord) -> ParsedRecord:
        """The record as corrected: facts, agenda tree with minutes and presenters, memo lists."""
        updated = self.facts.apply(record)
        presenters: dict[str, list[PresenterEntry]] = {}
        for form in self.presenters.forms:
            data = form.cleaned_data
            if data.get("name") or data.get("organization"):
                number = narrow(data.get("item") or "").strip().rstrip(".")
                presenter: PresenterEntry = {
                    "name": data.get("name") or None,
                    "organization": data.get("organization") or None,
                }
                if data.get("person") not in (AUTO, None):
                    presenter["person"] = data["person"]
                if data.get("organization_id") not in (AUTO, None):
                    presenter["organization_id"] = data["organization_id"]
                presenters.setdefault(number, []).append(presenter)
        flat: list[AgendaEntry] = []
        for form in self._kept_items():
            data = form.cleaned_data
            flat.append(
                {
                    "number": data["number"],
                    "title": data["title"],
                    "presenters": presenters.get(data["number"], []),
                    "outcome": data.get("outcome") or None,
                    "outcome_note": data.get("outcome_note") or None,
                    "summary": data.get("summary") or None,
                    "interventions": data["minutes"],
                    "page": data.get("page"),
                    "items": [],
                }
            )
        updated["agenda"] = nest(flat)
        updated["organization_groups"] = {
            f.cleaned_data["name"]: f.cleaned_data["group"].pk
            for f in self.organizations.forms
            if f.cleaned_data.get("name") and f.cleaned_data.get("group")
        }
        if updated.get("genre") == Genre.STEERING_MEMO:
            self.memo.apply(updated)
        self.briefing.apply(updated)
        return updated
