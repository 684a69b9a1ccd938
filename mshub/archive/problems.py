"""The importer's errors and warnings as codes with parameters, rendered through the catalogue.

A ``Problem`` is what went wrong (``code``) with its particulars (``params``) and, for errors about a
whole file, the file's name (``source``). Its English sentence (``str(problem)``) is what the JSON
record keeps in ``warnings`` and ``errors``, as documented (docs/archive.md); beside them the record
keeps the codes in ``problems`` (``{"warnings": [...], "errors": [...]}``, one entry per sentence),
so that the screens render each message with gettext in the reader's language at display time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from django.utils.translation import gettext, gettext_noop

from mshub.archive.parsed import ParsedFields, ParsedRecord, ProblemEntry

# The msgids are the English sentences: the translations in the catalogue apply as they are.
CATALOGUE: dict[str, str] = {
    "empty": gettext_noop("the file is empty"),
    "too_large": gettext_noop("the file is larger than %(mb)s MB"),
    "zip_not_docx": gettext_noop("a ZIP archive that is not a Word document"),
    "expands_too_much": gettext_noop("the file could not be read: it expands too much (more than %(mb)s MB unpacked)"),
    "compressed_too_much": gettext_noop(
        "the file could not be read: it expands too much (a part is compressed more than %(n)s to 1)"
    ),
    "too_many_parts": gettext_noop("the file could not be read: it has too many parts (more than %(n)s)"),
    "too_much_memory": gettext_noop("the file could not be read: it needs too much memory"),
    "too_slow": gettext_noop("the file could not be read: it takes too long (more than %(s)s seconds)"),
    "unreadable": gettext_noop("cannot be read (%(detail)s)"),
    "encrypted": gettext_noop("the PDF is encrypted"),
    "damaged_pdf": gettext_noop("a damaged PDF (%(detail)s)"),
    "no_text_layer": gettext_noop("no text layer (a scanned PDF; OCR is not supported)"),
    "unknown_format": gettext_noop("not text, PDF, HTML or DOCX"),
    "unknown_genre": gettext_noop("unknown genre “%(genre)s”"),
    "unparsable": gettext_noop("could not be parsed as %(genre)s (%(detail)s)"),
    "not_stored": gettext_noop("not stored (%(detail)s)"),
    "cannot_open": "cannot be opened (%(detail)s)",  # the command line only (English)
    "needs_number_and_date": gettext_noop("a meeting needs its number and date to be stored"),
    "exists_not_imported": gettext_noop(
        "%(meeting)s already exists in “%(series)s” and was not imported from the archive; "
        "store the document into another series"
    ),
    "later_meeting_exists": gettext_noop(
        "the document has no number and “%(meeting)s” of %(date)s comes after it in “%(series)s”; "
        "give its number on the review page"
    ),
    "place_taken": gettext_noop(
        "the document has no number and number %(number)s (its place by date) is taken in "
        "“%(series)s”; give its number on the review page"
    ),
    "weekday_mismatch": gettext_noop(
        "the printed weekday (%(printed)s) does not match %(date)s (%(actual)s); the date is kept"
    ),
    "impossible_date": gettext_noop("impossible date “%(text)s”: ignored"),
    "attendee_unknown": gettext_noop("attendee “%(name)s” is not in the registry: not recorded as attending"),
    "consultation_no_deadline": gettext_noop(
        "consultation “%(title)s” has no deadline: not added to the consultations (give it one on the review page)"
    ),
    "calendar_entry_refused": gettext_noop("“%(name)s” was not added to the calendar or consultations: %(detail)s"),
    "not_web_url": "URL “%(url)s” is not a web address (http or https): left out",
    # A sentence without a code of its own: a record edited by hand (records parsed before codes were
    # kept had theirs recognised by migration archive 0006).
    "text": "%(text)s",
}


@dataclass(frozen=True)
class Problem:
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    source: str = ""  # the file a whole-file error is about: shown as "name: …"

    def __post_init__(self) -> None:
        if self.code not in CATALOGUE:
            raise ValueError(f"unknown problem code {self.code!r}")

    def __str__(self) -> str:
        """The English sentence: what the JSON record and the command line show."""
        return self._render(lambda msgid: msgid, english=True)

    def localized(self) -> str:
        """The sentence in the active language (gettext), the file name and particulars kept as they are."""
        return self._render(gettext, english=False)

    def _render(self, translate: Callable[[str], str], english: bool) -> str:
        if self.code == "text":  # a sentence kept without a code (edited by hand): shown as it is
            return str(self.params.get("text", ""))
        params = {name: _param(value, english) for name, value in self.params.items()}
        if self.code == "unparsable" and not english:
            from mshub.archive.models import genre_label

            params["genre"] = genre_label(str(self.params["genre"]))
        text = translate(CATALOGUE[self.code]) % params
        return f"{self.source}: {text}" if self.source else text

    def as_json(self) -> ProblemEntry:
        out: ProblemEntry = {"code": self.code, "params": {k: _json(v) for k, v in self.params.items()}}
        if self.source:
            out["source"] = self.source
        return out

    @classmethod
    def from_json(cls, data: ProblemEntry) -> Problem:
        params = {k: _from_json(v) for k, v in (data.get("params") or {}).items()}
        return cls(data["code"], params, data.get("source") or "")


def _param(value: Any, english: bool) -> str:
    if isinstance(value, Problem):
        return str(value) if english else value.localized()
    if isinstance(value, (list, tuple)):
        return "; ".join(_param(v, english) for v in value)
    return str(value)


def _json(value: Any) -> Any:
    if isinstance(value, Problem):
        return value.as_json()
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    return value


def _from_json(value: Any) -> Any:
    if isinstance(value, dict) and "code" in value:
        entry: ProblemEntry = {"code": value["code"], "params": value.get("params") or {}}
        if value.get("source"):
            entry["source"] = value["source"]
        return Problem.from_json(entry)
    if isinstance(value, list):
        return [_from_json(v) for v in value]
    return value


class ProblemError(ValueError):
    """An error that is one or more problems; ``str()`` is the English sentences joined by “; ”."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = list(problems)

    @property
    def problem(self) -> Problem:
        return self.problems[0]

    def localized(self) -> str:
        return "; ".join(p.localized() for p in self.problems)


