"""Models know their pages: ``obj.urls.<page>`` is the route reversed with the record's arguments."""

from __future__ import annotations

import datetime as dt
import inspect
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models
from django.urls import NoReverseMatch, resolve, reverse

import mshub
from mshub.archive.models import ArchiveDocument, ImportBatch, ImportItem
from mshub.briefings.models import Briefing, BriefingVersion
from mshub.calendar.models import Body, EventKind, ExternalEvent, FeedSubscription, Presence, ReportBack
from mshub.consultations.models import Consultation
from mshub.core.models import Forum
from mshub.core.pages import Page, PageURLs
from mshub.meetings.models import (
    AgendaItem,
    Material,
    Meeting,
    MeetingSeries,
    Presenter,
    Registration,
    ReportVersion,
)
from mshub.meetings.services.meetings import create_meeting
from mshub.papers.models import Hearing, Paper, PaperRevision
from mshub.people.models import Affiliation, Gender, Organization, OrganizationKind, Person, StakeholderGroup
from mshub.topics.models import Topic
from mshub.trends.models import TrendFeed, TrendItem
from mshub.workinggroups.models import Milestone, WorkingGroup, WorkingGroupMember

SOURCE = Path(mshub.__file__).parent


def a_meeting(forum) -> Meeting:
    series = MeetingSeries.objects.create(forum=forum, slug="open", name_ja="公開会議", name_en="Open meeting")
    return create_meeting(series, start=dt.datetime(2025, 1, 10, 18), end=dt.datetime(2025, 1, 10, 20))


def declared_pages() -> dict[type[models.Model], PageURLs]:
    """Every model that declares its pages, with the declaration."""
    found = {}
    for model in apps.get_models():
        for name in dir(model):
            attr = inspect.getattr_static(model, name, None)
            if isinstance(attr, PageURLs) and attr.names:  # none yet: a model whose pages are still to come
                found[model] = attr
    return found


def samples() -> dict[type[models.Model], models.Model]:
    """One record of each model with pages (unsaved: reversing needs only their arguments)."""
    forum = Forum(slug="igcj")
    series = MeetingSeries(forum=forum, slug="open")
    meeting = Meeting(forum=forum, series=series, number=11)
    item = AgendaItem(pk=5, meeting=meeting)
    person = Person(pk=21, forum=forum)
    batch = ImportBatch(pk=31, forum=forum)
    event = ExternalEvent(pk=40)
    event.forum_slug = "igcj"  # type: ignore[attr-defined] # read through a forum (ExternalEvent.objects.shown_in)
    consultation = Consultation(pk=50)
    consultation.forum_slug = "igcj"  # type: ignore[attr-defined] # read through a forum (shown_in)
    subscription = FeedSubscription(pk=60)
    subscription.forum_slug = "igcj"  # type: ignore[attr-defined] # read through a forum (shown_in)
    body, kind = Body(pk=61), EventKind(pk=62)
    briefing = Briefing(pk=90, forum=forum)
    working_group = WorkingGroup(pk=95, forum=forum, slug="wsis")
    paper = Paper(pk=98, forum=forum, group=working_group)
    body.forum_slug = kind.forum_slug = "igcj"  # type: ignore[attr-defined] # shared terms, read through a forum
    return {
        MeetingSeries: series,
        Meeting: meeting,
        AgendaItem: item,
        Presenter: Presenter(pk=6, item=item, confirmation_token="presenter-token"),
        Material: Material(pk=7, meeting=meeting),
        Registration: Registration(pk=8, meeting=meeting, token="registrant-token"),
        ReportVersion: ReportVersion(meeting=meeting, version=2),
        Person: person,
        Organization: Organization(pk=22, forum=forum),
        Affiliation: Affiliation(pk=23, person=person),
        StakeholderGroup: StakeholderGroup(pk=24, forum=forum),
        OrganizationKind: OrganizationKind(pk=25, forum=forum),
        Gender: Gender(pk=26, forum=forum),
        ArchiveDocument: ArchiveDocument(pk=30, forum=forum),
        ImportBatch: batch,
        ImportItem: ImportItem(pk=32, batch=batch, document_id=30),
        ExternalEvent: event,
        Presence: Presence(pk=41, forum=forum, event=event),
        ReportBack: ReportBack(pk=42, forum=forum, event=event),
        Consultation: consultation,
        FeedSubscription: subscription,
        Body: body,
        EventKind: kind,
        Topic: Topic(pk=70, forum=forum, code="dns"),
        TrendItem: TrendItem(pk=80, forum=forum),
        TrendFeed: TrendFeed(pk=81, forum=forum),
        Briefing: briefing,
        BriefingVersion: BriefingVersion(number=3, briefing=briefing),
        WorkingGroup: working_group,
        WorkingGroupMember: WorkingGroupMember(pk=96, forum=forum, group=working_group),
        Milestone: Milestone(pk=97, forum=forum, group=working_group),
        Paper: paper,
        PaperRevision: PaperRevision(paper=paper, number=2),
        Hearing: Hearing(pk=99, forum=forum, paper=paper),
    }


