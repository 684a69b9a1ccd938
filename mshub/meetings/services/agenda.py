"""The agenda as a numbered tree (1, 2, 2.1 …), presenters with their affiliation at the time, ordering."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from django.db import models, transaction

from mshub.core.concurrency import create_at_next_position, save_as_last, save_versioned
from mshub.core.i18n import current_language
from mshub.core.models.events import record
from mshub.core.pagecache import record_changed
from mshub.meetings.models import AgendaItem, Intervention, ItemOutcome, Meeting, Presenter
from mshub.meetings.models.agenda import planned_span, planned_time_text
from mshub.people.models import Person, best_first_order, held_on

PARKED = 20000  # above any real position, below the field's limit (32767)


@dataclass
class AgendaNode:
    item: AgendaItem
    number: str
    depth: int
    children: list[AgendaNode] = field(default_factory=list)


def agenda_items(meeting: Meeting, *, presenters: bool = False, minutes: bool = False) -> models.QuerySet[AgendaItem]:
    """The meeting's items in order, in a fixed number of queries, with only what the page shows.

    ``presenters``: each item's presenters as records, with their person (the editing screens;
    pages that print names and affiliations read them with ``presenter_lines``). ``minutes``: each
    item's Q/A/C entries with their speakers, and the meeting it was deferred to (the report).
    """
    items = AgendaItem.objects.filter(meeting=meeting).order_by("position", "pk")
    if presenters:
        with_person = Presenter.objects.select_related("person")
        items = items.prefetch_related(models.Prefetch("presenters", queryset=with_person))
    if minutes:
        items = items.select_related("deferred_to__series").prefetch_related(
            models.Prefetch("interventions", queryset=Intervention.objects.select_related("speaker"))
        )
    return items


def numbered(by_parent: dict[Any, list[Any]], key: Callable[[Any], Any]) -> Iterator[tuple[Any, str, int]]:
    """Each entry of an agenda with its number ("2.1") and depth, in reading order: ``by_parent``
    maps a parent's key (None for the top level) to its children in order; ``key`` gives an entry's."""

    def walk(parent: Any, prefix: str, depth: int) -> Iterator[tuple[Any, str, int]]:
        for index, entry in enumerate(by_parent.get(parent, ()), start=1):
            number = f"{prefix}{index}"
            yield entry, number, depth
            yield from walk(key(entry), f"{number}.", depth + 1)

    return walk(None, "", 0)


def agenda_tree(meeting: Meeting, items: list[AgendaItem] | None = None) -> list[AgendaNode]:
    items = list(items if items is not None else agenda_items(meeting))
    by_parent: dict[int | None, list[AgendaItem]] = {}
    for item in items:
        item.meeting = meeting  # planned times are shown in the meeting's zone, without a query per item
        by_parent.setdefault(item.parent_id, []).append(item)
    roots: list[AgendaNode] = []
    nodes: dict[int, AgendaNode] = {}
    for item, number, depth in numbered(by_parent, lambda item: item.pk):
        node = nodes[item.pk] = AgendaNode(item, number, depth)
        (nodes[item.parent_id].children if item.parent_id is not None else roots).append(node)
    return roots


@dataclass(slots=True)
class AgendaLine:
    """One row of the agenda as the meeting page prints it, read as values (no AgendaItem made)."""

    number: str
    depth: int
    title: str
    planned_time: str  # "14:10–14:40", "(20 min)" or ""
    outcome: str  # the outcome's label, "" when held as planned
    presenters: list[PresenterLine]


def agenda_lines(meeting: Meeting, language: str | None = None) -> list[AgendaLine]:
    """The whole agenda as printed on the meeting page, in reading order, in three queries
    (items, presenters, their affiliations on the day: ``presenter_lines``)."""
    lang = language or current_language()
    other = "en" if lang == "ja" else "ja"
    fields = ("pk", "parent_id", f"title_{lang}", f"title_{other}", "planned_start", "duration_minutes", "outcome")
    rows = AgendaItem.objects.filter(meeting=meeting).order_by("position", "pk").values_list(*fields)
    by_parent: dict[int | None, list[tuple[Any, ...]]] = {}
    for row in rows:
        by_parent.setdefault(row[1], []).append(row)
    people = presenter_lines(meeting, lang)
    local_start, local_end = meeting.local_start, meeting.local_end
    labels = {value: str(label) for value, label in ItemOutcome.choices if value != ItemOutcome.HELD}
    lines = []
    for (pk, _parent, title, other_title, start, minutes, outcome), number, depth in numbered(by_parent, itemgetter(0)):
        span = planned_span(local_start, local_end, start, minutes) if start is not None else None
        time = planned_time_text(span, minutes)
        lines.append(AgendaLine(number, depth, title or other_title, time, labels.get(outcome, ""), people.get(pk, [])))
    return lines


def flatten(nodes: list[AgendaNode]) -> list[AgendaNode]:
    out: list[AgendaNode] = []
    for node in nodes:
        out.append(node)
        out.extend(flatten(node.children))
    return out


@dataclass
class PresenterLine:
    """A presenter as pages and reports print them: the name, and the affiliation "as at the time"."""

    name: str
    affiliation: str


def typed_affiliation(affiliation_ja: str, affiliation_en: str, language: str) -> str:
    """The affiliation typed for the record (``Presenter.affiliation_ja/_en``) in ``language``, else the other."""
    typed = affiliation_ja if language == "ja" else affiliation_en
    return typed or affiliation_en or affiliation_ja


def affiliation_text(org_ja: str, org_en: str, department_ja: str, department_en: str, language: str) -> str:
    """A registry affiliation as printed: "Department, Organisation" in English, 組織名部署 in Japanese."""
    if language == "en" and org_en:
        return ", ".join(p for p in (department_en, org_en) if p)
    # Japanese, or no English name on record: the Japanese form (組織名 + 部署).
    return f"{org_ja or org_en}{department_ja or department_en}"


def presenter_affiliation(presenter: Presenter, meeting: Meeting, language: str | None = None) -> str:
    """The affiliation printed beside a presenter: typed for the record, else the registry's on the day."""
    lang = language or current_language()
    typed = typed_affiliation(presenter.affiliation_ja, presenter.affiliation_en, lang)
    if typed:
        return typed
    affiliation = presenter.person.affiliation_on(meeting.local_date)
    if affiliation is None:
        return ""
    org = affiliation.organization
    return affiliation_text(org.name_ja, org.name_en, affiliation.department_ja, affiliation.department_en, lang)


