"""The consultation pages: the list (in the style of ICANN's public-comment pages), one consultation,
the edit forms, this forum's response and the deadline radar. Writes go through the services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from mshub.calendar.listing import linked
from mshub.consultations.forms import ConsultationForm, ResponseForm
from mshub.consultations.models import Consultation, ConsultationResponse, ConsultationRevision
from mshub.consultations.radar import consultations_closing, events_starting
from mshub.consultations.services import (
    ConsultationError,
    create_consultation,
    response_of,
    save_response,
    update_consultation,
)
from mshub.core.concurrency import EditConflictError
from mshub.core.files import file_response
from mshub.core.pages import url_for_each
from mshub.core.views.base import ForumView
from mshub.topics.forms import TopicFilterForm
from mshub.topics.tagging import with_topic


class ConsultationsView(ForumView):
    def consultations(self) -> Any:
        return Consultation.objects.shown_in(self.forum)

    def responses(self) -> dict[int, ConsultationResponse] | None:
        """This forum's responses by consultation, for a reader allowed to see them (one query)."""
        if not self.request.user.has_perm("consultations.view_response", self.forum):
            return None
        rows = ConsultationResponse.objects.filter(forum=self.forum).only(
            "consultation_id", "decision", "submitted_at", "forum_id"
        )
        return {row.consultation_id: row for row in rows}


def _rows(consultations: Any, forum: Any, responses: dict[int, ConsultationResponse] | None) -> list[Consultation]:
    url = url_for_each("consultations:detail", {"forum": forum.slug})
    rows = list(consultations)
    for row in rows:
        row.link = url(row.pk)
        row.response = None if responses is None else responses.get(row.pk)
    return rows


class ConsultationListView(ConsultationsView, TemplateView):
    page_cache = True
    permission_required = "consultations.view_consultation"
    template_name = "consultations/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        responses = self.responses()
        topic_filter = TopicFilterForm(self.request.GET if "topic" in self.request.GET else None, forum=self.forum)
        consultations = self.consultations().listed().by_deadline()
        topic = topic_filter.chosen_topic()
        if topic is not None:
            consultations = with_topic(consultations, self.forum, topic)
        everything = _rows(consultations, self.forum, responses)
        sections: dict[str, list[Consultation]] = {"open": [], "upcoming": [], "awaiting_report": [], "closed": []}
        for row in everything:
            sections[row.state(now)].append(row)
        sections["awaiting_report"].reverse()  # the latest deadline first
        sections["closed"].reverse()
        context.update(
            sections=[
                ("open", _("Open for comment"), sections["open"]),
                ("upcoming", _("Upcoming"), sections["upcoming"]),
                ("awaiting_report", _("Closed, awaiting the issuer's report"), sections["awaiting_report"]),
                ("closed", _("Closed"), sections["closed"]),
            ],
            show_responses=responses is not None,
            now=now,
            topic_filter=topic_filter,
        )
        return context


class ConsultationView(ConsultationsView):
    _consultation: Consultation | None = None

    @property
    def consultation(self) -> Consultation:
        if self._consultation is None:
            self._consultation = get_object_or_404(self.consultations().listed(), pk=self.kwargs["pk"])
        return self._consultation

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["consultation"] = self.consultation
        return context


class ConsultationDetailView(ConsultationView, TemplateView):
    page_cache = True
    permission_required = "consultations.view_consultation"
    template_name = "consultations/detail.html"

    def history(self) -> list[dict[str, Any]]:
        """Every revision; another forum's edits name neither that forum nor the editor."""
        authors = self.request.user.has_perm("consultations.view_revision_authors", self.forum)
        lines = []
        revisions = ConsultationRevision.objects.filter(consultation=self.consultation).select_related("actor")
        for revision in revisions.order_by("-number"):
            if revision.forum_id == self.forum.pk:
                where = _("this forum")
                who = str(revision.actor) if authors and revision.actor is not None else ""
            elif revision.forum_id is None:
                where, who = _("not through a forum of this site"), ""
            else:
                where, who = _("another forum"), ""
            lines.append(
                {
                    "number": revision.number,
                    "at": revision.at,
                    "where": where,
                    "who": who,
                    "changed": revision.changed_labels,
                    "message": revision.message,
                }
            )
        return lines

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        c = self.consultation
        response = None
        if self.request.user.has_perm("consultations.view_response", self.forum):
            response = (
                ConsultationResponse.objects.filter(forum=self.forum, consultation=c)
                .select_related("person_in_charge")
                .first()
            )
            context["response_visible"] = True
        context.update(
            questions=list(c.questions.all()),
            documents=list(c.documents.all()),
            history=self.history(),
            response=response,
            days_left=c.days_left(),
        )
        return context


