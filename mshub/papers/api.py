"""JSON API of the position papers (read-only): the papers the caller may read.

The list gives each paper's summary; the detail adds its published revision (Markdown, and its
numbered paragraphs with their anchors and sanitised HTML) and the disposition table (stakeholder
groups, never names). Before publication a paper shows no text (its group's members read drafts on
the pages). Which papers a caller sees is the rule ``papers.view_paper`` read as one query:
published and submitted papers for whoever reads the forum; every paper for the steering group and
the secretariat; a working group's papers for its members; a paper whose hearing has opened for the
hearing's audience (``access.readable``, the pages' query too).
"""

from __future__ import annotations

from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mshub.core.rest.viewsets import ForumReadOnlyViewSet
from mshub.papers import paragraphs
from mshub.papers.access import readable
from mshub.papers.models import Paper
from mshub.papers.publication import inert_markdown
from mshub.papers.threads import disposition_rows


class ParagraphSerializer(serializers.Serializer):
    anchor = serializers.CharField()
    number = serializers.IntegerField(allow_null=True, help_text="¶N; null for a heading")
    text = serializers.CharField(help_text="the paragraph's Markdown")
    html = serializers.CharField(help_text="its sanitised HTML")


class DispositionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    revision = serializers.IntegerField(help_text="the revision commented on")
    paragraph = serializers.IntegerField(allow_null=True, help_text="¶N in that revision; null: the whole paper")
    stakeholder_group = serializers.CharField()
    comment = serializers.CharField(help_text="plain text")
    disposition = serializers.CharField()
    reason = serializers.CharField()
    addressed_in = serializers.IntegerField(allow_null=True)


class PaperSerializer(serializers.ModelSerializer[Paper]):
    group: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    language = serializers.CharField(read_only=True, help_text="ja or en")
    state = serializers.CharField(read_only=True, help_text="draft, hearing, revising, final, published or submitted")
    revision = serializers.SerializerMethodField(help_text="the published revision's number, else the latest's")
    published_revision = serializers.SerializerMethodField()

    class Meta:
        model = Paper
        fields = [
            "id",
            "group",
            "title_ja",
            "title_en",
            "language",
            "state",
            "revision",
            "published_revision",
            "published_at",
            "submitted_to",
            "submitted_on",
            "submission_url",
            "consultation",
        ]

    def get_revision(self, paper: Paper) -> int:
        return paper.published_revision.number if paper.published_revision else paper.revision_count

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_published_revision(self, paper: Paper) -> int | None:
        return paper.published_revision.number if paper.published_revision else None


class PaperDetailSerializer(PaperSerializer):
    text = serializers.SerializerMethodField(help_text="the published revision's Markdown (null before)")
    paragraphs = serializers.SerializerMethodField()
    dispositions = serializers.SerializerMethodField()

    class Meta(PaperSerializer.Meta):
        fields = [*PaperSerializer.Meta.fields, "text", "paragraphs", "dispositions"]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_text(self, paper: Paper) -> str | None:
        revision = paper.published_revision if paper.is_public else None
        return inert_markdown(revision.text) if revision else None  # raw HTML and script links made inert

    @extend_schema_field(ParagraphSerializer(many=True))
    def get_paragraphs(self, paper: Paper) -> list[dict[str, Any]]:
        revision = paper.published_revision if paper.is_public else None
        if revision is None:
            return []
        return [
            {"anchor": p.anchor, "number": p.number, "text": inert_markdown(p.text), "html": p.html}
            for p in paragraphs.numbered(revision.paragraphs)
        ]

    @extend_schema_field(DispositionSerializer(many=True))
    def get_dispositions(self, paper: Paper) -> list[dict[str, Any]]:
        if not paper.is_public:
            return []
        return [
            {
                "number": r.number,
                "revision": r.revision,
                "paragraph": r.paragraph,
                "stakeholder_group": r.stakeholder_group,
                "comment": r.text,
                "disposition": r.disposition,
                "reason": r.reason,
                "addressed_in": r.addressed_in,
            }
            for r in disposition_rows(paper)
        ]


class PaperViewSet(ForumReadOnlyViewSet):
    """The papers the caller may read; the detail adds the published text and the disposition table."""

    serializer_class = PaperSerializer
    permission_required = "papers.view_papers"  # on the forum and each row; the rows are narrowed by view_paper
    queryset = Paper.objects.select_related("forum", "group", "published_revision").order_by("-updated_at", "-pk")

    def get_queryset(self) -> models.QuerySet[Any]:
        return readable(super().get_queryset(), self.request.user, self.forum)  # papers.view_paper as one query

    def get_serializer_class(self) -> Any:
        return PaperDetailSerializer if self.action == "retrieve" else PaperSerializer
