"""JSON API for the stakeholder registry (read-only)."""

from __future__ import annotations

from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mshub.core.rest.viewsets import ForumReadOnlyViewSet
from mshub.people.models import Affiliation, Organization, Person, StakeholderGroup


class StakeholderGroupSerializer(serializers.ModelSerializer[StakeholderGroup]):
    class Meta:
        model = StakeholderGroup
        fields = ["id", "code", "name_ja", "name_en", "igf_category", "order", "active"]


class OrganizationSerializer(serializers.ModelSerializer[Organization]):
    stakeholder_group: serializers.SlugRelatedField[StakeholderGroup] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    kind: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(slug_field="code", read_only=True)
    country = serializers.CharField(source="country.code", read_only=True)

    class Meta:
        model = Organization
        fields = ["id", "name_ja", "name_en", "short_name", "stakeholder_group", "kind", "country", "website"]


class AffiliationSerializer(serializers.ModelSerializer[Affiliation]):
    organization: serializers.PrimaryKeyRelatedField[Organization] = serializers.PrimaryKeyRelatedField(read_only=True)
    organization_name_ja = serializers.CharField(source="organization.name_ja", read_only=True)
    organization_name_en = serializers.CharField(source="organization.name_en", read_only=True)

    class Meta:
        model = Affiliation
        fields = [
            "organization",
            "organization_name_ja",
            "organization_name_en",
            "department_ja",
            "department_en",
            "title_ja",
            "title_en",
            "start",
            "end",
            "is_primary",
        ]


class PersonSerializer(serializers.ModelSerializer[Person]):
    affiliations = AffiliationSerializer(many=True, read_only=True)
    email = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = [
            "id",
            "family_name_ja",
            "given_name_ja",
            "family_name_kana",
            "given_name_kana",
            "family_name_latin",
            "given_name_latin",
            "email",
            "affiliations",
        ]

    @extend_schema_field(serializers.EmailField(allow_null=True))
    def get_email(self, person: Person) -> str | None:
        """Only for callers who may see contact data (the secretariat, or the person)."""
        request = self.context.get("request")
        if request is not None and request.user.has_perm("people.view_person_contact", person):
            return person.email or None
        return None


class StakeholderGroupViewSet(ForumReadOnlyViewSet):
    serializer_class = StakeholderGroupSerializer
    queryset = StakeholderGroup.objects.all()
    permission_required = "people.view_stakeholdergroup"


class OrganizationViewSet(ForumReadOnlyViewSet):
    serializer_class = OrganizationSerializer
    queryset = Organization.objects.select_related("stakeholder_group", "kind")
    permission_required = "people.view_organization"


class PersonViewSet(ForumReadOnlyViewSet):
    serializer_class = PersonSerializer
    queryset = Person.objects.select_related("forum").prefetch_related(
        models.Prefetch("affiliations", queryset=Affiliation.objects.select_related("organization"))
    )
    permission_required = "people.view_person"
