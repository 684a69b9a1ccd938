"""The participants' survey: when it is open, and storing one registrant's answers."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from mshub.meetings.models import AgendaItem, Meeting, Registration
from mshub.meetings.models.survey import ItemRating, SurveyResponse


@transaction.atomic
def answer_survey(
    meeting: Meeting,
    registration: Registration,
    *,
    satisfaction: int,
    comments: str,
    suggestions: str,
    ratings: Iterable[tuple[AgendaItem, int]],
) -> SurveyResponse:
    """The registrant's response and its per-item ratings, all or nothing.

    A second answer from the same registration raises ``IntegrityError`` (one response each).
    """
    response = SurveyResponse.objects.create(
        meeting=meeting,
        registration=registration,
        satisfaction=satisfaction,
        comments=comments,
        suggestions=suggestions,
    )
    ItemRating.objects.bulk_create(
        ItemRating(response=response, item=item, usefulness=usefulness) for item, usefulness in ratings
    )
    return response
