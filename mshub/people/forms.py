from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mshub.core.concurrency import VersionedForm
from mshub.core.fields import WebURLFormField
from mshub.core.forms import OneOfRequired
from mshub.core.models import Forum
from mshub.people.models import Affiliation, Gender, Organization, OrganizationKind, Person, StakeholderGroup
from mshub.people.pickers import OrganizationField, PersonField


class ForumModelForm(forms.ModelForm):
    """A model form whose related choices are limited to one forum's records."""

    forum_scoped: dict[str, Any] = {}

    def __init__(self, *args: Any, forum: Forum, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forum = forum
        for name, model in self.forum_scoped.items():
            if name in self.fields:
                self.fields[name].queryset = model.objects.filter(forum=forum)  # type: ignore[attr-defined]
        if self.instance.pk is None and hasattr(self.instance, "forum_id"):
            self.instance.forum = forum


# Fields of a person that only the secretariat and the person themself see (docs/roles.md).
PERSONAL_FIELDS = ("email", "gender", "consent_listing", "consent_contact")
SECRETARIAT_FIELDS = ("notes",)


class PersonForm(OneOfRequired, VersionedForm, ForumModelForm):
    """A person's record. The steering group edits the public fields (names, pronouns); the
    personal ones are in the form only for who may see them: ``personal`` (the secretariat or the
    person themself) adds email, gender and consent, ``notes`` (the secretariat) the notes."""

    forum_scoped = {"gender": Gender}
    one_of_required = (
        (
            ("family_name_ja", "given_name_ja", "family_name_latin", "given_name_latin"),
            _("Give the person's name in Japanese or in Latin script."),
        ),
    )

    class Meta:
        model = Person
        fields = [
            "family_name_ja",
            "given_name_ja",
            "family_name_kana",
            "given_name_kana",
            "family_name_latin",
            "given_name_latin",
            "email",
            "pronouns",
            "gender",
            "consent_listing",
            "consent_contact",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, personal: bool = False, notes: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A field left out is neither shown nor saved: a forged POST of it changes nothing.
        hidden = (() if personal else PERSONAL_FIELDS) + (() if notes else SECRETARIAT_FIELDS)
        for name in hidden:
            del self.fields[name]
        if "gender" in self.fields:
            self.fields["gender"].queryset = self.fields["gender"].queryset.filter(active=True)  # type: ignore[attr-defined]
        self._consent_before = (self.instance.consent_listing, self.instance.consent_contact)

    def clean_email(self) -> str:
        email: str = (self.cleaned_data.get("email") or "").strip().lower()
        if email:
            clash = Person.objects.filter(forum=self.forum, email__iexact=email).exclude(pk=self.instance.pk)
            if clash.exists():
                raise forms.ValidationError(_("Another person in this forum already has this email address."))
        return email

    def save(self, commit: bool = True) -> Person:
        person: Person = super().save(commit=False)
        consent_edited = "consent_listing" in self.fields
        if consent_edited and (
            (person.consent_listing, person.consent_contact) != self._consent_before or person.pk is None
        ):
            person.consent_updated_at = timezone.now()
        if commit:
            person.save()
        return person


class OrganizationForm(OneOfRequired, ForumModelForm):
    forum_scoped = {"kind": OrganizationKind, "stakeholder_group": StakeholderGroup}
    one_of_required = ((("name_ja", "name_en"), _("Give the organisation's name in Japanese or English.")),)
    website = WebURLFormField(label=_("website"), required=False)

    class Meta:
        model = Organization
        fields = ["name_ja", "name_en", "short_name", "stakeholder_group", "kind", "country", "website", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class AffiliationForm(forms.ModelForm[Affiliation]):
    class Meta:
        model = Affiliation
        fields = [
            "organization",
            "department_ja",
            "department_en",
            "title_ja",
            "title_en",
            "start",
            "end",
            "is_primary",
        ]
        widgets = {"start": forms.DateInput(attrs={"type": "date"}), "end": forms.DateInput(attrs={"type": "date"})}
        field_classes = {"organization": OrganizationField}

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.person = person
        self.fields["organization"].for_forum(person.forum)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("An affiliation cannot end before it starts."))
        return data


class MergeForm(forms.Form):
    duplicate = PersonField(label=_("Duplicate record to fold into this one"))
    confirm = forms.BooleanField(
        label=_("I checked that both records are the same person. The duplicate will be removed."), required=True
    )

    def __init__(self, *args: Any, keep: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        others = Person.objects.filter(forum=keep.forum).exclude(pk=keep.pk)
        self.fields["duplicate"].for_forum(keep.forum, others)  # type: ignore[attr-defined]


class AsAtForm(forms.Form):
    on = forms.DateField(label=_("Affiliation on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
