"""The secretariat edits the forum's controlled vocabularies (terms are retired, never deleted)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.db import models
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, TemplateView, UpdateView

from mshub.core.models import VocabularyTerm
from mshub.core.models.events import record
from mshub.core.views.base import ForumObjectView, ForumView
from mshub.people.models import Gender, OrganizationKind, StakeholderGroup

VOCABULARIES: dict[str, tuple[type[VocabularyTerm], Any]] = {
    "stakeholder-groups": (StakeholderGroup, gettext_lazy("Stakeholder groups")),
    "organization-kinds": (OrganizationKind, gettext_lazy("Kinds of organisation")),
    "genders": (Gender, gettext_lazy("Gender categories")),
}


def vocabulary(kind: str) -> type[VocabularyTerm]:
    try:
        return VOCABULARIES[kind][0]
    except KeyError as exc:
        raise Http404("No such vocabulary") from exc


class VocabularyIndexView(ForumView, TemplateView):
    permission_required = "people.change_vocabulary"
    template_name = "people/vocabularies.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["vocabularies"] = [
            {"kind": kind, "label": label, "terms": model.objects.filter(forum=self.forum).select_related("forum")}  # type: ignore[attr-defined]
            for kind, (model, label) in VOCABULARIES.items()
        ]
        return context


class TermFormMixin(ForumView):
    template_name: str | None = "people/vocabulary_form.html"
    permission_required = "people.change_vocabulary"

    @property
    def term_model(self) -> type[VocabularyTerm]:
        return vocabulary(self.kwargs["kind"])

    def get_form_class(self) -> type[forms.ModelForm[Any]]:
        fields = ["name_ja", "name_en", "order", "active"]
        if self.term_model is StakeholderGroup:
            fields.append("igf_category")
        if getattr(self, "object", None) is None:
            fields.insert(0, "code")
        return forms.modelform_factory(self.term_model, fields=fields)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["vocabulary_label"] = VOCABULARIES[self.kwargs["kind"]][1]
        return context

    def get_success_url(self) -> str:
        return reverse("people:vocabulary-index", kwargs={"forum": self.forum.slug})


class TermCreateView(TermFormMixin, CreateView[Any, Any]):
    object = None

    def form_valid(self, form: forms.ModelForm[Any]) -> HttpResponse:
        form.instance.forum = self.forum
        if self.term_model.objects.filter(forum=self.forum, code=form.cleaned_data["code"]).exists():  # type: ignore[attr-defined]
            form.add_error("code", _("This code is already used in this vocabulary."))
            return self.form_invalid(form)
        response = super().form_valid(form)
        record(self.forum, self.request.user, "vocabulary.term_added", self.object, summary=str(self.object))
        messages.success(self.request, _("Saved."))
        return response


class TermUpdateView(TermFormMixin, ForumObjectView, UpdateView[Any, Any]):
    def get_queryset(self) -> models.QuerySet[Any]:
        return self.term_model.objects.filter(forum=self.forum)  # type: ignore[attr-defined]

    def form_valid(self, form: forms.ModelForm[Any]) -> HttpResponse:
        response = super().form_valid(form)
        record(
            self.forum,
            self.request.user,
            "vocabulary.term_changed",
            self.object,
            summary=str(self.object),
            fields=sorted(form.changed_data),
        )
        messages.success(self.request, _("Saved."))
        return response
