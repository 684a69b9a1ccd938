from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mshub.people.models import Organization, OrganizationKind, Person, StakeholderGroup


class ForumFilterSet(django_filters.FilterSet):
    forum_scoped: dict[str, Any] = {}

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forum = forum
        for name, model in self.forum_scoped.items():
            self.filters[name].queryset = model.objects.filter(forum=forum)


class PersonFilter(ForumFilterSet):
    q = django_filters.CharFilter(label=_("Name"), method="search")
    stakeholder_group = django_filters.ModelChoiceFilter(
        label=_("Stakeholder group (current)"), queryset=StakeholderGroup.objects.none(), method="in_group"
    )
    organization = django_filters.ModelChoiceFilter(
        label=_("Organisation (current)"), queryset=Organization.objects.none(), method="at_organization"
    )
    forum_scoped = {"stakeholder_group": StakeholderGroup, "organization": Organization}

    class Meta:
        model = Person
        fields: list[str] = []

    def __init__(self, *args: Any, with_email: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.with_email = with_email  # only the secretariat searches by email

    def search(self, qs: QuerySet[Person], name: str, value: str) -> QuerySet[Person]:
        return qs.search(value, with_email=self.with_email)  # type: ignore[attr-defined]

    def _current(self, qs: QuerySet[Person], **lookup: Any) -> QuerySet[Person]:
        today = timezone.localdate()
        from mshub.people.models import Affiliation

        ids = Affiliation.objects.valid_on(today).filter(**lookup).values("person_id")
        return qs.filter(pk__in=ids)

    def in_group(self, qs: QuerySet[Person], name: str, value: Any) -> QuerySet[Person]:
        return self._current(qs, organization__stakeholder_group=value) if value else qs

    def at_organization(self, qs: QuerySet[Person], name: str, value: Any) -> QuerySet[Person]:
        return self._current(qs, organization=value) if value else qs


class OrganizationFilter(ForumFilterSet):
    q = django_filters.CharFilter(label=_("Name"), method="search")
    stakeholder_group = django_filters.ModelChoiceFilter(
        label=_("Stakeholder group"), queryset=StakeholderGroup.objects.none()
    )
    kind = django_filters.ModelChoiceFilter(label=_("Kind"), queryset=OrganizationKind.objects.none())
    to_classify = django_filters.BooleanFilter(
        label=_("To classify"),
        method="unclassified",
        widget=django_filters.widgets.BooleanWidget,
    )
    forum_scoped = {"stakeholder_group": StakeholderGroup, "kind": OrganizationKind}

    class Meta:
        model = Organization
        fields = ["country"]

    def search(self, qs: QuerySet[Organization], name: str, value: str) -> QuerySet[Organization]:
        return qs.search(value)  # type: ignore[attr-defined]

    def unclassified(self, qs: QuerySet[Organization], name: str, value: bool | None) -> QuerySet[Organization]:
        """``true``: only those without a stakeholder group; ``false``: only classified ones."""
        if value is None:
            return qs
        return qs.filter(stakeholder_group__isnull=value)
