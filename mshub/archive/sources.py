"""Text out of the archive's files: PDF (text layer), HTML, DOCX and plain text.

Every failure is an ``ExtractionError`` with a reason a secretariat can act on; nothing here
raises anything else for any byte string.

Uploaded files are hostile until read. A ZIP-based file (DOCX; any ZIP is refused after this check)
is inspected from its directory before any part is unpacked: too many parts, too much unpacked in
all, or a large part compressed more than ``ratio`` to 1 (a decompression bomb) and it is refused.
Then the file is read in a child process whose memory and time are capped (``mshub.core.sandbox``),
so a file that still needs too much kills only that child. ``Limits`` holds the caps, from the
``ARCHIVE_*`` settings.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
from dataclasses import asdict, dataclass, field
from typing import Any

from mshub.archive.problems import Problem, ProblemError

MAX_BYTES = 50 * 1024 * 1024
MB = 1024 * 1024
# Parts smaller than this are not held to the compression ratio: they cannot expand to much.
RATIO_FLOOR = 1 * MB


class ExtractionError(ProblemError):
    """The file cannot be read: ``problem`` says why."""


@dataclass
class Extracted:
    text: str
    kind: str
    pages: list[str] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        """PDF pages, else the text's form-feed pages (1 for text without them)."""
        return len(self.pages) or self.text.count("\f") + 1


@dataclass(frozen=True)
class Limits:
    """What reading one file may take: ``expanded`` bytes unpacked from a ZIP in all, ``ratio`` to 1
    per part, ``members`` parts; ``memory`` bytes of address space and ``seconds`` for the child that
    reads it (``memory=0``: read in this process, without a cap)."""

    expanded: int = 200 * MB
    ratio: int = 100
    members: int = 1000
    memory: int = 1024 * MB
    seconds: int = 300

    @classmethod
    def from_settings(cls) -> Limits:
        from django.conf import settings

        default = cls()
        return cls(
            expanded=getattr(settings, "ARCHIVE_MAX_EXPANDED_BYTES", default.expanded),
            ratio=getattr(settings, "ARCHIVE_MAX_COMPRESSION_RATIO", default.ratio),
            members=getattr(settings, "ARCHIVE_MAX_ZIP_MEMBERS", default.members),
            memory=getattr(settings, "ARCHIVE_PARSE_MEMORY_BYTES", default.memory),
            seconds=getattr(settings, "ARCHIVE_PARSE_SECONDS", default.seconds),
        )


