"""The parsed record's shape, once: what ``parse_document`` returns, what the review page corrects and
``store_document`` stores, and what ``ImportItem.record`` / ``ArchiveDocument.parsed`` keep as JSON
(the table in docs/archive.md describes each key).

These are ``TypedDict``s, so the record stays the plain JSON object it always was (rows stored before
keep reading) while mypy checks every producer and reader against one definition; a test walks the
parsers' output on the sample documents against these types at run time
(``tests/archive/test_parsed_shape.py``), so they cannot drift from the JSON.

Records stored before a key existed may lack it: readers of a stored record use ``.get()``.

(No ``from __future__ import annotations`` here: it would hide ``NotRequired`` from the classes'
``__required_keys__``, which the run-time check reads.)
"""

from typing import Any, Literal, NotRequired, TypedDict

from mshub.archive.genres import GenreCode

Kind = Literal["Q", "A", "C"]
Outcome = Literal["cancelled", "deferred", "cut_for_time"]  # null: held as planned


class ProblemEntry(TypedDict):
    """A warning or an error as its code (``problems.CATALOGUE``) with its parameters."""

    code: str
    params: dict[str, Any]  # strings and numbers; a nested problem as a ProblemEntry, a list of them
    source: NotRequired[str]  # the file a whole-file error is about


class Problems(TypedDict):
    warnings: list[ProblemEntry]
    errors: list[ProblemEntry]


class Participants(TypedDict):
    onsite: int | None
    remote: int | None


class PresenterEntry(TypedDict):
    name: str | None
    organization: str | None
    # The review page's registry match: a pk, or "new"; absent: the best match (or a new record).
    person: NotRequired[int | str]
    organization_id: NotRequired[int | str]


class InterventionEntry(TypedDict):
    kind: Kind
    text: str


class AgendaEntry(TypedDict):
    number: str  # "2", "2.1"
    title: str
    presenters: list[PresenterEntry]
    outcome: Outcome | None
    outcome_note: str | None
    summary: str | None
    interventions: list[InterventionEntry]
    items: list["AgendaEntry"]
    page: int | None  # 1-based; null without form feeds


class FootnoteEntry(TypedDict):
    mark: str  # the number as a string: "1"
    text: str
    page: int | None


class AttendeeDetail(TypedDict):
    name: str
    organization: str | None
    note: str | None
    remote: bool | None


class MaterialEntry(TypedDict):
    label: str | None  # "資料1", null for a plain title under a 資料 heading
    title: str | None


class ActionEntry(TypedDict):
    text: str
    owner: str | None


class ConsultationEntry(TypedDict):
    body: str | None
    title: str | None
    deadline: str | None  # YYYY-MM-DD
    questions: list[str]
    url: str | None
    # The review page's decision: an existing consultation's pk, "new" or "skip"; absent: automatic.
    match: NotRequired[int | str]


class EventEntry(TypedDict):
    name: str
    dates: str | None  # as printed
    start: str | None  # YYYY-MM-DD
    end: str | None
    place: str | None
    url: str | None
    # The review page's decision: an existing event's pk, "new" or "skip"; absent: automatic.
    match: NotRequired[int | str]


class TopicItem(TypedDict):
    text: str
    urls: list[str]


class TopicEntry(TypedDict):
    title: str
    items: list[TopicItem]


class ParsedFields(TypedDict, total=False):
    """What a genre's parser finds (each parser gives the keys of its genre); the importer lays it
    over the empty record (``importer.empty_record``)."""

    series: str | None
    number: int | None
    title: str | None
    date: str | None  # YYYY-MM-DD
    start: str | None  # HH:MM
    end: str | None
    venue: str | None
    url: str | None  # http(s) only
    participants: Participants
    agenda: list[AgendaEntry]
    footnotes: list[FootnoteEntry]
    next_meeting: str | None
    attendees: list[str]
    attendee_details: list[AttendeeDetail]
    secretariat: list[str]
    recorder: str | None
    materials: list[MaterialEntry]
    decisions: list[str]
    actions: list[ActionEntry]
    consultations: list[ConsultationEntry]
    events: list[EventEntry]
    topics: list[TopicEntry]
    pages: int | None
    warnings: list[str]  # English sentences; their codes are in ``problems``
    problems: Problems


class ParsedRecord(TypedDict):
    """One document's record (docs/archive.md, “The JSON record”)."""

    source: str
    sha256: str
    genre: GenreCode | None  # null: the file could not be read
    confidence: float | None
    series: str | None
    number: int | None
    title: str | None
    date: str | None
    start: str | None
    end: str | None
    venue: str | None
    url: str | None
    participants: Participants
    agenda: list[AgendaEntry]
    footnotes: list[FootnoteEntry]
    next_meeting: str | None
    attendees: list[str]
    attendee_details: list[AttendeeDetail]
    secretariat: list[str]
    recorder: str | None
    materials: list[MaterialEntry]
    decisions: list[str]
    actions: list[ActionEntry]
    consultations: list[ConsultationEntry]
    events: list[EventEntry]
    topics: NotRequired[list[TopicEntry]]  # trend briefings only
    pages: int | None
    warnings: list[str]
    errors: list[str]
    problems: Problems
    # The review page's choice of stakeholder group for each organisation storing creates (a pk).
    organization_groups: NotRequired[dict[str, int]]
