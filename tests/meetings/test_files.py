"""Stored files: unguessable names, never served by path, handed out only after a permission check."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from mshub.core.files import private_name, rename_to_private
from mshub.meetings.models import Material, MaterialVersion, ReportVersion
from mshub.meetings.services.minutes import add_material
from mshub.meetings.services.publishing import store_pdf

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TOKEN = r"[A-Za-z0-9_-]{24}"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _material(meeting, name="tf-plan-2026.pdf"):
    return add_material(
        meeting, upload=SimpleUploadedFile(name, PDF, content_type="application/pdf"), label="資料1", title_ja="計画"
    )


def _download(client, material):
    return client.get(f"{material.meeting.get_absolute_url()}materials/{material.pk}/")


def test_stored_names_carry_a_random_token_not_the_original_name(announced):
    version = MaterialVersion.objects.get(material=_material(announced))
    assert re.fullmatch(rf"materials/{announced.forum_id}/{TOKEN}\.pdf", version.file.name)
    assert "tf-plan" not in version.file.name
    assert version.original_name == "tf-plan-2026.pdf"
    other = MaterialVersion.objects.get(material=_material(announced))
    assert other.file.name != version.file.name  # same name, same bytes: still two unguessable names


def test_report_pdfs_are_stored_under_random_names(announced, cast):
    version = ReportVersion.objects.create(meeting=announced, version=1, language="en", html="<p>x</p>", markdown="x")
    store_pdf(version, PDF)
    version.refresh_from_db()
    assert re.fullmatch(rf"reports/{announced.forum_id}/{TOKEN}\.pdf", version.pdf.name)
    assert announced.series.slug not in version.pdf.name


def test_nothing_is_served_by_path_even_in_debug(announced, cast, settings, client):
    version = MaterialVersion.objects.get(material=_material(announced))
    settings.DEBUG = True
    assert client.get(f"/media/{version.file.name}").status_code == 404


def test_a_private_forums_material_goes_only_to_members_as_a_sandboxed_attachment(announced, cast):
    cast.forum.is_public = False
    cast.forum.save()
    material = _material(announced)
    assert _download(cast.client("anonymous"), material).status_code == 302  # to sign in
    assert _download(cast.client("visitor"), material).status_code == 403
    response = _download(cast.client("member"), material)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="tf-plan-2026.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF


def test_behind_nginx_the_view_checks_and_the_proxy_sends(announced, cast, settings):
    settings.MEDIA_ACCEL_REDIRECT = "/_protected/"
    cast.forum.is_public = False
    cast.forum.save()
    material = _material(announced)
    stored = MaterialVersion.objects.get(material=material).file.name
    denied = _download(cast.client("visitor"), material)
    assert denied.status_code == 403
    assert "X-Accel-Redirect" not in denied
    response = _download(cast.client("member"), material)
    assert response["X-Accel-Redirect"] == f"/_protected/{stored}"
    assert response.content == b""  # nginx sends the bytes from its internal location
    assert response["Content-Disposition"].startswith("attachment;")


def test_x_sendfile_names_the_path_on_disk(announced, cast, settings, media):
    settings.MEDIA_SENDFILE = "X-Sendfile"
    material = _material(announced)
    response = _download(cast.client("member"), material)
    stored = MaterialVersion.objects.get(material=material).file.name
    assert response["X-Sendfile"] == str(media / stored)


def test_the_report_pdf_is_inline_and_private_in_a_private_forum(announced, cast):
    cast.forum.is_public = False
    cast.forum.save()
    version = ReportVersion.objects.create(meeting=announced, version=1, language="en", html="<p>x</p>", markdown="x")
    store_pdf(version, PDF)
    response = cast.client("steering").get(f"{announced.get_absolute_url()}report.pdf?lang=en")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF


def test_files_stored_under_readable_names_are_moved(announced, media):
    material = Material.objects.create(meeting=announced, label="資料2", title_ja="旧資料")
    version = MaterialVersion(material=material, original_name="old.pdf", content_type="application/pdf", size=3)
    version.file.save("x", ContentFile(b"abc"), save=False)
    old = f"materials/{announced.forum_id}/{announced.pk}/{material.pk}/abcdef-old.pdf"
    version.file.storage.delete(version.file.name)
    version.file.storage.save(old, ContentFile(b"abc"))
    version.file.name = old
    version.save()
    missing = MaterialVersion.objects.create(
        material=material, original_name="gone.pdf", content_type="application/pdf", size=1, file="materials/gone.pdf"
    )
    moved = rename_to_private(
        MaterialVersion.objects.filter(material=material), "file", lambda row: f"materials/{announced.forum_id}"
    )
    assert moved == 1
    version.refresh_from_db()
    assert re.fullmatch(rf"materials/{announced.forum_id}/{TOKEN}\.pdf", version.file.name)
    assert not (media / old).exists()
    assert (media / version.file.name).read_bytes() == b"abc"
    missing.refresh_from_db()
    assert missing.file.name == "materials/gone.pdf"  # nothing to move: the row is left alone


@pytest.mark.parametrize("name", ["../../etc/passwd", "a.exe", "payload.html.php", "", "no-suffix"])
def test_private_names_keep_only_a_known_suffix(name):
    stored = private_name("materials/1", name)
    assert re.fullmatch(rf"materials/1/{TOKEN}(\.html)?", stored)
    assert ".." not in stored