def extract(data: bytes, name: str = "", limits: Limits | None = None) -> Extracted:
    """The text of ``data`` (a file called ``name``), read within ``limits`` (default: the settings')."""
    if not data:
        raise ExtractionError(Problem("empty"))
    if len(data) > MAX_BYTES:
        raise ExtractionError(Problem("too_large", {"mb": MAX_BYTES // (1024 * 1024)}))
    limits = limits or Limits.from_settings()
    if data.startswith(b"PK\x03\x04"):
        check_archive(data, limits)  # before anything unpacks it
    if limits.memory > 0:
        return _read_in_child(data, name, limits)
    return _read(data, name, limits)


def check_archive(data: bytes, limits: Limits) -> None:
    """Refuse a ZIP that would unpack to too much, judged from its directory alone (nothing is unpacked)."""
    if _declared_members(data) > limits.members:
        raise ExtractionError(Problem("too_many_parts", {"n": limits.members}))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ExtractionError(_unreadable(f"{type(exc).__name__}: {str(exc)[:200]}")) from exc
    if len(members) > limits.members:
        raise ExtractionError(Problem("too_many_parts", {"n": limits.members}))
    # zipfile never unpacks a part beyond the size its directory declares, so these sums bound the output.
    if sum(m.file_size for m in members) > limits.expanded:
        raise ExtractionError(Problem("expands_too_much", {"mb": limits.expanded // MB}))
    for m in members:
        if m.file_size > RATIO_FLOOR and m.file_size > limits.ratio * max(m.compress_size, 1):
            raise ExtractionError(Problem("compressed_too_much", {"n": limits.ratio}))


def _declared_members(data: bytes) -> int:
    """The entry count of the ZIP's end record, read before ``zipfile`` builds an object per entry."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return 0  # not found: zipfile reports the damage
    total = struct.unpack_from("<H", data, end + 10)[0]
    return int(total)


def _read_in_child(data: bytes, name: str, limits: Limits) -> Extracted:
    from mshub.core.sandbox import LimitExceededError, run_limited

    try:
        out = run_limited(
            "mshub.archive.sources:read_for_parent",
            data,
            name,
            json.dumps(asdict(limits)),
            memory=limits.memory,
            seconds=limits.seconds,
        )
    except LimitExceededError as exc:
        if exc.reason == "time":
            raise ExtractionError(Problem("too_slow", {"s": limits.seconds})) from exc
        if exc.reason == "memory":
            raise ExtractionError(Problem("too_much_memory")) from exc
        raise ExtractionError(_unreadable(f"the reader stopped: {exc.detail[:200]}")) from exc
    except (OSError, ValueError) as exc:  # no process could be started (out of memory, a NUL in the name)
        raise ExtractionError(_unreadable(f"{type(exc).__name__}: {str(exc)[:200]}")) from exc
    try:
        result = json.loads(out)
    except ValueError as exc:
        raise ExtractionError(_unreadable(f"the reader stopped: {str(exc)[:200]}")) from exc
    if "problem" in result:
        raise ExtractionError(Problem.from_json(result["problem"]))
    return Extracted(result["text"], result["kind"], result["pages"])


def read_for_parent(data: bytes, name: str, limits: str) -> bytes:
    """In the child (``mshub.core.sandbox``): the file read, as JSON; a MemoryError goes up."""
    try:
        extracted = _read(data, name, Limits(**json.loads(limits)))
    except ExtractionError as exc:
        return json.dumps({"error": str(exc), "problem": exc.problem.as_json()}).encode()
    return json.dumps({"text": extracted.text, "kind": extracted.kind, "pages": extracted.pages}).encode()


def _read(data: bytes, name: str, limits: Limits) -> Extracted:
    lower = name.lower()
    if data.startswith(b"PK\x03\x04"):
        check_archive(data, limits)
    try:
        if data.startswith(b"%PDF"):
            return _pdf(data)
        if data.startswith(b"PK\x03\x04") and (lower.endswith(".docx") or _is_docx(data)):
            return _docx(data)
        if data.startswith(b"PK\x03\x04"):
            raise ExtractionError(Problem("zip_not_docx"))
        text = _decode(data)
        if lower.endswith((".html", ".htm")) or re.search(r"<(html|body|p|div|h1)\b", text[:4000], re.I):
            return Extracted(_html_text(text), "html")
        return Extracted(text, "text")
    except (ExtractionError, MemoryError):
        raise
    except Exception as exc:
        if "memory allocation failed" in str(exc).lower() or _near_memory_cap():
            # libxml2 and others report a failed allocation as their own error ("unknown error")
            raise MemoryError(str(exc)) from exc
        raise ExtractionError(_unreadable(f"{type(exc).__name__}: {str(exc)[:200]}")) from exc


def _pdf(data: bytes) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ExtractionError(Problem("encrypted"))
            except Exception as exc:
                raise ExtractionError(Problem("encrypted")) from exc
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfReadError as exc:
        raise ExtractionError(Problem("damaged_pdf", {"detail": str(exc)})) from exc
    if not any(p.strip() for p in pages):
        raise ExtractionError(Problem("no_text_layer"))
    return Extracted("\f".join(pages), "pdf", pages)


def _near_memory_cap() -> bool:
    """In a capped child: whether this process has used over half of its address-space cap."""
    import resource

    cap = resource.getrlimit(resource.RLIMIT_AS)[0]
    if cap == resource.RLIM_INFINITY or cap <= 0:
        return False
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 > cap // 2


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
        raise ExtractionError(Problem("unknown_format"))
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


def _unreadable(detail: str) -> Problem:
    return Problem("unreadable", {"detail": detail})
