"""Records parsed before the importer kept its problems as codes hold their warnings and errors only as
English sentences (or beside codes of kind "text"). This turns each sentence it recognises into its
code and parameters (``problems``, as mshub/archive/problems.py writes them), so that the screens
show every message from the catalogue in the reader's language; the English sentences stay as they
are (``warnings`` / ``errors``, as documented). A sentence it does not recognise (edited by hand)
stays a "text" entry, shown as it is.

The sentences are recognised by the patterns the archive used at display time until this migration
(mshub/archive/messages.py, deleted with it), copied here so that the migration keeps working
whatever the code becomes. ``ImportItem.error`` (the errors joined by “; ”) is read too, for a record that lost them.
"""

import re

from django.db import migrations

_NUMBERS = {"mb", "n", "s", "number"}

PATTERNS = [
    ("empty", r"the file is empty"),
    ("too_large", r"the file is larger than (?P<mb>\d+) MB"),
    ("zip_not_docx", r"a ZIP archive that is not a Word document"),
    ("expands_too_much", r"the file could not be read: it expands too much \(more than (?P<mb>\d+) MB unpacked\)"),
    (
        "compressed_too_much",
        r"the file could not be read: it expands too much \(a part is compressed more than (?P<n>\d+) to 1\)",
    ),
    ("too_many_parts", r"the file could not be read: it has too many parts \(more than (?P<n>\d+)\)"),
    ("too_much_memory", r"the file could not be read: it needs too much memory"),
    ("too_slow", r"the file could not be read: it takes too long \(more than (?P<s>\d+) seconds\)"),
    ("unreadable", r"cannot be read \((?P<detail>.*)\)"),
    ("encrypted", r"the PDF is encrypted"),
    ("damaged_pdf", r"a damaged PDF \((?P<detail>.*)\)"),
    ("no_text_layer", r"no text layer \(a scanned PDF; OCR is not supported\)"),
    ("unknown_format", r"not text, PDF, HTML or DOCX"),
    ("unknown_genre", r"unknown genre “(?P<genre>.*)”"),
    ("unparsable", r"could not be parsed as (?P<genre>\w+) \((?P<detail>.*)\)"),
    ("not_stored", r"not stored \((?P<detail>.*)\)"),
    ("cannot_open", r"cannot be opened \((?P<detail>.*)\)"),
    ("needs_number_and_date", r"a meeting needs its number and date to be stored"),
    (
        "exists_not_imported",
        r"(?P<meeting>.+) already exists in “(?P<series>.+)” and was not imported from the archive; "
        r"store the document into another series",
    ),
    (
        "later_meeting_exists",
        r"the document has no number and “(?P<meeting>.+)” of (?P<date>[\d-]+) comes after it in "
        r"“(?P<series>.+)”; give its number on the review page",
    ),
    (
        "place_taken",
        r"the document has no number and number (?P<number>\d+) \(its place by date\) is taken in "
        r"“(?P<series>.+)”; give its number on the review page",
    ),
    (
        "weekday_mismatch",
        r"the printed weekday \((?P<printed>.)\) does not match (?P<date>[\d-]+) \((?P<actual>.)\); the date is kept",
    ),
    ("impossible_date", r"impossible date “(?P<text>.*)”: ignored"),
    ("attendee_unknown", r"attendee “(?P<name>.*)” is not in the registry: not recorded as attending"),
    ("not_web_url", r"URL “(?P<url>.*)” is not a web address \(http or https\): left out"),
]
_COMPILED = [(code, re.compile(pattern, re.S)) for code, pattern in PATTERNS]
_PREFIX = re.compile(r"^(?P<file>[^:]{1,300}?\.[A-Za-z0-9]{1,5}): (?P<rest>.*)$", re.S)
KINDS = ("warnings", "errors")


def as_text(sentence):
    return {"code": "text", "params": {"text": str(sentence)}}


def recognise(sentence):
    """The code and parameters of an English sentence the archive wrote; else a "text" entry."""
    sentence = str(sentence)
    source, rest = "", sentence
    m = _PREFIX.match(sentence)
    if m:
        source, rest = m["file"], m["rest"]
    for code, pattern in _COMPILED:
        found = pattern.fullmatch(rest)
        if found is None:
            continue
        params = {k: int(v) if k in _NUMBERS else v for k, v in found.groupdict().items()}
        if code == "not_stored":  # the reasons, each a problem of its own (joined by "; ")
            params["detail"] = [recognise(part) for part in params["detail"].split("; ") if part]
        entry = {"code": code, "params": params}
        if source:
            entry["source"] = source
        return entry
    return as_text(sentence)


def split_joined(joined):
    """``ImportItem.error``: sentences joined by “; ” (one that itself holds “; ” is recognised whole)."""
    if recognise(joined)["code"] != "text":
        return [joined]
    return [part for part in joined.split("; ") if part]


def converted(record, joined_errors=""):
    """``record`` with its sentences as codes, or None when nothing changes."""
    if not isinstance(record, dict):
        return None
    record = dict(record)
    if joined_errors and not record.get("errors"):
        record["errors"] = split_joined(joined_errors)
    problems = dict(record.get("problems") or {}) if isinstance(record.get("problems"), dict) else {}
    changed = False
    for kind in KINDS:
        sentences = record.get(kind) or []
        if not isinstance(sentences, list):
            continue
        codes = problems.get(kind)
        if not isinstance(codes, list) or len(codes) != len(sentences):
            codes = [as_text(s) for s in sentences]
            changed = changed or bool(sentences) or kind not in problems
        fresh = [
            recognise(sentence) if isinstance(code, dict) and code.get("code") == "text" else code
            for sentence, code in zip(sentences, codes, strict=True)
        ]
        changed = changed or fresh != codes
        problems[kind] = fresh
    if not changed:
        return None
    record["problems"] = problems
    return record


def forwards(apps, schema_editor):
    ImportItem = apps.get_model("archive", "ImportItem")
    for item in ImportItem.objects.only("pk", "record", "error").iterator():
        record = converted(item.record or {}, item.error) if (item.record or item.error) else None
        if record is not None:
            ImportItem.objects.filter(pk=item.pk).update(record=record)
    ArchiveDocument = apps.get_model("archive", "ArchiveDocument")
    for document in ArchiveDocument.objects.only("pk", "parsed").iterator():
        parsed = converted(document.parsed)
        if parsed is not None:
            ArchiveDocument.objects.filter(pk=document.pk).update(parsed=parsed)


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0005_discard_unreviewed_uploads"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
