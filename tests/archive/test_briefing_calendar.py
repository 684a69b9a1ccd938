"""Trend briefings feed the calendar and the consultations: storing one creates (or finds) the shared
events and consultations it lists, links each to the document, never overwrites what someone typed,
and the review page decides per entry; the pages of those records show where they came from, to
this forum's secretariat only."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from mshub.archive.importer import parse_document
from mshub.archive.models import ArchiveDocument, ImportItem, SourceLink
from mshub.archive.store import store_document
from mshub.calendar.models import Body, ExternalEvent
from mshub.calendar.services import create_event
from mshub.consultations.models import Consultation
from mshub.consultations.services import create_consultation
from mshub.core.models import Role
from mshub.core.timezones import make_aware_in
from tests.factories import ForumFactory, MembershipFactory, UserFactory
from tests.formdata import form_data

pytestmark = pytest.mark.django_db

BRIEFING = """ 最近の動向（2017年9月～11月）
 IoT
• IoT 機器のセキュリティ認証制度の検討が始まる
 国連関連の意見募集(1)
IGF 2018 のテーマ募集
• 期限：2018年1月31日
• 質問：
1. 2018 年に取り上げるべきテーマは何か
2. 新しいセッション形式の提案はあるか
• URL：
• https://igf.example.org/call-for-themes
 各種会議: 2017年12月～2018年3月
