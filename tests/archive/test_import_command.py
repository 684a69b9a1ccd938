"""importdocs: JSON for a batch, each bad file failing alone with its reason; the parser never crashes."""

import io
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mshub.archive.importer import empty_record, parse_document
from tests.archive.variants import HTML_REPORT, WIDE


def _encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_batch_goes_on_past_broken_files_each_failing_with_its_reason(tmp_path):
    (tmp_path / "good.txt").write_text(WIDE, encoding="utf-8")
    (tmp_path / "page.html").write_text(HTML_REPORT, encoding="utf-8")
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.4\n garbage \x00\x01 not a pdf")
    (tmp_path / "locked.pdf").write_bytes(_encrypted_pdf())
    (tmp_path / "scan.pdf").write_bytes(_blank_pdf())
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 20)
    out = StringIO()
    call_command("importdocs", str(tmp_path), "--dry-run", "--json", stdout=out)
    records = {r["source"].rsplit("/", 1)[1]: r for r in json.loads(out.getvalue())}
    assert set(records) == {"good.txt", "page.html", "empty.pdf", "corrupt.pdf", "locked.pdf", "scan.pdf", "binary.bin"}
    assert records["good.txt"]["errors"] == []
    assert records["good.txt"]["number"] == 23
    assert records["page.html"]["date"] == "2021-03-04"
    reasons = {name: " ".join(r["errors"]) for name, r in records.items()}
    assert "empty" in reasons["empty.pdf"]
    assert "empty.pdf" in reasons["empty.pdf"]  # the message names the file
    assert reasons["corrupt.pdf"]
    assert "encrypted" in reasons["locked.pdf"]
    assert "no text layer" in reasons["scan.pdf"]
    assert reasons["binary.bin"]


def test_every_record_has_every_key_of_the_schema(tmp_path):
    (tmp_path / "r.txt").write_text(WIDE, encoding="utf-8")
    out = StringIO()
    call_command("importdocs", str(tmp_path / "r.txt"), "--dry-run", "--json", stdout=out)
    [record] = json.loads(out.getvalue())
    assert set(empty_record("", "")) | {"source", "sha256", "genre", "confidence"} <= set(record)
    assert record["attendees"] == [] and record["consultations"] == []  # noqa: PT018 (absent facts are empty)


def test_genre_can_be_forced_and_unknown_files_are_other(tmp_path):
    (tmp_path / "note.txt").write_text("今日は晴れ。特に議題なし。", encoding="utf-8")
    out = StringIO()
    call_command("importdocs", str(tmp_path / "note.txt"), "--dry-run", "--json", stdout=out)
    assert json.loads(out.getvalue())[0]["genre"] == "other"
    out = StringIO()
    call_command(
        "importdocs", str(tmp_path / "note.txt"), "--dry-run", "--json", "--genre", "meeting_report", stdout=out
    )
    forced = json.loads(out.getvalue())[0]
    assert (forced["genre"], forced["confidence"], forced["number"]) == ("meeting_report", 1.0, None)


@pytest.mark.django_db
def test_without_dry_run_the_command_needs_a_forum(tmp_path):
    (tmp_path / "r.txt").write_text(WIDE, encoding="utf-8")
    with pytest.raises(CommandError, match="--forum"):
        call_command("importdocs", str(tmp_path / "r.txt"))
    with pytest.raises(CommandError, match="No forum"):
        call_command("importdocs", str(tmp_path / "r.txt"), "--forum", "nowhere")


def test_missing_file_is_reported_not_raised(tmp_path):
    out = StringIO()
    call_command("importdocs", str(tmp_path / "nope.pdf"), "--dry-run", "--json", stdout=out)
    assert "cannot be opened" in json.loads(out.getvalue())[0]["errors"][0]


def _mutations():
    seeds = [WIDE.encode(), HTML_REPORT.encode(), WIDE.encode("shift_jis", errors="ignore")]
    return st.tuples(
        st.sampled_from(seeds), st.lists(st.tuples(st.integers(0, 5000), st.binary(max_size=8)), max_size=12)
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_the_parser_never_crashes_on_mutated_documents(case):
    seed, edits = case
    data = bytearray(seed)
    for position, chunk in edits:
        at = position % (len(data) + 1)
        data[at : at + len(chunk)] = chunk
    record = parse_document(bytes(data), "fuzz.txt")
    assert isinstance(record["errors"], list)
    assert all(isinstance(e, str) for e in record["errors"])


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=4000))
def test_the_parser_never_crashes_on_any_bytes(data):
    record = parse_document(data, "random.pdf")
    assert set(empty_record("", "")) <= set(record)
