"""Asking a presenter to confirm: a mail after the commit with a secret link; accept or decline without
signing in; the agenda page shows where each presenter stands; the log names nobody."""

import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from mshub.core.models import ActivityEntry, Forum
from mshub.meetings.models import Presenter
from mshub.meetings.services.agenda import add_item
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def agenda_url(meeting):
    return reverse("meetings:agenda", kwargs=meeting.url_kwargs())


@pytest.fixture
def presenter(announced, forum):
    item = add_item(announced, title_ja="IGF報告")
    person = PersonFactory(forum=forum, family_name_ja="登壇", email="speaker@example.org")
    return Presenter.objects.create(item=item, person=person)


def test_asking_mails_a_link_with_which_the_presenter_accepts_signed_out(
    presenter, announced, cast, client, forum, mailoutbox, django_capture_on_commit_callbacks
):
    assert cast.client("member").post(agenda_url(announced), {"ask": presenter.pk}).status_code == 403
    steering = cast.client("steering")
    assert "not asked" in steering.get(agenda_url(announced), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    Forum.objects.filter(pk=forum.pk).update(is_public=False)  # the link works in a private forum too

    with django_capture_on_commit_callbacks(execute=True):
        response = steering.post(agenda_url(announced), {"ask": presenter.pk})
        assert mailoutbox == []  # nothing is mailed before the commit
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.to == ["speaker@example.org"]
    presenter.refresh_from_db()
    assert presenter.asked_at is not None
    assert len(presenter.confirmation_token) >= 32
    link = re.search(r"https?://\S+/presenter/(\S+)/", mail.body)
    assert link
    assert link.group(1) == presenter.confirmation_token
    page = steering.get(agenda_url(announced), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    shown = presenter.asked_at.astimezone(ZoneInfo(forum.timezone))  # pages show the forum's local date
    assert f"asked on {shown:%Y-%m-%d}" in page

    confirm = reverse("meetings:presenter-confirm", kwargs={**announced.url_kwargs(), "token": link.group(1)})
    assert client.get(confirm).status_code == 200
    assert client.post(confirm, {"answer": "accept"}).status_code == 302
    presenter.refresh_from_db()
    assert presenter.answer == "accepted"
    assert "accepted" in steering.get(agenda_url(announced), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert client.post(confirm, {"answer": "decline"}).status_code == 302
    presenter.refresh_from_db()
    assert presenter.answer == "declined"
    assert "declined" in steering.get(agenda_url(announced), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    events = ActivityEntry.objects.filter(forum=forum, verb__startswith="presenter.").order_by("pk")
    assert [e.verb for e in events] == ["presenter.asked", "presenter.accepted", "presenter.declined"]
    assert all(e.target_id == str(presenter.pk) for e in events)
    assert not any("登壇" in e.summary or "speaker@" in e.summary or "speaker@" in str(e.data) for e in events)


def test_a_wrong_or_foreign_link_opens_nothing(presenter, announced, client, series):
    from mshub.meetings.services.meetings import change_status, create_meeting
    from mshub.meetings.services.presenters import ask_to_confirm

    ask_to_confirm(presenter)
    presenter.refresh_from_db()
    other = change_status(create_meeting(series, start=announced.start, end=announced.end), "announced")
    token = presenter.confirmation_token
    foreign = reverse("meetings:presenter-confirm", kwargs={**other.url_kwargs(), "token": token})
    wrong = reverse("meetings:presenter-confirm", kwargs={**announced.url_kwargs(), "token": "guessed"})
    for url in (foreign, wrong):
        response = client.post(url, {"answer": "accept"})
        assert response.status_code == 302
        assert "/login" in response["Location"]
    presenter.refresh_from_db()
    assert presenter.answer == ""


def test_a_presenter_without_an_email_cannot_be_asked_and_the_page_says_so(
    announced, cast, forum, mailoutbox, django_capture_on_commit_callbacks
):
    item = add_item(announced, title_ja="IGF報告")
    presenter = Presenter.objects.create(item=item, person=PersonFactory(forum=forum, email=""))
    with django_capture_on_commit_callbacks(execute=True):
        response = cast.client("steering").post(agenda_url(announced), {"ask": presenter.pk}, follow=True)
    assert "has no email address in the registry" in response.content.decode()
    presenter.refresh_from_db()
    assert (presenter.asked_at, presenter.confirmation_token, mailoutbox) == (None, None, [])


def test_an_answer_that_is_neither_is_a_clear_400(presenter, announced, client):
    from mshub.meetings.services.presenters import ask_to_confirm

    ask_to_confirm(presenter)
    presenter.refresh_from_db()
    confirm = reverse(
        "meetings:presenter-confirm", kwargs={**announced.url_kwargs(), "token": presenter.confirmation_token}
    )
    response = client.post(confirm, {"answer": "maybe"})
    assert response.status_code == 400
    presenter.refresh_from_db()
    assert presenter.answer == ""