• ICANN61 (3/10-3/15)
https://icann.example.org/61
• IGF 2017 (12/18-12/21)
https://www.igf.example.org/2017/
"""

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "samples" / "igcj-trend-briefing-2016.txt"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _store(forum, text=BRIEFING, name="briefing.txt", **changes):
    record = parse_document(text.encode(), name)
    for key, value in changes.items():
        record[key] = value
    return store_document(forum, record, name, content=text.encode())


def _at(day, zone="UTC"):
    return make_aware_in(dt.datetime.combine(day, dt.time(23, 59)), zone)


def test_storing_a_briefing_creates_its_consultations_and_events_with_provenance(forum):
    document = _store(forum)
    consultation = Consultation.objects.get()
    assert consultation.title_ja == "IGF 2018 のテーマ募集"
    assert consultation.title_en == ""
    assert consultation.local_closes.date() == dt.date(2018, 1, 31)
    assert consultation.local_closes.strftime("%H:%M") == "23:59"
    assert consultation.url == "https://igf.example.org/call-for-themes"
    assert consultation.body.code == "igf"  # named in the title
    assert [q.text_ja for q in consultation.questions.all()] == [
        "2018 年に取り上げるべきテーマは何か",
        "新しいセッション形式の提案はあるか",
    ]
    assert consultation.revisions.count() == 1
    igf, icann = ExternalEvent.objects.order_by("first_day")
    assert (igf.name_en, igf.name_ja, igf.precision) == ("IGF 2017", "", "days")
    assert (igf.start_date, igf.end_date) == (dt.date(2017, 12, 18), dt.date(2017, 12, 21))
    assert (icann.start_date, icann.end_date) == (dt.date(2018, 3, 10), dt.date(2018, 3, 15))
    assert (igf.body.code, icann.body.code, igf.kind.code) == ("igf", "icann", "meeting")
    links = SourceLink.objects.filter(document=document).exclude(key__startswith="trend ").order_by("pk")
    assert [link.key for link in links] == ["consultation 1", "event 1", "event 2"]
    assert [link.target for link in links] == [consultation, icann, igf]
    assert links[2].imported["dates"] == "12/18-12/21"
    assert links[0].page == 1


def test_storing_twice_or_a_second_briefing_makes_no_duplicates(forum):
    _store(forum)
    _store(forum)  # the same bytes: unchanged
    second = BRIEFING.replace("IoT 機器の", "IoT 機器と").replace("https://www.igf", "http://igf")
    document = _store(forum, second, "briefing-2.txt")
    assert ArchiveDocument.objects.count() == 2
    assert ExternalEvent.objects.count() == 2
    assert Consultation.objects.count() == 1
    assert SourceLink.objects.filter(document=document).exclude(key__startswith="trend ").count() == 3
    other = ForumFactory()  # another forum's import of it: its own links, the same shared records
    _store(other, second, "theirs.txt")
    assert ExternalEvent.objects.count() == 2
    assert Consultation.objects.count() == 1


def test_existing_records_are_found_by_url_or_by_name_and_day_and_only_completed(forum):
    typed = create_event(
        None,
        name_ja="IGF 2017 ジュネーブ",
        name_en="",
        precision="days",
        start_date=dt.date(2017, 12, 18),
        end_date=dt.date(2017, 12, 21),
        url="https://igf.example.org/2017",
        description_en="typed by hand",
    )
    by_name = create_event(None, name_en="ICANN 61", precision="days", start_date=dt.date(2018, 3, 10))
    icann = Body.objects.get(code="icann")
    by_name.body = icann
    by_name.save()
    # Same web address, another year: not the same event (bodies' sites are shared by many).
    create_event(
        None, name_en="IGF 2016", precision="days", start_date=dt.date(2016, 12, 6), url="https://igf.example.org/2017"
    )
    consultation = create_consultation(
        None,
        title_en="Call for IGF 2018 themes",
        url="",
        opens=_at(dt.date(2017, 11, 1)),
        closes=_at(dt.date(2018, 1, 31)),
        questions=[("", "Typed question")],
    )
    _store(forum, BRIEFING.replace("IGF 2018 のテーマ募集", "Call for IGF 2018 themes"))
    assert ExternalEvent.objects.count() == 3
    assert Consultation.objects.count() == 1
    typed.refresh_from_db()
    assert (typed.name_ja, typed.name_en, typed.description_en) == ("IGF 2017 ジュネーブ", "IGF 2017", "typed by hand")
    assert typed.revisions.count() == 2  # completed through the service: a revision kept
    by_name.refresh_from_db()
    assert (by_name.name_en, by_name.url, by_name.body) == ("ICANN 61", "https://icann.example.org/61", icann)
    consultation.refresh_from_db()
    assert consultation.url == "https://igf.example.org/call-for-themes"  # was empty
    assert [q.text_en for q in consultation.questions.all()] == ["Typed question"]  # kept
    assert consultation.title_ja == ""
    assert consultation.title_en == "Call for IGF 2018 themes"


def test_hostile_or_broken_entries_are_dropped_cleanly(forum):
    record = parse_document(BRIEFING.encode(), "b.txt")
    record["events"][1].update(url="javascript:alert(1)", name="X" * 5000)
    record["events"][0].update(start="2018-02-30", end="nonsense")
    record["consultations"][0].update(deadline="2018-13-45", url="data:text/html,x")
    store_document(forum, record, "b.txt", content=BRIEFING.encode())
    long_one = ExternalEvent.objects.get(name_en__startswith="XXX")
    assert len(long_one.name_en) == 300
    assert long_one.url == ""
    undecided = ExternalEvent.objects.get(name_en="ICANN61")
    assert undecided.precision == "tbd"
    assert undecided.first_day is None
    assert not Consultation.objects.exists()  # no deadline: not added, and the document says so
    document = ArchiveDocument.objects.get()
    assert any("no deadline" in w for w in document.parsed["warnings"])


# ---- the review page ----------------------------------------------------------------------------


@pytest.fixture
def secretariat(cast):
    client = cast.client("secretariat")
    client.base = f"/{cast.forum.slug}/archive/"
    return client


def _review(client, text=BRIEFING, name="briefing.txt"):
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(client.base, {"documents": [SimpleUploadedFile(name, text.encode())]})
    item = ImportItem.objects.latest("pk")
    url = f"{client.base}files/{item.pk}/"
    return url, client.get(url).content.decode()


def test_the_review_page_lists_the_entries_and_stores_the_choices(secretariat):
    existing = create_event(None, name_en="ICANN61", precision="days", start_date=dt.date(2018, 3, 10))
    url, page = _review(secretariat)
    assert "Calendar and consultations" in page
    assert "Presenters and their registry match" not in page  # a briefing has no agenda to review
    data = form_data(page, "review-form")
    assert data["events-0-match"] == str(existing.pk)  # found: preselected
    assert data["events-1-match"] == "new"
    assert data["consultations-0-match"] == "new"
    data["events-1-name"] = "IGF 2017 (第12回)"
    data["events-1-end"] = "2017-12-22"
    data["consultations-0-match"] = "skip"
    response = secretariat.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not Consultation.objects.exists()
    igf = ExternalEvent.objects.get(name_ja="IGF 2017 (第12回)")
    assert igf.end_date == dt.date(2017, 12, 22)
    assert ExternalEvent.objects.count() == 2
    existing.refresh_from_db()
    assert existing.url == "https://icann.example.org/61"
    document = ArchiveDocument.objects.get()
    assert {link.target for link in document.links.exclude(key__startswith="trend ")} == {igf, existing}
    stored = ImportItem.objects.get().record
    assert [e["match"] for e in stored["events"]] == [existing.pk, "new"]
    # The document's page lists the records made, with their names.
    page = secretariat.get(document.urls.document).content.decode()
    assert "IGF 2017 (第12回)" in page
    assert "ICANN61" in page
    assert f'href="/{document.forum.slug}/calendar/events/{igf.pk}/"' in page


def test_add_as_new_even_when_a_match_is_found(secretariat):
    existing = create_event(None, name_en="ICANN61", precision="days", start_date=dt.date(2018, 3, 10))
    url, page = _review(secretariat)
    data = form_data(page, "review-form", **{"events-0-match": "new"})
    assert secretariat.post(url, data).status_code == 302
    assert ExternalEvent.objects.filter(name_en="ICANN61").exclude(pk=existing.pk).count() == 1


def test_a_consultation_without_deadline_is_skipped_unless_the_reviewer_gives_one(secretariat):
    url, page = _review(secretariat, BRIEFING.replace("• 期限：2018年1月31日\n", ""))
    data = form_data(page, "review-form")
    assert data["consultations-0-match"] == "skip"
    data.update({"consultations-0-match": "new", "consultations-0-deadline": "2018-02-15"})
    assert secretariat.post(url, data).status_code == 302
    assert Consultation.objects.get().local_closes.date() == dt.date(2018, 2, 15)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("events-1-url", "javascript:alert(1)"),
        ("events-1-start", "2017-02-30"),
        ("events-1-end", "2017-12-01"),  # before the first day
        ("events-1-name", "x" * 400),
        ("events-1-match", "999999"),  # not a record offered
        ("consultations-0-deadline", ""),  # a new consultation needs one
    ],
)
def test_hostile_review_values_are_refused_and_nothing_is_stored(secretariat, field, value):
    url, page = _review(secretariat)
    response = secretariat.post(url, form_data(page, "review-form", **{field: value}))
    assert response.status_code == 400
    assert not ArchiveDocument.objects.exists()
    assert not ExternalEvent.objects.exists()


# ---- provenance on the shared records' pages ----------------------------------------------------


def test_provenance_shows_in_this_forum_only_and_only_to_its_secretariat(cast):
    forum = cast.forum
    forum.is_public = False
    forum.save()
    document = _store(forum)
    event = ExternalEvent.objects.get(name_en="IGF 2017")
    consultation = Consultation.objects.get()
    label = f"From the archive: {document.name}, p. 1"
    page = cast.client("secretariat").get(f"/{forum.slug}/calendar/events/{event.pk}/").content.decode()
    assert label in page
    assert document.urls.document in page
    page = cast.client("secretariat").get(f"/{forum.slug}/consultations/{consultation.pk}/").content.decode()
    assert label in page
    assert label not in cast.client("member").get(f"/{forum.slug}/calendar/events/{event.pk}/").content.decode()
    anonymous = cast.client("anonymous").get(f"/{forum.slug}/calendar/events/{event.pk}/")
    assert label not in anonymous.content.decode()
    other = ForumFactory(slug="other")
    their_secretariat = UserFactory(email="them@example.org")
    MembershipFactory(forum=other, user=their_secretariat, role=Role.SECRETARIAT)
    client = cast.client("anonymous")
    client.force_login(their_secretariat)
    page = client.get(f"/other/calendar/events/{event.pk}/").content.decode()
    assert event.name in page
    assert "From the archive" not in page
    assert document.name not in page


def test_the_provenance_lines_cost_one_query(cast, django_assert_max_num_queries):
    forum = cast.forum
    _store(forum)
    event = ExternalEvent.objects.get(name_en="IGF 2017")
    client = cast.client("secretariat")
    client.get(f"/{forum.slug}/calendar/events/{event.pk}/")  # warm
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(f"/{forum.slug}/calendar/events/{event.pk}/")
    for n in range(3):
        _store(forum, BRIEFING.replace("IoT 機器の", f"IoT {n} 機器の"), f"b{n}.txt")
    with CaptureQueriesContext(connection) as four:
        page = client.get(f"/{forum.slug}/calendar/events/{event.pk}/").content.decode()
    assert page.count("From the archive") == 4
    assert len(four.captured_queries) == len(one.captured_queries)


# ---- the real sample ----------------------------------------------------------------------------


def test_the_2016_sample_feeds_the_calendar_and_consultations(forum):
    if not SAMPLE.exists():
        pytest.skip("../shared/samples is not beside the checkout")
    content = SAMPLE.read_bytes()
    record = parse_document(content, SAMPLE.name)
    store_document(forum, record, SAMPLE.name, content=content)
    titles = list(Consultation.objects.values_list("title_en", flat=True))
    assert "CSTD WG Enhanced Corporation" in titles
    assert any("CWG-Internet" in t for t in titles)
    cstd = Consultation.objects.get(title_en="CSTD WG Enhanced Corporation")
    assert cstd.body.code == "itu"
    assert cstd.local_closes.date() == dt.date(2016, 12, 7)
    names = set(ExternalEvent.objects.values_list("name_en", flat=True))
    assert {"ICANN57", "IGF2016"} <= names
    icann57 = ExternalEvent.objects.get(name_en="ICANN57")
    assert (icann57.start_date, icann57.end_date) == (dt.date(2016, 11, 3), dt.date(2016, 11, 9))
    assert icann57.body.code == "icann"
    # The IGF's papers without a deadline are not consultations to track: warned, not invented.
    assert Consultation.objects.count() == 2
    document = ArchiveDocument.objects.get()
    links = SourceLink.objects.filter(document=document).exclude(key__startswith="trend ")
    assert links.count() == 2 + len(record["events"])


# ---- the demo -----------------------------------------------------------------------------------


def test_the_demo_briefing_links_the_demo_calendar_and_creates_the_rest(forum):
    from mshub.archive.demo import BRIEFING as DEMO_BRIEFING
    from mshub.calendar.demo import build_events
    from mshub.consultations.demo import build_shared

    events, consultations = build_events(), build_shared()
    before = (ExternalEvent.objects.count(), Consultation.objects.count())
    document = _store(forum, DEMO_BRIEFING, "jipf-trend-briefing-2017-11.txt")
    targets = {link.target for link in document.links.all()}
    assert {events["igf-2016"], consultations["cstd-wgec-2016"]} <= targets  # found, not copied
    assert ExternalEvent.objects.count() == before[0] + 2  # IGF 2017, ICANN61
    assert Consultation.objects.count() == before[1] + 1  # the IGF 2018 call for themes
    assert ExternalEvent.objects.get(name_en="ICANN61").first_day == dt.date(2018, 3, 10)
    cstd = consultations["cstd-wgec-2016"]
    assert Consultation.objects.get(pk=cstd.pk).title_en == cstd.title_en  # nothing typed overwritten
    # Loading the demo again after a reset: a new document, the same shared records.
    document.delete()
    _store(forum, DEMO_BRIEFING, "jipf-trend-briefing-2017-11.txt")
    assert (ExternalEvent.objects.count(), Consultation.objects.count()) == (before[0] + 2, before[1] + 1)


@pytest.mark.slow
def test_loaddemo_links_the_demo_briefing_to_the_demo_calendar_once():
    from mshub.core.demo import MAIN
    from tests.test_demo import load

    load()
    load()
    document = ArchiveDocument.objects.get(forum__slug=MAIN, genre="trend_briefing")
    uids = {link.target.uid for link in document.links.exclude(key__startswith="trend ")}
    assert {"demo-igf-2016@mshub", "demo-cstd-wgec-2016@mshub"} <= uids
    assert ExternalEvent.objects.filter(name_en="ICANN61").count() == 1
    assert Consultation.objects.filter(title_ja="IGF 2018 のテーマ募集").count() == 1
