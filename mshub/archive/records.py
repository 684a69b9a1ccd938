"""The meeting made from a report or memo: its agenda, presenters matched to the registry, Q/A/C
entries, footnotes, and for memos attendees, materials, decisions and action items. Every record
has a ``SourceLink`` back to the document and page, holding the values as imported, so that a
corrected re-import can tell a manual correction (kept) from an untouched value (updated).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from mshub.archive import problems
from mshub.archive.genres import Genre
from mshub.archive.models import ArchiveDocument, SourceLink
from mshub.archive.parsed import AgendaEntry, ParsedRecord, PresenterEntry
from mshub.archive.problems import Problem, ProblemError
from mshub.core.timezones import make_aware_in
from mshub.core.validators import is_web_url
from mshub.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Footnote,
    Intervention,
    Material,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Presenter,
)
from mshub.meetings.services.agenda import add_interventions, add_item
from mshub.meetings.services.meetings import create_meeting
from mshub.meetings.services.minutes import add_decision
from mshub.people.matching import NameIndex, OrganizationIndex, PersonIndex, name_forms
from mshub.people.models import Affiliation, Organization, Person, StakeholderGroup

NEW_PERSON_NOTE = "Created by an archive import; check against the registry."
NEW_ORGANIZATION_NOTE = "Created by an archive import; check it and set its stakeholder group."


class StoreError(ProblemError):
    """The document cannot be stored: ``problems`` say why."""


@dataclass
class Registry:
    """The forum's people and organisations, loaded once per document."""

    people: PersonIndex
    organizations: OrganizationIndex
    groups: dict[str, int]  # organisation name → the stakeholder group chosen on review (a pk)


def _link(document: ArchiveDocument, target: models.Model, key: str, imported: dict[str, Any], page: Any) -> None:
    SourceLink.objects.create(
        document=document,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        key=key,
        page=page if isinstance(page, int) and page > 0 else None,
        imported=imported,
    )


def _previous(target: models.Model, key: str) -> dict[str, Any]:
    link = (
        SourceLink.objects.filter(
            target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk), key=key
        )
        .order_by("-pk")
        .first()
    )
    return link.imported if link else {}


def _apply(target: models.Model, values: dict[str, Any], previous: dict[str, Any], overwrite: bool) -> None:
    """Set each field unless someone changed it by hand since the last import."""
    for field, value in values.items():
        current = getattr(target, field)
        if overwrite or field not in previous or current == previous[field] or current in ("", None):
            setattr(target, field, value)


def _find_meeting(series: MeetingSeries, data: ParsedRecord, day: dt.date) -> Meeting | None:
    """The meeting a re-import updates: by number, or (a memo without one) by date."""
    number = data.get("number")
    if number:
        return Meeting.objects.filter(series=series, number=number).first()
    start = make_aware_in(dt.datetime.combine(day, dt.time.min), series.timezone)
    return Meeting.objects.filter(series=series, start__gte=start, start__lt=start + dt.timedelta(days=1)).first()


def _number_by_date(series: MeetingSeries, starts: dt.datetime) -> int:
    """A document without a number of its own takes its place in the series by date: after the
    meetings held before it. When a meeting held later is in the series already, its place is not
    known (the series' numbers would have to change): the reviewer gives the number."""
    later = series.meetings.filter(start__gte=starts).order_by("start").first()
    if later is not None:
        raise StoreError(
            Problem(
                "later_meeting_exists",
                {"meeting": str(later), "date": f"{later.local_date:%Y-%m-%d}", "series": str(series)},
            )
        )
    number = series.meetings.filter(start__lt=starts).count() + 1
    if series.meetings.filter(number=number).exists():
        raise StoreError(Problem("place_taken", {"number": number, "series": str(series)}))
    return number


def _web_url(data: ParsedRecord) -> str:
    """The record's URL if it is http(s); anything else (a record edited by hand, an old parse) is
    left out with a warning rather than stored as a link."""
    url = data.get("url") or ""
    if url and not is_web_url(url):
        problems.add(data, "warnings", Problem("not_web_url", {"url": str(url)[:200]}))
        return ""
    return str(url)


