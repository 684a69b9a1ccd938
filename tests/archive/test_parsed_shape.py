"""The record's types (mshub/archive/parsed.py) are the JSON the parsers really write: every sample
document of these tests, parsed, reviewed and stored, is walked against the TypedDicts at run time,
so a key added, renamed or given another type in one place and not the other fails here."""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path

import pytest

from mshub.archive import demo
from mshub.archive.genres import GENRES, Genre
from mshub.archive.importer import parse_document
from mshub.archive.parsed import Kind, Outcome, ParsedRecord
from mshub.archive.problems import CATALOGUE
from tests.archive import full_shapes, real_shapes, variants

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"


def mismatches(value: object, expected: object, where: str = "record") -> list[str]:
    """Where ``value`` (JSON) differs from the type ``expected``: missing, unknown or mistyped keys."""
    origin = typing.get_origin(expected)
    if expected is typing.Any:
        return []
    if typing.is_typeddict(expected):
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not an object"]
        hints = typing.get_type_hints(expected)
        required: frozenset[str] = expected.__required_keys__  # type: ignore[attr-defined]
        found = [f"{where}: no {key!r}" for key in sorted(required - set(value))]
        found += [f"{where}: unknown key {key!r}" for key in sorted(set(value) - set(hints))]
        for key in sorted(set(value) & set(hints)):
            found += mismatches(value[key], hints[key], f"{where}.{key}")
        return found
    if origin in (typing.Union, types.UnionType):
        options = [mismatches(value, option, where) for option in typing.get_args(expected)]
        return [] if any(not o for o in options) else min(options, key=len)
    if origin is typing.Literal:
        return (
            [] if value in typing.get_args(expected) else [f"{where}: {value!r} not one of {typing.get_args(expected)}"]
        )
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__}, not a list"]
        [item] = typing.get_args(expected)
        return [m for i, v in enumerate(value) for m in mismatches(v, item, f"{where}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not an object"]
        key_type, item = typing.get_args(expected)
        found = [m for k in value for m in mismatches(k, key_type, f"{where} key")]
        return found + [m for k, v in value.items() for m in mismatches(v, item, f"{where}[{k!r}]")]
    if expected is type(None):
        return [] if value is None else [f"{where}: {value!r}, not null"]
    if expected is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return [] if ok else [f"{where}: {value!r}, not a number"]
    if expected in (int, str, bool):
        ok = isinstance(value, expected) and (expected is bool or not isinstance(value, bool))  # type: ignore[arg-type]
        return [] if ok else [f"{where}: {value!r}, not {expected.__name__}"]  # type: ignore[union-attr]
    raise AssertionError(f"{where}: the checker does not know {expected!r}")


def _documents() -> list[tuple[str, bytes]]:
    texts = {
        "variants.WIDE": variants.WIDE,
        "variants.HTML_REPORT": variants.HTML_REPORT,
        "variants.MEMO": variants.MEMO,
        "variants.BRIEFING": variants.BRIEFING,
        **{f"real_shapes.{name}": getattr(real_shapes, name) for name in dir(real_shapes) if name.isupper()},
        **{f"full_shapes.{name}": getattr(full_shapes, name) for name in dir(full_shapes) if name.isupper()},
        "demo.REPORT_3": demo.REPORT_3,
        "demo.REPORT_4_HTML": demo.REPORT_4_HTML,
        "demo.MEMO": demo.MEMO,
        "demo.BRIEFING": demo.BRIEFING,
        "demo.REPORT_5": demo.REPORT_5,
    }
    found = [(name, text.encode()) for name, text in texts.items() if isinstance(text, str)]
    found += [(path.name, path.read_bytes()) for path in sorted(SAMPLES.glob("*.txt"))]  # when beside the checkout
    return found


def _suffix(name: str, data: bytes) -> str:
    return f"{name}.html" if data.lstrip().startswith(b"<") else f"{name}.txt"


def test_the_checker_sees_a_missing_an_unknown_and_a_mistyped_key():
    record = json.loads(json.dumps(parse_document(variants.WIDE.encode(), "r.txt")))
    assert mismatches(record, ParsedRecord) == []
    del record["footnotes"]
    record["footnote"] = []
    record["agenda"][0]["interventions"].append({"kind": "X", "text": "…"})
    record["agenda"][0]["page"] = "3"
    found = mismatches(record, ParsedRecord)
    assert "record: no 'footnotes'" in found
    assert "record: unknown key 'footnote'" in found
    assert any(m.startswith("record.agenda[0].interventions[") and "'X'" in m for m in found)
    assert any(m.startswith("record.agenda[0].page") for m in found)


@pytest.mark.parametrize(("name", "data"), _documents(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_sample_parses_to_the_record_type(name, data):
    record = json.loads(json.dumps(parse_document(data, _suffix(name, data))))  # as ImportItem keeps it
    assert not record["errors"], record["errors"]
    assert mismatches(record, ParsedRecord) == []
    for problem in [*record["problems"]["warnings"], *record["problems"]["errors"]]:
        assert problem["code"] in CATALOGUE


def test_every_genre_and_shape_is_among_the_samples():
    """The samples reach each genre, and each key that a list can leave empty holds something."""
    records = [parse_document(data, _suffix(name, data)) for name, data in _documents()]
    assert {r["genre"] for r in records} >= {"meeting_report", "steering_memo", "trend_briefing"}
    for key in ("agenda", "footnotes", "attendee_details", "materials", "decisions", "actions", "consultations"):
        assert any(r.get(key) for r in records), key
    assert any(r.get("topics") for r in records)
    assert any(e for r in records for e in r["events"])
    items = [i for r in records for i in r["agenda"]]
    assert any(i["interventions"] for i in items)
    assert any(i["presenters"] for i in items)
    assert any(i["outcome"] for r in records for i in _walk(r["agenda"]))


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item["items"])


def test_unreadable_and_forced_records_keep_the_type():
    for record in (
        parse_document(b"", "empty.txt"),
        parse_document(b"x", "r.txt", "no_such_genre"),
        parse_document(b"plain words", "r.txt", "other"),
    ):
        assert mismatches(json.loads(json.dumps(record)), ParsedRecord) == []


def test_the_literals_are_the_choices():
    assert set(GENRES) == set(Genre.values)
    assert set(typing.get_args(Kind)) == {"Q", "A", "C"}
    from mshub.meetings.models import Intervention, ItemOutcome

    assert set(typing.get_args(Outcome)) == set(ItemOutcome.values) - {ItemOutcome.HELD}
    assert set(typing.get_args(Kind)) == {value for value, _ in Intervention._meta.get_field("kind").choices}


@pytest.mark.django_db
def test_the_reviewed_and_the_stored_record_keep_the_type(cast, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import TestCase

    from mshub.archive.models import ArchiveDocument, ImportItem
    from tests.formdata import form_data

    settings.MEDIA_ROOT = tmp_path
    client = cast.client("secretariat")
    base = f"/{cast.forum.slug}/archive/"
    uploads = [
        SimpleUploadedFile("report.txt", variants.WIDE.encode()),
        SimpleUploadedFile("memo.txt", demo.MEMO.encode()),
    ]
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(base, {"documents": uploads})
    for item in ImportItem.objects.filter(status="parsed"):
        url = f"{base}files/{item.pk}/"
        data = form_data(client.get(url).content.decode(), "review-form")
        data["presenters-0-person"] = "new"  # a registry choice is kept in the record
        assert client.post(url, data).status_code == 302
    stored = list(ImportItem.objects.filter(status="stored"))
    assert len(stored) == 2
    for item in stored:
        assert mismatches(item.record, ParsedRecord) == [], item.name
    for document in ArchiveDocument.objects.all():
        assert mismatches(document.parsed, ParsedRecord) == [], document.name
    assert any(p.get("person") == "new" for i in stored for a in i.record["agenda"] for p in a["presenters"])
