"""The secretariat's archive screens: upload a batch, watch it being parsed, review and store each file."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from mshub.archive.forms import UploadForm
from mshub.archive.models import ArchiveDocument, ImportBatch, ImportItem
from mshub.archive.provenance import provenance
from mshub.archive.publish import publish_batch, unpublished_meetings
from mshub.archive.review import ReviewForms
from mshub.archive.store import StoreError, remove_document, store_item
from mshub.archive.tasks import queue_batch
from mshub.core.files import file_response
from mshub.core.views.base import ForumView


class ArchiveIndexView(ForumView, FormView[UploadForm]):
    permission_required = "archive.import_documents"
    template_name = "archive/index.html"
    form_class = UploadForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["batches"] = ImportBatch.objects.filter(forum=self.forum).select_related("forum")[:20]
        documents = ArchiveDocument.objects.filter(forum=self.forum).select_related(
            "forum", "meeting__series", "meeting__forum"
        )
        page = Paginator(documents, 50).get_page(self.request.GET.get("page"))
        context.update(
            documents=page.object_list, page_obj=page, paginator=page.paginator, is_paginated=page.has_other_pages()
        )
        return context

    def form_valid(self, form: UploadForm) -> HttpResponse:
        batch = queue_batch(self.forum, self.request.user, form.cleaned_data["genre"], form.cleaned_data["documents"])
        return HttpResponseRedirect(batch.urls.batch)


class BatchView(ForumView, TemplateView):
    """Progress of a batch; htmx refreshes it every two seconds while files are queued."""

    permission_required = "archive.import_documents"
    template_name = "archive/batch.html"

    def get_template_names(self) -> list[str]:
        return ["archive/_batch_items.html"] if self.forum_request.htmx else [self.template_name]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        batch = get_object_or_404(ImportBatch.objects.select_related("forum"), forum=self.forum, pk=self.kwargs["pk"])
        items = list(batch.items.all().only("pk", "name", "status", "error", "batch_id", "document_id"))
        done = sum(1 for i in items if i.status != ImportItem.Status.QUEUED)
        context.update(batch=batch, batch_items=items, done=done, total=len(items), running=done < len(items))
        context["unpublished"] = unpublished_meetings(batch).count()
        return context


class BatchPublishView(ForumView, View):
    """Publish every meeting a batch made, at once (they are stored unpublished)."""

    permission_required = "archive.import_documents"

    def batch(self) -> ImportBatch:
        return get_object_or_404(ImportBatch.objects.select_related("forum"), forum=self.forum, pk=self.kwargs["pk"])

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """POST only; another forum's batch is not found either way."""
        self.batch()
        return self.http_method_not_allowed(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        batch = self.batch()
        count = publish_batch(batch, actor=request.user)
        messages.success(request, _("%(n)s meeting(s) of this upload are now public.") % {"n": count})
        return HttpResponseRedirect(batch.urls.batch)


class ReviewView(ForumView, TemplateView):
    """The parsed result beside the source text: correct the facts, the agenda and its minutes, each
    presenter's registry match and a memo's lists, then store."""

    permission_required = "archive.import_documents"
    template_name = "archive/review.html"

    def item(self) -> ImportItem:
        return get_object_or_404(
            ImportItem.objects.select_related("batch__forum"), batch__forum=self.forum, pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        item = kwargs.get("item") or self.item()
        forms = kwargs.get("forms") or ReviewForms.build(item.record, self.forum)
        context.update(item=item, forms=forms, pages=item.text.split("\f") if item.text else [])
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        item = self.item()
        if item.status != ImportItem.Status.PARSED:
            messages.error(
                request, _("This file cannot be stored (%(status)s).") % {"status": item.get_status_display()}
            )
            return HttpResponseRedirect(item.batch.urls.batch)
        forms = ReviewForms.build(item.record, self.forum, request.POST)
        if not forms.is_valid():
            return self.render_to_response(self.get_context_data(item=item, forms=forms), status=400)
        record = forms.apply(item.record)
        destination = forms.destination()
        try:
            document = store_item(
                item,
                record,
                actor=request.user,
                series_slug=destination["series_slug"],
                new_series=destination["new_series"],
                overwrite=forms.facts.cleaned_data.get("overwrite") or False,
            )
        except StoreError as exc:
            forms.facts.add_error(None, exc.localized())
            return self.render_to_response(self.get_context_data(item=item, forms=forms), status=400)
        messages.success(request, _("%(name)s was stored.") % {"name": item.name})
        return HttpResponseRedirect(document.get_absolute_url())


class DocumentView(ForumView, TemplateView):
    """A stored document: what was made of it, each record with the page it came from, and the text
    by page."""

    permission_required = "archive.import_documents"
    template_name = "archive/document.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        document = get_object_or_404(
            ArchiveDocument.objects.select_related("forum", "meeting__series", "meeting__forum", "imported_by"),
            forum=self.forum,
            pk=self.kwargs["pk"],
        )
        context.update(document=document, links=provenance(document), pages=document.page_texts())
        return context


class DocumentRemoveView(ForumView, TemplateView):
    """Undo an import, after a confirmation."""

    permission_required = "archive.import_documents"
    template_name = "archive/document_remove.html"

    def document(self) -> ArchiveDocument:
        return get_object_or_404(
            ArchiveDocument.objects.select_related("forum", "meeting__series"), forum=self.forum, pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(document=self.document(), **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        document = self.document()
        name = document.name
        if remove_document(document, actor=request.user):
            messages.success(request, _("%(name)s and the meeting made from it were removed.") % {"name": name})
        else:
            messages.success(request, _("%(name)s was removed; its meeting stays.") % {"name": name})
        return HttpResponseRedirect(reverse("archive:index", kwargs={"forum": self.forum.slug}))


class DocumentFileView(ForumView, View):
    """The original file, as uploaded."""

    permission_required = "archive.import_documents"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        document = get_object_or_404(ArchiveDocument, forum=self.forum, pk=self.kwargs["pk"])
        if not document.file:
            raise Http404(_("The original file was not kept."))
        # A third-party file (a PDF may carry scripts): downloaded, never shown on the forum's origin.
        return file_response(document.file, document.name, as_attachment=True, sandbox=True)