def store_meeting(document: ArchiveDocument, data: ParsedRecord, series: MeetingSeries, overwrite: bool) -> Meeting:
    date = data.get("date")
    if not date or not (data.get("number") or data.get("genre") == Genre.STEERING_MEMO):
        raise StoreError(Problem("needs_number_and_date"))
    day = dt.date.fromisoformat(date)
    start = dt.time.fromisoformat(data.get("start") or "00:00")
    end = dt.time.fromisoformat(data.get("end") or data.get("start") or "23:59")
    starts = make_aware_in(dt.datetime.combine(day, start), series.timezone)
    ends = make_aware_in(dt.datetime.combine(day, end), series.timezone)
    if ends <= starts:
        ends = starts + dt.timedelta(hours=2)
    values: dict[str, Any] = {
        "venue_ja": (data.get("venue") or "")[:300],
        "web_url": _web_url(data),
        "start": starts,
        "end": ends,
        "reported_onsite": (data.get("participants") or {}).get("onsite"),
        "reported_remote": (data.get("participants") or {}).get("remote"),
        "next_meeting_note_ja": data.get("next_meeting") or "",
    }
    meeting = _find_meeting(series, data, day)
    if meeting is None:
        meeting = create_meeting(
            series,
            number=data.get("number") or _number_by_date(series, starts),
            status=MeetingStatus.HELD,
            awaiting_publication=True,  # until the secretariat publishes the import (archive/publish.py)
            series_venue=False,  # the document's venue, or none
            log=False,  # store_document logs the import, with this meeting as its target
            **values,
        )
    else:
        if not SourceLink.objects.filter(
            target_type=ContentType.objects.get_for_model(Meeting), target_id=str(meeting.pk)
        ).exists():
            raise StoreError(Problem("exists_not_imported", {"meeting": str(meeting), "series": str(series)}))
        _apply(meeting, values, _previous(meeting, "meeting"), overwrite)
        meeting.save()
    comparable = {k: v for k, v in values.items() if k not in ("start", "end")}
    _link(document, meeting, "meeting", comparable, 1 if document.pages else None)
    registry = Registry(
        PersonIndex(meeting.forum), OrganizationIndex(meeting.forum), dict(data.get("organization_groups") or {})
    )
    for item in data.get("agenda") or []:
        _item(document, meeting, item, None, overwrite, registry)
    for note in data.get("footnotes") or []:
        footnote, _ = Footnote.objects.get_or_create(meeting=meeting, mark=int(note.get("mark") or 0))
        _apply(footnote, {"text_ja": note["text"]}, _previous(footnote, "footnote"), overwrite)
        footnote.save()
        _link(document, footnote, "footnote", {"text_ja": note["text"]}, note.get("page"))
    _memo(document, meeting, data, overwrite, registry)
    return meeting


def _item(
    document: ArchiveDocument,
    meeting: Meeting,
    data: AgendaEntry,
    parent: AgendaItem | None,
    overwrite: bool,
    registry: Registry,
) -> None:
    key = f"item:{data['number']}"
    ct = ContentType.objects.get_for_model(AgendaItem)
    link = SourceLink.objects.filter(document__meeting=meeting, target_type=ct, key=key).order_by("-pk").first()
    item = AgendaItem.objects.filter(pk=link.target_id).first() if link else None
    values = {
        "title_ja": (data.get("title") or "")[:300],
        "outcome": data.get("outcome") or "held",
        "outcome_note_ja": (data.get("outcome_note") or "")[:300],
        "summary_ja": data.get("summary") or "",
    }
    if item is None:
        last = str(data["number"]).rsplit(".", 1)[-1]  # the document's own place, if free
        item = add_item(meeting, parent=parent, position=int(last) if last.isdigit() else None, **values)
        fresh = True
    else:
        _apply(item, values, link.imported if link else {}, overwrite)
        item.save()
        fresh = False
    if fresh or overwrite:
        item.interventions.all().delete()
        add_interventions(
            item, [Intervention(kind=e["kind"], text_ja=e["text"]) for e in data.get("interventions") or []]
        )
        item.presenters.all().delete()
        for position, presenter in enumerate(data.get("presenters") or []):
            person = _person(meeting, presenter, registry)
            if person is not None:
                Presenter.objects.get_or_create(
                    item=item,
                    person=person,
                    defaults={"position": position, "affiliation_ja": (presenter.get("organization") or "")[:300]},
                )
    _link(document, item, key, values, data.get("page"))
    for child in data.get("items") or []:
        _item(document, meeting, child, item, overwrite, registry)


def _new_person(forum: Any, name: str) -> Person:
    family, _, given = name.strip().partition(" ")
    if name.isascii():  # "Jane Porter": given name first
        given, _, family = name.strip().rpartition(" ")
        return Person.objects.create(
            forum=forum,
            family_name_latin=family or given,
            given_name_latin=given if family else "",
            notes=NEW_PERSON_NOTE,
        )
    return Person.objects.create(forum=forum, family_name_ja=family, given_name_ja=given, notes=NEW_PERSON_NOTE)


