"""The builder page: the proposed sections and entries, arranged by the secretariat.

Every change is a POST of a small form (``action`` names it), so the page works without scripts;
with htmx, the forms swap the sections' part of the page in place (``briefings/builder_sections.html``).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mshub.briefings import builder
from mshub.briefings.content import coming_events, open_consultations
from mshub.briefings.forms import BriefingForm, EntryForm, SectionForm
from mshub.briefings.models import Briefing, BriefingEntry, BriefingSection
from mshub.briefings.views.base import BriefingView
from mshub.core.models.events import record
from mshub.core.params import id_param


class BuilderView(BriefingView, TemplateView):
    permission_required = "briefings.build_briefing"
    template_name = "briefings/builder.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(self.sections_context())
        context.setdefault("form", BriefingForm(instance=self.briefing, prefix="briefing"))
        context.update(
            consultations=open_consultations(self.briefing),
            events=coming_events(self.briefing),
            versions=list(self.briefing.versions.order_by("-number")[:5]),
        )
        return context

    def sections_context(self) -> dict[str, Any]:
        return {
            "briefing": self.briefing,
            "forum": self.forum,
            "sections": builder.sections_with_entries(self.briefing),
        }

    def refused(self, form: Any) -> HttpResponse:
        """A form that only a forged request makes invalid (the page's fields carry their limits):
        nothing is saved, the page says why."""
        problems = "; ".join(f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items())
        messages.error(self.request, _("Not saved: %(problems)s") % {"problems": problems})
        return self.render_to_response(self.get_context_data(), status=400)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        action = request.POST.get("action", "")
        briefing, user = self.briefing, request.user
        if action == "refresh":
            added = builder.refresh(briefing, user)
            messages.success(request, _("%(n)s new items added.") % {"n": added})
        elif action in ("section-up", "section-down"):
            section = get_object_or_404(BriefingSection, briefing=briefing, pk=id_param(request.POST, "section"))
            builder.move_section(section, action.removeprefix("section-"), user)
        elif action in ("entry-up", "entry-down", "exclude", "include", "entry-text"):
            entry = get_object_or_404(
                BriefingEntry.objects.select_related("briefing__forum"),
                briefing=briefing,
                pk=id_param(request.POST, "entry"),
            )
            if action == "entry-text":
                entry_form = EntryForm(request.POST, instance=entry, prefix=f"entry-{entry.pk}")
                if not entry_form.is_valid():
                    return self.refused(entry_form)
                texts = entry_form.cleaned_data
                builder.update_entry_text(entry, texts["override_ja"], texts["override_en"], user)
            elif action in ("exclude", "include"):
                builder.set_included(entry, action == "include", user)
            else:
                builder.move_entry(entry, action.removeprefix("entry-"), user)
        elif action == "section":
            section = get_object_or_404(
                BriefingSection.objects.select_related("briefing__forum"),
                briefing=briefing,
                pk=id_param(request.POST, "section"),
            )
            section_form = SectionForm(request.POST, instance=section, prefix=f"section-{section.pk}")
            if not section_form.is_valid():
                return self.refused(section_form)
            builder.update_section(section, user, **dict(section_form.cleaned_data.items()))
        elif action == "settings":
            settings_form = BriefingForm(request.POST, instance=briefing, prefix="briefing")
            if not settings_form.is_valid():
                return self.render_to_response(self.get_context_data(form=settings_form), status=400)
            saved: Briefing = settings_form.save()
            record(self.forum, user, "briefing.edited", saved)
            messages.success(request, _("Saved."))
        else:
            messages.error(request, _("Unknown action."))
            return HttpResponseRedirect(briefing.urls.builder)
        if self.forum_request.htmx and action != "settings":
            self._object = None  # read again: the order changed
            return render(request, "briefings/builder_sections.html", self.sections_context())
        anchor = f"#section-{request.POST.get('section')}" if action.startswith("section") else ""
        return HttpResponseRedirect(briefing.urls.builder + anchor)