def test_every_declared_page_of_every_model_reverses_to_its_route():
    declared = declared_pages()
    records = samples()
    assert set(declared) == set(records), "a model declares pages: add a sample record of it above"
    checked = 0
    for model, pages in declared.items():
        record = records[model]
        assert pages.names, model
        for name in pages.names:
            page = pages.pages[name]
            route = page.route if isinstance(page, Page) else page
            match = resolve(getattr(record.urls, name))  # type: ignore[attr-defined]
            assert match.view_name == f"{pages.namespace}:{route}", (model, name)
            assert match.kwargs["forum"] == "igcj", (model, name)
            checked += 1
    assert checked >= 40


def test_the_arguments_come_from_the_record():
    records = samples()
    assert records[Meeting].urls.report_pdf == "/igcj/meetings/open/11/report.pdf"  # type: ignore[attr-defined]
    assert records[AgendaItem].urls.item == "/igcj/meetings/open/11/agenda/5/"  # type: ignore[attr-defined]
    assert records[ReportVersion].urls.report_version == "/igcj/meetings/open/11/report/v2/"  # type: ignore[attr-defined]
    registration = records[Registration]
    assert registration.urls.registration_manage == "/igcj/meetings/open/11/registrations/8/"  # type: ignore[attr-defined]
    assert registration.urls.registration_cancel == "/igcj/meetings/open/11/cancel/registrant-token/"  # type: ignore[attr-defined]
    assert registration.urls.survey == "/igcj/meetings/open/11/survey/registrant-token/"  # type: ignore[attr-defined]
    assert records[Person].urls.affiliation_create == "/igcj/people/21/affiliations/new/"  # type: ignore[attr-defined]
    assert records[Affiliation].urls.affiliation_update == "/igcj/people/21/affiliations/23/"  # type: ignore[attr-defined]
    assert records[Gender].urls.vocabulary_update == "/igcj/vocabularies/genders/26/"  # type: ignore[attr-defined]
    assert records[Body].urls.vocabulary_update == "/igcj/vocabularies/bodies/61/"  # type: ignore[attr-defined]
    assert records[ImportItem].urls.document == "/igcj/archive/documents/30/"  # type: ignore[attr-defined]
    hearing = records[Hearing]
    assert hearing.urls.comment_create == "/igcj/papers/98/hearings/99/comments/"  # type: ignore[attr-defined]
    assert hearing.paper.urls.dispositions_csv == "/igcj/papers/98/dispositions.csv"  # type: ignore[attr-defined]
    assert records[Paper].urls.paper_pdf == "/igcj/papers/98/paper.pdf"  # type: ignore[attr-defined]
    assert records[Paper].urls.paper_submission == "/igcj/papers/98/submission/"  # type: ignore[attr-defined]
    assert records[MeetingSeries].urls.series_ics == "/igcj/meetings/open/calendar.ics"  # type: ignore[attr-defined]
    assert records[ExternalEvent].urls.event_update == "/igcj/calendar/events/40/edit/"  # type: ignore[attr-defined]
    assert records[Presence].urls.presence_delete == "/igcj/calendar/events/40/presence/41/delete/"  # type: ignore[attr-defined]
    assert records[Consultation].urls.proof == "/igcj/consultations/50/response/proof/"  # type: ignore[attr-defined]
    assert records[FeedSubscription].urls.subscription_refresh == "/igcj/calendar/feeds/60/refresh/"  # type: ignore[attr-defined]


