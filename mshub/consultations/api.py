"""JSON API of the consultations (read-only): the shared consultations, read through any forum the
reader may read, with their questions and documents; this forum's responses for its members."""

from __future__ import annotations

from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mshub.calendar.api import SharedReadOnlyViewSet
from mshub.calendar.models import Body
from mshub.consultations.models import (
    Consultation,
    ConsultationDocument,
    ConsultationQuestion,
    ConsultationResponse,
)
from mshub.core.rest.viewsets import ForumReadOnlyViewSet


class QuestionSerializer(serializers.ModelSerializer[ConsultationQuestion]):
    class Meta:
        model = ConsultationQuestion
        fields = ["number", "text_ja", "text_en"]


class DocumentSerializer(serializers.ModelSerializer[ConsultationDocument]):
    class Meta:
        model = ConsultationDocument
        fields = ["position", "title", "url"]


class ConsultationSerializer(serializers.ModelSerializer[Consultation]):
    body: serializers.SlugRelatedField[Body] = serializers.SlugRelatedField(slug_field="code", read_only=True)
    questions = QuestionSerializer(many=True, read_only=True)
    documents = DocumentSerializer(many=True, read_only=True)
    state = serializers.CharField(source="current_state", read_only=True)
    page = serializers.SerializerMethodField()

    class Meta:
        model = Consultation
        fields = [
            "id",
            "uid",
            "body",
            "title_ja",
            "title_en",
            "summary_ja",
            "summary_en",
            "url",
            "timezone",
            "opens",
            "closes",
            "state",
            "report_expected",
            "report_url",
            "questions",
            "documents",
            "updated_at",
            "page",
        ]

    @extend_schema_field(serializers.CharField())
    def get_page(self, consultation: Consultation) -> str:
        return str(consultation.urls.detail)


class ResponseSerializer(serializers.ModelSerializer[ConsultationResponse]):
    has_proof_file = serializers.SerializerMethodField()

    class Meta:
        model = ConsultationResponse
        fields = [
            "id",
            "consultation",
            "person_in_charge",
            "decision",
            "note",
            "paper",
            "paper_url",
            "submitted_at",
            "proof_url",
            "has_proof_file",
            "updated_at",
        ]

    def get_has_proof_file(self, response: ConsultationResponse) -> bool:
        return bool(response.proof_file)


class ConsultationViewSet(SharedReadOnlyViewSet):
    """Public consultations with their questions and documents; ``state`` as of the request."""

    serializer_class = ConsultationSerializer
    queryset = Consultation.objects.all()
    permission_required = "consultations.view_consultation"

    def get_queryset(self) -> models.QuerySet[Any]:
        return (
            Consultation.objects.listed()
            .shown_in(self.forum)
            .prefetch_related("questions", "documents")
            .order_by("closes", "pk")
        )


class ResponseViewSet(ForumReadOnlyViewSet):
    """This forum's responses to consultations (its members only)."""

    serializer_class = ResponseSerializer
    queryset = ConsultationResponse.objects.select_related("forum").order_by("consultation", "pk")
    permission_required = "consultations.view_response"
