"""JSON API of the working groups (read-only): whoever may read the forum reads its groups.

A group gives its names, charters, state, mailing list, its current chairs' names and its topic
codes. Its members (with their stakeholder groups) are for the forum's members: the detail gives
them to those only (``members`` is null for everyone else); the list leaves them out.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mshub.core.rest.viewsets import ForumReadOnlyViewSet
from mshub.topics.models import TopicTag
from mshub.workinggroups.models import MemberRole, WorkingGroup, WorkingGroupMember


def topic_codes(groups: list[WorkingGroup]) -> dict[int, list[str]]:
    """The topic codes of each of ``groups`` (one query, however many groups)."""
    if not groups:
        return {}
    tags = (
        TopicTag.objects.filter(
            forum_id=groups[0].forum_id,
            content_type=ContentType.objects.get_for_model(WorkingGroup),
            object_id__in=[str(g.pk) for g in groups],
        )
        .select_related("topic")
        .order_by("topic__order", "topic__code")
    )
    found: dict[int, list[str]] = {}
    for tag in tags:
        found.setdefault(int(tag.object_id), []).append(tag.topic.code)
    return found


class GroupListSerializer(serializers.ListSerializer):
    """Reads the page's topics in one query and hands them to each row."""

    def to_representation(self, data: Any) -> list[Any]:
        groups = list(data.all() if isinstance(data, models.Manager) else data)
        self.child.context["topics"] = topic_codes(groups)  # type: ignore[union-attr]
        return super().to_representation(groups)


class WorkingGroupMemberSerializer(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField()
    stakeholder_group = serializers.CharField(allow_null=True)
    joined = serializers.DateField(allow_null=True)


class WorkingGroupSerializer(serializers.ModelSerializer[WorkingGroup]):
    state = serializers.CharField(read_only=True, help_text="proposed, active or concluded")
    chairs = serializers.SerializerMethodField()
    topics = serializers.SerializerMethodField()

    class Meta:
        model = WorkingGroup
        list_serializer_class = GroupListSerializer
        fields = ["slug", "name_ja", "name_en", "charter_ja", "charter_en", "state", "mailing_list", "chairs", "topics"]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_chairs(self, group: WorkingGroup) -> list[str]:
        return [str(m.person) for m in getattr(group, "current_chairs", [])]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_topics(self, group: WorkingGroup) -> list[str]:
        known = self.context.get("topics")
        if known is None:
            known = topic_codes([group])
        return list(known.get(group.pk, []))


class WorkingGroupDetailSerializer(WorkingGroupSerializer):
    members = serializers.SerializerMethodField()

    class Meta(WorkingGroupSerializer.Meta):
        fields = [*WorkingGroupSerializer.Meta.fields, "members"]

    @extend_schema_field(WorkingGroupMemberSerializer(many=True, allow_null=True))
    def get_members(self, group: WorkingGroup) -> list[dict[str, Any]] | None:
        request = self.context.get("request")
        if request is None or not request.user.has_perm("workinggroups.view_members", group.forum):
            return None
        from mshub.workinggroups.views.base import members_of

        return [
            {
                "name": str(m.person),
                "role": m.role,
                "stakeholder_group": m.stakeholder_group.name if m.stakeholder_group else None,  # type: ignore[attr-defined]
                "joined": m.joined,
            }
            for m in members_of(group)
        ]


class WorkingGroupViewSet(ForumReadOnlyViewSet):
    """A forum's working groups; ``members`` (detail only) for the forum's members."""

    serializer_class = WorkingGroupSerializer
    lookup_field = "slug"
    permission_required = "workinggroups.view_workinggroup"
    queryset = (
        WorkingGroup.objects.select_related("forum")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=WorkingGroupMember.objects.filter(role=MemberRole.CHAIR, left__isnull=True)
                .select_related("person")
                .order_by("pk"),
                to_attr="current_chairs",
            )
        )
        .order_by("slug")
    )

    def get_serializer_class(self) -> Any:
        return WorkingGroupDetailSerializer if self.action == "retrieve" else WorkingGroupSerializer
