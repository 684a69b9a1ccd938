"""Pages for organisations, affiliations and the stakeholder-group vocabulary."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import models
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from mshub.core.models.events import record
from mshub.core.views.base import ForumObjectView, ForumView
from mshub.people.filters import OrganizationFilter
from mshub.people.forms import AffiliationForm, OrganizationForm
from mshub.people.models import Affiliation, Organization, Person, StakeholderGroup


class OrganizationListView(ForumView, ListView[Organization]):
    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    permission_required = "people.view_organization"
    template_name = "people/organization_list.html"
    paginate_by = 50

    def get_queryset(self) -> models.QuerySet[Organization]:
        qs = Organization.objects.filter(forum=self.forum).select_related("forum", "stakeholder_group", "kind")
        self.filterset = OrganizationFilter(self.request.GET or None, queryset=qs, forum=self.forum)
        return self.filterset.qs if self.filterset.is_bound and self.filterset.is_valid() else qs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        return context


class OrganizationDetailView(ForumObjectView, DetailView[Organization]):
    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    model = Organization
    permission_required = "people.view_organization"
    template_name = "people/organization_detail.html"

    def get_queryset(self) -> models.QuerySet[Organization]:
        return super().get_queryset().select_related("stakeholder_group", "kind")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if self.request.user.has_perm("people.view_person", self.forum):
            today = timezone.localdate()
            affiliations = self.object.affiliations.select_related("person__forum").order_by(
                models.F("end").desc(nulls_first=True), "person__family_name_latin"
            )
            context["current"] = [a for a in affiliations if a.holds_on(today)]
            context["former"] = [a for a in affiliations if not a.holds_on(today)]
        return context


class OrganizationCreateView(ForumView, CreateView[Organization, OrganizationForm]):
    permission_required = "people.add_organization"
    template_name = "people/organization_form.html"
    form_class = OrganizationForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "forum": self.forum}

    def form_valid(self, form: OrganizationForm) -> HttpResponse:
        response = super().form_valid(form)
        record(self.forum, self.request.user, "organization.created", self.object, summary=str(self.object))
        messages.success(self.request, _("%(name)s was added.") % {"name": self.object})
        return response


class OrganizationUpdateView(ForumObjectView, UpdateView[Organization, OrganizationForm]):
    model = Organization
    permission_required = "people.change_organization"
    template_name = "people/organization_form.html"
    form_class = OrganizationForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "forum": self.forum}

    def form_valid(self, form: OrganizationForm) -> HttpResponse:
        response = super().form_valid(form)
        record(
            self.forum,
            self.request.user,
            "organization.changed",
            self.object,
            summary=str(self.object),
            fields=sorted(form.changed_data),
        )
        messages.success(self.request, _("Saved."))
        return response


class AffiliationCreateView(ForumView, CreateView[Affiliation, AffiliationForm]):
    permission_required = "people.add_affiliation"
    template_name = "people/affiliation_form.html"
    form_class = AffiliationForm

    def get_permission_object(self) -> Person:
        return self.person

    @property
    def person(self) -> Person:
        if not hasattr(self, "_person"):
            self._person = get_object_or_404(Person, forum=self.forum, pk=self.kwargs["person"])
        return self._person

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "person": self.person}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "person": self.person}

    def form_valid(self, form: AffiliationForm) -> HttpResponse:
        response = super().form_valid(form)
        organization = form.instance.organization
        record(self.forum, self.request.user, "affiliation.created", self.person, summary=str(organization))
        return response

    def get_success_url(self) -> str:
        return self.person.get_absolute_url()


class AffiliationUpdateView(ForumObjectView, UpdateView[Affiliation, AffiliationForm]):
    model = Affiliation
    permission_required = "people.change_affiliation"
    template_name = "people/affiliation_form.html"
    form_class = AffiliationForm

    def get_queryset(self) -> models.QuerySet[Affiliation]:
        return Affiliation.objects.filter(person__forum=self.forum, person_id=self.kwargs["person"]).select_related(
            "person__forum"
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "person": self.get_object().person}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "person": self.get_object().person}

    def form_valid(self, form: AffiliationForm) -> HttpResponse:
        response = super().form_valid(form)
        record(
            self.forum,
            self.request.user,
            "affiliation.changed",
            self.object.person,
            summary=str(self.object.organization),
            fields=sorted(form.changed_data),
        )
        return response

    def get_success_url(self) -> str:
        return self.get_object().person.get_absolute_url()


class StakeholderGroupListView(ForumView, ListView[StakeholderGroup]):
    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    permission_required = "people.view_stakeholdergroup"
    template_name = "people/stakeholdergroup_list.html"

    def get_queryset(self) -> models.QuerySet[StakeholderGroup]:
        return StakeholderGroup.objects.filter(forum=self.forum).annotate(
            organization_count=models.Count("organizations")
        )