def presenter_lines(meeting: Meeting, language: str | None = None) -> dict[int, list[PresenterLine]]:
    """Every item's presenters as printed (``presenter_affiliation``), by item id, in one query.

    What a page of the whole agenda needs, read as values: no Presenter, Person, Affiliation or
    Organization is made (a 200-item agenda would make a thousand). Each presenter comes with every
    affiliation that held on the meeting's day, the best first (``best_first``): the first row counts.
    """
    lang = language or current_language()
    day = meeting.local_date
    held = models.FilteredRelation("person__affiliations", condition=held_on(day, "person__affiliations__"))
    rows = (
        Presenter.objects.filter(item__meeting=meeting)
        .annotate(held=held)
        .order_by("item_id", "position", "pk", *best_first_order("held__"))
        .values_list(
            "pk",
            "item_id",
            "affiliation_ja",
            "affiliation_en",
            *(f"person__{f}" for f in Person.NAME_FIELDS),
            "held__organization__name_ja",
            "held__organization__name_en",
            "held__department_ja",
            "held__department_en",
        )
    )
    lines: dict[int, list[PresenterLine]] = {}
    last = None
    for pk, item_id, typed_ja, typed_en, family_ja, given_ja, family_latin, given_latin, *on_the_day in rows:
        if pk == last:
            continue  # a less good affiliation of the same presenter
        last = pk
        org_ja, org_en, department_ja, department_en = on_the_day  # all None: none held that day
        name = Person.display_name(family_ja, given_ja, family_latin, given_latin, lang)
        registry = affiliation_text(org_ja, org_en, department_ja, department_en, lang) if org_ja is not None else ""
        affiliation = typed_affiliation(typed_ja, typed_en, lang) or registry
        lines.setdefault(item_id, []).append(PresenterLine(name, affiliation))
    return lines


@transaction.atomic
def add_item(
    meeting: Meeting, *, parent: AgendaItem | None = None, position: int | None = None, **fields: Any
) -> AgendaItem:
    """A new item after its siblings; the meeting is locked while its position is taken.

    ``position``: where the item goes if that place is free (an imported document's own numbering);
    else, or without it, after its siblings.
    """
    siblings = AgendaItem.objects.filter(meeting=meeting, parent=parent)

    def create(next_free: int) -> AgendaItem:
        wanted = position if position and not siblings.filter(position=position).exists() else next_free
        return AgendaItem.objects.create(meeting=meeting, parent=parent, position=wanted, **fields)

    return create_at_next_position(meeting, siblings, create)


@transaction.atomic
def add_intervention(item: AgendaItem, entry: Intervention) -> Intervention:
    """Save ``entry`` (unsaved) as the last intervention of ``item``, the item locked meanwhile."""
    entry.item = item
    return save_as_last(item, entry, Intervention.objects.filter(item=item))


def add_interventions(item: AgendaItem, entries: Iterable[Intervention]) -> list[Intervention]:
    """Save ``entries`` (unsaved) after the interventions of ``item``, in their order, numbered as
    ``add_intervention`` numbers one (from the next free position, the item locked until commit), in
    one insert: the minutes of an imported report. ``create_at_next_position`` is the transaction."""
    entries = list(entries)
    if not entries:
        return []

    def create(first: int) -> list[Intervention]:
        for offset, entry in enumerate(entries):
            entry.pk, entry.item, entry.position = None, item, first + offset
        record_changed(item)  # bulk_create sends no signal: the item's forum changes (mshub.core.pagecache)
        return Intervention.objects.bulk_create(entries)

    return create_at_next_position(item, Intervention.objects.filter(item=item), create)


