"""Everything a report shows, gathered once in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone as dj_timezone
from django.utils import translation

from mshub.meetings.models import Meeting
from mshub.meetings.services.agenda import AgendaNode, agenda_items, agenda_tree, flatten, presenter_affiliation
from mshub.meetings.services.registration import Participation, participation


@dataclass
class PresenterLine:
    name: str
    affiliation: str


@dataclass
class ReportItem:
    node: AgendaNode
    presenters: list[PresenterLine]

    @property
    def item(self) -> Any:
        return self.node.item


def report_context(meeting: Meeting, language: str, published: Any = None) -> dict[str, Any]:
    meeting = Meeting.objects.select_related("forum", "series").get(pk=meeting.pk)
    with translation.override(language):
        items = list(agenda_items(meeting))
        tree = agenda_tree(meeting, items)
        entries = [
            ReportItem(
                node,
                [
                    PresenterLine(p.person.name, presenter_affiliation(p, meeting, language))
                    for p in node.item.presenters.all()
                ],
            )
            for node in flatten(tree)
        ]
        counts: Participation = participation(meeting)
        return {
            "meeting": meeting,
            "language": language,
            "items": entries,
            "participation": counts,
            "footnotes": list(meeting.footnotes.all()),
            "decisions": list(meeting.decisions.all()),
            "actions": list(meeting.action_items.select_related("owner")),
            "local_start": meeting.local_start,
            "local_end": meeting.local_end,
            "published": published or dj_timezone.now(),
        }
