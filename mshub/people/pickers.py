"""Pickers for a person or an organisation that search as you type instead of listing every name.

A picker is a search box and a short list (a ``<select>`` of at most ``LIMIT`` matches) that carries
the chosen id. With htmx the list is refilled from the forum's search endpoint as one types; without
JavaScript the *Search* button submits the form, which comes back with the matches to pick from.
The form's field keeps the forum-scoped queryset, so a submitted id must still belong to the forum.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from mshub.people.models import Organization, Person

LIMIT = 20
SEARCH = "__search__"  # the value of a picker whose Search button was pressed: pick again


def query_of(data: QueryDict | dict[str, Any]) -> str:
    """The text searched for: ``q``, or a picker's own search box (``<field>_q``, what htmx sends)."""
    text = data.get("q") or next((v for k, v in data.items() if k.endswith("_q") and v), "")
    return str(text).strip()[:100]


def search_people(queryset: models.QuerySet[Person], text: str) -> list[Person]:
    """At most ``LIMIT`` people whose name, reading or romaji matches, each with today's affiliation."""
    if not text:
        return []
    found = queryset.search(text).with_affiliations_on(timezone.localdate())  # type: ignore[attr-defined]
    return list(found[:LIMIT])


def search_organizations(queryset: models.QuerySet[Organization], text: str) -> list[Organization]:
    """At most ``LIMIT`` organisations whose name (Japanese, English) or abbreviation matches."""
    return list(queryset.search(text)[:LIMIT]) if text else []  # type: ignore[attr-defined]


def person_label(person: Person) -> str:
    """The name, its reading and where the person is now: enough to tell namesakes apart."""
    parts = [person.name]
    reading = f"{person.family_name_kana} {person.given_name_kana}".strip()
    if reading:
        parts.append(reading)
    if person.other_name:
        parts.append(person.other_name)
    affiliations = getattr(person, "affiliations_then", None)
    if affiliations:
        parts.append(affiliations[0].organization.name)
    return " · ".join(parts)


def organization_label(organization: Organization) -> str:
    short = organization.short_name
    return f"{organization.name} ({short})" if short and short != organization.name else organization.name


class SearchPicker(forms.Select):
    """A search box, a Search button and a list of the matches (the ``<select>`` that is submitted).

    The list holds the chosen record and the matches of the text searched for: never the whole registry.
    """

    endpoint = ""  # the URL name of the forum's search endpoint
    placeholder: Any = ""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs={"size": 6, "class": "picker-list", **(attrs or {})})
        self.forum_slug = ""
        self.query = ""
        self.queryset: models.QuerySet[Any] | None = None
        self.chosen: Any = None

    def use_required_attribute(self, initial: Any) -> bool:
        return False  # the list starts empty: the browser must not refuse the form before a search

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        self.query = str(data.get(f"{name}_q") or "").strip()[:100]
        self.chosen = super().value_from_datadict(data, files, name)
        # The Search button is the form's first, so Enter in any field presses it: a new text (or no
        # choice yet) is a search; the text the list already shows, with a choice made, is a submission.
        if f"{name}_search" in data and (not self.chosen or self.query != data.get(f"{name}_searched", "")):
            return SEARCH
        return self.chosen

    def matches(self, queryset: models.QuerySet[Any], text: str) -> list[Any]:
        raise NotImplementedError

    def label(self, obj: Any) -> str:
        return str(obj)

    def offered(self, value: Any) -> list[Any]:
        if self.queryset is None:
            return []
        pk = getattr(value, "pk", value)
        chosen = self.queryset.filter(pk=pk).first() if str(pk or "").isdigit() else None
        found = self.matches(self.queryset, self.query)
        return ([chosen] if chosen else []) + [obj for obj in found if not chosen or obj.pk != chosen.pk]

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> SafeString:
        value = self.chosen if value == SEARCH else value
        self.choices = [("", "—")] + [(obj.pk, self.label(obj)) for obj in self.offered(value)]
        attrs = attrs or {}
        list_id = attrs.get("id") or f"id_{name}"
        url = reverse(self.endpoint, kwargs={"forum": self.forum_slug})
        box = format_html(
            '<input type="search" name="{}_q" id="{}_q" value="{}" class="picker-query" autocomplete="off" '
            'placeholder="{}" aria-label="{}" aria-controls="{}" hx-get="{}" hx-target="#{}" hx-swap="innerHTML" '
            'hx-trigger="input changed delay:250ms, search">',
            name,
            list_id,
            self.query,
            self.placeholder,
            self.placeholder,
            list_id,
            url,
            list_id,
        )
        button = format_html(
            '<button type="submit" name="{}_search" value="1" class="secondary" formnovalidate>{}</button>',
            name,
            _("Search"),
        )
        listing = super().render(name, value, attrs, renderer)
        searched = format_html('<input type="hidden" name="{}_searched" value="{}">', name, self.query)
        return format_html('<div class="picker">{}{}{}{}</div>', box, button, searched, listing)


class PersonPicker(SearchPicker):
    endpoint = "people:person-search"
    placeholder = _("Type a name, its reading or romaji")

    def matches(self, queryset: models.QuerySet[Any], text: str) -> list[Any]:
        return search_people(queryset, text)

    def label(self, obj: Any) -> str:
        return person_label(obj)


class OrganizationPicker(SearchPicker):
    endpoint = "people:organization-search"
    placeholder = _("Type a name or abbreviation")

    def matches(self, queryset: models.QuerySet[Any], text: str) -> list[Any]:
        return search_organizations(queryset, text)

    def label(self, obj: Any) -> str:
        return organization_label(obj)


class PickerField(forms.ModelChoiceField):
    """A choice of one record of the forum, offered as a search; the queryset still validates the id.

    Call ``for_forum(forum)`` in the form's ``__init__``: until then nothing can be chosen.
    """

    model: type[models.Model] = models.Model
    widget_class: type[SearchPicker] = SearchPicker

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", self.model._default_manager.none())
        kwargs["widget"] = self.widget_class
        super().__init__(*args, **kwargs)

    def for_forum(self, forum: Any, queryset: models.QuerySet[Any] | None = None) -> None:
        """Limit the choice to ``forum``'s records (or to ``queryset``, already within it)."""
        self.queryset = queryset if queryset is not None else self.model._default_manager.filter(forum=forum)
        assert isinstance(self.widget, SearchPicker)
        self.widget.queryset = self.queryset
        self.widget.forum_slug = forum.slug

    def to_python(self, value: Any) -> Any:
        searched = isinstance(self.widget, SearchPicker) and self.widget.query
        if value == SEARCH or (value in self.empty_values and searched):  # typed a name, picked none
            raise forms.ValidationError(_("Pick one of the matches below."), code="search")
        return super().to_python(value)


class PersonField(PickerField):
    model = Person
    widget_class = PersonPicker


class OrganizationField(PickerField):
    model = Organization
    widget_class = OrganizationPicker
