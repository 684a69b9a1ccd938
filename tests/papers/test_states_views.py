"""The state buttons and the submission form: only chairs and the secretariat move a paper, only to a
next state, every move in the activity log; the submission's date and proof are checked."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.utils import timezone

from mshub.core.models.events import ActivityEntry
from mshub.papers.models import Paper
from tests.papers.publishing import publish

pytestmark = pytest.mark.django_db


def client_of(django_client, user):
    django_client.force_login(user)
    return django_client


def test_the_chair_moves_a_draft_to_final_and_it_is_logged(client, paper_world):
    paper = paper_world.paper
    response = client_of(client, paper_world.chair).post(paper.urls.paper_state, {"to": "final"})
    assert response.status_code == 302
    paper.refresh_from_db()
    assert paper.state == "final"
    entry = ActivityEntry.objects.get(verb="papers.state_changed")
    assert (entry.data["from"], entry.data["to"]) == ("draft", "final")


def test_members_may_not_move_states(client, paper_world):
    paper = paper_world.paper
    for user in (paper_world.member, paper_world.second_member):  # members of the group, not chairs
        response = client_of(client, user).post(paper.urls.paper_state, {"to": "final"})
        assert response.status_code == 403
    assert Paper.objects.get(pk=paper.pk).state == "draft"
    assert client.get(paper.urls.paper_submission).status_code == 403
    assert not ActivityEntry.objects.filter(verb="papers.state_changed").exists()


def test_the_secretariat_moves_states(client, paper_world, cast):
    paper = paper_world.paper
    assert client_of(client, cast.users["secretariat"]).post(paper.urls.paper_state, {"to": "final"}).status_code == 302
    assert Paper.objects.get(pk=paper.pk).state == "final"


@pytest.mark.parametrize("to", ["published", "submitted", "hearing", "bogus", ""])
def test_a_forged_state_is_refused_with_a_message(client, paper_world, to):
    paper = paper_world.paper
    response = client_of(client, paper_world.chair).post(paper.urls.paper_state, {"to": to})
    assert response.status_code == 302
    assert Paper.objects.get(pk=paper.pk).state == "draft"
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    assert not ActivityEntry.objects.filter(verb="papers.state_changed").exists()


def test_the_state_view_is_post_only(client, paper_world):
    assert client_of(client, paper_world.chair).get(paper_world.paper.urls.paper_state).status_code == 405


def test_the_state_actions_show_the_steps_and_the_moves(rf, paper_world):
    paper = paper_world.paper
    html = render_to_string("papers/_state_actions.html", {"paper": paper, "can_run": True, "can_edit": True})
    assert html.count("<li") == 6
    assert 'aria-current="step"' in html
    assert 'value="final"' in html
    assert 'value="hearing"' not in html  # opened with its own form
    reader = render_to_string("papers/_state_actions.html", {"paper": paper, "can_run": False, "can_edit": False})
    assert "<form" not in reader


def submit_data(**changes):
    data = {
        "submitted_to": "国連インターネット・ガバナンス作業部会 (WGIG)",
        "submitted_on": "2005-02-10",
        "submission_url": "https://example.org/wgig/contributions",
        "note": "電子メールで提出。",
    }
    return {**data, **changes}


def test_the_submission_is_recorded_for_a_published_paper(client, paper_world):
    paper = publish(paper_world.paper, paper_world.chair)
    c = client_of(client, paper_world.chair)
    form = c.get(paper.urls.paper_submission)
    assert form.status_code == 200
    assert (
        form.context["form"].initial["submitted_to"] == paper_world.base.consultation.title_ja
        or paper_world.base.consultation.title
    )
    response = c.post(paper.urls.paper_submission, submit_data())
    assert response.status_code == 302
    paper.refresh_from_db()
    assert (paper.state, paper.submitted_on) == ("submitted", dt.date(2005, 2, 10))
    assert paper.submission_url == "https://example.org/wgig/contributions"
    assert paper.submission_note == "電子メールで提出。"
    assert ActivityEntry.objects.filter(verb="papers.state_changed", data__to="submitted").count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"submitted_on": (timezone.localdate() + dt.timedelta(days=3)).isoformat()}, "submitted_on"),
        ({"submission_url": "javascript:alert(1)"}, "submission_url"),
        ({"submission_url": "ftp://example.org/receipt"}, "submission_url"),
        ({"submission_url": "file:///etc/passwd"}, "submission_url"),
        ({"submitted_to": ""}, "submitted_to"),
    ],
)
def test_bad_submissions_are_refused(client, paper_world, changes, field):
    paper = publish(paper_world.paper, paper_world.chair)
    response = client_of(client, paper_world.chair).post(paper.urls.paper_submission, submit_data(**changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Paper.objects.get(pk=paper.pk).state == "published"


def test_the_service_refuses_a_non_web_proof(paper_world):
    from mshub.papers.services.revisions import PaperError
    from mshub.papers.services.states import move

    paper = publish(paper_world.paper, paper_world.chair)
    with pytest.raises(PaperError):
        move(
            paper,
            "submitted",
            actor=None,
            submitted_to="WGIG",
            submitted_on=dt.date(2005, 1, 1),
            submission_url="javascript:x",
        )


def test_a_draft_cannot_be_submitted_through_the_form(client, paper_world):
    paper = paper_world.paper
    response = client_of(client, paper_world.chair).post(paper.urls.paper_submission, submit_data())
    assert response.status_code == 200
    assert Paper.objects.get(pk=paper.pk).state == "draft"
    assert response.context["form"].non_field_errors()


def test_a_published_paper_offers_the_submission_form_and_its_renders(paper_world):
    paper = publish(paper_world.paper, paper_world.chair)
    html = render_to_string("papers/_state_actions.html", {"paper": paper, "can_run": True, "can_edit": False})
    assert paper.urls.paper_submission in html
    assert "<form" not in html  # published → submitted only, through the form
    assert paper.urls.paper_pdf in html
    assert paper.urls.paper_markdown in html
