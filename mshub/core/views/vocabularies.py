"""The secretariat edits the controlled vocabularies every area declares (``Area.vocabularies``).

One page lists them: the forum's own lists (stakeholder groups, kinds of organisation, …) and the
installation's shared ones (the calendar's bodies and kinds of event, which any forum's secretariat
edits: the change is logged with the forum it was made through). Terms are retired, never deleted;
a term's ``code`` is fixed once made (statistics, filters and exports key on it).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.apps import apps
from django.contrib import messages
from django.db import models
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import CreateView, TemplateView, UpdateView

from mshub.core.areas import Vocabulary, vocabularies
from mshub.core.models import SiteVocabularyTerm
from mshub.core.models.events import record
from mshub.core.pages import read_through
from mshub.core.views.base import ForumObjectView, ForumView

NAMES = ["name_ja", "name_en"]


def is_shared(model: type[models.Model]) -> bool:
    return issubclass(model, SiteVocabularyTerm)


def terms_of(vocabulary: Vocabulary, forum: Any) -> models.QuerySet[Any]:
    """The vocabulary's terms as this forum's pages read them (``term.urls`` link under the forum)."""
    model = apps.get_model(vocabulary.model)
    if is_shared(model):
        return read_through(model.objects.all(), forum)
    return model.objects.filter(forum=forum).select_related("forum")


def vocabulary(kind: str) -> Vocabulary:
    for declared in vocabularies():
        if declared.kind == kind:
            return declared
    raise Http404("No such vocabulary")


class VocabularyIndexView(ForumView, TemplateView):
    """Every vocabulary this reader may edit, each with its terms."""

    permission_required = "core.view_vocabularies"
    template_name = "core/vocabularies.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["vocabularies"] = [
            {
                "kind": v.kind,
                "label": v.label,
                "shared": is_shared(apps.get_model(v.model)),
                "terms": terms_of(v, self.forum),
            }
            for v in vocabularies()
            if user.has_perm(v.permission, self.forum)
        ]
        return context


class TermFormMixin(ForumView):
    """A term of the vocabulary named in the URL: the vocabularies page's permission and the vocabulary's own."""

    template_name: str | None = "core/vocabulary_form.html"
    permission_required = "core.view_vocabularies"

    @property
    def vocabulary(self) -> Vocabulary:
        return vocabulary(self.kwargs["kind"])

    def has_permission(self) -> bool:
        return super().has_permission() and self.request.user.has_perm(self.vocabulary.permission, self.forum)

    @property
    def term_model(self) -> type[models.Model]:
        return apps.get_model(self.vocabulary.model)

    def get_queryset(self) -> models.QuerySet[Any]:
        return terms_of(self.vocabulary, self.forum)

    def get_form_class(self) -> type[forms.ModelForm[Any]]:
        fields = [*NAMES, *self.vocabulary.fields, "order", "active"]
        if getattr(self, "object", None) is None:
            fields.insert(0, "code")
        return forms.modelform_factory(self.term_model, fields=fields)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["vocabulary_label"] = self.vocabulary.label
        context["shared"] = is_shared(self.term_model)
        return context

    def get_success_url(self) -> str:
        return reverse("core:vocabulary-index", kwargs={"forum": self.forum.slug}) + f"#voc-{self.vocabulary.kind}"


class TermCreateView(TermFormMixin, CreateView[Any, Any]):
    object = None

    def form_valid(self, form: forms.ModelForm[Any]) -> HttpResponse:
        code = form.cleaned_data["code"]
        if self.get_queryset().filter(code=code).exists():
            form.add_error("code", _("This code is already used in this vocabulary."))
            return self.form_invalid(form)
        if not is_shared(self.term_model):
            form.instance.forum = self.forum
        response = super().form_valid(form)
        record(self.forum, self.request.user, "vocabulary.term_added", self.object, summary=str(self.object))
        messages.success(self.request, _("Saved."))
        return response


class TermUpdateView(TermFormMixin, ForumObjectView, UpdateView[Any, Any]):
    def get_permission_object(self) -> Any:
        self.get_object()  # a term of another forum is not found (404) before any permission is asked
        return self.forum

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
