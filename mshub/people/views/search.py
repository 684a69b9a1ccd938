"""Search endpoints behind the person and organisation pickers: ``<option>`` elements for htmx."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.generic import View

from mshub.core.views.base import ForumView
from mshub.people.models import Organization, Person
from mshub.people.pickers import (
    LIMIT,
    organization_label,
    person_label,
    query_of,
    search_organizations,
    search_people,
)


def _options(request: HttpRequest, text: str, choices: list[tuple[int, str]]) -> HttpResponse:
    context = {"query": text, "choices": choices, "limit": LIMIT, "full": len(choices) >= LIMIT}
    return render(request, "people/_picker_options.html", context)


class PersonSearchView(ForumView, View):
    """People of the forum whose name (kanji, reading, romaji) matches ``q``: at most ``LIMIT``."""

    permission_required = "people.view_person"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        text = query_of(request.GET)
        found = search_people(Person.objects.filter(forum=self.forum), text)
        return _options(request, text, [(p.pk, person_label(p)) for p in found])


class OrganizationSearchView(ForumView, View):
    """Organisations of the forum whose name or abbreviation matches ``q``: at most ``LIMIT``."""

    permission_required = "people.view_organization"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        text = query_of(request.GET)
        found = search_organizations(Organization.objects.filter(forum=self.forum), text)
        return _options(request, text, [(o.pk, organization_label(o)) for o in found])
