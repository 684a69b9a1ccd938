"""The data migration that turns the English messages of records stored before codes were kept into
codes with parameters, on real rows: uploads waiting for review, failed uploads and stored documents."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

BEFORE = [("archive", "0005_discard_unreviewed_uploads")]
AFTER = [("archive", "0006_problem_codes_from_messages")]

WEEKDAY = "the printed weekday (金) does not match 2019-11-07 (木); the date is kept"
WEEKDAY_CODE = {"code": "weekday_mismatch", "params": {"printed": "金", "date": "2019-11-07", "actual": "木"}}


@pytest.mark.usefixtures("at_latest_afterwards")
def test_stored_english_messages_become_codes_and_the_sentences_stay() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    forum = apps.get_model("core", "Forum").objects.create(slug="old", name_ja="旧", name_en="Old")
    batch = apps.get_model("archive", "ImportBatch").objects.create(forum=forum)
    item = apps.get_model("archive", "ImportItem")
    old = item.objects.create(  # parsed before codes were kept: sentences only
        batch=batch,
        name="r.txt",
        status="parsed",
        record={"genre": "meeting_report", "warnings": [WEEKDAY, "impossible date “2019年2月30日”: ignored"]},
    )
    failed = item.objects.create(  # failed before: the errors only in ``error``, joined
        batch=batch,
        name="a.pdf",
        status="failed",
        error="a.pdf: the PDF is encrypted; a.pdf: not stored (a meeting needs its number and date to be stored)",
    )
    mixed = item.objects.create(  # codes of kind "text" beside the sentences (the record's length changed)
        batch=batch,
        name="m.txt",
        status="failed",
        record={
            "warnings": ["a sentence someone typed"],
            "errors": ["m.txt: the file is larger than 50 MB"],
            "problems": {
                "warnings": [{"code": "text", "params": {"text": "a sentence someone typed"}}],
                "errors": [{"code": "text", "params": {"text": "m.txt: the file is larger than 50 MB"}}],
            },
        },
        error="m.txt: the file is larger than 50 MB",
    )
    current = {"warnings": [WEEKDAY], "errors": [], "problems": {"warnings": [WEEKDAY_CODE], "errors": []}}
    new = item.objects.create(batch=batch, name="n.txt", status="parsed", record=current)
    document = apps.get_model("archive", "ArchiveDocument").objects.create(
        forum=forum,
        sha256="0" * 64,
        name="memo.txt",
        genre="steering_memo",
        parsed={
            "genre": "steering_memo",
            "warnings": ["attendee “上田” is not in the registry: not recorded as attending"],
        },
    )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)

    from mshub.archive.models import ArchiveDocument, ImportItem
    from mshub.archive.problems import shown

    old_record = ImportItem.objects.get(pk=old.pk).record
    assert old_record["warnings"] == [WEEKDAY, "impossible date “2019年2月30日”: ignored"]  # as they were
    assert old_record["problems"] == {
        "warnings": [WEEKDAY_CODE, {"code": "impossible_date", "params": {"text": "2019年2月30日"}}],
        "errors": [],
    }
    failed_record = ImportItem.objects.get(pk=failed.pk).record
    assert failed_record["errors"] == [
        "a.pdf: the PDF is encrypted",
        "a.pdf: not stored (a meeting needs its number and date to be stored)",
    ]
    assert failed_record["problems"]["errors"] == [
        {"code": "encrypted", "params": {}, "source": "a.pdf"},
        {
            "code": "not_stored",
            "params": {"detail": [{"code": "needs_number_and_date", "params": {}}]},
            "source": "a.pdf",
        },
    ]
    mixed_record = ImportItem.objects.get(pk=mixed.pk).record
    assert mixed_record["problems"]["errors"] == [{"code": "too_large", "params": {"mb": 50}, "source": "m.txt"}]
    assert mixed_record["problems"]["warnings"] == [{"code": "text", "params": {"text": "a sentence someone typed"}}]
    assert ImportItem.objects.get(pk=new.pk).record == current  # kept codes: untouched
    parsed = ArchiveDocument.objects.get(pk=document.pk).parsed
    assert parsed["problems"]["warnings"] == [{"code": "attendee_unknown", "params": {"name": "上田"}}]

    with translation.override("ja"):  # now every message is shown from the catalogue
        assert "2019-11-07（木）" in shown(old_record, "warnings")[0]
        assert all("the PDF" not in m and "not stored" not in m for m in shown(failed_record, "errors"))
        assert shown(failed_record, "errors")[0].startswith("a.pdf: ")
        assert "上田" in shown(parsed, "warnings")[0]
        assert "registry" not in shown(parsed, "warnings")[0]
        assert shown(mixed_record, "warnings") == ["a sentence someone typed"]  # nobody's sentence: as it is
