"""One event's page (its parts, this forum's presence and report-backs, its history) and the edit forms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from mshub.calendar.forms import EventForm
from mshub.calendar.listing import linked
from mshub.calendar.models import ExternalEvent, ExternalEventRevision, ReportBack
from mshub.calendar.presence import presence_lines
from mshub.calendar.services import create_event, update_event
from mshub.calendar.views.base import CalendarView, EventView
from mshub.core.concurrency import EditConflictError
from mshub.core.pages import url_for_each


@dataclass(frozen=True)
class HistoryLine:
    number: int
    at: Any
    where: str  # "this forum", "another forum", or none (the demo, an import)
    who: str  # the editor, for this forum's own edits and readers allowed to see them
    changed: list[str]  # the fields' labels; none for the first revision
    message: str

    @property
    def created(self) -> bool:
        return self.number == 1


@dataclass(frozen=True)
class ReportBackLine:
    title: str
    url: str  # the meeting's page on this site, or an outside page (``internal`` says which)
    delete_url: str
    internal: bool


class EventDetailView(EventView, TemplateView):
    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    permission_required = "calendar.view_calendar"
    template_name = "calendar/event.html"

    def history(self) -> list[HistoryLine]:
        """Every revision; another forum's edits name neither that forum nor the editor (a forum's
        membership and activity are its own business)."""
        authors = self.request.user.has_perm("calendar.view_revision_authors", self.forum)
        lines = []
        revisions = ExternalEventRevision.objects.filter(event=self.event).select_related("forum", "actor")
        for revision in revisions.order_by("-number"):
            forum = revision.forum
            if forum is not None and forum.pk == self.forum.pk:
                where = _("this forum")
                who = str(revision.actor) if authors and revision.actor is not None else ""
            elif forum is None:
                where, who = _("not through a forum of this site"), ""
            else:
                where, who = _("another forum"), ""
            lines.append(
                HistoryLine(revision.number, revision.at, where, who, revision.changed_labels, revision.message)
            )
        return lines

    def report_backs(self) -> list[ReportBackLine]:
        """This forum's report-backs that the reader may follow: a meeting they may see, or a page."""
        user = self.request.user
        delete_url = url_for_each("calendar:reportback-delete", {"forum": self.forum.slug, "event": self.event.pk})
        rows = ReportBack.objects.filter(forum=self.forum, event=self.event).select_related(
            "meeting__series", "meeting__forum", "agenda_item"
        )
        lines = []
        for row in rows:
            meeting = row.meeting
            if meeting is not None and user.has_perm("meetings.view_meeting", meeting):
                title = row.title or " — ".join(str(p) for p in (meeting, row.agenda_item) if p)
                lines.append(ReportBackLine(title, meeting.get_absolute_url(), delete_url(row.pk), True))
            elif row.url:
                lines.append(ReportBackLine(row.title or row.url, row.url, delete_url(row.pk), False))
        return lines

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        event, user = self.event, self.request.user
        if event.parent is not None:
            event.parent.forum_slug = self.forum.slug  # type: ignore[attr-defined]
        context.update(
            parts=linked(ExternalEvent.objects.filter(parent=event).listed().chronological(), self.forum),
            presence=presence_lines(self.forum, event) if user.has_perm("calendar.view_presence", self.forum) else None,
            report_backs=self.report_backs() if user.has_perm("calendar.view_reportback", self.forum) else [],
            history=self.history(),
        )
        return context


class EventCreateView(CalendarView, FormView[EventForm]):
    permission_required = "calendar.add_event"
    template_name = "calendar/event_form.html"
    form_class = EventForm

    def get_initial(self) -> dict[str, Any]:
        return {"timezone": self.forum.timezone}

    def form_valid(self, form: EventForm) -> HttpResponse:
        data = form.cleaned_data
        fields = {name: data.get(name) for name in EventForm.Meta.fields}
        fields = {name: value for name, value in fields.items() if value is not None}
        try:
            event = create_event(self.forum, self.request.user, message=data.get("message", ""), **fields)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        event.forum_slug = self.forum.slug  # type: ignore[attr-defined]
        messages.success(self.request, _("%(event)s was added to the calendar.") % {"event": event})
        return HttpResponseRedirect(event.urls.event)


class EventUpdateView(EventView, FormView[EventForm]):
    permission_required = "calendar.change_event"
    template_name = "calendar/event_form.html"
    form_class = EventForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.event}

    def form_valid(self, form: EventForm) -> HttpResponse:
        event: ExternalEvent = form.save(commit=False)
        try:
            changed = update_event(
                event, form.loaded_version, self.forum, self.request.user, message=form.cleaned_data.get("message", "")
            )
        except EditConflictError as conflict:
            form.show_conflict(conflict.current)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved.") if changed else _("Nothing was changed."))
        return HttpResponseRedirect(event.urls.event)
