"""Finding people and organisations in the registry by name: exact first, then fuzzy (rapidfuzz)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from mshub.core.text import narrow
from mshub.core.text import squash as squash_text
from mshub.people.models import Organization, Person

FUZZY_THRESHOLD = 90
# "日本ネットワークインフォメーションセンター (JPNIC)": a name with its abbreviation in brackets
# (full-width brackets are narrowed first).
_BRACKETED = re.compile(r"^(?P<main>.*?\S)\s*\((?P<short>[A-Za-z][A-Za-z0-9&.\- ]{0,19})\)$")
_HONORIFIC = re.compile(r"(?:氏|様|さん)$")


def squash(name: str) -> str:
    """Names compared without spaces, width variants or honorifics."""
    return squash_text(_HONORIFIC.sub("", (name or "").rstrip()))


def name_forms(name: str) -> tuple[str, str]:
    """``(name, abbreviation)``: "一般社団法人… (JPNIC)" → ("一般社団法人…", "JPNIC"); a bare name has none."""
    text = narrow(name or "").strip()
    m = _BRACKETED.match(text)
    return (m["main"].strip(), m["short"].strip()) if m else (text, "")


@dataclass
class Match:
    record: Any
    score: float
    via: str = ""  # "abbreviation" when found by the abbreviation or the name outside the brackets

    @property
    def exact(self) -> bool:
        return self.score >= 100


class NameIndex:
    """A forum's records loaded once, for matching many names (an import, a review page)."""

    fields: tuple[str, ...] = ()

    def __init__(self, records: Any) -> None:
        self.records: list[Any] = []
        self.names: dict[str, Any] = {}
        for record in records:
            self.add(record)

    def keys(self, record: Any) -> list[str]:
        """The squashed names ``record`` is found by."""
        return [squash(getattr(record, field)) for field in self.fields]

    def add(self, record: Any) -> None:
        self.records.append(record)
        for value in self.keys(record):
            if value:
                self.names.setdefault(value, record)

    def best(self, name: str) -> Match | None:
        return _best(self.names, squash(name))

    def candidates(self, name: str, limit: int = 5, cutoff: float = 60) -> list[Match]:
        """The likeliest records for ``name``, best first, for a reviewer to choose from."""
        wanted = squash(name)
        if not wanted:
            return []
        found = process.extract(wanted, list(self.names), scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit * 2)
        matches: dict[int, Match] = {}
        for value, score, _index in found:
            matches.setdefault(self.names[value].pk, Match(self.names[value], float(score)))
        for record in self.also(wanted):
            matches.setdefault(record.pk, Match(record, 80.0))
        return sorted(matches.values(), key=lambda m: -m.score)[:limit]

    def also(self, wanted: str) -> list[Any]:
        """Records a fuzzy score misses but a reviewer should see."""
        return []


class PersonIndex(NameIndex):
    """People; a lone family name (``高村``, as steering memos list attendees) finds those who have it."""

    fields = ("name_ja", "name_latin")

    def __init__(self, forum: Any) -> None:
        super().__init__(Person.objects.filter(forum=forum))

    def attendee(self, name: str) -> Match | None:
        """A full name as ``best``; a lone family name only when one person in the forum has it."""
        found = self.best(name)
        if found:
            return found
        people = self.also(squash(name))
        return Match(people[0], 80.0) if len(people) == 1 else None

    def also(self, wanted: str) -> list[Any]:
        return [p for p in self.records if wanted and wanted in (squash(p.family_name_ja), squash(p.family_name_latin))]


class OrganizationIndex(NameIndex):
    """Organisations, by Japanese, English and short name and the other names they are known by; a
    name with its abbreviation in brackets is also found by either part, so that "JPNIC" and
    "一般社団法人日本ネットワークインフォメーションセンター（JPNIC）" are one organisation."""

    fields = ("name_ja", "name_en", "short_name")

    def __init__(self, forum: Any) -> None:
        super().__init__(Organization.objects.filter(forum=forum))

    def keys(self, record: Any) -> list[str]:
        keys = []
        for value in [*(getattr(record, field) for field in self.fields), *(record.aliases or [])]:
            main, short = name_forms(value)
            keys += [squash(value), squash(main), squash(short)]
        return keys

    def best(self, name: str) -> Match | None:
        wanted = squash(name)
        if wanted in self.names:
            return Match(self.names[wanted], 100.0)
        main, short = name_forms(name)
        for part in (squash(short), squash(main)):
            if part and part in self.names:
                return Match(self.names[part], 100.0, via="abbreviation")
        return _best(self.names, wanted)

    def known_as(self, record: Any, name: str) -> bool:
        """Whether ``name`` is already one of ``record``'s names."""
        wanted = squash(name)
        return bool(wanted) and wanted in self.keys(record)


def _best(names: dict[str, Any], wanted: str) -> Match | None:
    if not wanted:
        return None
    if wanted in names:
        return Match(names[wanted], 100.0)
    found = process.extractOne(wanted, list(names), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
    return Match(names[found[0]], float(found[1])) if found else None
