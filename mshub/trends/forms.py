"""Forms of the trends: a trend item (topics and organisations of this forum only; summaries may hold
a few inline tags and http(s) links, sanitised by the service), a feed, and the list's filters."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mshub.core.fetch import FetchError, check_url
from mshub.core.fields import WebURLFormField
from mshub.people.models import Organization
from mshub.topics.models import Topic
from mshub.topics.services import topics_on
from mshub.trends.models import TrendFeed, TrendItem


def _no_nul(value: Any) -> Any:
    if isinstance(value, str) and "\x00" in value:
        raise ValidationError(_("The text contains a NUL character."))
    return value


def topic_choices(forum: Any, current: list[Topic] | None = None) -> Any:
    """The forum's topics in use, with those already chosen (a retired one stays shown)."""
    chosen = [t.pk for t in current or []]
    return Topic.objects.of(forum).filter(Q(active=True) | Q(pk__in=chosen)).tree()


class TrendItemForm(forms.ModelForm[TrendItem]):
    source_url = WebURLFormField(label=_("source address"), required=False, max_length=1000)
    topics = forms.ModelMultipleChoiceField(label=_("topics"), queryset=Topic.objects.none(), required=False)

    class Meta:
        model = TrendItem
        fields = [
            "title",
            "date",
            "summary_ja",
            "summary_en",
            "source_name",
            "source_url",
            "topics",
            "region",
            "organizations",
            "countries",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "summary_ja": forms.Textarea(attrs={"rows": 5}),
            "summary_en": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "summary_en": _("Plain text; <b>, <i>, <em>, <strong>, <code> and http(s) links are kept, nothing else."),
        }

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forum = forum
        current = topics_on(self.instance) if self.instance.pk else []
        self.fields["topics"].queryset = topic_choices(forum, current)  # type: ignore[attr-defined]
        if self.instance.pk and not self.is_bound:
            self.initial["topics"] = [t.pk for t in current]
        self.fields["organizations"].queryset = Organization.objects.filter(forum=forum)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in ("title", "summary_ja", "summary_en", "source_name"):
            _no_nul(cleaned.get(name))
        date = cleaned.get("date")
        if isinstance(date, dt.date) and not dt.date(1900, 1, 1) <= date <= dt.date(2200, 12, 31):
            self.add_error("date", _("Give a date between 1900 and 2200."))
        return cleaned

    def values(self) -> dict[str, Any]:
        """The fields for ``services.create_item`` / ``update_item``."""
        data = self.cleaned_data
        fields = {name: data[name] for name in self.Meta.fields if name not in ("topics", "organizations")}
        fields["region"] = fields.get("region") or ""
        return {"topics": list(data["topics"]), "organizations": list(data["organizations"]), **fields}


class TrendFeedForm(forms.ModelForm[TrendFeed]):
    url = WebURLFormField(
        label=_("feed address"), max_length=1000, help_text=_("An http:// or https:// RSS or Atom address.")
    )
    topics = forms.ModelMultipleChoiceField(label=_("topics"), queryset=Topic.objects.none(), required=False)

    class Meta:
        model = TrendFeed
        fields = ["name", "url", "active", "topics"]

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = list(self.instance.topics.all()) if self.instance.pk else []
        self.fields["topics"].queryset = topic_choices(forum, current)  # type: ignore[attr-defined]

    def clean_name(self) -> str:
        return str(_no_nul(self.cleaned_data["name"]))

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        try:
            return check_url(url)
        except FetchError as exc:
            raise ValidationError(str(exc)) from exc

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"name": data["name"], "url": data["url"], "active": data["active"], "topics": list(data["topics"])}


PERIODS = (
    ("", _("any time")),
    ("30", _("the last 30 days")),
    ("365", _("the last 12 months")),
)


class TrendFilterForm(forms.Form):
    """The list's filters (GET): a topic (by code), a source (by name), a period or a year."""

    topic = forms.ChoiceField(
        label=_("topic"), required=False, error_messages={"invalid_choice": _("Choose one of this forum's topics.")}
    )
    source = forms.ChoiceField(
        label=_("source"), required=False, error_messages={"invalid_choice": _("Choose one of the sources listed.")}
    )
    period = forms.ChoiceField(label=_("period"), required=False, choices=PERIODS)
    year = forms.IntegerField(label=_("year"), required=False, min_value=1900, max_value=2200)

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        topics = Topic.objects.of(forum).tree()
        self.fields["topic"].choices = [("", _("any topic"))] + [  # type: ignore[attr-defined]
            (t.code, ("— " if t.parent_id else "") + t.name) for t in topics
        ]
        sources = (
            TrendItem.objects.of(forum)
            .exclude(source_name="")
            .order_by("source_name")
            .values_list("source_name", flat=True)
            .distinct()
        )
        self.fields["source"].choices = [("", _("any source"))] + [(s, s) for s in sources]  # type: ignore[attr-defined]
