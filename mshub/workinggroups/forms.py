"""Forms of the working groups: a group (topics of this forum only), a member (a person of this
forum, an account of its members), a milestone (a month or a day; an event or a consultation)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mshub.calendar.models import ExternalEvent
from mshub.consultations.models import Consultation
from mshub.people.models import Person
from mshub.topics.models import Topic
from mshub.topics.services import topics_on
from mshub.workinggroups.models import MemberRole, Milestone, WorkingGroup
from mshub.workinggroups.services import RESERVED_SLUGS

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _no_nul(cleaned: dict[str, Any]) -> None:
    for name, value in cleaned.items():
        if isinstance(value, str) and "\x00" in value:
            raise ValidationError({name: _("The text contains a NUL character.")})


def _in_range(day: Any) -> bool:
    return not isinstance(day, dt.date) or dt.date(1900, 1, 1) <= day <= dt.date(2200, 12, 31)


class MonthField(forms.CharField):
    """A month as ``YYYY-MM`` (``<input type="month">``), cleaned to its first day."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2005-04", "pattern": r"\d{4}-\d{2}"})

    def to_python(self, value: Any) -> dt.date | None:  # type: ignore[override]
        text = (super().to_python(value) or "").strip()
        if not text:
            return None
        found = _MONTH.match(text)
        if not found or not 1 <= int(found.group(2)) <= 12 or not 1900 <= int(found.group(1)) <= 2200:
            raise ValidationError(_("Give a month as YYYY-MM, e.g. 2005-04."))
        return dt.date(int(found.group(1)), int(found.group(2)), 1)

    def prepare_value(self, value: Any) -> Any:
        return value.strftime("%Y-%m") if isinstance(value, dt.date) else value


class GroupForm(forms.ModelForm[WorkingGroup]):
    topics = forms.ModelMultipleChoiceField(label=_("topics"), queryset=Topic.objects.none(), required=False)

    class Meta:
        model = WorkingGroup
        fields = ["name_ja", "name_en", "slug", "state", "charter_ja", "charter_en", "mailing_list", "topics"]
        widgets = {"charter_ja": forms.Textarea(attrs={"rows": 8}), "charter_en": forms.Textarea(attrs={"rows": 8})}
        help_texts = {"charter_en": _("Plain text.")}

    def __init__(self, *args: Any, forum: Any, proposing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forum = forum
        if proposing:  # a WG chair proposes a group: the secretariat makes it active
            del self.fields["state"]
        current = topics_on(self.instance) if self.instance.pk else []
        chosen = [t.pk for t in current]
        self.fields["topics"].queryset = Topic.objects.of(forum).filter(Q(active=True) | Q(pk__in=chosen)).tree()  # type: ignore[attr-defined]
        if self.instance.pk and not self.is_bound:
            self.initial["topics"] = chosen

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        _no_nul(cleaned)
        if not (cleaned.get("name_ja", "").strip() or cleaned.get("name_en", "").strip()):
            self.add_error("name_ja", _("Give the group a name in Japanese or English."))
        slug = cleaned.get("slug")
        if slug in RESERVED_SLUGS:
            self.add_error("slug", _("This short name is used by the site's addresses."))
        elif slug:
            taken = WorkingGroup.objects.filter(forum=self.forum, slug=slug).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("slug", _("This forum already has a working group with this short name."))
        return cleaned

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        fields = (name for name in self.Meta.fields if name != "topics" and name in self.fields)
        return {name: data[name] for name in fields} | {"topics": list(data["topics"])}


class MemberForm(forms.Form):
    person = forms.ModelChoiceField(label=_("person"), queryset=Person.objects.none())
    role = forms.ChoiceField(label=_("role"), choices=MemberRole.choices, initial=MemberRole.MEMBER)
    user = forms.ModelChoiceField(
        label=_("account"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("Leave empty to use the person's own account."),
    )

    def __init__(self, *args: Any, forum: Any, with_accounts: bool = False, **kwargs: Any) -> None:
        """``with_accounts``: offer the forum's accounts (the secretariat's form; the list shows
        addresses, so a chair's form leaves it out and the person's own account is used)."""
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(forum=forum)  # type: ignore[attr-defined]
        if not with_accounts:
            del self.fields["user"]
            return
        self.fields["user"].queryset = get_user_model().objects.filter(memberships__forum=forum).order_by("email")  # type: ignore[attr-defined]


class DatedChoiceField(forms.ModelChoiceField):
    """An event or a consultation shown with its date first (hundreds of them read in date order)."""

    def label_from_instance(self, obj: Any) -> str:
        if isinstance(obj, Consultation):
            return f"{obj.local_closes:%Y-%m-%d} {obj}"
        day = getattr(obj, "first_day", None)
        return f"{day:%Y-%m-%d} {obj}" if day else str(obj)


class MilestoneForm(forms.ModelForm[Milestone]):
    month = MonthField(label=_("month"), required=False, help_text=_("YYYY-MM; or give the exact date."))

    class Meta:
        model = Milestone
        fields = ["kind", "title_ja", "title_en", "month", "day", "target_event", "target_consultation", "done", "note"]
        widgets = {
            "day": forms.DateInput(attrs={"type": "date"}),
            "done": forms.DateInput(attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"target_event": DatedChoiceField, "target_consultation": DatedChoiceField}

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target_event"].queryset = ExternalEvent.objects.top_level().chronological()  # type: ignore[attr-defined]
        self.fields["target_consultation"].queryset = Consultation.objects.by_deadline()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        _no_nul(cleaned)
        for name in ("day", "done"):
            if not _in_range(cleaned.get(name)):
                self.add_error(name, _("Give a date between 1900 and 2200."))
        if not cleaned.get("month") and not cleaned.get("day") and "month" not in self.errors:
            self.add_error("month", _("Give a month or an exact date."))
        if cleaned.get("target_event") and cleaned.get("target_consultation"):
            self.add_error("target_consultation", _("Aim at an event or a consultation, not both."))
        if not (cleaned.get("title_ja", "").strip() or cleaned.get("title_en", "").strip()):
            self.add_error("title_ja", _("Give a title in Japanese or English."))
        return cleaned

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}
