"""Everything a report shows, gathered once in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone as dj_timezone
from django.utils import translation

from mshub.meetings.models import Meeting
from mshub.meetings.services.agenda import (
    AgendaNode,
    PresenterLine,
    agenda_items,
    agenda_tree,
    flatten,
    presenter_lines,
)
from mshub.meetings.services.registration import Participation, participation


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
        tree = agenda_tree(meeting, list(agenda_items(meeting, minutes=True)))
        lines = presenter_lines(meeting, language)
        entries = [ReportItem(node, lines.get(node.item.pk, [])) for node in flatten(tree)]
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