class ConsultationCreateView(ConsultationsView, FormView[ConsultationForm]):
    permission_required = "consultations.add_consultation"
    template_name = "consultations/form.html"
    form_class = ConsultationForm

    def get_initial(self) -> dict[str, Any]:
        return {"timezone": self.forum.timezone}

    def form_valid(self, form: ConsultationForm) -> HttpResponse:
        data = form.cleaned_data
        fields = {name: data.get(name) for name in ConsultationForm.Meta.fields if data.get(name) is not None}
        try:
            consultation = create_consultation(
                self.forum, self.request.user, message=data.get("message", ""), **form.lists, **fields
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        consultation.forum_slug = self.forum.slug  # type: ignore[attr-defined]
        messages.success(self.request, _("%(title)s was added.") % {"title": consultation})
        return HttpResponseRedirect(consultation.urls.detail)


class ConsultationUpdateView(ConsultationView, FormView[ConsultationForm]):
    permission_required = "consultations.change_consultation"
    template_name = "consultations/form.html"
    form_class = ConsultationForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.consultation}

    def form_valid(self, form: ConsultationForm) -> HttpResponse:
        consultation: Consultation = form.save(commit=False)
        try:
            changed = update_consultation(
                consultation,
                form.loaded_version,
                self.forum,
                self.request.user,
                message=form.cleaned_data.get("message", ""),
                **form.lists,
            )
        except EditConflictError as conflict:
            form.show_conflict(conflict.current)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved.") if changed else _("Nothing was changed."))
        return HttpResponseRedirect(consultation.urls.detail)


class ResponseUpdateView(ConsultationView, FormView[ResponseForm]):
    permission_required = "consultations.change_response"
    template_name = "consultations/response_form.html"
    form_class = ResponseForm

    def get_form_kwargs(self) -> dict[str, Any]:
        response = response_of(self.forum, self.consultation)
        return {**super().get_form_kwargs(), "instance": response, "forum": self.forum}

    def form_valid(self, form: ResponseForm) -> HttpResponse:
        response = form.instance
        try:
            changed = save_response(
                response,
                form.cleaned_data.get("version"),
                self.request.user,
                proof=form.cleaned_data.get("proof"),
                remove_proof=form.cleaned_data.get("remove_proof", False),
            )
        except EditConflictError:
            form.add_error(None, _("Someone saved this response after you opened it. Reload the page and try again."))
            return self.render_to_response(self.get_context_data(form=form), status=409)
        except ConsultationError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("Saved.") if changed else _("Nothing was changed."))
        return HttpResponseRedirect(self.consultation.urls.detail)


class ProofFileView(ConsultationView, View):
    permission_required = "consultations.view_response"

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = ConsultationResponse.objects.filter(forum=self.forum, consultation_id=kwargs["pk"]).first()
        if response is None or not response.proof_file:
            raise Http404("No proof file")
        return file_response(response.proof_file, response.proof_name or "proof", content_type=response.proof_type)


RADAR_DEFAULT, RADAR_MAX = 30, 365


class RadarView(ConsultationsView, TemplateView):
    """Consultations closing and international events starting in the next ``?days=`` days."""

    permission_required = "consultations.view_radar"
    template_name = "consultations/radar.html"

    def days(self) -> int:
        try:
            days = int(self.request.GET.get("days", RADAR_DEFAULT))
        except ValueError:
            return RADAR_DEFAULT
        return min(max(days, 1), RADAR_MAX)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        days, now = self.days(), timezone.now()
        today = timezone.localdate()
        closing = consultations_closing(days, now, self.forum)
        context.update(
            days=days,
            consultations=_rows(closing, self.forum, self.responses()),
            events=linked(events_starting(days, today), self.forum),
            choices=[7, 14, 30, 90, 365],
        )
        return context
