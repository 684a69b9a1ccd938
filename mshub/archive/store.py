"""Storing a parsed document as records: the meeting, its agenda, presenters matched to the registry,
the minutes and footnotes, each linked back to its source.

Each document is stored in one transaction. Importing the same file twice changes nothing; a
corrected re-import (a new file for the same meeting) updates the records it made, except fields
someone corrected by hand since (unless ``overwrite``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from mshub.archive.models import ArchiveDocument, SourceLink
from mshub.core.models.events import record as log
from mshub.meetings.models import AgendaItem, Footnote, Intervention, Meeting, MeetingSeries, MeetingStatus, Presenter
from mshub.people.matching import match_organization, match_person
from mshub.people.models import Affiliation, Organization, Person, StakeholderGroup

STORABLE = ("meeting_report", "steering_memo")


class StoreError(ValueError):
    pass


@transaction.atomic
def store_document(
    forum: Any, data: dict[str, Any], name: str, series: MeetingSeries, actor: Any = None, overwrite: bool = False
) -> ArchiveDocument:
    existing = ArchiveDocument.objects.filter(forum=forum, sha256=data["sha256"]).first()
    if existing is not None:
        return existing  # the same bytes again: nothing changes
    if data.get("errors"):
        raise StoreError("; ".join(data["errors"]))
    document = ArchiveDocument.objects.create(
        forum=forum,
        sha256=data["sha256"],
        name=name[:255],
        genre=data.get("genre") or "other",
        confidence=data.get("confidence"),
        parsed=data,
        imported_by=actor if getattr(actor, "pk", None) else None,
    )
    if document.genre in STORABLE:
        document.meeting = _meeting(document, data, series, overwrite)
        document.save(update_fields=["meeting"])
    log(forum, actor, "archive.imported", document.meeting or document, summary=name[:200], genre=document.genre)
    return document


def _link(document: ArchiveDocument, target: models.Model, key: str, imported: dict[str, Any]) -> None:
    SourceLink.objects.create(
        document=document,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        key=key,
        imported=imported,
    )


def _previous(target_model: type[models.Model], pk: Any, key: str) -> dict[str, Any]:
    link = (
        SourceLink.objects.filter(
            target_type=ContentType.objects.get_for_model(target_model), target_id=str(pk), key=key
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


def _meeting(document: ArchiveDocument, data: dict[str, Any], series: MeetingSeries, overwrite: bool) -> Meeting:
    if not data.get("number") or not data.get("date"):
        raise StoreError("a meeting needs its number and date to be stored")
    from mshub.core.timezones import make_aware_in

    day = dt.date.fromisoformat(data["date"])
    start = dt.time.fromisoformat(data.get("start") or "00:00")
    end = dt.time.fromisoformat(data.get("end") or data.get("start") or "23:59")
    starts = make_aware_in(dt.datetime.combine(day, start), series.timezone)
    ends = make_aware_in(dt.datetime.combine(day, end), series.timezone)
    if ends <= starts:
        ends = starts + dt.timedelta(hours=2)
    values: dict[str, Any] = {
        "venue_ja": data.get("venue") or "",
        "web_url": data.get("url") or "",
        "start": starts,
        "end": ends,
        "reported_onsite": (data.get("participants") or {}).get("onsite"),
        "reported_remote": (data.get("participants") or {}).get("remote"),
        "next_meeting_note_ja": data.get("next_meeting") or "",
    }
    meeting = Meeting.objects.filter(series=series, number=data["number"]).first()
    if meeting is None:
        meeting = Meeting(
            forum=series.forum,
            series=series,
            number=data["number"],
            timezone=series.timezone,
            status=MeetingStatus.HELD,
            **values,
        )
        meeting.save()
    else:
        _apply(meeting, values, _previous(Meeting, meeting.pk, "meeting"), overwrite)
        meeting.save()
    _link(document, meeting, "meeting", {k: v for k, v in values.items() if k not in ("start", "end")})
    for item in data.get("agenda") or []:
        _item(document, meeting, item, None, overwrite)
    for note in data.get("footnotes") or []:
        footnote, _ = Footnote.objects.get_or_create(meeting=meeting, mark=int(note["mark"] or 0))
        _apply(footnote, {"text_ja": note["text"]}, _previous(Footnote, footnote.pk, "footnote"), overwrite)
        footnote.save()
        _link(document, footnote, "footnote", {"text_ja": note["text"]})
    return meeting


def _item(
    document: ArchiveDocument, meeting: Meeting, data: dict[str, Any], parent: AgendaItem | None, overwrite: bool
) -> None:
    key = f"item:{data['number']}"
    ct = ContentType.objects.get_for_model(AgendaItem)
    link = SourceLink.objects.filter(document__meeting=meeting, target_type=ct, key=key).order_by("-pk").first()
    item = AgendaItem.objects.filter(pk=link.target_id).first() if link else None
    outcome = data.get("outcome") or "held"
    values = {
        "title_ja": data["title"],
        "outcome": outcome,
        "outcome_note_ja": (data.get("outcome_note") or "")[:300],
        "summary_ja": data.get("summary") or "",
    }
    if item is None:
        position = int(data["number"].rsplit(".", 1)[-1] or 0)
        item = AgendaItem.objects.create(meeting=meeting, parent=parent, position=position, **values)
        fresh = True
    else:
        _apply(item, values, link.imported if link else {}, overwrite)
        item.save()
        fresh = False
    if fresh or overwrite:
        item.interventions.all().delete()
        Intervention.objects.bulk_create(
            Intervention(item=item, position=i, kind=e["kind"], text_ja=e["text"])
            for i, e in enumerate(data.get("interventions") or [])
        )
        item.presenters.all().delete()
        for position, presenter in enumerate(data.get("presenters") or []):
            person = _person(meeting, presenter)
            if person is not None:
                Presenter.objects.create(
                    item=item,
                    person=person,
                    position=position,
                    affiliation_ja=(presenter.get("organization") or "")[:300],
                )
    _link(document, item, key, values)
    for child in data.get("items") or []:
        _item(document, meeting, child, item, overwrite)


def _person(meeting: Meeting, presenter: dict[str, Any]) -> Person | None:
    """The registry's person (exact or close match), else a new one with the affiliation the report
    gives, dated to the meeting."""
    name = presenter.get("name")
    if not name:
        return None
    forum = meeting.forum
    found = match_person(forum, name)
    person = found.record if found else None
    if person is None:
        family, _, given = name.partition(" ")
        person = Person.objects.create(
            forum=forum,
            family_name_ja=family,
            given_name_ja=given,
            notes="Created by an archive import; check against the registry.",
        )
    org_name = presenter.get("organization")
    if org_name:
        match = match_organization(forum, org_name)
        organization = (
            match.record
            if match
            else Organization.objects.create(
                forum=forum,
                name_ja=org_name[:200],
                stakeholder_group=StakeholderGroup.objects.filter(forum=forum).order_by("order")[0],
                notes="Created by an archive import; set its stakeholder group.",
            )
        )
        day = meeting.local_date
        held = Affiliation.objects.filter(person=person).valid_on(day)
        if not held.filter(organization=organization).exists():
            Affiliation.objects.create(
                person=person,
                organization=organization,
                start=day,
                end=day,
                is_primary=not held.exists(),
            )
    return person