def _person(meeting: Meeting, presenter: PresenterEntry, registry: Registry) -> Person | None:
    """The person the reviewer chose (``person``: a pk, or ``"new"``), else the registry's exact or
    close match, else a new person; with the affiliation the report gives, dated to the meeting (the
    organisation likewise: ``organization_id`` as chosen, else matched, else created)."""
    name = presenter.get("name")
    if not name:
        return None
    forum = meeting.forum
    person = _resolve(Person, registry.people, forum, name, presenter.get("person"), lambda: _new_person(forum, name))
    org_name = presenter.get("organization")
    if org_name:
        organization = _resolve(
            Organization,
            registry.organizations,
            forum,
            org_name,
            presenter.get("organization_id"),
            lambda: _new_organization(forum, org_name, registry.groups.get(org_name)),
        )
        _remember(registry.organizations, organization, org_name)
        _affiliate(meeting, person, organization)
    return person


def _new_organization(forum: Any, name: str, group: Any) -> Organization:
    """An organisation as the document names it: "… (JPNIC)" gives its abbreviation too. Its
    stakeholder group is the one the reviewer chose, else none (listed "to classify"): never guessed."""
    main, short = name_forms(name)
    if not short and name.isascii() and len(name) <= 40 and " " not in name.strip():
        short = name.strip()  # "JPNIC" alone
    chosen = StakeholderGroup.objects.filter(forum=forum, pk=group).first() if isinstance(group, int) else None
    return Organization.objects.create(
        forum=forum,
        name_ja=main[:200],
        short_name=short[:40],
        stakeholder_group=chosen,
        notes=NEW_ORGANIZATION_NOTE,
    )


def _remember(index: OrganizationIndex, organization: Organization, name: str) -> None:
    """Keep a form of the name not known yet ("JPNIC" for "日本ネットワーク…（JPNIC）") as an alias;
    an organisation known only by its abbreviation takes the full name found beside it."""
    if index.known_as(organization, name):
        return
    main, short = name_forms(name)
    if short and organization.name_ja == organization.short_name == short:
        organization.name_ja = main[:200]
    else:
        organization.aliases = [*(organization.aliases or []), name[:200]]
    organization.save(update_fields=["name_ja", "aliases", "updated_at"])
    index.add(organization)


def _resolve(model: Any, index: NameIndex, forum: Any, name: str, chosen: Any, create: Callable[[], Any]) -> Any:
    """The record the reviewer chose (a pk), else (unless ``"new"``) the best match, else a new one."""
    record = model.objects.filter(forum=forum, pk=chosen).first() if isinstance(chosen, int) else None
    if record is None and not isinstance(chosen, int) and chosen != "new":
        found = index.best(name)
        record = found.record if found else None
    if record is None:
        record = create()
        index.add(record)
    return record


def _affiliate(meeting: Meeting, person: Person, organization: Organization) -> None:
    day = meeting.local_date
    held = Affiliation.objects.filter(person=person).valid_on(day)
    if not held.filter(organization=organization).exists():
        Affiliation.objects.create(
            person=person, organization=organization, start=day, end=day, is_primary=not held.exists()
        )


def _memo(document: ArchiveDocument, meeting: Meeting, data: ParsedRecord, overwrite: bool, registry: Registry) -> None:
    """Attendees found in the registry, materials, decisions and action items (steering memos).

    Lists are replaced as a whole on a first import or with ``overwrite``; otherwise a re-import
    leaves what is on the meeting (it may have been edited) and only adds what was not there.
    """
    replace = overwrite or (not meeting.decisions.exists() and not meeting.action_items.exists())
    for name in [*(data.get("attendees") or []), *(data.get("secretariat") or [])]:
        found = registry.people.attendee(name)
        if found is None:
            problems.add(data, "warnings", Problem("attendee_unknown", {"name": name}))
            continue
        attendance, _ = Attendance.objects.get_or_create(meeting=meeting, person=found.record)
        _link(document, attendance, "attendee", {"name": name}, None)
    if replace:
        meeting.materials.filter(versions__isnull=True, url="").delete()
        meeting.decisions.all().delete()
        meeting.action_items.filter(closed_in__isnull=True).delete()
    labels = set(meeting.materials.values_list("label", flat=True))
    for position, material in enumerate(data.get("materials") or []):
        if material.get("label") in labels:
            continue
        made = Material.objects.create(
            meeting=meeting,
            label=(material.get("label") or "")[:40],
            title_ja=(material.get("title") or "")[:300],
            position=position,
        )
        _link(document, made, f"material:{made.label}", {"title_ja": made.title_ja}, None)
    if not replace:
        return
    for position, text in enumerate(data.get("decisions") or []):
        decision = add_decision(meeting, Decision(text_ja=text))
        _link(document, decision, f"decision:{position + 1}", {"text_ja": text}, None)
    for position, action in enumerate(data.get("actions") or []):
        owner = action.get("owner") or ""
        found = registry.people.best(owner) if owner else None
        action_item = ActionItem.objects.create(
            meeting=meeting,
            text_ja=action.get("text") or "",
            owner=found.record if found and found.exact else None,
            owner_text=owner[:200],
        )
        _link(document, action_item, f"action:{position + 1}", {"text_ja": action_item.text_ja}, None)
