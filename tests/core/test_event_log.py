"""The activity log names records by id and shows their names when it is read, never stores them."""

from __future__ import annotations

import importlib
import json

from django.apps import apps

from mshub.core.models import ActivityEntry, Membership, Role
from mshub.core.services import change_role
from mshub.people.models import Person
from mshub.people.services import merge_persons
from tests.factories import OrganizationFactory, PersonFactory


class RenamedSince:
    """The app registry as migration 0002 saw it: the log's model was still called ``Event``."""

    def get_model(self, app_label: str, model_name: str):
        return apps.get_model(app_label, "ActivityEntry" if model_name == "Event" else model_name)


def stored(forum) -> str:
    return json.dumps(
        [[e.verb, e.summary, e.data] for e in ActivityEntry.objects.filter(forum=forum)],
        ensure_ascii=False,
        default=str,
    )


def test_person_workflows_log_no_name_or_email_and_the_log_page_shows_the_name(forum, cast):
    client = cast.client("secretariat")
    org = OrganizationFactory(forum=forum, name_en="Example Institute")
    fields = {"family_name_ja": "鈴木", "family_name_latin": "Suzuki", "email": "ichiro@example.jp"}
    client.post(f"/{forum.slug}/people/new/", {**fields, "given_name_ja": "一郎"})
    person = Person.objects.get(family_name_latin="Suzuki")
    client.post(
        f"/{forum.slug}/people/{person.pk}/edit/", {**fields, "given_name_ja": "一朗", "version": person.version}
    )
    response = client.post(
        f"/{forum.slug}/people/{person.pk}/affiliations/new/", {"organization": org.pk, "is_primary": "on"}
    )
    assert response.status_code == 302
    assert client.get(f"/{forum.slug}/people/{person.pk}/export.json").status_code == 200
    dupe = PersonFactory(forum=forum, family_name_ja="鈴木", given_name_ja="一朗", family_name_latin="Suzuki-dupe")
    merge_persons(person, dupe, actor=cast.users["secretariat"])
    client.post(f"/{forum.slug}/members/", {"email": "New.Member@example.org", "role": "steering"})
    membership = Membership.objects.get(forum=forum, user__email="new.member@example.org")
    change_role(membership, Role.MEMBER)
    change_role(membership, None)

    verbs = set(ActivityEntry.objects.filter(forum=forum).values_list("verb", flat=True))
    assert {"person.created", "person.changed", "affiliation.created", "person.exported", "person.merged"} <= verbs
    assert {"member.added", "member.role_changed", "member.removed"} <= verbs
    summaries = " ".join(ActivityEntry.objects.filter(forum=forum).values_list("summary", flat=True))
    for identifier in ("鈴木", "一朗", "Suzuki", "ichiro@example.jp", "new.member@example.org"):
        assert identifier not in summaries
    assert "Example Institute" in summaries  # what the affiliation is, without whose

    page = client.get(f"/{forum.slug}/events/").content.decode()
    assert "Suzuki" in page  # named when the log is read (in English: the Latin name)
    assert "new.member@example.org" in page


LEGACY = [
    ("person.created", "鈴木 一郎", {}),
    ("person.changed", "鈴木 一郎", {"fields": ["email"]}),
    ("person.exported", "鈴木 一郎", {}),
    ("affiliation.created", "鈴木 一郎 — Example Institute", {}),
    ("person.merged", "鈴木 一郎 (#7) → 鈴木 一郎 (#8)", {"duplicate_id": 7}),
    ("member.added", "ichiro@example.jp: steering", {"role": "steering"}),
    ("member.role_changed", "ichiro@example.jp: member", {}),
    ("member.removed", "ichiro@example.jp", {}),
    ("member.removed", "gone@example.jp", {}),
]


def test_the_migration_rewrites_summaries_that_hold_names_or_emails(forum, cast):
    account = cast.users["member"]
    account.email, account.display_name = "ichiro@example.jp", ""
    account.save()
    for verb, summary, data in LEGACY:  # target 80000: an id no account has, on any engine
        ActivityEntry.objects.create(forum=forum, verb=verb, summary=summary, data=data, target_id="80000")
    ActivityEntry.objects.create(forum=forum, verb="proposal.created", summary="Zero rating")

    migration = importlib.import_module("mshub.core.migrations.0002_events_without_personal_data")
    migration.rewrite(RenamedSince(), None)

    summaries = dict(ActivityEntry.objects.filter(forum=forum).values_list("verb", "summary"))
    assert summaries["affiliation.created"] == "Example Institute"
    assert summaries["person.merged"] == "#7 → #80000"
    assert summaries["member.added"] == "steering"
    assert summaries["proposal.created"] == "Zero rating"  # untouched
    text = stored(forum)
    assert "鈴木" not in text
    assert "example.jp" not in text
    members = ActivityEntry.objects.filter(verb__startswith="member.", target_id=str(account.pk))
    assert members.count() == 3  # now about the account, named when the log is read
    assert all(event.subject == "ichiro@example.jp" for event in members)


def test_the_log_names_a_meeting_with_its_series_and_links_to_it_in_flat_queries(
    forum, cast, django_assert_max_num_queries
):
    import datetime as dt

    from mshub.meetings.models import MeetingSeries
    from mshub.meetings.services.meetings import create_meeting

    series = MeetingSeries.objects.create(forum=forum, slug="youth", name_ja="ユース会合", name_en="Youth meeting")
    start = dt.datetime(2030, 1, 1, 10, tzinfo=dt.UTC)
    client = cast.client("secretariat")

    def page() -> str:
        return client.get(f"/{forum.slug}/events/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    first = create_meeting(series, start=start, end=start + dt.timedelta(hours=1), actor=cast.users["secretariat"])
    assert f'<a href="{first.get_absolute_url()}">1st Youth meeting</a>' in page()
    with django_assert_max_num_queries(30) as few:
        page()
    for n in range(8):
        create_meeting(series, start=start + dt.timedelta(days=n + 1), end=start + dt.timedelta(days=n + 1, hours=1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        page()


def test_the_admin_calls_the_log_by_its_name(forum, client):
    from tests.factories import UserFactory

    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    index = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Activity entries" in index
    assert ">Events<" not in index
    listing = client.get("/admin/core/activityentry/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Select activity entry to view" in listing
    assert str(ActivityEntry._meta.verbose_name) == "activity entry"
