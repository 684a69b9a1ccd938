"""Briefing pages: the list, a new briefing, one briefing with its versions, and its renders."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from mshub.briefings import builder, publishing
from mshub.briefings.audience import visible_to
from mshub.briefings.content import briefing_content, changes
from mshub.briefings.forms import AttachForm, BriefingForm
from mshub.briefings.models import Audience, Briefing, BriefingVersion
from mshub.briefings.render import deck_context
from mshub.briefings.views.base import BriefingView
from mshub.core.files import file_response
from mshub.core.views.base import ForumView

PDF_RETRY_SECONDS = 5


class BriefingListView(ForumView, TemplateView):
    permission_required = "briefings.view_briefings"
    template_name = "briefings/list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        briefings = visible_to(Briefing.objects.of(self.forum).select_related("forum"), self.request.user, self.forum)
        can_build = self.request.user.has_perm("briefings.build_briefing", self.forum)
        context.update(briefings=list(briefings), can_build=can_build)
        return context


class BriefingCreateView(ForumView, FormView[BriefingForm]):
    permission_required = "briefings.build_briefing"
    template_name = "briefings/form.html"
    form_class = BriefingForm

    def form_valid(self, form: BriefingForm) -> HttpResponse:
        try:
            briefing = builder.create_briefing(self.forum, self.request.user, **form.cleaned_data)
        except builder.BriefingError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        return HttpResponseRedirect(briefing.urls.builder)


class BriefingDetailView(BriefingView, TemplateView):
    permission_required = "briefings.view_briefing"
    template_name = "briefings/detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        versions = list(self.briefing.versions.select_related("author").order_by("-number"))
        for v in versions:
            v.briefing = self.briefing  # the urls need no query
        context.update(versions=versions, latest=versions[0] if versions else None)
        return context


class VersionListView(BriefingDetailView):
    template_name = "briefings/versions.html"


class VersionView(BriefingView, TemplateView):
    permission_required = "briefings.view_briefing"
    template_name = "briefings/version.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        version = self.version()
        assert version is not None  # a version's address: 404 if none
        previous = self.briefing.versions.filter(number__lt=version.number).order_by("-number").first()
        context.update(
            version=version,
            previous=previous,
            changes=changes(previous.content if previous else None, version.content),
            **deck_context(version.content),
        )
        return context


class InDeckLanguage(TemplateView):
    """The deck's own words ("Open consultations") in the briefing's language, whatever the reader's."""

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        response = super().render_to_response(context, **kwargs)
        with translation.override(context["language"]):
            response.render()  # type: ignore[attr-defined]
        return response


class SlidesView(BriefingView, InDeckLanguage):
    """The deck: a version's (the latest by default); the secretariat sees the draft before the first."""

    permission_required = "briefings.view_briefing"
    template_name = "briefings/slides.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        version = self.version()
        if version is not None:
            content = version.content
        elif context["can_build"] and "version" not in self.kwargs:
            content = briefing_content(self.briefing)
        else:
            raise Http404("Not published")
        context.update(version=version, **deck_context(content))
        return context


class MarkdownView(BriefingView, View):
    permission_required = "briefings.view_briefing"

    def published(self) -> BriefingVersion:
        version = self.version()
        if version is None:
            raise Http404("Not published")
        version.briefing = self.briefing
        return version

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        version = self.published()
        response = HttpResponse(version.markdown, content_type="text/markdown; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{publishing.file_stem(version)}.md"'
        return response


class PdfView(MarkdownView):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:  # type: ignore[override]
        version = self.published()
        name = f"{publishing.file_stem(version)}.pdf"
        if version.pdf:
            private = not (self.forum.is_public and self.briefing.audience == Audience.PUBLIC)
            return file_response(
                version.pdf, name, content_type="application/pdf", as_attachment=False, sandbox=False, private=private
            )
        publishing.queue_pdf(version)  # never rendered in the reader's request
        response = render(
            request,
            "briefings/pdf_pending.html",
            {"briefing": self.briefing, "version": version, "forum": self.forum},
            status=503,
        )
        response["Retry-After"] = str(PDF_RETRY_SECONDS)
        return response


class PublishView(BriefingView, View):
    permission_required = "briefings.build_briefing"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            version = publishing.publish(self.briefing, request.user, request.POST.get("message", "")[:300])
        except builder.BriefingError as error:
            messages.error(request, _("Not published: %(reason)s") % {"reason": error})
            return HttpResponseRedirect(self.briefing.urls.builder)
        messages.success(request, _("Published as version %(v)s.") % {"v": version.number})
        return HttpResponseRedirect(self.briefing.urls.detail)


class AttachView(BriefingView, FormView[AttachForm]):
    """Attach the latest version to an agenda item of one of the forum's meetings."""

    permission_required = "briefings.build_briefing"
    template_name = "briefings/attach.html"
    form_class = AttachForm

    def items(self) -> Any:
        from mshub.meetings.models import AgendaItem

        return (
            AgendaItem.objects.filter(meeting__forum=self.forum)
            .select_related("meeting__series", "meeting__forum")
            .order_by("-meeting__start", "position", "pk")
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["items"] = self.items()
        if self.briefing.agenda_item_id:
            kwargs.setdefault("initial", {})["item"] = self.briefing.agenda_item_id
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["version"] = self.version()
        return context

    def form_valid(self, form: AttachForm) -> HttpResponse:
        version = self.version()
        if version is None:
            form.add_error(None, _("Publish the briefing first."))
            return self.form_invalid(form)
        version.briefing = self.briefing
        item = form.cleaned_data["item"]
        try:
            publishing.attach_to_agenda_item(version, item, form.cleaned_data["mode"], self.request.user)
        except builder.BriefingError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Attached to the agenda item."))
        return HttpResponseRedirect(item.meeting.urls.meeting)
