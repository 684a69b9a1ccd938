"""Workflows done by services are all or nothing: a failure in the last step (the activity log) leaves
no half-written change behind."""

from __future__ import annotations

import pytest

from mshub.core.models import ActivityEntry
from mshub.meetings.models import ActionItem, AgendaItem, Decision, Footnote, Intervention, Meeting, TopicProposal
from mshub.meetings.services.agenda import add_item

pytestmark = pytest.mark.django_db


class LogDownError(Exception):
    pass


@pytest.fixture
def log_fails(monkeypatch):
    """The activity log cannot be written (as if its table were full or locked)."""

    def broken(*args, **kwargs):
        raise LogDownError

    monkeypatch.setattr(ActivityEntry, "save", broken)


def _edit(client, meeting: Meeting, **changes):
    data = {
        "title_ja": meeting.title_ja,
        "date": meeting.local_start.strftime("%Y-%m-%d"),
        "start_time": meeting.local_start.strftime("%H:%M"),
        "end_time": meeting.local_end.strftime("%H:%M"),
        "timezone": meeting.timezone,
        "venue_ja": meeting.venue_ja,
        "language": "ja",
        "capacity": 2,
        "version": meeting.version,
    }
    return client.post(f"{meeting.get_absolute_url()}edit/", {**data, **changes})


def test_meeting_edit_saves_bumps_and_logs_together(announced, cast):
    response = _edit(cast.client("steering"), announced, title_ja="新しい題", start_time="19:00", end_time="21:00")
    assert response.status_code == 302
    fresh = Meeting.objects.get(pk=announced.pk)
    assert fresh.title_ja == "新しい題"
    assert (fresh.version, fresh.sequence) == (announced.version + 1, announced.sequence + 1)
    event = ActivityEntry.objects.filter(verb="meeting.changed").get()
    assert {"end_time", "start_time", "title_ja"} <= set(event.data["fields"])


def test_meeting_edit_whose_log_fails_leaves_the_meeting_as_it_was(announced, cast, log_fails):
    with pytest.raises(LogDownError):
        _edit(cast.client("steering"), announced, title_ja="新しい題", start_time="19:00", end_time="21:00")
    fresh = Meeting.objects.get(pk=announced.pk)
    assert (fresh.title_ja, fresh.version, fresh.sequence) == ("テスト会合", announced.version, announced.sequence)
    assert fresh.start == announced.start


def test_agenda_item_whose_log_fails_is_not_added(announced, cast, log_fails):
    with pytest.raises(LogDownError):
        cast.client("steering").post(f"{announced.get_absolute_url()}agenda/", {"title_ja": "開会"})
    assert not AgendaItem.objects.filter(meeting=announced).exists()


def test_intervention_whose_log_fails_is_not_added(announced, cast, log_fails):
    item = add_item(announced, title_ja="報告")
    with pytest.raises(LogDownError):
        cast.client("steering").post(
            f"{announced.get_absolute_url()}agenda/{item.pk}/", {"action": "intervention", "kind": "Q", "text_ja": "?"}
        )
    assert not Intervention.objects.filter(item=item).exists()


@pytest.mark.parametrize(
    ("data", "model"),
    [
        ({"section": "decision", "decision-text_ja": "次回は4月に開催する"}, Decision),
        ({"section": "footnote", "footnote-term": "CSIRT", "footnote-text_ja": "定義"}, Footnote),
        ({"section": "action", "action-text_ja": "まとめる", "action-owner_text": "事務局"}, ActionItem),
    ],
)
def test_memo_entry_whose_log_fails_is_not_added(announced, cast, log_fails, data, model):
    with pytest.raises(LogDownError):
        cast.client("steering").post(f"{announced.get_absolute_url()}memo/", data)
    assert not model.objects.exists()


def test_proposal_whose_log_fails_is_not_kept(announced, cast, log_fails):
    with pytest.raises(LogDownError):
        cast.client("member").post(f"{announced.get_absolute_url()}proposals/", {"title": "私の提案"})
    assert not TopicProposal.objects.exists()


def test_declining_a_proposal_whose_log_fails_leaves_it_proposed(announced, cast, log_fails):
    proposal = TopicProposal.objects.create(meeting=announced, title="提案")
    with pytest.raises(LogDownError):
        cast.client("steering").post(
            f"{announced.get_absolute_url()}proposals/", {"proposal": proposal.pk, "decision": "decline"}
        )
    proposal.refresh_from_db()
    assert proposal.status != TopicProposal.Status.DECLINED
