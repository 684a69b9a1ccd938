"""Only http(s) URLs are stored and shown: forms, the model, the import, old rows, every template."""

from __future__ import annotations

import datetime as dt
import importlib
from io import StringIO

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, transaction

from mshub.meetings.models import Material, Meeting, MeetingSeries
from mshub.meetings.services.meetings import change_status, create_meeting
from mshub.people.forms import OrganizationForm
from mshub.people.models import Organization
from tests.archive.variants import WIDE
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

SCRIPT_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://files.example.org/x",
    "//evil.example/x",
    "https://exa mple.org/",
    "https://example.org/\nx",
]


@pytest.fixture
def meeting(forum) -> Meeting:
    series = MeetingSeries.objects.create(forum=forum, slug="regular", name_ja="定例", name_en="Regular")
    start = dt.datetime(2031, 1, 1, 9, tzinfo=dt.UTC)
    return change_status(create_meeting(series, start=start, end=start + dt.timedelta(hours=2)), "announced")


def _raw_set(model, pk: int, **values: str) -> None:
    """Write a value past the model, as an old row or another program could have left it."""
    table = connection.ops.quote_name(model._meta.db_table)
    sets = ", ".join(f"{connection.ops.quote_name(k)} = %s" for k in values)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {sets} WHERE id = %s", [*values.values(), pk])  # noqa: S608


@pytest.mark.parametrize("bad", SCRIPT_URLS)
def test_no_path_through_the_model_stores_a_non_web_url(meeting, forum, bad):
    organization = OrganizationFactory(forum=forum)
    meeting.web_url = bad
    with pytest.raises(ValidationError):
        meeting.full_clean()
    writes = [
        meeting.save,  # save() runs no validators; the field checks the value itself
        *(
            lambda f=f: Meeting.objects.filter(pk=meeting.pk).update(**{f: bad})
            for f in ("web_url", "online_url", "map_url")
        ),
        lambda: Organization.objects.filter(pk=organization.pk).update(website=bad),
        lambda: OrganizationFactory(forum=forum, website=bad),
        lambda: Material.objects.create(meeting=meeting, title_ja="資料", url=bad),
        lambda: Material.objects.bulk_create([Material(meeting=meeting, title_ja="資料", url=bad)]),
    ]
    for write in writes:
        with pytest.raises(ValidationError), transaction.atomic():
            write()
    assert not Meeting.objects.exclude(web_url="", online_url="", map_url="").exists()
    assert not Organization.objects.exclude(website="").exists()
    assert not Material.objects.exists()


def test_web_urls_are_stored_and_forms_refuse_other_schemes(meeting, forum):
    meeting.web_url = "https://igf.example.jp/meetings/1?a=1&b=2"
    meeting.save()
    Meeting.objects.filter(pk=meeting.pk).update(map_url="http://maps.example.org/x")
    meeting.refresh_from_db()
    assert (meeting.web_url, meeting.map_url) == (
        "https://igf.example.jp/meetings/1?a=1&b=2",
        "http://maps.example.org/x",
    )
    for bad in ("javascript:alert(1)", "ftp://files.example.org/x", "data:text/html,x"):
        form = OrganizationForm(data={"name_en": "Org", "website": bad}, forum=forum)
        assert not form.is_valid()
        assert "website" in form.errors, (bad, form.errors)
    form = OrganizationForm(data={"name_en": "Org", "website": "example.org"}, forum=forum)
    form.is_valid()
    assert "website" not in form.errors
    assert form.cleaned_data["website"] == "https://example.org"


def test_importdocs_leaves_a_script_url_out_with_a_warning(forum, client, tmp_path):
    report = WIDE.replace("https://minato.example.jp/meetings/23/", "javascript:alert(1)")
    assert report != WIDE
    path = tmp_path / "report23.txt"
    path.write_text(report, encoding="utf-8")
    out = StringIO()
    call_command("importdocs", str(path), "--forum", forum.slug, "--json", stdout=out)
    meeting = Meeting.objects.get(forum=forum, number=23)
    assert meeting.web_url == ""
    assert "not a web address" in out.getvalue()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "javascript:" not in page


def test_the_record_builder_drops_a_script_url_from_an_edited_record(forum):
    from mshub.archive.models import ArchiveDocument
    from mshub.archive.records import store_meeting

    series = MeetingSeries.objects.create(forum=forum, slug="s", name_ja="s", name_en="s")
    document = ArchiveDocument.objects.create(forum=forum, sha256="a" * 64, name="r.txt", genre="meeting_report")
    data = {"genre": "meeting_report", "number": 5, "date": "2019-11-07", "url": "javascript:alert(1)"}
    meeting = store_meeting(document, data, series, overwrite=False)
    assert meeting.web_url == ""
    assert any("not a web address" in w for w in data["warnings"])


def test_pages_and_mails_never_link_a_script_url_left_in_the_database(meeting, forum, cast):
    organization = OrganizationFactory(forum=forum, website="https://ok.example.org/")
    _raw_set(Meeting, meeting.pk, web_url="javascript:alert(1)", map_url="javascript:alert(2)",
             online_url="javascript:alert(3)")  # fmt: skip
    _raw_set(Organization, organization.pk, website="javascript:alert(4)")
    material = Material.objects.create(meeting=meeting, title_ja="資料", url="https://ok.example.org/m")
    _raw_set(Material, material.pk, url="javascript:alert(5)")
    client = cast.client("secretariat")  # sees everything, the online link included
    pages = [
        meeting.get_absolute_url(),
        organization.get_absolute_url(),
        meeting.get_absolute_url() + "memo/",
        meeting.get_absolute_url() + "report/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "javascript:" not in response.content.decode(), url


def test_the_data_migrations_blank_non_web_urls_and_keep_web_ones(meeting, forum):
    organization = OrganizationFactory(forum=forum, website="https://ok.example.org/")
    other = OrganizationFactory(forum=forum, website="https://keep.example.org/")
    _raw_set(Meeting, meeting.pk, web_url="javascript:alert(1)", map_url="https://maps.example.org/")
    _raw_set(Organization, organization.pk, website="data:text/html,x")
    for name in ("mshub.meetings.migrations.0009_web_urls_only", "mshub.people.migrations.0002_web_urls_only"):
        importlib.import_module(name).blank_non_web_urls(apps, None)
    meeting.refresh_from_db()
    organization.refresh_from_db()
    other.refresh_from_db()
    assert (meeting.web_url, meeting.map_url) == ("", "https://maps.example.org/")
    assert organization.website == ""
    assert other.website == "https://keep.example.org/"
    meeting.save()  # the row saves again
