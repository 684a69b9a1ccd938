"""Finding people and organisations in the registry by name: exact first, then fuzzy (rapidfuzz)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from mshub.archive.normalize import narrow
from mshub.people.models import Organization, Person

FUZZY_THRESHOLD = 90


def squash(name: str) -> str:
    """Names compared without spaces, width variants or honorifics."""
    return re.sub(r"\s+|氏$|様$|さん$", "", narrow(name or "")).lower()


@dataclass
class Match:
    record: Any
    score: float

    @property
    def exact(self) -> bool:
        return self.score >= 100


def _candidates(queryset: Any, fields: list[str]) -> dict[str, Any]:
    names: dict[str, Any] = {}
    for record in queryset:
        for field in fields:
            value = squash(getattr(record, field))
            if value:
                names.setdefault(value, record)
    return names


def match_person(forum: Any, name: str) -> Match | None:
    names = _candidates(Person.objects.filter(forum=forum), ["name_ja", "name_latin"])
    return _best(names, squash(name))


def match_organization(forum: Any, name: str) -> Match | None:
    names = _candidates(Organization.objects.filter(forum=forum), ["name_ja", "name_en", "short_name"])
    return _best(names, squash(name))


def _best(names: dict[str, Any], wanted: str) -> Match | None:
    if not wanted:
        return None
    if wanted in names:
        return Match(names[wanted], 100.0)
    found = process.extractOne(wanted, list(names), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
    return Match(names[found[0]], float(found[1])) if found else None
