"""Text out of the archive's files: PDF (text layer), HTML, DOCX and plain text.

Every failure is an ``ExtractionError`` with a reason a secretariat can act on; nothing here
raises anything else for any byte string.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

MAX_BYTES = 50 * 1024 * 1024


class ExtractionError(ValueError):
    pass


@dataclass
class Extracted:
    text: str
    kind: str
    pages: list[str] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        """PDF pages, else the text's form-feed pages (1 for text without them)."""
        return len(self.pages) or self.text.count("\f") + 1


def extract(data: bytes, name: str = "") -> Extracted:
    if not data:
        raise ExtractionError("the file is empty")
    if len(data) > MAX_BYTES:
        raise ExtractionError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    lower = name.lower()
    try:
        if data.startswith(b"%PDF"):
            return _pdf(data)
        if data.startswith(b"PK\x03\x04") and (lower.endswith(".docx") or _is_docx(data)):
            return _docx(data)
        if data.startswith(b"PK\x03\x04"):
            raise ExtractionError("a ZIP archive that is not a Word document")
        text = _decode(data)
        if lower.endswith((".html", ".htm")) or re.search(r"<(html|body|p|div|h1)\b", text[:4000], re.I):
            return Extracted(_html_text(text), "html")
        return Extracted(text, "text")
    except ExtractionError:
        raise
    except Exception as exc:
        raise ExtractionError(f"cannot be read ({type(exc).__name__}: {str(exc)[:200]})") from exc


def _pdf(data: bytes) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ExtractionError("the PDF is encrypted")
            except Exception as exc:
                raise ExtractionError("the PDF is encrypted") from exc
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfReadError as exc:
        raise ExtractionError(f"a damaged PDF ({exc})") from exc
    if not any(p.strip() for p in pages):
        raise ExtractionError("no text layer (a scanned PDF; OCR is not supported)")
    return Extracted("\f".join(pages), "pdf", pages)


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


def _docx(data: bytes) -> Extracted:
    import docx

    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text.strip() for cell in row.cells))
    return Extracted("\n".join(lines), "docx")


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or b"\x00" in data[:4096]:
        raise ExtractionError("not text, PDF, HTML or DOCX")
    return str(best)


def _html_text(markup: str) -> str:
    """The page's text, one block per line: list items as “- ” (or “N. ” in an ordered list) indented by
    depth, cells of a row on one line, white space collapsed as a browser does; the page's heading
    (its first ``h1``, else its ``title``) comes first."""
    from html.parser import HTMLParser

    blocks = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "section", "article", "table"}
    hidden = ("script", "style", "nav", "header", "footer", "noscript", "template")

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.out: list[str] = []
            self.skip = 0
            self.lists: list[list[Any]] = []  # [tag, items so far]
            self.marker: str | None = None
            self.where: str | None = None  # "title" or "h1" while inside one
            self.heading = {"title": "", "h1": ""}

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in hidden:
                self.skip += 1
            elif tag in ("title", "h1") and not self.heading[tag]:
                self.where = tag
            if tag in ("ul", "ol"):
                self.lists.append([tag, 0])
                self.out.append("\n")
            elif tag == "li":
                kind = self.lists[-1] if self.lists else ["ul", 0]
                kind[1] += 1
                indent = "  " * max(0, len(self.lists) - 1)
                self.marker = indent + (f"{kind[1]}. " if kind[0] == "ol" else "- ")
                self.out.append("\n")
            elif tag == "br":
                self.out.append("\n")
            elif tag in ("td", "th"):
                self.out.append(" ")
            elif tag in blocks:
                self.out.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in hidden:
                self.skip = max(0, self.skip - 1)
            elif tag == self.where:
                self.where = None
            if tag in ("ul", "ol") and self.lists:
                self.lists.pop()
            if tag in ("th", "dt"):
                self.out.append("：")  # a label cell or term: its value follows
            if tag in blocks or tag in ("ul", "ol", "li"):
                self.out.append("\n")
                self.marker = None if tag == "li" else self.marker

        def handle_data(self, data: str) -> None:
            if self.skip:
                return
            text = re.sub(r"\s+", " ", data)
            if self.where:
                self.heading[self.where] += text
            if self.where == "title":
                return
            if self.marker is not None and text.strip():
                if not re.match(r"\s*\d{1,2}(?:\.\d{1,2})*[.)]?\s", text):
                    self.out.append(self.marker)
                self.marker = None
                text = text.lstrip()
            self.out.append(text)

    parser = Text()
    parser.feed(markup)
    lines = [ln.rstrip() for ln in "".join(parser.out).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(ln if ln.strip() else "" for ln in lines)).strip("\n")
    heading = (parser.heading["h1"] or parser.heading["title"]).strip()
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return f"{heading}\n{text}" if heading and first != heading else text
