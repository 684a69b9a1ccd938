"""Archive import speed: pages per second for text and PDF on a generated archive.

    .venv/bin/python bench/archive.py [--documents 500] [--pdfs 500] [--store 200]

Generates reports in the variations the parser handles (numbers, dates and names vary), renders
distinct PDFs with WeasyPrint (a real text layer: all documents in one rendering, then split into
one PDF per document with pypdf, which is much faster than one rendering each), then times
``parse_document`` on each; then stores ``--store`` of the texts into a throw-away SQLite database
(meetings, agenda, minutes, presenters matched and created, provenance). Prints numbers; asserts
nothing.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def documents(n: int, rng: random.Random) -> list[str]:
    from tests.archive.variants import WIDE

    out = []
    for i in range(n):
        text = WIDE.replace("第２３回", f"第{i + 1}回").replace("４２名", f"{rng.randint(5, 90)}名")
        out.append(text.replace("２０１９年１１月７日", f"{2010 + i % 15}年{1 + i % 12}月{1 + i % 28}日"))
    return out


def split_pdfs(texts: list[str], html: type) -> list[bytes]:
    """One PDF per text: rendered together (each text starts a page), then cut apart."""
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter

    sections = []
    for i, text in enumerate(texts):
        pages = "".join(
            f'<section class="p" id="d{i}-{n}">'
            + "".join(f"<p>{line}</p>" for line in page.splitlines())
            + "</section>"
            for n, page in enumerate(text.split("\f"))
        )
        sections.append(pages)
    style = "<style>.p { page-break-before: always; } p { margin: 0 0 .3em; }</style>"
    document = html(string=f'<html lang="ja"><head>{style}</head><body>{"".join(sections)}</body></html>').render()
    # Where each text's pages start: the first page holding one of its sections.
    firsts: list[int] = []
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.endswith("-0") and anchor.startswith("d"):
                firsts.append(number)
    reader = PdfReader(BytesIO(document.write_pdf()))
    bounds = [*firsts, len(reader.pages)]
    out = []
    for first, after in itertools.pairwise(bounds):
        writer = PdfWriter()
        for number in range(first, after):
            writer.add_page(reader.pages[number])
        buffer = BytesIO()
        writer.write(buffer)
        out.append(buffer.getvalue())
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--pdfs", type=int, default=500)
    parser.add_argument("--store", type=int, default=200, help="documents stored into a throw-away database")
    args = parser.parse_args()
    var = tempfile.mkdtemp(prefix="mshub-bench-archive-")
    os.environ.update(DJANGO_SETTINGS_MODULE="mshub.settings.test", MSHUB_VAR_DIR=var)
    os.environ.pop("DATABASE_URL", None)  # the throw-away SQLite database under ``var``
    import django

    django.setup()
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import HTML

    from mshub.archive.importer import parse_document

    rng = random.Random(7)
    texts = documents(args.documents, rng)
    start = time.perf_counter()
    ok = sum(not parse_document(t.encode(), f"r{i}.txt")["errors"] for i, t in enumerate(texts))
    elapsed = time.perf_counter() - start
    pages = sum(t.count("\f") + 1 for t in texts)
    print(f"text: {len(texts)} documents, {pages} pages, {ok} parsed, {pages / elapsed:.0f} pages/s")

    start = time.perf_counter()
    pdfs = split_pdfs(texts[: args.pdfs], HTML)
    print(f"  (rendering {len(pdfs)} PDFs took {time.perf_counter() - start:.1f} s, not counted)")
    from io import BytesIO

    from pypdf import PdfReader

    pdf_pages = sum(len(PdfReader(BytesIO(p)).pages) for p in pdfs)
    start = time.perf_counter()
    ok = sum(not parse_document(p, f"r{i}.pdf")["errors"] for i, p in enumerate(pdfs))
    elapsed = time.perf_counter() - start
    print(f"pdf:  {len(pdfs)} documents, {pdf_pages} pages, {ok} parsed, {pdf_pages / elapsed:.0f} pages/s")

    if args.store:
        store(texts[: args.store])


def store(texts: list[str]) -> None:
    """Storing: documents into meetings with agenda, minutes, presenters and provenance."""
    from django.core.management import call_command
    from django.db import connection

    from mshub.archive.importer import read_document
    from mshub.archive.store import store_document
    from tests.factories import ForumFactory

    call_command("migrate", verbosity=0)
    forum = ForumFactory(slug="bench-archive")
    records = [(*read_document(t.encode(), f"r{i}.txt"), t.encode()) for i, t in enumerate(texts)]
    count = [0]

    def counted(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        count[0] += 1
        return execute(sql, params, many, context)

    start = time.perf_counter()
    with connection.execute_wrapper(counted):
        for i, (record, extracted, content) in enumerate(records):
            store_document(forum, record, f"r{i}.txt", content=content, extracted=extracted)
    elapsed = time.perf_counter() - start
    pages = sum(t.count("\f") + 1 for t in texts)
    print(
        f"store: {len(texts)} documents, {pages} pages, {len(texts) / elapsed:.0f} documents/s, "
        f"{pages / elapsed:.0f} pages/s, {count[0] / len(texts):.0f} queries a document"
    )


if __name__ == "__main__":
    main()
