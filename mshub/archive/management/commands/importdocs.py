"""``manage.py importdocs PATH... [--dry-run] [--json] [--genre G]``: parse archive documents.

With ``--dry-run --json`` nothing is written and a JSON array (one object per file) goes to stdout.
Each file is handled alone: a broken one is reported with its reason and the rest go on.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mshub.archive import problems
from mshub.archive.genres import GENRES
from mshub.archive.importer import read_document
from mshub.archive.problems import Problem


class Command(BaseCommand):
    help = "Parse existing reports, memos and briefings (PDF, HTML, text, DOCX) into structured records."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
        parser.add_argument("--dry-run", action="store_true", help="write nothing")
        parser.add_argument("--json", action="store_true", help="print the records as a JSON array")
        parser.add_argument("--genre", choices=GENRES, help="skip detection: treat every file as this genre")
        parser.add_argument("--forum", help="the forum to store into (slug); required unless --dry-run")
        parser.add_argument(
            "--series",
            help="meeting series slug for imported meetings (default: the series the document names, the "
            "steering series for memos, else 'archive')",
        )
        parser.add_argument("--overwrite", action="store_true", help="replace values corrected by hand since")

    def handle(self, *args: Any, **options: Any) -> None:
        forum = None
        if not options["dry_run"]:
            from mshub.core.models import Forum

            if not options["forum"]:
                raise CommandError("Name the forum to store into with --forum SLUG (or use --dry-run).")
            forum = Forum.objects.filter(slug=options["forum"]).first()
            if forum is None:
                raise CommandError(f"No forum “{options['forum']}”.")
        files: list[Path] = []
        for raw in options["paths"]:
            path = Path(raw)
            if path.is_dir():
                files += sorted(p for p in path.rglob("*") if p.is_file())
            else:
                files.append(path)
        records: list[dict[str, Any]] = []  # each file's record, and where it was stored
        for path in files:
            try:
                data = path.read_bytes()
            except OSError as exc:
                cannot = Problem("cannot_open", {"detail": exc.strerror}, source=str(path))
                codes = {"errors": [cannot.as_json()]}
                records.append({"source": str(path), "errors": [str(cannot)], "problems": codes})
                continue
            stored: dict[str, Any] = {}
            record, extracted = read_document(data, str(path), options["genre"])
            if forum is not None and not record["errors"]:
                from mshub.archive.models import ArchiveDocument
                from mshub.archive.store import StoreError, store_document

                known = ArchiveDocument.objects.filter(forum=forum, sha256=record["sha256"]).exists()
                try:
                    document = store_document(
                        forum,
                        record,
                        path.name,
                        series_slug=options["series"],
                        overwrite=options["overwrite"],
                        content=data,
                        extracted=extracted,
                    )
                    stored["stored"] = {"document": document.pk, "meeting": document.meeting_id, "unchanged": known}
                except StoreError as exc:
                    problems.add(record, "errors", Problem("not_stored", {"detail": exc.problems}, source=str(path)))
            records.append({**record, **stored})
        if options["json"]:
            self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
            return
        for out in records:
            status = "; ".join(out.get("errors", [])) or f"{out['genre']} ({out['confidence']})"
            done_as = out.get("stored")
            if done_as:
                done = "already stored" if done_as["unchanged"] else "stored"
                status += f", {done} as document {done_as['document']}"
                if done_as["meeting"]:
                    status += f" (meeting {done_as['meeting']})"
            for warning in out.get("warnings") or []:
                status += f"\n  warning: {warning}"
            self.stdout.write(f"{out['source']}: {status}")
        failed = sum(1 for r in records if r.get("errors"))
        summary = f"{len(records)} file(s): {len(records) - failed} read, {failed} failed"
        if forum is not None:
            new = sum(1 for r in records if r.get("stored") and not r["stored"]["unchanged"])
            same = sum(1 for r in records if r.get("stored") and r["stored"]["unchanged"])
            summary += f"; {new} stored, {same} unchanged (imported before)"
        self.stdout.write(summary)
