"""Forms of the calendar's import: an uploaded .ics file, and a feed subscription."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mshub.calendar.icsparse import MAX_BYTES
from mshub.calendar.models import FeedSubscription
from mshub.core.fetch import FetchError, check_url
from mshub.core.timezones import zone_choices


class IcsUploadForm(forms.Form):
    file = forms.FileField(label=_("Calendar file (.ics)"))
    timezone = forms.ChoiceField(
        label=_("Zone for times without one"),
        choices=zone_choices,
        help_text=_("Some calendar programs write times without a zone; they are read in this zone."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than %(size)s bytes.") % {"size": MAX_BYTES})
        return upload


class SubscriptionForm(forms.ModelForm[FeedSubscription]):
    url = forms.URLField(
        label=_("Feed address"),
        max_length=1000,
        assume_scheme="https",
        help_text=_("An http:// or https:// .ics address."),
    )
    timezone = forms.ChoiceField(label=_("Zone for floating times"), choices=zone_choices)

    class Meta:
        model = FeedSubscription
        fields = ["name", "url", "timezone", "active"]

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        try:
            return check_url(url)
        except FetchError as exc:
            raise forms.ValidationError(str(exc)) from exc
