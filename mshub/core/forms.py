from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mshub.core.models import Forum, Membership, Role
from mshub.core.timezones import zone_choices


class OneOfRequired:
    """Forms that need at least one field of each group (a name in Japanese or English, …)."""

    one_of_required: tuple[tuple[tuple[str, ...], Any], ...] = ()

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}  # type: ignore[misc]
        for fields, message in self.one_of_required:
            if not any(data.get(field) for field in fields):
                raise forms.ValidationError(message)
        return data


class ForumSettingsForm(OneOfRequired, forms.ModelForm[Forum]):
    one_of_required = ((("name_ja", "name_en"), _("Give the forum's name in Japanese or English.")),)

    class Meta:
        model = Forum
        fields = [
            "name_ja",
            "name_en",
            "short_name",
            "description_ja",
            "description_en",
            "timezone",
            "accent_color",
            "is_public",
            "mailing_list",
        ]
        widgets = {
            "accent_color": forms.TextInput(attrs={"type": "color"}),
            "description_ja": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["timezone"].widget = forms.Select(choices=zone_choices())


class AddMemberForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    display_name = forms.CharField(label=_("Name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)

    def __init__(self, *args: Any, forum: Forum, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forum = forum

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(forum=self.forum, user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already a member of the forum."))
        return email


class ChangeRoleForm(forms.Form):
    membership = forms.IntegerField(widget=forms.HiddenInput)
    role = forms.ChoiceField(label=_("Role"), choices=[*Role.choices, ("", _("Remove from forum"))], required=False)
