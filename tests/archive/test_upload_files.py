"""Uploaded files are kept only while they wait for review; originals go out as sandboxed downloads."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from mshub.archive.models import ArchiveDocument, ImportItem
from tests.archive.variants import WIDE
from tests.formdata import form_data

pytestmark = pytest.mark.django_db

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200 + b"This program cannot be run"


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def secretariat(cast):
    client = cast.client("secretariat")
    client.base = f"/{cast.forum.slug}/archive/"
    return client


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def _upload(client, *files):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(client.base, {"documents": list(files)})


def test_a_program_named_pdf_is_refused_and_nothing_is_kept(secretariat, media):
    response = _upload(secretariat, SimpleUploadedFile("invoice.pdf", EXE), SimpleUploadedFile("memo.txt", b"memo"))
    assert response.status_code == 200
    assert "“invoice.pdf” is not a PDF, HTML, text or Word file, whatever its name says." in response.content.decode()
    assert not ImportItem.objects.exists()
    assert _files(media) == []


def test_texts_in_old_encodings_and_word_files_are_still_taken(secretariat, media):
    import docx

    document = docx.Document()
    document.add_paragraph("第23回")
    word = io.BytesIO()
    document.save(word)
    response = _upload(
        secretariat,
        SimpleUploadedFile("old.txt", "第23回 会合報告".encode("shift_jis")),
        SimpleUploadedFile("wide.txt", "報告".encode("utf-16")),
        SimpleUploadedFile("r.docx", word.getvalue()),
    )
    assert response.status_code == 302
    assert ImportItem.objects.count() == 3


def test_a_failed_upload_keeps_its_reason_but_not_its_file(secretariat, media):
    broken = SimpleUploadedFile("broken.pdf", b"%PDF-1.4 not really")
    response = _upload(secretariat, broken, SimpleUploadedFile("r.txt", WIDE.encode()))
    assert response.status_code == 302
    bad, good = ImportItem.objects.order_by("pk")
    assert (bad.status, bad.file.name) == ("failed", "")
    assert "broken.pdf" in bad.error
    assert "broken.pdf" in secretariat.get(response["Location"]).content.decode()  # its reason stays on the page
    assert _files(media) == [Path(good.file.path)]  # only the file waiting for review

    page = secretariat.get(f"{secretariat.base}files/{good.pk}/").content.decode()
    stored = secretariat.post(f"{secretariat.base}files/{good.pk}/", form_data(page, "review-form"))
    assert stored.status_code == 302
    document = ArchiveDocument.objects.get()
    good.refresh_from_db()
    assert good.file.name == ""  # the upload copy went once the document kept its own
    assert _files(media) == [Path(document.file.path)]


def test_an_upload_imported_before_keeps_no_copy(secretariat, media):
    _upload(secretariat, SimpleUploadedFile("r.txt", WIDE.encode()))
    item = ImportItem.objects.get()
    page = secretariat.get(f"{secretariat.base}files/{item.pk}/").content.decode()
    secretariat.post(f"{secretariat.base}files/{item.pk}/", form_data(page, "review-form"))
    _upload(secretariat, SimpleUploadedFile("again.txt", WIDE.encode()))
    again = ImportItem.objects.latest("pk")
    assert (again.status, again.file.name) == ("stored", "")
    assert len(_files(media)) == 1  # the document's original only


def test_a_stored_original_is_a_sandboxed_download(secretariat, cast, media):
    from django.core.files.base import ContentFile

    scripted = b"%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n"
    document = ArchiveDocument(forum=cast.forum, sha256="0" * 64, name="report.pdf", genre="other")
    document.file.save("report.pdf", ContentFile(scripted), save=False)
    document.save()
    response = secretariat.get(f"{secretariat.base}documents/{document.pk}/original")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert b"".join(response.streaming_content) == scripted