# --- the record -------------------------------------------------------------------------------

ProblemKind = Literal["warnings", "errors"]
KINDS: tuple[ProblemKind, ...] = ("warnings", "errors")


def add(record: ParsedRecord, kind: ProblemKind, problem: Problem) -> None:
    """Append ``problem`` to the record's ``kind`` ("warnings" or "errors"): its sentence and its code."""
    codes = _codes(record, kind)
    record.setdefault(kind, []).append(str(problem))
    codes.append(problem.as_json())


def _codes(record: ParsedRecord, kind: ProblemKind) -> list[ProblemEntry]:
    """The codes of ``kind``, one per sentence (a sentence from before codes were kept: its text)."""
    sentences = record.setdefault(kind, [])
    kept = record.setdefault("problems", {"warnings": [], "errors": []})
    codes = kept.setdefault(kind, [])
    if len(codes) != len(sentences):
        codes[:] = [_as_text(s) for s in sentences]
    return codes


def _as_text(sentence: Any) -> ProblemEntry:
    return Problem("text", {"text": str(sentence)}).as_json()


def settle(fields: ParsedFields, warnings: list[Problem]) -> ParsedFields:
    """A parser's findings with its ``warnings`` as sentences and, beside them, as codes."""
    fields["warnings"] = [str(w) for w in warnings]
    fields["problems"] = {"warnings": [w.as_json() for w in warnings], "errors": []}
    return fields


def stored_problems(record: ParsedRecord | None, kind: ProblemKind) -> list[Problem]:
    """The record's ``kind`` ("warnings" or "errors") as problems, from their codes (a record stored
    before codes were kept had its sentences turned into codes by migration archive 0006; an entry
    edited by hand into something else is shown as it is)."""
    if not record:
        return []
    sentences = list(record.get(kind) or [])
    codes: list[Any] = list((record.get("problems") or {}).get(kind) or [])
    if len(codes) != len(sentences):
        codes = [_as_text(s) for s in sentences]
    out = []
    for code in codes:
        try:
            out.append(Problem.from_json(code))
        except (KeyError, TypeError, ValueError, AttributeError):  # edited by hand into something else
            out.append(Problem("text", {"text": str(code)}))
    return out


def shown(record: ParsedRecord | None, kind: ProblemKind) -> list[str]:
    """The record's ``kind`` in the active language."""
    return [p.localized() for p in stored_problems(record, kind)]
