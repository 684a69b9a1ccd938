"""Forms of the calendar. Times are typed as wall-clock times in the event's own zone."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import Q
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from mshub.calendar.models import Body, EventKind, ExternalEvent, Presence, ReportBack
from mshub.core.concurrency import VersionedForm
from mshub.core.fields import WebURLFormField
from mshub.core.timezones import in_zone, make_aware_in, zone_choices
from mshub.meetings.models import AgendaItem, Meeting
from mshub.people.pickers import PersonField


class WallClockField(forms.DateTimeField):
    """A date and time as typed, without a zone: the form reads it in the event's zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value: Any) -> dt.datetime | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.replace(tzinfo=None)
        try:
            result = parse_datetime(str(value).strip())
        except ValueError as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc
        if result is None:
            result = super(forms.DateTimeField, self).to_python(value)  # the input formats (BaseTemporalField)
        if not isinstance(result, dt.datetime):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return result.replace(tzinfo=None)

    def prepare_value(self, value: Any) -> Any:
        return value  # shown as typed (the form puts the event's local times in ``initial``)


def _terms(model: type[Body] | type[EventKind], current: Any) -> Any:
    """The terms in use, and the one the event has even if it was retired since."""
    keep = Q(active=True) | Q(pk=getattr(current, "pk", None))
    return model.objects.filter(keep)


class EventForm(VersionedForm, forms.ModelForm[ExternalEvent]):
    """Create or edit a shared event; the fields that a precision does not use are ignored."""

    start = WallClockField(label=_("Starts"), required=False, help_text=_("Local time at the event."))
    end = WallClockField(label=_("Ends"), required=False)
    url = WebURLFormField(label=_("web page"), required=False)
    message = forms.CharField(
        label=_("What changed and why"),
        max_length=300,
        required=False,
        help_text=_("Kept in the event's history, which every forum sees."),
    )

    class Meta:
        model = ExternalEvent
        fields = [
            "name_ja",
            "name_en",
            "body",
            "kind",
            "parent",
            "status",
            "precision",
            "timezone",
            "start",
            "end",
            "start_date",
            "end_date",
            "year",
            "month",
            "city_ja",
            "city_en",
            "country",
            "mode",
            "url",
            "description_ja",
            "description_en",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "precision": forms.RadioSelect,
            "description_ja": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        event = self.instance
        self.fields["body"].queryset = _terms(Body, event.body)  # type: ignore[attr-defined]
        self.fields["kind"].queryset = _terms(EventKind, event.kind)  # type: ignore[attr-defined]
        parents = ExternalEvent.objects.top_level().exclude(pk=event.pk).order_by("-first_day", "pk")
        self.fields["parent"].queryset = parents  # type: ignore[attr-defined]
        zone = self.fields["timezone"]
        zone.widget = forms.Select(choices=zone_choices())
        zone.error_messages["invalid_choice"] = _("“%(value)s” is not an IANA time zone such as Asia/Tokyo.")
        if event.pk and event.start and event.end:
            self.initial["start"] = in_zone(event.start, event.timezone).replace(tzinfo=None)
            self.initial["end"] = in_zone(event.end, event.timezone).replace(tzinfo=None)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        zone = data.get("timezone")
        for name in ("start", "end"):
            value = data.get(name)
            if isinstance(value, dt.datetime) and value.tzinfo is None:
                data[name] = make_aware_in(value, zone) if zone else None
        return data


class PresenceForm(forms.ModelForm[Presence]):
    person = PersonField(label=_("Person"))

    class Meta:
        model = Presence
        fields = ["person", "role", "affiliation_ja", "affiliation_en", "note"]

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].for_forum(forum)  # type: ignore[attr-defined]

    def _post_clean(self) -> None:
        pass  # the service checks the forum and duplicates (the instance has no event yet)


class ReportBackForm(forms.ModelForm[ReportBack]):
    url = WebURLFormField(label=_("web page"), required=False)

    class Meta:
        model = ReportBack
        fields = ["meeting", "agenda_item", "title_ja", "title_en", "url"]

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = (  # type: ignore[attr-defined]
            Meeting.objects.filter(forum=forum).select_related("series").order_by("-start")
        )
        self.fields["agenda_item"].queryset = (  # type: ignore[attr-defined]
            AgendaItem.objects.filter(meeting__forum=forum, parent=None)
            .select_related("meeting__series")
            .order_by("-meeting__start", "position")
        )
        self.fields["agenda_item"].label_from_instance = (  # type: ignore[attr-defined]
            lambda item: f"{item.meeting} — {item.title}"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("meeting") or data.get("agenda_item") or data.get("url")):
            raise forms.ValidationError(_("Choose a meeting or an agenda item, or give the address of a page."))
        return data

    def _post_clean(self) -> None:
        pass  # the service builds and checks the record
