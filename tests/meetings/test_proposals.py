"""Call for topics: members propose, the steering group accepts into the agenda (the link is kept)."""

import pytest

from mshub.meetings.models import AgendaItem, Presenter, TopicProposal
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_member_proposes_and_steering_accepts_into_the_agenda(announced, cast, forum):
    presenter = PersonFactory(forum=forum)
    url = f"{announced.get_absolute_url()}proposals/"
    member = cast.client("member")
    assert (
        member.post(
            url, {"title": "ゼロレーティングの現状", "description": "各国の規制", "presenter": presenter.pk}
        ).status_code
        == 302
    )
    proposal = TopicProposal.objects.get()
    assert proposal.proposed_by == cast.users["member"]
    assert member.post(url, {"proposal": proposal.pk, "decision": "accept"}).status_code == 403

    cast.client("steering").post(url, {"proposal": proposal.pk, "decision": "accept"})
    proposal.refresh_from_db()
    item = AgendaItem.objects.get(meeting=announced)
    assert (proposal.status, proposal.agenda_item) == ("accepted", item)
    assert item.title_ja == "ゼロレーティングの現状"
    assert Presenter.objects.get(item=item).person == presenter
    cast.client("steering").post(url, {"proposal": proposal.pk, "decision": "accept"})
    assert AgendaItem.objects.filter(meeting=announced).count() == 1


def test_members_see_only_their_own_proposals(announced, cast):
    url = f"{announced.get_absolute_url()}proposals/"
    cast.client("member").post(url, {"title": "私の提案"})
    cast.client("wg_chair").post(url, {"title": "議長の提案"})
    member_page = cast.client("member").get(url).content.decode()
    assert "私の提案" in member_page
    assert "議長の提案" not in member_page
    assert "議長の提案" in cast.client("steering").get(url).content.decode()


def test_a_proposal_needs_a_title_and_visitors_cannot_propose(announced, cast):
    url = f"{announced.get_absolute_url()}proposals/"
    assert cast.client("member").post(url, {"title": ""}).status_code == 400
    assert cast.client("visitor").post(url, {"title": "x"}).status_code == 403
    assert not TopicProposal.objects.exists()
