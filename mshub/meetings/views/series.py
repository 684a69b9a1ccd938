"""The secretariat's series screens: create a series, edit its names, defaults and visibility."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from mshub.core.models.events import record
from mshub.core.views.base import ForumView
from mshub.meetings.forms import SeriesForm
from mshub.meetings.models import MeetingSeries
from mshub.meetings.views.base import SeriesView


class SeriesCreateView(ForumView, FormView[SeriesForm]):
    permission_required = "meetings.change_series"
    template_name = "meetings/series_form.html"
    form_class = SeriesForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": MeetingSeries(forum=self.forum)}

    def form_valid(self, form: SeriesForm) -> HttpResponse:
        try:
            with transaction.atomic():
                series = form.save()
        except IntegrityError:  # a series with this short name was created meanwhile
            form.add_error("slug", _("This short name is taken in this forum."))
            return self.form_invalid(form)
        record(self.forum, self.request.user, "series.created", series)
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(series.get_absolute_url())


class SeriesUpdateView(SeriesView, FormView[SeriesForm]):
    permission_required = "meetings.change_series"
    template_name = "meetings/series_form.html"
    form_class = SeriesForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.series}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "series": self.series}

    def form_valid(self, form: SeriesForm) -> HttpResponse:
        series = form.save()
        record(self.forum, self.request.user, "series.changed", series, fields=sorted(form.changed_data))
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(series.get_absolute_url())
