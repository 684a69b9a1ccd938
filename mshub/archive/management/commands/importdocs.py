"""``manage.py importdocs PATH... [--dry-run] [--json] [--genre G]``: parse archive documents.

With ``--dry-run --json`` nothing is written and a JSON array (one object per file) goes to stdout.
Each file is handled alone: a broken one is reported with its reason and the rest go on.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mshub.archive.genres import GENRES
from mshub.archive.importer import parse_document


class Command(BaseCommand):
    help = "Parse existing reports, memos and briefings (PDF, HTML, text, DOCX) into structured records."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
        parser.add_argument("--dry-run", action="store_true", help="write nothing")
        parser.add_argument("--json", action="store_true", help="print the records as a JSON array")
        parser.add_argument("--genre", choices=GENRES, help="skip detection: treat every file as this genre")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["dry_run"]:
            raise CommandError(
                "Storing imported records is not available yet; run with --dry-run (see docs/archive.md)."
            )
        files: list[Path] = []
        for raw in options["paths"]:
            path = Path(raw)
            if path.is_dir():
                files += sorted(p for p in path.rglob("*") if p.is_file())
            else:
                files.append(path)
        records = []
        for path in files:
            try:
                data = path.read_bytes()
            except OSError as exc:
                records.append({"source": str(path), "errors": [f"{path}: cannot be opened ({exc.strerror})"]})
                continue
            records.append(parse_document(data, str(path), options["genre"]))
        if options["json"]:
            self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
            return
        for record in records:
            status = "; ".join(record.get("errors", [])) or f"{record['genre']} ({record['confidence']})"
            self.stdout.write(f"{record['source']}: {status}")