def save_item(item: AgendaItem, loaded_version: int) -> AgendaItem:
    """Save an edited item unless someone saved it since ``loaded_version`` (``EditConflictError``)."""
    return save_versioned(item, loaded_version)


@transaction.atomic
def move_item(item: AgendaItem, direction: int) -> None:
    """Swap ``item`` with its previous (-1) or next (+1) sibling; renumbers siblings 1…n."""
    siblings = list(
        AgendaItem.objects.select_for_update()
        .filter(meeting=item.meeting_id, parent=item.parent_id)
        .order_by("position", "pk")
    )
    index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    other = index + direction
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    moved = [(position, s) for position, s in enumerate(siblings, start=1) if s.position != position]
    # Positions are unique among siblings: park the moved ones out of the way first.
    for _position, sibling in moved:
        AgendaItem.objects.filter(pk=sibling.pk).update(position=PARKED + sibling.position)
    for position, sibling in moved:
        sibling.position = position
        sibling.save(update_fields=["position"])


@transaction.atomic
def accept_proposal(proposal: Any, actor: Any = None, parent: AgendaItem | None = None) -> AgendaItem:
    """Put a proposed topic on the agenda; the proposal keeps its link to the item."""
    from mshub.meetings.models import TopicProposal

    proposal = TopicProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.agenda_item_id:
        return proposal.agenda_item
    item = add_item(proposal.meeting, parent=parent, title_ja=proposal.title)
    if proposal.presenter_id:
        Presenter.objects.create(item=item, person_id=proposal.presenter_id)
    proposal.agenda_item = item
    proposal.status = TopicProposal.Status.ACCEPTED
    proposal.save(update_fields=["agenda_item", "status"])
    record(proposal.meeting.forum, actor, "proposal.accepted", proposal.meeting, summary=proposal.title)
    return item


@transaction.atomic
def decline_proposal(proposal: Any, actor: Any = None) -> None:
    """Decline a proposed topic, unless it is on the agenda already."""
    from mshub.meetings.models import TopicProposal

    proposal = TopicProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.agenda_item_id is not None:
        return
    proposal.status = TopicProposal.Status.DECLINED
    proposal.save(update_fields=["status"])
    record(proposal.meeting.forum, actor, "proposal.declined", proposal.meeting, summary=proposal.title)


@transaction.atomic
def propose_topic(proposal: Any, actor: Any = None) -> Any:
    """Save a member's proposed topic (unsaved) and log it."""
    proposal.save()
    record(proposal.meeting.forum, actor, "proposal.created", proposal.meeting, summary=proposal.title)
    return proposal


# What the agenda and item screens do: each change and its line in the activity log, all or nothing.


@transaction.atomic
def add_logged_item(meeting: Meeting, actor: Any, *, parent: AgendaItem | None = None, **fields: Any) -> AgendaItem:
    item = add_item(meeting, parent=parent, **fields)
    record(meeting.forum, actor, "agenda.item_added", meeting, summary=item.title)
    return item


@transaction.atomic
def delete_item(item: AgendaItem, actor: Any) -> None:
    meeting = item.meeting
    record(meeting.forum, actor, "agenda.item_deleted", meeting, summary=item.title)
    item.delete()


@transaction.atomic
def edit_item(item: AgendaItem, loaded_version: int, actor: Any) -> AgendaItem:
    """``save_item`` and its log line (``EditConflictError`` if someone saved in between)."""
    save_item(item, loaded_version)
    _log_minutes(item, actor, "item")
    return item


@transaction.atomic
def add_presenter(item: AgendaItem, actor: Any, **fields: Any) -> Presenter:
    AgendaItem.objects.select_for_update().filter(pk=item.pk).values_list("pk").first()
    presenter = Presenter.objects.create(item=item, position=item.presenters.count(), **fields)
    _log_minutes(item, actor, "presenter")
    return presenter


@transaction.atomic
def remove_presenter(item: AgendaItem, presenter_id: int, actor: Any) -> None:
    Presenter.objects.filter(item=item, pk=presenter_id).delete()
    _log_minutes(item, actor, "remove_presenter")


@transaction.atomic
def add_logged_intervention(item: AgendaItem, entry: Intervention, actor: Any) -> Intervention:
    add_intervention(item, entry)
    _log_minutes(item, actor, "intervention")
    return entry


@transaction.atomic
def remove_intervention(item: AgendaItem, intervention_id: int, actor: Any) -> None:
    Intervention.objects.filter(item=item, pk=intervention_id).delete()
    _log_minutes(item, actor, "remove_intervention")


def _log_minutes(item: AgendaItem, actor: Any, action: str) -> None:
    record(item.meeting.forum, actor, f"minutes.{action}", item.meeting, summary=item.title)
