"""The published report: HTML page, Markdown, PDF, every version; and publishing it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from mshub.core.files import file_response
from mshub.core.i18n import current_language
from mshub.core.security import nonce_styles
from mshub.meetings.models import ReportVersion
from mshub.meetings.reports.render import render_html, strip_style_attributes
from mshub.meetings.services.publishing import publish_report, queue_pdf
from mshub.meetings.views.base import MeetingView

PDF_RETRY_SECONDS = 5


class ReportMixin(MeetingView):
    page_cache = True  # kept for anonymous readers, validated for all (mshub.core.pagecache)
    permission_required = "meetings.view_report"

    def version(self) -> ReportVersion:
        versions = self.meeting.report_versions.all()
        if "version" in self.kwargs:
            versions = versions.filter(version=self.kwargs["version"])
        wanted = self.request.GET.get("lang") or current_language()
        found = sorted(versions, key=lambda v: (-v.version, v.language != wanted))
        if not found:
            raise Http404("No published report")
        return found[0]


class ReportView(ReportMixin, TemplateView):
    template_name = "meetings/report.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        published = list(self.meeting.report_versions.order_by("-version", "language"))
        if published:
            version = self.version()
            context.update(version=version, body=version.html, versions=published)
        elif self.request.user.has_perm("meetings.publish_report", self.meeting) or self.request.user.has_perm(
            "meetings.edit_minutes", self.meeting
        ):
            context.update(version=None, body=render_html(self.meeting, current_language()), versions=[])
        else:
            raise Http404("No published report")
        # The frame (srcdoc) lives under this page's Content-Security-Policy: its <style> gets the nonce.
        context["body"] = nonce_styles(strip_style_attributes(context["body"]), self.forum_request.csp_nonce)
        context["can_publish"] = self.request.user.has_perm("meetings.publish_report", self.meeting)
        if context["can_publish"]:
            context["pdfs_pending"] = [v for v in published if not v.pdf]
        return context


class ReportMarkdownView(ReportMixin, View):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        version = self.version()
        response = HttpResponse(version.markdown, content_type="text/markdown; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{self._name(version)}.md"'
        return response

    def _name(self, version: ReportVersion) -> str:
        return f"{self.meeting.series.slug}-{self.meeting.number}-v{version.version}-{version.language}"


class ReportPdfView(ReportMarkdownView):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:  # type: ignore[override]
        version = self.version()
        name = f"{self._name(version)}.pdf"
        # Our own rendering (no scripts): shown inline, and not sandboxed (browsers' PDF viewers refuse that).
        options: dict[str, Any] = {"as_attachment": False, "sandbox": False, "private": not self.forum.is_public}
        if version.pdf:
            return file_response(version.pdf, name, content_type="application/pdf", **options)
        # Never rendered inside a reader's request: it is queued (again, if a restart lost it) and
        # the reader is asked to come back in a few seconds.
        queue_pdf(version)
        response = render(
            request, "meetings/report_pdf_pending.html", {"meeting": self.meeting, "version": version}, status=503
        )
        response["Retry-After"] = str(PDF_RETRY_SECONDS)
        return response


class PublishReportView(MeetingView, View):
    permission_required = "meetings.publish_report"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from django.core.exceptions import ValidationError

        try:
            versions = publish_report(self.meeting, actor=request.user, note=request.POST.get("note", "")[:300])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Published as version %(v)s.") % {"v": versions[0].version})
        return HttpResponseRedirect(self.meeting.urls.report)
