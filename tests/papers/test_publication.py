"""The published paper's renders: the reading page, Markdown and the PDF (Japanese text, the revision
number, the annex; hostile Markdown inert; nothing fetched), and 404 before publication."""

from __future__ import annotations

import io

import pytest
from django.test import TestCase
from pypdf import PdfReader

from mshub.papers import publication
from mshub.papers.models import Paper
from mshub.papers.services.revisions import create_paper
from tests.papers.publishing import HOSTILE, publish

pytestmark = pytest.mark.django_db


def pdf_text(paper: Paper) -> str:
    with paper.pdf.open("rb") as stored:
        data = stored.read()
    assert data.startswith(b"%PDF")
    return "".join("".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def test_before_publication_the_renders_are_not_found(client, paper_world):
    client.force_login(paper_world.chair)
    paper = paper_world.paper
    for url in (paper.urls.paper_published, paper.urls.paper_markdown, paper.urls.paper_pdf):
        assert client.get(url).status_code == 404


def test_publishing_renders_the_pdf_in_the_background_into_a_private_file(client, paper_world):
    paper = publish(paper_world.paper, paper_world.chair)
    assert paper.pdf.name.startswith(f"papers/{paper.forum_id}/")
    assert paper.pdf.name.endswith(".pdf")
    assert "paper" not in paper.pdf.name.split("/")[-1]  # a token, not a readable name
    text = pdf_text(paper)
    assert "マルチステークホルダー" in text  # Japanese text of the paper
    assert "Revision2" in text or "版2" in text or "第2版" in text  # (whitespace removed)
    assert "一部を反映した" in text  # the annex row's reason
    client.force_login(paper_world.chair)
    response = client.get(paper.urls.paper_pdf)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private"


def test_while_the_pdf_is_being_made_the_reader_gets_a_page_saying_so(client, paper_world):
    paper = publish(paper_world.paper, paper_world.chair)
    Paper.objects.filter(pk=paper.pk).update(pdf="")
    client.force_login(paper_world.chair)
    from django.core.cache import cache

    cache.set(f"mshub-paper-pdf-queued:{paper.pk}:{paper.published_revision_id}", True)  # queued already
    response = client.get(paper.urls.paper_pdf)
    assert response.status_code == 202
    assert response["Retry-After"]
    assert not Paper.objects.get(pk=paper.pk).pdf  # nothing rendered in the request


def test_the_reading_page_and_the_markdown(client, paper_world):
    paper = publish(paper_world.paper, paper_world.chair)
    client.force_login(paper_world.member)
    page = client.get(paper.urls.paper_published)
    assert page.status_code == 200
    body = page.content.decode()
    revision = paper.published_revision
    assert f'id="{revision.paragraphs[1]["anchor"]}"' in body
    assert "¶1" in body
    assert "一部を反映した" in body
    assert paper.group.name in body
    md = client.get(paper.urls.paper_markdown)
    assert md["Content-Type"] == "text/markdown; charset=utf-8"
    assert md["Content-Disposition"] == f'attachment; filename="paper-{paper.pk}-r2-comments-to-the-wgig.md"'
    text = md.content.decode()
    assert text.startswith("# WGIGへの意見書\n")
    assert "Revision 2" in text
    row = next(line for line in text.splitlines() if line.startswith("| 1 |"))
    assert "縦棒" in row
    assert "\\|縦棒" in row
    assert row.count(" | ") == 7


def test_the_public_reads_a_published_paper_of_a_public_forum(client, paper_world):
    paper = publish(paper_world.paper, paper_world.chair)
    paper.forum.is_public = True
    paper.forum.save()
    assert client.get(paper.urls.paper_published).status_code == 200
    assert client.get(paper.urls.paper_markdown).status_code == 200


def test_hostile_markdown_is_inert_in_every_render(client, paper_world, tmp_path):
    group = paper_world.group
    paper = create_paper(
        group, actor=paper_world.chair, text=HOSTILE + "\n追加。\n", title_ja="危険な意見書", language="ja"
    )
    paper = publish(paper, paper_world.chair, text=HOSTILE)
    html = publication.render_html(paper)
    assert "<script" not in html
    assert "<img" not in html
    assert 'href="javascript' not in html
    assert " src=" not in html.replace("&lt;img src=", "")
    assert "&lt;script&gt;" in html  # shown as text
    md = publication.render_markdown(paper)
    assert "<script" not in md
    assert "<img" not in md
    assert "](javascript:" not in md
    assert "](file:" not in md
    assert "<https://example.org/ok>" in md or "(https://example.org/ok)" in md
    text = pdf_text(paper)
    assert "root:" not in text  # /etc/passwd was not read
    client.force_login(paper_world.chair)
    page = client.get(paper.urls.paper_published).content.decode()
    assert "<script>alert" not in page
    assert "<img src=file" not in page
    assert 'href="javascript' not in page


def test_weasyprint_fetches_nothing(tmp_path):
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }")
    image = tmp_path / "i.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    seen = []
    from weasyprint.urls import URLFetcher

    original = URLFetcher.fetch
    URLFetcher.fetch = lambda self, url, headers=None: seen.append(url) or original(self, url, headers)  # type: ignore[method-assign]
    try:
        publication.render_document(
            f'<html><head><link rel="stylesheet" href="file://{secret}"></head><body><img src="file://{image}">x</body></html>'
        )
    finally:
        URLFetcher.fetch = original  # type: ignore[method-assign]
    assert seen == []


def test_the_pdf_task_renders_once(paper_world):
    paper = publish(paper_world.paper, paper_world.chair)
    name = paper.pdf.name
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert publication.queue_pdf(paper) is False  # rendered already
    assert Paper.objects.get(pk=paper.pk).pdf.name == name


def test_deleting_the_forum_removes_its_papers_and_their_pdfs(paper_world):
    from django.test import TestCase as DjangoTestCase

    from mshub.core.services import delete_forum

    paper = publish(paper_world.paper, paper_world.chair)
    storage, name = paper.pdf.storage, paper.pdf.name
    assert storage.exists(name)
    with DjangoTestCase.captureOnCommitCallbacks(execute=True):
        delete_forum(paper_world.forum)
    assert not Paper.objects.filter(pk=paper.pk).exists()
    assert not storage.exists(name)
