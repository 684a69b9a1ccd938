"""The archive's errors and warnings are shown in the reader's language: every message the importer
can produce is recognised, in Japanese and in English."""

import io
import re

import pytest
from django.utils import translation

from mshub.archive import sources
from mshub.archive.importer import parse_document
from mshub.archive.messages import localize, localize_joined
from tests.archive.variants import WIDE

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _pdf(encrypt: bool = False) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if encrypt:
        writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zip() -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("a.txt", "x")
    return out.getvalue()


def produced(monkeypatch) -> list[str]:
    """Messages as the importer really writes them."""
    messages = []
    for name, data in [
        ("empty.txt", b""),
        ("locked.pdf", _pdf(encrypt=True)),
        ("scan.pdf", _pdf()),
        ("corrupt.pdf", b"%PDF-1.4\n garbage"),
        ("archive.zip", _zip()),
        ("binary.bin", bytes(range(256)) * 20),
    ]:
        messages += parse_document(data, name)["errors"]
    messages += parse_document(WIDE.encode(), "r.txt")["warnings"]  # the printed weekday is wrong
    messages += parse_document(b"x", "r.txt", "no_such_genre")["errors"]
    monkeypatch.setattr(sources, "MAX_BYTES", 10)
    messages += parse_document(b"x" * 20, "huge.txt")["errors"]
    from mshub.archive.parsers.common import find_date

    warnings: list[str] = []
    find_date("2019年2月30日", warnings)
    messages += warnings
    messages += [
        "attendee “上田” is not in the registry: not recorded as attending",
        "r.txt: not stored (a meeting needs its number and date to be stored)",
        "第23回 already exists in “定例会合” and was not imported from the archive; store the document into "
        "another series",
        "r.txt: could not be parsed as steering_memo (ValueError: boom)",
    ]
    return messages


def test_every_message_the_importer_writes_is_shown_in_japanese(monkeypatch):
    messages = produced(monkeypatch)
    assert len(messages) >= 13
    with translation.override("ja"):
        for message in messages:
            shown = localize(message)
            assert shown != message, f"not recognised: {message!r}"
            assert JAPANESE.search(shown.split(": ", 1)[-1]), shown
    with translation.override("en"):
        assert localize("r.txt: the PDF is encrypted") == "r.txt: the PDF is encrypted"


def test_the_file_name_and_the_details_are_kept():
    with translation.override("ja"):
        assert localize("レポート 11.pdf: the PDF is encrypted").startswith("レポート 11.pdf: ")
        shown = localize("the printed weekday (金) does not match 2019-11-07 (木); the date is kept")
        assert "2019-11-07（木）" in shown
        assert "（金）" in shown
        assert localize("a message nobody wrote") == "a message nobody wrote"
        joined = localize_joined("a.pdf: the PDF is encrypted; b.txt: the file is empty")
        assert len(joined) == 2
        assert all(JAPANESE.search(m) for m in joined)


@pytest.mark.django_db
def test_the_review_page_shows_the_warning_in_japanese(cast, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import TestCase

    from mshub.archive.models import ImportItem

    settings.MEDIA_ROOT = tmp_path
    client = cast.client("secretariat")
    base = f"/{cast.forum.slug}/archive/"
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(base, {"documents": [SimpleUploadedFile("r.txt", WIDE.encode())]})
    item = ImportItem.objects.get()
    page = client.get(f"{base}files/{item.pk}/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    expected = localize_in_ja(item.record["warnings"][0])
    assert expected in page
    assert "the date is kept" not in page


def localize_in_ja(message: str) -> str:
    with translation.override("ja"):
        return localize(message)
