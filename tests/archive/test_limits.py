"""Hostile archive files: a decompression bomb is refused before it is unpacked, and a file that still
needs too much memory kills only the child process reading it; the secretariat sees why."""

import io
import time
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from mshub.archive.importer import parse_document
from mshub.archive.models import ImportItem
from mshub.archive.sources import ExtractionError, Limits, extract
from mshub.core.sandbox import LimitExceededError, run_limited

MB = 1024 * 1024
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(body_chunks, parts: int = 0) -> bytes:
    """A Word file (python-docx's blank one) whose document.xml is written chunk by chunk, never held whole."""
    import docx

    blank = io.BytesIO()
    docx.Document().save(blank)
    out = io.BytesIO()
    with zipfile.ZipFile(blank) as template, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in template.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info.filename, template.read(info))
        for n in range(parts):
            z.writestr(f"word/media/p{n}.xml", "<x/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f'<?xml version="1.0"?><w:document {W}><w:body>'.encode())
            for chunk in body_chunks:
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    return out.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """Under 1 MB holding 300 MB of XML."""
    return _docx(b" " * MB for _ in range(300))


def test_a_docx_bomb_is_refused_quickly_without_unpacking_it(bomb):
    assert len(bomb) < MB
    tracemalloc.start()
    started = time.monotonic()
    with pytest.raises(ExtractionError, match=r"could not be read: it expands too much \(more than 200 MB unpacked\)"):
        extract(bomb, "minutes.docx")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert time.monotonic() - started < 2
    assert peak < 5 * MB  # nothing was unpacked


def test_a_part_compressed_beyond_the_ratio_is_refused_though_the_total_is_allowed():
    dense = _docx(b" " * MB for _ in range(20))  # 20 MB, about 1000 to 1
    with pytest.raises(ExtractionError, match="compressed more than 100 to 1"):
        extract(dense, "minutes.docx")
    assert "compressed more than 100 to 1" in parse_document(dense, "minutes.docx")["errors"][0]


def test_a_zip_with_too_many_parts_is_refused(settings):
    settings.ARCHIVE_MAX_ZIP_MEMBERS = 50
    with pytest.raises(ExtractionError, match=r"too many parts \(more than 50\)"):
        extract(_docx([], parts=60), "minutes.docx")


def test_a_child_that_allocates_beyond_its_cap_fails_and_the_parent_goes_on():
    with pytest.raises(LimitExceededError) as failed:
        run_limited("tests.archive.hungry:allocate", b"", str(2048 * MB), memory=256 * MB, seconds=60)
    assert failed.value.reason == "memory"
    assert run_limited("tests.archive.hungry:allocate", b"", str(MB), memory=256 * MB, seconds=60) == str(MB).encode()
    assert run_limited("tests.archive.hungry:echo", b"still here", memory=256 * MB, seconds=60) == b"still here"


def test_a_child_that_runs_past_its_time_is_stopped():
    started = time.monotonic()
    with pytest.raises(LimitExceededError) as failed:
        run_limited("tests.archive.hungry:sleep", b"", "60", memory=256 * MB, seconds=2)
    assert failed.value.reason == "time"
    assert time.monotonic() - started < 30


def test_a_file_that_needs_too_much_memory_to_read_fails_cleanly():
    paragraph = b"<w:p><w:r><w:t>ab</w:t></w:r></w:p>"
    heavy = _docx(paragraph * (MB // len(paragraph)) for _ in range(60))  # 60 MB of tiny elements
    limits = Limits(ratio=1_000_000, memory=300 * MB, seconds=120)  # let it past the ZIP checks
    with pytest.raises(ExtractionError, match=r"^the file could not be read: it needs too much memory$"):
        extract(heavy, "minutes.docx", limits)
    light = _docx([b"<w:p><w:r><w:t>\xe7\xac\xac23\xe5\x9b\x9e</w:t></w:r></w:p>"])
    read = extract(light, "minutes.docx", Limits(memory=1024 * MB, seconds=120))  # the same child, enough memory
    assert (read.kind, read.text) == ("docx", "第23回")


@pytest.mark.django_db
def test_an_uploaded_bomb_fails_with_its_reason_and_the_batch_goes_on(cast, settings, tmp_path, bomb):
    settings.MEDIA_ROOT = tmp_path
    settings.ARCHIVE_PARSE_MEMORY_BYTES = 1024 * MB  # production: each file read in a capped child
    client = cast.client("secretariat")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            f"/{cast.forum.slug}/archive/",
            {"documents": [SimpleUploadedFile("bomb.docx", bomb), SimpleUploadedFile("memo.txt", "メモ".encode())]},
        )
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "bomb.docx: the file could not be read: it expands too much" in page.content.decode()
    assert [i.status for i in ImportItem.objects.order_by("pk")] == ["failed", "parsed"]
