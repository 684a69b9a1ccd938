"""A published paper's renders: the reading page's context, Markdown and the PDF (docs/papers.md).

Every render is of the paper's *published* revision (``Paper.published_revision``, fixed by
``states.move`` when the paper is published) with its disposition table as an annex
(``threads.disposition_rows``: stakeholder groups, no names). The revision's paragraphs go through
``paragraphs.render`` (sanitised HTML) for the page and the PDF; the Markdown file carries the
revision's own Markdown with raw HTML and non-web links made inert, and the annex with every cell
escaped.

The PDF (A4, the paper's language, Noto Sans CJK JP, the revision number in every page's footer) is
rendered once, in the background after the commit that publishes the paper (``queue_pdf``, as the
briefings do), and stored in a private file (``Paper.pdf``). WeasyPrint fetches nothing while
rendering it: no image, stylesheet or link target of the text is read, from the network or disk.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify

from mshub.core.pagecache import forum_changed
from mshub.core.validators import is_web_url
from mshub.meetings.reports.render import md_escape
from mshub.papers import paragraphs
from mshub.papers.models import Paper, PaperRevision, paper_pdf_path
from mshub.papers.threads import DispositionRow, disposition_rows

PDF_QUEUE_SECONDS = 600


def published_context(paper: Paper) -> dict[str, Any]:
    """What the page, the Markdown and the PDF show: the paper, its published revision, the
    numbered paragraphs and the disposition table. ``paper.published_revision`` must be set."""
    revision = paper.published_revision
    assert revision is not None
    return {
        "paper": paper,
        "group": paper.group,
        "revision": revision,
        "paragraphs": paragraphs.numbered(revision.paragraphs),
        "rows": disposition_rows(paper),
        "language": paper.language,
    }


def file_stem(paper: Paper) -> str:
    """``paper-<pk>-r<N>`` plus an ASCII slug of the English title when there is one."""
    revision = paper.published_revision
    slug = slugify(paper.title_en)[:60]
    number = revision.number if revision is not None else paper.revision_count
    return f"paper-{paper.pk}-r{number}" + (f"-{slug}" if slug else "")


# --- Markdown --------------------------------------------------------------------------------------

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^\s<>]*)>", re.IGNORECASE)
# ](target — the target may hold balanced parentheses, one level deep: javascript:alert(1)
_LINK_TARGET = re.compile(r"\]\(\s*<?((?:[^()\s<>]|\([^()\s<>]*\))*)>?")
# [label]: target — a link reference definition
_REFERENCE = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*)<?([^\s>]*)>?", re.MULTILINE)


def _kept(url: str) -> bool:
    """A link target that may stay: an in-page anchor, a web address or a mail address."""
    return url.startswith("#") or is_web_url(url) or url.lower().startswith("mailto:")


def _inert_inline(text: str) -> str:
    """Raw HTML as text (``<`` as ``&lt;``, web autolinks kept); link targets other than http(s),
    mailto or an anchor become ``#``. Code spans are left as they are (Markdown shows them as text)."""

    def outside_code(part: str) -> str:
        kept: list[str] = []

        def keep(match: re.Match[str]) -> str:
            kept.append(match.group(0))
            return f"\x00{len(kept) - 1}\x00"

        part = _AUTOLINK.sub(keep, part)
        part = part.replace("<", "&lt;")

        def target(match: re.Match[str]) -> str:
            return match.group(0) if _kept(match.group(1)) else "](#"

        def reference(match: re.Match[str]) -> str:
            return match.group(0) if _kept(match.group(2)) else f"{match.group(1)}#"

        part = _LINK_TARGET.sub(target, part)
        part = _REFERENCE.sub(reference, part)
        return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], part)

    out, last = [], 0
    for match in _CODE_SPAN.finditer(text):
        out.append(outside_code(text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(outside_code(text[last:]))
    return "".join(out)


def inert_markdown(text: str) -> str:
    """The revision's Markdown for a file others will render: fenced and indented code as it is,
    everything else through ``_inert_inline``."""
    lines = text.split("\n")
    result: list[str] = []
    fence: str | None = None
    chunk: list[str] = []

    def flush() -> None:
        if chunk:
            result.append(_inert_inline("\n".join(chunk)))
            chunk.clear()

    for line in lines:
        opened = _FENCE.match(line)
        if fence is None and opened:
            flush()
            fence = opened.group(1)[0] * 3
            result.append(line)
        elif fence is not None:
            result.append(line)
            if line.strip().startswith(fence):
                fence = None
        elif line.startswith(("    ", "\t")) and (not chunk or not chunk[-1].strip()):
            flush()
            result.append(line)
        else:
            chunk.append(line)
    flush()
    return "\n".join(result)


def _cell(text: Any) -> str:
    """A table cell: one line, every Markdown character (``|`` too) and raw HTML escaped."""
    return md_escape(str(text if text is not None else ""))


def annex_markdown(rows: list[DispositionRow]) -> list[str]:
    from django.utils.translation import gettext as _

    head = [_("No."), _("Revision"), _("Paragraph"), _("Stakeholder group"), _("Comment")]
    head += [_("Disposition"), _("Reason"), _("Addressed in")]
    lines = ["| " + " | ".join(_cell(h) for h in head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        cells = [
            row.number,
            f"r{row.revision}",
            f"¶{row.paragraph}" if row.paragraph else _("whole paper"),
            row.stakeholder_group,
            row.text,
            row.disposition,
            row.reason,
            f"r{row.addressed_in}" if row.addressed_in else "",
        ]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines


def render_markdown(paper: Paper) -> str:
    context = published_context(paper)
    revision: PaperRevision = context["revision"]
    with translation.override(paper.language):
        from django.utils.translation import gettext as _

        published = timezone.localdate(paper.published_at) if paper.published_at else None
        lines = [f"# {md_escape(paper.title)}", ""]
        lines.append(f"{_('Working group')}: {md_escape(paper.group.name)}  ")
        lines.append(f"{_('Revision %(number)s') % {'number': revision.number}}  ")
        if published:
            lines.append(f"{_('Published')}: {published.isoformat()}  ")
        if paper.submitted_on:
            lines.append(f"{_('Submitted to')}: {md_escape(paper.submitted_to)}, {paper.submitted_on.isoformat()}  ")
        lines += ["", "---", "", inert_markdown(revision.text).strip(), "", "---", ""]
        lines += [f"## {_('Annex: disposition of the comments')}", ""]
        if context["rows"]:
            lines += annex_markdown(context["rows"])
        else:
            lines.append(_("No comments were received in a hearing."))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


# --- PDF -------------------------------------------------------------------------------------------


def render_html(paper: Paper) -> str:
    """The PDF's source: a standalone document in the paper's language."""
    with translation.override(paper.language):
        return render_to_string("papers/paper_pdf.html", published_context(paper))


def render_document(html: str) -> bytes:
    """WeasyPrint with a fetcher that fetches nothing (fonts come from the system, not from URLs)."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    class NoFetch(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            raise ValueError(f"not fetched: {url[:80]}")

    pdf: bytes = HTML(string=html, url_fetcher=NoFetch()).write_pdf()
    return pdf


def queue_pdf(paper: Paper) -> bool:
    """Queue the published paper's PDF unless it exists or is queued (for ten minutes)."""
    from mshub.papers.tasks import render_paper_pdf

    if paper.pdf or paper.published_revision_id is None:
        return False
    if not cache.add(f"mshub-paper-pdf-queued:{paper.pk}:{paper.published_revision_id}", True, PDF_QUEUE_SECONDS):
        return False
    render_paper_pdf.delay(paper.pk)
    return True


def render_paper_pdf(paper: Paper) -> None:
    """Render and store the PDF (the background task's work; the only field it sets)."""
    pdf = render_document(render_html(paper))
    stored = paper.pdf.storage.save(paper_pdf_path(paper, "paper.pdf"), ContentFile(pdf))
    Paper.objects.filter(pk=paper.pk).update(pdf=stored)
    paper.pdf.name = stored
    forum_changed(paper.forum_id)
