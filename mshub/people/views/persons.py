"""Pages for people: list, view, edit, merge, export and erase."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DetailView, FormView, ListView, UpdateView, View

from mshub.core.concurrency import EditConflictError, save_versioned
from mshub.core.models.events import record
from mshub.core.views.base import ForumObjectView, ForumView
from mshub.people.erasure import accounts_of
from mshub.people.filters import PersonFilter
from mshub.people.forms import AsAtForm, MergeForm, PersonForm
from mshub.people.models import Person
from mshub.people.services import ErasureError, MergeError, erase_person, export_person, merge_persons


class PersonListView(ForumView, ListView[Person]):
    permission_required = "people.view_person"
    template_name = "people/person_list.html"
    paginate_by = 50

    def get_queryset(self) -> models.QuerySet[Person]:
        may_see_contact = self.request.user.has_perm("people.view_person_contact", self.forum)
        qs = Person.objects.filter(forum=self.forum).select_related("forum").with_affiliations_on(timezone.localdate())
        self.filterset = PersonFilter(
            self.request.GET or None, queryset=qs, forum=self.forum, with_email=may_see_contact
        )
        return self.filterset.qs if self.filterset.is_bound and self.filterset.is_valid() else qs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        if self.forum_request.htmx:
            self.template_name = "people/_person_results.html"
        return context


class PersonDetailView(ForumObjectView, DetailView[Person]):
    model = Person
    permission_required = "people.view_person"
    template_name = "people/person_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        person: Person = self.object
        form = AsAtForm(self.request.GET or None)
        day = form.cleaned_data["on"] if form.is_valid() and form.cleaned_data["on"] else None
        context.update(
            as_at_form=form,
            as_at=day,
            as_at_affiliation=person.affiliation_on(day) if day else None,
            affiliations=person.affiliations.select_related(
                "organization__stakeholder_group", "organization__forum"
            ).order_by(models.F("start").desc(nulls_first=True), "-pk"),
            today=timezone.localdate(),
            show_contact=self.request.user.has_perm("people.view_person_contact", person),
        )
        return context


def person_form_kwargs(user: Any, forum: Any, person: Person | None) -> dict[str, Any]:
    """Which parts of the person form ``user`` gets: personal fields for the secretariat or the
    person themself, the secretariat's notes for the secretariat only."""
    return {
        "forum": forum,
        "personal": user.has_perm("people.change_person_contact", person or forum),
        "notes": user.has_perm("people.change_person_notes", forum),
    }


class PersonCreateView(ForumView, CreateView[Person, PersonForm]):
    permission_required = "people.add_person"
    template_name = "people/person_form.html"
    form_class = PersonForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), **person_form_kwargs(self.request.user, self.forum, None)}

    def form_valid(self, form: PersonForm) -> HttpResponse:
        response = super().form_valid(form)
        record(self.forum, self.request.user, "person.created", self.object)
        messages.success(self.request, _("%(name)s was added.") % {"name": self.object})
        return response


class PersonUpdateView(ForumObjectView, UpdateView[Person, PersonForm]):
    model = Person
    permission_required = "people.change_person"
    template_name = "people/person_form.html"
    form_class = PersonForm

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        return {**kwargs, **person_form_kwargs(self.request.user, self.forum, kwargs["instance"])}

    def form_valid(self, form: PersonForm) -> HttpResponse:
        try:
            self.object = save_versioned(form.save(commit=False), form.loaded_version)
        except EditConflictError as conflict:
            form.show_conflict(conflict.current)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        response = HttpResponseRedirect(self.get_success_url())
        record(
            self.forum,
            self.request.user,
            "person.changed",
            self.object,
            fields=sorted(form.changed_data),
        )
        messages.success(self.request, _("Saved."))
        return response


class PersonMergeView(ForumObjectView, FormView[MergeForm]):
    model = Person
    permission_required = "people.merge_person"
    template_name = "people/person_merge.html"
    form_class = MergeForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "keep": self.get_object()}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "object": self.get_object()}

    def form_valid(self, form: MergeForm) -> HttpResponse:
        try:
            kept = merge_persons(self.get_object(), form.cleaned_data["duplicate"], actor=self.request.user)
        except MergeError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("The two records were merged."))
        return HttpResponseRedirect(kept.get_absolute_url())


class PersonExportView(ForumObjectView, View):
    model = Person
    permission_required = "people.export_person"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        person = self.get_object()
        record(self.forum, request.user, "person.exported", person)
        body = json.dumps(export_person(person), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.json"'
        return response


class PersonEraseView(ForumObjectView, DetailView[Person]):
    model = Person
    permission_required = "people.erase_person"
    template_name = "people/person_erase.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "accounts": accounts_of(self.object)}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            outcome = erase_person(self.get_object(), actor=request.user)
        except ErasureError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(self.get_object().get_absolute_url())
        if outcome == "deleted":
            messages.success(request, _("The person's record was deleted."))
        else:
            messages.success(request, _("The person's record is referenced by published records and was anonymised."))
        return HttpResponseRedirect(reverse("people:person-list", kwargs={"forum": self.forum.slug}))
