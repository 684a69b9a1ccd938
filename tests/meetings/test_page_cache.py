"""The page cache (mshub.core.pagecache): anonymous readers' pages are kept and validated, and every
kind of change a page shows reaches the next reader at once; no reader ever sees another's page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from mshub.core.models import Forum, Membership, Role
from mshub.core.pagecache import forum_changed, forum_path
from mshub.core.services import change_role
from mshub.meetings.models import Intervention, Presenter
from mshub.meetings.services.agenda import add_item
from mshub.meetings.services.meetings import change_status, create_meeting
from mshub.meetings.services.publishing import publish_report
from mshub.meetings.services.registration import register
from mshub.people.erasure import erase_person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _get(client: Client, url: str, **headers: str):  # type: ignore[no-untyped-def]
    return client.get(url, headers=headers)


def test_an_anonymous_page_is_kept_and_served_again_without_a_cookie(announced):
    url = announced.urls.meeting
    first = _get(Client(), url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert not first.cookies  # no csrftoken: nothing on the page needs one for an anonymous reader
    assert "public" in first["Cache-Control"]
    assert "s-maxage=" in first["Cache-Control"]
    with CaptureQueriesContext(connection) as queries:
        second = _get(Client(), url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert len(queries) == 1  # the forum (its content_version is part of the key)
    # the page's inline styles keep working: the policy names the nonce the page was written with
    nonce = second["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"'.encode() in second.content


def test_a_matching_validator_gets_304_without_rendering(announced):
    url = announced.urls.meeting
    etag = _get(Client(), url)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        again = _get(Client(), url, if_none_match=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert len(queries) == 1
    # no new nonce: the browser would merge it into the kept page's policy and block that page's styles
    assert "Content-Security-Policy" not in again


def test_a_new_agenda_item_reaches_the_next_reader_at_once(announced):
    url = announced.urls.meeting
    etag = _get(Client(), url)["ETag"]
    add_item(announced, title_ja="新しい議題", title_en="A new item")
    page = _get(Client(), url, if_none_match=etag)
    assert page.status_code == 200
    assert "A new item" in page.content.decode()


@pytest.mark.django_db(transaction=True)  # real commits: the change counts when the transaction commits
def test_a_presenter_or_an_intervention_added_deep_below_the_meeting_changes_the_forum(announced):
    item = add_item(announced, title_ja="議題")
    before = Forum.objects.get(pk=announced.forum_id).content_version
    with transaction.atomic():
        Presenter.objects.create(item=item, person=PersonFactory(forum=announced.forum), position=1)
        Intervention.objects.create(item=item, kind="Q", text_ja="質問", position=1)
        assert Forum.objects.get(pk=announced.forum_id).content_version == before  # raised on commit, once
    assert Forum.objects.get(pk=announced.forum_id).content_version == before + 1
    assert forum_path(Intervention) == ("item", "meeting", "forum")


def test_a_registration_changes_the_seat_count_at_once(announced, group):
    url = announced.urls.meeting
    first = _get(Client(), url).content.decode()
    assert "2 on-site seats left" in first
    register(announced, name="山田", email="y@example.org", mode="onsite", stakeholder_group=group)
    assert "1 on-site seat left" in _get(Client(), url).content.decode()


def test_a_correction_of_the_report_reaches_the_next_reader(series):
    start = (dt.datetime.now() - dt.timedelta(days=3)).replace(microsecond=0)
    held = create_meeting(series, start=start, end=start + dt.timedelta(hours=2), title_ja="過去の会合")
    change_status(change_status(held, "announced"), "held")
    item = add_item(held, title_ja="最初の議題", title_en="First item")
    publish_report(held)
    report = held.urls.report
    assert "最初の議題" in _get(Client(), report, accept_language="ja").content.decode()
    item.title_ja = "訂正した議題"
    item.save()
    publish_report(held, note="訂正")
    corrected = _get(Client(), report, accept_language="ja").content.decode()
    assert "訂正した議題" in corrected
    assert "最初の議題" not in corrected


def test_an_erasure_leaves_every_cached_page_at_once(announced):
    person = PersonFactory(forum=announced.forum, family_name_ja="消去", given_name_ja="花子")
    item = add_item(announced, title_ja="議題")
    Presenter.objects.create(item=item, person=person, position=1)
    url = announced.urls.meeting
    assert "消去" in _get(Client(), url, accept_language="ja").content.decode()
    erase_person(person)
    assert "消去" not in _get(Client(), url, accept_language="ja").content.decode()


def test_a_role_change_changes_the_signed_in_readers_validator(announced, cast):
    member = cast.client("member")
    url = announced.urls.meeting
    etag = member.get(url)["ETag"]
    assert member.get(url, headers={"if-none-match": etag}).status_code == 304
    change_role(Membership.objects.get(forum=cast.forum, user=cast.users["member"]), Role.SECRETARIAT)
    page = member.get(url, headers={"if-none-match": etag})
    assert page.status_code == 200
    assert announced.urls.meeting_update in page.content.decode()  # the new role's links


def test_a_signed_in_page_is_never_kept_nor_shown_to_the_public(announced, cast):
    url = announced.urls.meeting
    staff_page = cast.client("secretariat").get(url)
    assert "X-Page-Cache" not in staff_page
    assert "private" in staff_page["Cache-Control"]
    assert announced.urls.meeting_update in staff_page.content.decode()
    public = _get(Client(), url)
    assert public["X-Page-Cache"] == "miss"
    assert announced.urls.meeting_update not in public.content.decode()
    assert public["ETag"] != staff_page["ETag"]


def test_languages_zones_and_cookies_do_not_leak_between_readers(announced):
    url = announced.urls.meeting
    japanese = _get(Client(), url, accept_language="ja")
    english = _get(Client(), url, accept_language="en")
    assert japanese["X-Page-Cache"] == english["X-Page-Cache"] == "miss"
    assert japanese["Content-Language"] == "ja"
    assert english["Content-Language"] == "en"
    assert _get(Client(), url, accept_language="en").content == english.content
    zoned = Client()
    zoned.cookies["mshub_tz"] = "Europe/Paris"
    assert _get(zoned, url)["X-Page-Cache"] == "miss"  # another zone: another page
    stranger = Client()
    stranger.cookies["anything"] = "x"
    assert _get(stranger, url, accept_language="en").content == english.content
    assert _get(Client(), url, host="attacker.example").status_code == 400  # Host is checked first


def test_a_private_forum_is_never_kept_for_the_public(announced, cast):
    Forum.objects.filter(pk=cast.forum.pk).update(is_public=False)
    url = announced.urls.meeting
    assert _get(Client(), url).status_code == 302
    member_page = cast.client("member").get(url)
    assert member_page.status_code == 200
    assert "X-Page-Cache" not in member_page
    assert _get(Client(), url).status_code == 302


def test_a_pending_message_is_shown_not_replaced_by_a_kept_page(announced):
    client = Client()
    url = announced.urls.meeting
    _get(Client(), url)  # kept
    client.post("/accounts/timezone/", {"timezone": "Not/AZone", "next": url})
    page = client.get(url)
    assert "X-Page-Cache" not in page or page["X-Page-Cache"] != "hit"


def test_saving_the_forum_settings_never_lowers_its_content_version(cast):
    stale = Forum.objects.get(pk=cast.forum.pk)
    before = stale.content_version
    forum_changed(cast.forum)
    forum_changed(cast.forum)
    stale.name_en = "Renamed"
    stale.save()
    fresh = Forum.objects.get(pk=cast.forum.pk)
    assert fresh.name_en == "Renamed"
    assert fresh.content_version == before + 3  # two changes, then the settings themselves


def _change_then_roll_back(forum: Forum) -> None:
    try:
        with transaction.atomic():
            forum_changed(forum)
            raise RuntimeError
    except RuntimeError:
        pass


@pytest.mark.django_db(transaction=True)
def test_a_change_rolled_back_raises_nothing_and_the_next_commit_still_counts(cast):
    before = Forum.objects.get(pk=cast.forum.pk).content_version
    _change_then_roll_back(cast.forum)
    assert Forum.objects.get(pk=cast.forum.pk).content_version == before
    with transaction.atomic():
        forum_changed(cast.forum)
        _change_then_roll_back(cast.forum)  # a savepoint rolled back inside the transaction
        assert Forum.objects.get(pk=cast.forum.pk).content_version == before  # not before the commit
    assert Forum.objects.get(pk=cast.forum.pk).content_version == before + 1