def test_get_absolute_url_is_the_main_page():
    records = samples()
    for model, page in [
        (Meeting, "meeting"),
        (MeetingSeries, "series"),
        (Person, "person_detail"),
        (Organization, "organization_detail"),
        (ArchiveDocument, "document"),
    ]:
        record = records[model]
        assert record.get_absolute_url() == getattr(record.urls, page)  # type: ignore[attr-defined]


def test_a_page_the_model_does_not_declare_is_an_error_not_an_empty_link():
    meeting = samples()[Meeting]
    with pytest.raises(NoReverseMatch, match="declares no page 'no_such_page'"):
        meeting.urls.no_such_page  # type: ignore[attr-defined] # noqa: B018
    with pytest.raises(NoReverseMatch):
        meeting.urls.item  # type: ignore[attr-defined] # noqa: B018 -- an agenda item's page, not the meeting's
    with pytest.raises(AttributeError):
        meeting.urls._private  # type: ignore[attr-defined] # noqa: B018
    assert "report_pdf" in dir(meeting.urls)  # type: ignore[attr-defined]


def test_every_page_the_code_asks_for_is_declared():
    names = {name for pages in declared_pages().values() for name in pages.names}
    asked = {}
    for path in [*SOURCE.rglob("templates/**/*.html"), *SOURCE.rglob("templates/**/*.txt"), *SOURCE.rglob("*.py")]:
        for name in re.findall(r"(?<=\.)urls\.([a-z][a-z_]*)\b", path.read_text(encoding="utf-8")):
            asked.setdefault(name, path)
    assert asked, "the scan found no page at all"
    unknown = {name: str(path) for name, path in asked.items() if name not in names}
    assert not unknown


# A record's page is asked of the record; a forum-level route (only ``forum=``) may stay a tag.
HAND_SPELLED = re.compile(r"{% url '[^']+' forum=forum\.slug (?:[a-z]+=[^ %]+ ?)+%}")
# meeting.html lists the meeting's archive documents through the related manager, which does not
# load each document's forum: the tag gives the link without a query per document.
# A working group's page lists its papers (papers/_group_papers.html): "Start a paper" is a papers route
# named by the group's slug, which the group (a layer below the papers) cannot declare among its pages.
ALLOWED = {
    ("meetings/meeting.html", "{% url 'archive:document' forum=forum.slug pk=d.pk %}"),
    ("papers/_group_papers.html", "{% url 'papers:paper-create' forum=forum.slug group=group.slug %}"),
}


def test_templates_no_longer_spell_a_records_route_by_hand():
    found = set()
    for path in SOURCE.rglob("templates/**/*.html"):
        name = str(path).split("/templates/", 1)[1]
        found |= {(name, tag) for tag in HAND_SPELLED.findall(path.read_text(encoding="utf-8"))}
    vocabulary_create = "{% url 'core:vocabulary-create' forum=forum.slug kind=v.kind %}"  # a list's, not a record's
    assert found - {("core/vocabularies.html", vocabulary_create)} == ALLOWED


def test_the_meeting_page_links_through_them(forum, cast):
    meeting = a_meeting(forum)
    html = cast.client("secretariat").get(meeting.get_absolute_url()).content.decode()
    for page in ("meeting_update", "agenda", "memo", "registrations", "meeting_ics"):
        assert f'href="{getattr(meeting.urls, page)}"' in html
    assert meeting.urls.report == reverse(
        "meetings:report", kwargs={"forum": forum.slug, "series": "open", "number": meeting.number}
    )
