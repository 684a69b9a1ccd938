"""The consultation pages: the list in sections with both zones and this forum's response for its
members, a consultation's page, the edit and response forms (conflicts, bad input, a proof file),
the radar's bounds, the page cache after a shared edit, and flat query counts."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mshub.calendar.models import ExternalEvent
from mshub.calendar.services import create_event
from mshub.consultations.models import Consultation, ConsultationResponse
from mshub.consultations.services import response_of, save_response, update_consultation
from mshub.core.middleware import TZ_COOKIE
from mshub.core.models.events import ActivityEntry
from tests.consultations.conftest import consultation
from tests.factories import ForumFactory, PersonFactory

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


def url(forum, name: str, **kwargs) -> str:  # type: ignore[no-untyped-def]
    return reverse(f"consultations:{name}", kwargs={"forum": forum.slug, **kwargs})


def page(client: Client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_list_has_sections_both_zones_days_left_and_our_response_for_members(cast):
    forum, now = cast.forum, timezone.now()
    open_one = consultation(forum, "Open one", now - DAY, now + 5 * DAY + dt.timedelta(hours=1))
    consultation(forum, "Upcoming one", now + DAY, now + 20 * DAY)
    consultation(forum, "Waiting one", now - 20 * DAY, now - DAY)
    consultation(forum, "Done one", now - 20 * DAY, now - 2 * DAY, report_url="https://example.org/report")
    response = response_of(forum, open_one)
    response.decision = "respond"
    save_response(response, None)
    anonymous = page(Client(), url(forum, "index"))
    sections = re.findall(r'<section id="(\w+)".*?</section>', anonymous, re.S)
    assert sections == ["open", "upcoming", "awaiting_report", "closed"]
    blocks = dict(re.findall(r'<section id="(\w+)"(.*?)</section>', anonymous, re.S))
    assert "Open one" in blocks["open"]
    assert "5 days left" in blocks["open"]
    assert "Upcoming one" in blocks["upcoming"]
    assert "Waiting one" in blocks["awaiting_report"]
    assert "Done one" in blocks["closed"]
    assert "Our response" not in anonymous  # the response is the members'
    member = page(cast.client("member"), url(forum, "index"))
    assert "Our response" in member
    assert "will respond" in member


def test_a_deadline_shows_in_the_issuers_zone_and_the_readers(forum):
    c = consultation(forum, "WGEC", dt.datetime(2016, 9, 30), dt.datetime(2016, 12, 7, 23, 59), "UTC")
    reader = Client()
    reader.cookies[TZ_COOKIE] = "Asia/Tokyo"
    html = page(reader, url(forum, "detail", pk=c.pk))
    assert '2016-12-07 23:59</time> <span class="muted">UTC</span>' in html
    assert "2016-12-08 08:59 in your zone (Asia/Tokyo)" in html
    reader.cookies[TZ_COOKIE] = "UTC"
    assert "in your zone" not in page(reader, url(forum, "detail", pk=c.pk))


def test_the_detail_escapes_the_summary_and_lists_questions_documents_and_history(cast):
    forum = cast.forum
    c = consultation(
        forum,
        "Escaped",
        dt.datetime(2016, 1, 1),
        dt.datetime(2016, 2, 1),
        summary_en="<script>alert(1)</script>\nSecond line",
        questions=[("", "First question"), ("", "Second question")],
        documents=[("Draft", "https://example.org/draft.pdf")],
    )
    html = page(cast.client("member"), url(forum, "detail", pk=c.pk))
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Second line" in html
    assert re.findall(r'<li value="(\d)">(\w+) question', html) == [("1", "First"), ("2", "Second")]
    assert 'href="https://example.org/draft.pdf"' in html
    assert "has not decided whether to respond" in html
    assert "Edit the response" not in html  # a member reads it; the steering group edits it


def test_the_secretariat_adds_a_consultation_in_the_issuers_zone(cast):
    forum, client = cast.forum, cast.client("secretariat")
    data = {
        "title_en": "New call",
        "timezone": "America/Los_Angeles",
        "opens": "2026-01-05T09:00",
        "closes": "2026-02-05T23:59",
        "report_expected": "on",
        "questions_en": "First?\n\nSecond?",
        "documents": "Draft | https://example.org/d.pdf",
    }
    response = client.post(url(forum, "create"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    c = Consultation.objects.get(title_en="New call")
    assert c.closes == dt.datetime(2026, 2, 6, 7, 59, tzinfo=dt.UTC)
    assert [q.text_en for q in c.questions.all()] == ["First?", "Second?"]
    assert ActivityEntry.objects.filter(forum=forum, verb="consultations.created").count() == 1
    bad = client.post(url(forum, "create"), {**data, "closes": "2025-12-31T00:00", "title_en": "Bad"})
    assert bad.status_code == 200
    assert "must close after it opens" in bad.content.decode()
    bad = client.post(url(forum, "create"), {**data, "timezone": "Not/AZone", "title_en": "Bad"})
    assert "is not an IANA time zone" in bad.content.decode()
    bad = client.post(url(forum, "create"), {**data, "title_en": "Bad", "documents": "x | javascript:alert(1)"})
    assert bad.status_code == 200
    nul = client.post(url(forum, "create"), {**data, "title_en": "Bad\x00"})
    assert nul.status_code == 400  # the site refuses NUL bytes before any view (the model refuses them too)
    assert not Consultation.objects.filter(title_en__startswith="Bad").exists()


def test_an_edit_from_a_stale_form_is_refused(cast):
    forum, client = cast.forum, cast.client("secretariat")
    c = consultation(forum, "Stale", dt.datetime(2016, 1, 1), dt.datetime(2016, 2, 1))
    form = {"title_en": "Mine", "timezone": "UTC", "opens": "2016-01-01T00:00", "closes": "2016-02-01T00:00"}
    c.title_en = "Theirs"
    update_consultation(c, 1, forum)
    response = client.post(url(forum, "update", pk=c.pk), {**form, "version": 1})
    assert response.status_code == 409
    assert Consultation.objects.get(pk=c.pk).title_en == "Theirs"


def test_the_steering_group_records_the_response_with_a_proof_file(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    forum, client = cast.forum, cast.client("steering")
    c = consultation(forum, "Respond", timezone.now() - DAY, timezone.now() + DAY)
    person = PersonFactory(forum=forum)
    stranger = PersonFactory(forum=ForumFactory())
    target = url(forum, "response", pk=c.pk)
    refused = client.post(target, {"decision": "respond", "person_in_charge": stranger.pk})
    assert refused.status_code == 200
    assert not ConsultationResponse.objects.exists()
    proof = SimpleUploadedFile("receipt.txt", b"Thank you for your submission.")
    saved = client.post(target, {"decision": "respond", "person_in_charge": person.pk, "proof": proof})
    assert saved.status_code == 302, saved.content.decode()[:3000]
    response = ConsultationResponse.objects.get(forum=forum, consultation=c)
    assert (response.person_in_charge, response.decision, response.proof_name) == (person, "respond", "receipt.txt")
    assert "receipt" not in response.proof_file.name  # an unguessable storage name
    download = cast.client("member").get(url(forum, "proof", pk=c.pk))
    assert b"".join(download.streaming_content) == b"Thank you for your submission."
    assert Client().get(url(forum, "proof", pk=c.pk)).status_code == 302  # anonymous: sign in
    exe = SimpleUploadedFile("x.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    bad = client.post(target, {"decision": "respond", "proof": exe, "version": response.version})
    assert bad.status_code == 200
    response.note = "Saved by someone else meanwhile"
    save_response(response, response.version)
    stale = client.post(target, {"decision": "not_respond", "version": 1})
    assert stale.status_code == 409
    assert ConsultationResponse.objects.get(pk=response.pk).decision == "respond"
    assert ActivityEntry.objects.filter(forum=forum, verb="consultations.response_changed").count() == 2


def test_the_radar_lists_what_closes_and_starts_within_the_days_asked(cast):
    forum, now = cast.forum, timezone.now()
    today = timezone.localdate()
    consultation(forum, "Closing soon", now - DAY, now + 3 * DAY)
    consultation(forum, "Closing later", now - DAY, now + 50 * DAY)
    create_event(forum, name_en="Summit soon", precision="days", start_date=today + dt.timedelta(days=5))
    client = cast.client("member")
    html = page(client, url(forum, "radar"))
    assert "Closing soon" in html
    assert "Summit soon" in html
    assert "Closing later" not in html
    assert "Closing later" in page(client, url(forum, "radar") + "?days=60")
    assert "Summit soon" not in page(client, url(forum, "radar") + "?days=2")
    for odd in ("0", "-5", "99999", "abc", "1e9", "٣"):
        assert client.get(url(forum, "radar"), {"days": odd}).status_code == 200
    assert 'value="365" selected' in page(client, url(forum, "radar") + "?days=99999")
    assert Client().get(url(forum, "radar")).status_code == 302  # members only


def test_a_shared_edit_reaches_every_forums_cached_pages(forum):
    other = ForumFactory(slug="other", is_public=True)
    c = consultation(forum, "Cached", dt.datetime(2016, 1, 1), dt.datetime(2016, 2, 1))
    pages = [url(f, name, **kw) for f in (forum, other) for name, kw in (("index", {}), ("detail", {"pk": c.pk}))]
    first = {address: Client().get(address) for address in pages}
    assert all(Client().get(a)["X-Page-Cache"] == "hit" for a in pages)
    c.title_en = "Cached, corrected"
    update_consultation(c, c.version, forum)
    for address in pages:
        again = Client().get(address, headers={"if-none-match": first[address]["ETag"]})
        assert again["X-Page-Cache"] == "miss", address
        assert "Cached, corrected" in again.content.decode(), address


def _queries(client: Client, address: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_list_detail_radar_and_api_read_in_a_fixed_number_of_queries(cast):
    forum, now = cast.forum, timezone.now()
    client = cast.client("secretariat")

    def grow(n: int) -> Consultation:
        last = None
        for i in range(n):
            last = consultation(
                forum,
                f"C{i}",
                now - DAY,
                now + (i + 1) * DAY,
                questions=[("", "Q1"), ("", "Q2")],
                documents=[("D", "https://example.org/d")],
            )
            response = response_of(forum, last)
            response.decision = "respond"
            save_response(response, None)
            create_event(forum, name_en=f"E{i}", precision="days", start_date=timezone.localdate() + (i + 1) * DAY)
        assert last is not None
        return last

    c = grow(2)
    addresses = [
        url(forum, "index"),
        url(forum, "radar"),
        url(forum, "detail", pk=c.pk),
        reverse("api:consultation-list", kwargs={"forum": forum.slug}),
        reverse("api:consultationresponse-list", kwargs={"forum": forum.slug}),
    ]
    before = {a: _queries(client, a) for a in addresses}
    grow(6)
    after = {a: _queries(client, a) for a in addresses}
    assert after == before
    assert ExternalEvent.objects.count() == 8
