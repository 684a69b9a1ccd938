"""The archive's errors and warnings are shown in the reader's language: every message the importer
can produce is recognised, in Japanese and in English."""

import importlib
import io
import json
import re

import pytest
from django.utils import translation

from mshub.archive import sources
from mshub.archive.importer import parse_document
from mshub.archive.problems import Problem, shown, stored_problems
from tests.archive.variants import WIDE

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
OLD_RECORDS = importlib.import_module("mshub.archive.migrations.0006_problem_codes_from_messages")


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


def produced(monkeypatch) -> list[Problem]:
    """Problems as the importer really reports them (read back from the records it writes)."""
    found: list[Problem] = []
    records = [
        parse_document(data, name)
        for name, data in [
            ("empty.txt", b""),
            ("locked.pdf", _pdf(encrypt=True)),
            ("scan.pdf", _pdf()),
            ("corrupt.pdf", b"%PDF-1.4\n garbage"),
            ("archive.zip", _zip()),
            ("binary.bin", bytes(range(256)) * 20),
        ]
    ]
    records.append(parse_document(WIDE.encode(), "r.txt"))  # the printed weekday is wrong
    records.append(parse_document(b"x", "r.txt", "no_such_genre"))
    monkeypatch.setattr(sources, "MAX_BYTES", 10)
    records.append(parse_document(b"x" * 20, "huge.txt"))
    for record in records:
        found += stored_problems(json.loads(json.dumps(record)), "errors")
        found += stored_problems(json.loads(json.dumps(record)), "warnings")
    from mshub.archive.parsers.common import find_date

    warnings: list[Problem] = []
    find_date("2019年2月30日", warnings)
    found += warnings
    found += [
        Problem("attendee_unknown", {"name": "上田"}),
        Problem("not_stored", {"detail": [Problem("needs_number_and_date")]}, source="r.txt"),
        Problem("exists_not_imported", {"meeting": "第23回", "series": "定例会合"}),
        Problem("unparsable", {"genre": "steering_memo", "detail": "ValueError: boom"}, source="r.txt"),
    ]
    return found


def test_every_message_the_importer_writes_is_shown_in_japanese(monkeypatch):
    problems = produced(monkeypatch)
    assert len(problems) >= 13
    assert all(p.code != "text" for p in problems), "a message without its code"
    with translation.override("ja"):
        for problem in problems:
            shown = problem.localized()
            assert shown != str(problem), f"not translated: {problem}"
            assert JAPANESE.search(shown.split(": ", 1)[-1]), shown
            # A record stored before codes were kept: its sentence became this code (migration 0006).
            assert OLD_RECORDS.recognise(str(problem)) == json.loads(json.dumps(problem.as_json()))
            assert Problem.from_json(OLD_RECORDS.recognise(str(problem))).localized() == shown
    with translation.override("en"):
        assert Problem("encrypted", source="r.txt").localized() == "r.txt: the PDF is encrypted"


def test_the_record_keeps_english_sentences_and_shows_them_from_their_codes():
    record = json.loads(json.dumps(parse_document(WIDE.encode(), "r.txt")))
    [sentence] = record["warnings"]
    assert sentence == "the printed weekday (金) does not match 2019-11-07 (木); the date is kept"
    assert record["problems"]["warnings"] == [
        {"code": "weekday_mismatch", "params": {"printed": "金", "date": "2019-11-07", "actual": "木"}}
    ]
    record["warnings"] = ["(the sentence as someone reworded it)"]  # the code is what is shown
    with translation.override("ja"):
        [shown_ja] = shown(record, "warnings")
    assert "2019-11-07（木）" in shown_ja
    assert "（金）" in shown_ja


def test_the_file_name_and_the_details_are_kept():
    def in_japanese(sentence: str) -> str:
        return Problem.from_json(OLD_RECORDS.recognise(sentence)).localized()

    with translation.override("ja"):
        assert in_japanese("レポート 11.pdf: the PDF is encrypted").startswith("レポート 11.pdf: ")
        shown = in_japanese("the printed weekday (金) does not match 2019-11-07 (木); the date is kept")
        assert "2019-11-07（木）" in shown
        assert "（金）" in shown
        assert in_japanese("a message nobody wrote") == "a message nobody wrote"
        joined = OLD_RECORDS.split_joined("a.pdf: the PDF is encrypted; b.txt: the file is empty")
        assert len(joined) == 2
        assert all(JAPANESE.search(in_japanese(m)) for m in joined)


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
    with translation.override("ja"):
        [expected] = shown(item.record, "warnings")
    assert expected in page
    assert "the date is kept" not in page
