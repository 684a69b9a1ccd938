"""Tagging records on their own pages: the registry, the tag view, the chips include, the filters
by topic, deletion, and the query counts as tags grow."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mshub.calendar.models import Body
from mshub.calendar.services import create_event
from mshub.consultations.services import create_consultation
from mshub.core.models import ActivityEntry
from mshub.meetings.models import Intervention, Meeting, MeetingSeries
from mshub.meetings.services.agenda import add_item
from mshub.meetings.services.meetings import change_status, create_meeting
from mshub.topics import registry, services
from mshub.topics.models import Topic, TopicTag
from tests.conftest import ROLES, Cast
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db


def topic(forum: Any, code: str) -> Topic:
    return Topic.objects.get(forum=forum, code=code)


def meeting_of(forum: Any, title: str = "IANA移管の現状", *, announce: bool = True) -> Meeting:
    series, _ = MeetingSeries.objects.get_or_create(
        forum=forum, slug="regular", defaults={"name_ja": "定例会合", "name_en": "Regular meeting"}
    )
    start = timezone.now() - dt.timedelta(days=10)
    number = series.meetings.count() + 1
    meeting = create_meeting(series, start=start, end=start + dt.timedelta(hours=2), title_ja=title, number=number)
    return change_status(meeting, "announced") if announce else meeting


def event_of(forum: Any, name: str = "ICANN54") -> Any:
    return create_event(forum, name_en=name, precision="days", start_date=dt.date(2015, 10, 18))


def consultation_of(forum: Any, title: str = "Draft WHOIS policy") -> Any:
    return create_consultation(
        forum,
        title_en=title,
        body=Body.objects.get(code="icann"),
        timezone="UTC",
        opens=dt.datetime(2015, 10, 1, tzinfo=dt.UTC),
        closes=dt.datetime(2015, 12, 7, 23, 59, tzinfo=dt.UTC),
    )


def tag_url(forum: Any, kind: str, pk: int) -> str:
    return reverse("topics:tag-record", kwargs={"forum": forum.slug, "kind": kind, "pk": pk})


def codes_on(obj: Any) -> set[str]:
    return set(TopicTag.objects.on(obj).values_list("topic__code", flat=True))


# ---- the registry ------------------------------------------------------------------------------


def test_the_areas_register_their_kinds() -> None:
    kinds = {entry.kind: entry for entry in registry.taggables()}
    assert {"meeting", "agenda-item", "intervention", "event", "consultation"} <= set(kinds)
    assert kinds["meeting"].permission == "meetings.change_meeting"
    assert kinds["intervention"].permission == "meetings.edit_minutes"
    assert kinds["event"].shared
    assert kinds["consultation"].shared
    assert registry.for_model(Intervention) is kinds["intervention"]


def test_a_kind_names_one_model() -> None:
    with pytest.raises(ValueError, match="already"):
        registry.register("meetings.AgendaItem", kind="meeting", label="x", date_path="meeting__start", permission="p")


# ---- the tag view ------------------------------------------------------------------------------

# who may tag what: the rule that lets them edit the record
ALLOWED = {
    "meeting": {"steering", "secretariat"},
    "agenda-item": {"steering", "secretariat"},
    "intervention": {"steering", "secretariat"},
    "event": {"secretariat"},
    "consultation": {"secretariat"},
}


def records(forum: Any) -> dict[str, Any]:
    meeting = meeting_of(forum)
    item = add_item(meeting, title_ja="ルートゾーン管理")
    intervention = Intervention.objects.create(item=item, position=0, kind="Q", text_ja="DNSの質問")
    return {
        "meeting": meeting,
        "agenda-item": item,
        "intervention": intervention,
        "event": event_of(forum),
        "consultation": consultation_of(forum),
    }


@pytest.mark.parametrize("role", ROLES)
def test_tagging_needs_the_records_edit_permission(cast: Cast, role: str) -> None:
    forum = cast.forum
    client = cast.client(role)
    for kind, obj in records(forum).items():
        response = client.post(tag_url(forum, kind, obj.pk), {"action": "add", "topic": "dns"})
        if role in ALLOWED[kind]:
            assert response.status_code == 302, (kind, role)
            assert codes_on(obj) == {"dns"}, kind
        else:
            assert response.status_code == (302 if role == "anonymous" else 403), (kind, role)
            if role == "anonymous":
                assert response["Location"].startswith(reverse("accounts:login"))
            assert codes_on(obj) == set(), kind


def test_adding_and_removing_goes_through_the_services_and_the_log(cast: Cast) -> None:
    forum, client = cast.forum, cast.client("steering")
    meeting = meeting_of(forum)
    url = tag_url(forum, "meeting", meeting.pk)
    response = client.post(url, {"action": "add", "topic": ["dns", "iana"], "next": meeting.get_absolute_url()})
    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()
    assert codes_on(meeting) == {"dns", "iana"}
    assert ActivityEntry.objects.filter(forum=forum, verb="topic.tagged").exists()
    client.post(url, {"action": "remove", "topic": "dns"})
    assert codes_on(meeting) == {"iana"}
    assert ActivityEntry.objects.filter(forum=forum, verb="topic.untagged").exists()


def test_next_must_be_on_this_site(cast: Cast) -> None:
    forum, client = cast.forum, cast.client("steering")
    meeting = meeting_of(forum)
    response = client.post(
        tag_url(forum, "meeting", meeting.pk), {"action": "add", "topic": "dns", "next": "https://evil.example/"}
    )
    assert response["Location"] == meeting.get_absolute_url()


def test_another_forums_topic_is_refused(cast: Cast) -> None:
    forum, client = cast.forum, cast.client("secretariat")
    other = ForumFactory(slug="other")
    Topic.objects.create(forum=other, code="only-there", name_ja="他", name_en="Elsewhere")
    meeting = meeting_of(forum)
    client.post(tag_url(forum, "meeting", meeting.pk), {"action": "add", "topic": "only-there"})
    client.post(tag_url(forum, "meeting", meeting.pk), {"action": "add", "topic": ["dns", "only-there"]})
    assert codes_on(meeting) == set()
    assert not TopicTag.objects.filter(forum=other).exists()


def test_another_forums_record_is_not_found(cast: Cast) -> None:
    other = ForumFactory(slug="other")
    theirs = meeting_of(other)
    item = add_item(theirs, title_ja="他の議題")
    client = cast.client("secretariat")
    for kind, obj in (("meeting", theirs), ("agenda-item", item)):
        response = client.post(tag_url(cast.forum, kind, obj.pk), {"action": "add", "topic": "dns"})
        assert response.status_code == 404
    assert not TopicTag.objects.exists()


def test_a_retired_topic_is_refused_with_a_message(cast: Cast) -> None:
    forum, client = cast.forum, cast.client("secretariat")
    services.set_active(forum, None, topic(forum, "ipv6"), False)
    meeting = meeting_of(forum)
    response = client.post(tag_url(forum, "meeting", meeting.pk), {"action": "add", "topic": "ipv6"}, follow=True)
    assert codes_on(meeting) == set()
    assert "retired" in response.content.decode() or "廃止" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"action": "add"},  # no topic
        {"action": "add", "topic": ""},
        {"action": "destroy", "topic": "dns"},
        {"topic": "dns"},
        {"action": "add", "topic": "no-such-topic"},
        {"action": "add", "topic": "<script>"},
    ],
)
def test_a_forged_post_changes_nothing(cast: Cast, data: dict[str, str]) -> None:
    forum = cast.forum
    meeting = meeting_of(forum)
    response = cast.client("secretariat").post(tag_url(forum, "meeting", meeting.pk), data)
    assert response.status_code < 500
    assert codes_on(meeting) == set()


def test_unknown_kinds_and_records_are_404(cast: Cast) -> None:
    client = cast.client("secretariat")
    assert client.post(tag_url(cast.forum, "person-x", 1), {"action": "add", "topic": "dns"}).status_code == 404
    assert client.post(tag_url(cast.forum, "meeting", 999999), {"action": "add", "topic": "dns"}).status_code == 404


def test_get_is_not_allowed(cast: Cast) -> None:
    meeting = meeting_of(cast.forum)
    assert cast.client("secretariat").get(tag_url(cast.forum, "meeting", meeting.pk)).status_code == 405


def test_htmx_gets_the_chips_back(cast: Cast) -> None:
    forum = cast.forum
    event = event_of(forum)
    client = cast.client("secretariat")
    response = client.post(tag_url(forum, "event", event.pk), {"action": "add", "topic": "dns"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<div class="record-topics" id="topics-event-')
    assert reverse("topics:topic", kwargs={"forum": forum.slug, "code": "dns"}) in body
    refused = client.post(tag_url(forum, "event", event.pk), {"action": "add", "topic": "nope"}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 200
    assert 'role="alert"' in refused.content.decode()


def test_shared_records_carry_each_forums_own_tags(cast: Cast) -> None:
    forum = cast.forum
    other = ForumFactory(slug="other")
    event = event_of(forum)
    services.tag(other, event, [topic(other, "wsis")], None)
    cast.client("secretariat").post(tag_url(forum, "event", event.pk), {"action": "add", "topic": "dns"})
    page = cast.client("anonymous").get(reverse("calendar:event", kwargs={"forum": forum.slug, "pk": event.pk}))
    body = page.content.decode()
    assert f"/{forum.slug}/topics/dns/" in body
    assert "/other/topics/wsis/" not in body
    assert "WSIS" not in body


# ---- the include on each page ------------------------------------------------------------------


def page_of(forum: Any, kind: str, obj: Any) -> str:
    if kind == "meeting":
        return obj.get_absolute_url()
    if kind in ("agenda-item", "intervention"):
        item = obj if kind == "agenda-item" else obj.item
        return reverse("meetings:item", kwargs={**item.meeting.url_kwargs(), "pk": item.pk})
    if kind == "event":
        return reverse("calendar:event", kwargs={"forum": forum.slug, "pk": obj.pk})
    return reverse("consultations:detail", kwargs={"forum": forum.slug, "pk": obj.pk})


@pytest.mark.parametrize("kind", sorted(ALLOWED))
def test_each_records_page_shows_its_topics_and_the_picker_to_editors_only(cast: Cast, kind: str) -> None:
    forum = cast.forum
    obj = records(forum)[kind]
    services.tag(forum, obj, [topic(forum, "privacy")], None)
    topic_link = reverse("topics:topic", kwargs={"forum": forum.slug, "code": "privacy"})
    url = page_of(forum, kind, obj)
    readers = ["steering", "secretariat"] if kind in ("agenda-item", "intervention") else ROLES
    for role in readers:
        response = cast.client(role).get(url)
        assert response.status_code == 200, role
        body = response.content.decode()
        assert topic_link in body, role
        picker = f'action="{tag_url(forum, kind, obj.pk)}"'
        assert (picker in body) == (role in ALLOWED[kind]), (kind, role)


def test_the_picker_groups_the_active_topics_by_heading(cast: Cast) -> None:
    forum = cast.forum
    services.set_active(forum, None, topic(forum, "ipv6"), False)
    meeting = meeting_of(forum)
    body = cast.client("steering").get(meeting.get_absolute_url()).content.decode()
    assert 'optgroup label="' in body
    assert 'value="dns"' in body
    assert 'value="ipv6"' not in body


# ---- deletion ----------------------------------------------------------------------------------


def test_deleting_a_record_removes_its_tags_and_the_tree_stops_counting_it(cast: Cast) -> None:
    forum = cast.forum
    meeting = meeting_of(forum)
    item = add_item(meeting, title_ja="議題")
    intervention = Intervention.objects.create(item=item, position=0, kind="C", text_ja="コメント")
    event = event_of(forum)
    dns = topic(forum, "dns")
    for obj in (meeting, item, intervention, event):
        services.tag(forum, obj, [dns], None)
    rows = {r.topic.code: r for r in cast.client("anonymous").get(f"/{forum.slug}/topics/").context["rows"]}
    assert rows["dns"].topic.tag_count == 4
    meeting.delete()  # its items and their Q/A/C entries go with it
    event.delete()
    assert not TopicTag.objects.filter(topic=dns).exists()
    rows = {r.topic.code: r for r in cast.client("anonymous").get(f"/{forum.slug}/topics/").context["rows"]}
    assert rows["dns"].topic.tag_count == 0
    assert services.delete_topic(forum, None, dns) is None  # no longer in use


# ---- the topic page ----------------------------------------------------------------------------


def test_the_topic_page_dates_records_by_the_registry_and_hides_what_the_reader_may_not_see(cast: Cast) -> None:
    forum = cast.forum
    shown = meeting_of(forum, "公開会合")
    planned = meeting_of(forum, "計画中の会合", announce=False)
    event = event_of(forum, "IGF 2015")
    consultation = consultation_of(forum)
    dns = topic(forum, "dns")
    for obj in (shown, planned, event, consultation):
        services.tag(forum, obj, [dns], None)
    url = f"/{forum.slug}/topics/dns/"
    public = {r.label: r for r in cast.client("anonymous").get(url).context["records"]}
    assert str(planned) not in public
    assert public[str(shown)].date == timezone.localdate(shown.start)
    assert public["IGF 2015"].date == dt.date(2015, 10, 18)
    assert public["IGF 2015"].url == reverse("calendar:event", kwargs={"forum": forum.slug, "pk": event.pk})
    assert public["Draft WHOIS policy"].date == timezone.localdate(consultation.closes)  # the reader's day
    members = {r.label for r in cast.client("member").get(url).context["records"]}
    assert str(planned) in members


# ---- lists by topic ----------------------------------------------------------------------------


def test_the_calendar_lists_the_events_of_a_topic_and_the_topics_under_it(cast: Cast) -> None:
    forum = cast.forum
    other = ForumFactory(slug="other")
    dns_event, ipv6_event, _plain, theirs = (event_of(forum, n) for n in ("DNS day", "IPv6 day", "Plain day", "Theirs"))
    services.tag(forum, dns_event, [topic(forum, "dns")], None)
    services.tag(forum, ipv6_event, [topic(forum, "ipv6")], None)
    services.tag(other, theirs, [topic(other, "dns")], None)
    client = cast.client("anonymous")
    index = reverse("calendar:index", kwargs={"forum": forum.slug})
    year = reverse("calendar:year", kwargs={"forum": forum.slug, "year": 2015})

    def names(query: str) -> set[str]:
        body = client.get(f"{year}?{query}").content.decode()
        return {n for n in ("DNS day", "IPv6 day", "Plain day", "Theirs") if n in body}

    assert names("topic=dns") == {"DNS day"}
    assert names("topic=infrastructure") == {"DNS day", "IPv6 day"}  # the topics under it too
    assert names("") == {"DNS day", "IPv6 day", "Plain day", "Theirs"}
    bad = client.get(f"{index}?topic=no-such-topic")
    assert bad.status_code == 200  # an unknown topic is shown as the form's error, never a 5xx
    assert 'name="topic"' in client.get(index).content.decode()


def test_the_consultations_list_filters_by_topic(cast: Cast) -> None:
    forum = cast.forum
    whois, other = consultation_of(forum, "WHOIS review"), consultation_of(forum, "Spectrum plan")
    services.tag(forum, whois, [topic(forum, "dns")], None)
    index = reverse("consultations:index", kwargs={"forum": forum.slug})
    body = cast.client("anonymous").get(f"{index}?topic=infrastructure").content.decode()
    assert "WHOIS review" in body
    assert "Spectrum plan" not in body
    assert other.pk
    assert cast.client("anonymous").get(f"{index}?topic=%3Cscript%3E").status_code == 200


# ---- query counts as tags grow -----------------------------------------------------------------


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_pages_read_in_as_many_queries_with_many_tags(cast: Cast) -> None:
    forum = cast.forum
    meeting = meeting_of(forum)
    item = add_item(meeting, title_ja="議題")
    for position in range(3):
        Intervention.objects.create(item=item, position=position, kind="Q", text_ja=f"質問{position}")
    event = event_of(forum)
    dns = topic(forum, "dns")
    for obj in (meeting, item, event, *item.interventions.all()):
        services.tag(forum, obj, [dns], None)
    urls = {
        "meeting": (meeting.get_absolute_url(), ("anonymous", "steering")),
        "item": (page_of(forum, "agenda-item", item), ("steering",)),
        "event": (page_of(forum, "event", event), ("anonymous", "secretariat")),
        "calendar": (reverse("calendar:index", kwargs={"forum": forum.slug}) + "?topic=dns", ("anonymous",)),
        "topic": (f"/{forum.slug}/topics/dns/", ("anonymous", "member")),
    }
    few = {(n, r): count(cast.client(r), u) for n, (u, roles) in urls.items() for r in roles}
    codes = ["privacy", "iana", "ipv6", "wsis", "igf"]
    for obj in (meeting, item, event, *item.interventions.all()):
        services.tag(forum, obj, [topic(forum, c) for c in codes], None)
    for position in range(3, 8):
        entry = Intervention.objects.create(item=item, position=position, kind="C", text_ja=f"意見{position}")
        services.tag(forum, entry, [dns, topic(forum, "privacy")], None)
        services.tag(forum, event_of(forum, f"Event {position}"), [dns], None)
        services.tag(forum, meeting_of(forum, f"会合{position}"), [dns], None)
    many = {(n, r): count(cast.client(r), u) for n, (u, roles) in urls.items() for r in roles}
    grew = {k: (few[k], many[k]) for k in few if few[k] != many[k]}
    assert not grew, f"query counts that grow with the tags (few, many): {grew}"


def test_a_tag_shows_at_once_on_pages_kept_in_the_page_cache(cast: Cast) -> None:
    forum = cast.forum
    meeting, event = meeting_of(forum), event_of(forum)
    pages = [meeting.get_absolute_url(), page_of(forum, "event", event)]
    anonymous = cast.client("anonymous")
    link = reverse("topics:topic", kwargs={"forum": forum.slug, "code": "privacy"})
    for url in pages:
        assert link not in anonymous.get(url).content.decode()  # now kept in the cache
    secretariat = cast.client("secretariat")
    secretariat.post(tag_url(forum, "meeting", meeting.pk), {"action": "add", "topic": "privacy"})
    secretariat.post(tag_url(forum, "event", event.pk), {"action": "add", "topic": "privacy"})
    for url in pages:
        assert link in anonymous.get(url).content.decode(), url
    secretariat.post(tag_url(forum, "event", event.pk), {"action": "remove", "topic": "privacy"})
    assert link not in anonymous.get(pages[1]).content.decode()


def test_the_meeting_page_shows_the_topics_of_its_agenda(cast: Cast) -> None:
    forum = cast.forum
    meeting = meeting_of(forum)
    item = add_item(meeting, title_ja="ルートゾーン")
    services.tag(forum, item, [topic(forum, "iana")], None)
    other = add_item(meeting_of(forum, "別の会合"), title_ja="別")
    services.tag(forum, other, [topic(forum, "wsis")], None)
    body = cast.client("anonymous").get(meeting.get_absolute_url()).content.decode()
    assert reverse("topics:topic", kwargs={"forum": forum.slug, "code": "iana"}) in body
    assert reverse("topics:topic", kwargs={"forum": forum.slug, "code": "wsis"}) not in body


def test_suggestions_load_into_the_secretariats_picker_and_a_suggestion_adds_itself(cast: Cast) -> None:
    forum = cast.forum
    meeting = meeting_of(forum, "IANA監督権限移管について")
    suggest = reverse("topics:topic-suggest", kwargs={"forum": forum.slug})
    assert suggest in cast.client("secretariat").get(meeting.get_absolute_url()).content.decode()
    assert suggest not in cast.client("steering").get(meeting.get_absolute_url()).content.decode()
    fragment = cast.client("secretariat").get(suggest, {"text": str(meeting)}).content.decode()
    assert 'name="topics" value="iana"' in fragment
    # the add form posts its select's topic too: the suggestion's button stands alone
    cast.client("secretariat").post(
        tag_url(forum, "meeting", meeting.pk), {"action": "add", "topic": "dns", "topics": "iana"}
    )
    assert codes_on(meeting) == {"iana"}
