"""Editing the agenda and the minutes: items, order, presenters, Q/A/C entries."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mshub.core.concurrency import EditConflictError
from mshub.core.params import id_param
from mshub.meetings.forms import AgendaItemForm, InterventionForm, NewItemForm, PresenterForm
from mshub.meetings.models import AgendaItem, Presenter
from mshub.meetings.services.agenda import (
    add_logged_intervention,
    add_logged_item,
    add_presenter,
    agenda_items,
    agenda_tree,
    delete_item,
    edit_item,
    flatten,
    move_item,
    remove_intervention,
    remove_presenter,
)
from mshub.meetings.services.presenters import NoAddressError, ask_to_confirm
from mshub.meetings.views.base import MeetingView


class AgendaManageView(MeetingView, TemplateView):
    """The agenda as an editable list: add items and sub-items, move them up and down (no JavaScript needed)."""

    permission_required = "meetings.change_meeting"
    template_name = "meetings/agenda_manage.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        items = agenda_items(self.meeting, presenters=True, minutes=True)
        context["agenda"] = flatten(agenda_tree(self.meeting, list(items)))
        context.setdefault("new_form", NewItemForm(meeting=self.meeting))
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        here = self.meeting.urls.agenda
        if "move" in request.POST:
            item = get_object_or_404(AgendaItem, meeting=self.meeting, pk=id_param(request.POST, "item"))
            move_item(item, -1 if request.POST.get("move") == "up" else 1)
            return HttpResponseRedirect(here)
        if "ask" in request.POST:
            presenter = get_object_or_404(Presenter, item__meeting=self.meeting, pk=id_param(request.POST, "ask"))
            try:
                ask_to_confirm(presenter, request.user)
            except NoAddressError:
                messages.error(
                    request,
                    _("%(name)s has no email address in the registry: add one to ask them to confirm.")
                    % {"name": presenter.person.name},
                )
            else:
                messages.success(request, _("Asked %(name)s to confirm.") % {"name": presenter.person.name})
            return HttpResponseRedirect(here)
        if "delete" in request.POST:
            item = get_object_or_404(AgendaItem, meeting=self.meeting, pk=id_param(request.POST, "item"))
            delete_item(item, request.user)
            return HttpResponseRedirect(here)
        form = NewItemForm(request.POST, meeting=self.meeting)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(new_form=form), status=400)
        add_logged_item(
            self.meeting,
            request.user,
            parent=form.cleaned_data["parent"],
            title_ja=form.cleaned_data["title_ja"],
            title_en=form.cleaned_data["title_en"],
        )
        return HttpResponseRedirect(here)


class AgendaItemView(MeetingView, TemplateView):
    """One item: its fields, presenters and the Q/A/C entries of the minutes."""

    permission_required = "meetings.edit_minutes"
    template_name = "meetings/item_manage.html"

    @property
    def item(self) -> AgendaItem:
        return get_object_or_404(self.meeting.agenda_items, pk=self.kwargs["pk"])  # knows its meeting

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        item = kwargs.get("item") or self.item
        interventions = list(item.interventions.select_related("speaker"))
        context.update(
            item=item,
            topic_records=[item, *interventions],  # their topics in one query (topics_tags)
            item_form=kwargs.get("item_form") or AgendaItemForm(instance=item, meeting=self.meeting),
            presenter_form=kwargs.get("presenter_form") or PresenterForm(forum=self.forum),
            intervention_form=kwargs.get("intervention_form") or InterventionForm(forum=self.forum),
            presenters=item.presenters.select_related("person"),
            interventions=interventions,
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        item = self.item
        here = item.urls.item
        action = request.POST.get("action")
        if action == "item":
            form = AgendaItemForm(request.POST, instance=item, meeting=self.meeting)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(item=item, item_form=form), status=400)
            try:
                edit_item(form.save(commit=False), form.loaded_version, request.user)
            except EditConflictError as conflict:
                form.show_conflict(conflict.current)
                return self.render_to_response(self.get_context_data(item=item, item_form=form), status=409)
        elif action == "presenter":
            pform = PresenterForm(request.POST, forum=self.forum)
            if not pform.is_valid():
                return self.render_to_response(self.get_context_data(item=item, presenter_form=pform), status=400)
            add_presenter(item, request.user, **pform.cleaned_data)
        elif action == "remove_presenter":
            remove_presenter(item, id_param(request.POST, "presenter"), request.user)
        elif action == "intervention":
            iform = InterventionForm(request.POST, forum=self.forum)
            if not iform.is_valid():
                return self.render_to_response(self.get_context_data(item=item, intervention_form=iform), status=400)
            add_logged_intervention(item, iform.save(commit=False), request.user)
        elif action == "remove_intervention":
            remove_intervention(item, id_param(request.POST, "intervention"), request.user)
        else:
            messages.error(request, _("Unknown action."))
            return HttpResponseRedirect(here)
        messages.success(request, _("Saved."))
        return HttpResponseRedirect(here)
