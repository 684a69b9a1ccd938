"""The participants' survey (アンケート): answered through the registrant's personal link."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.db import IntegrityError, models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from mshub.meetings.models import AgendaItem, Meeting, Registration, RegistrationStatus
from mshub.meetings.models.survey import SurveyResponse
from mshub.meetings.services.survey import answer_survey
from mshub.meetings.views.base import MeetingView, RegistrantLinkView

SCALE = [(n, str(n)) for n in range(1, 6)]


class SurveyForm(forms.Form):
    satisfaction = forms.TypedChoiceField(
        label=gettext_lazy("Overall, how satisfied were you? (1 = not at all, 5 = very)"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comments = forms.CharField(label=gettext_lazy("Comments"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    suggestions = forms.CharField(
        label=gettext_lazy("Themes you would like next time"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, items: list[AgendaItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"item_{item.pk}"] = forms.TypedChoiceField(
                label=_("How useful was “%(title)s”?") % {"title": item.title},
                choices=[("", "—"), *SCALE],
                coerce=int,
                required=False,
                empty_value=None,
            )


def survey_items(meeting: Meeting) -> list[AgendaItem]:
    return list(AgendaItem.objects.filter(meeting=meeting, outcome="held").order_by("parent_id", "position", "pk"))


class SurveyView(RegistrantLinkView, TemplateView):
    """Anyone with a registrant's link may answer once for that registration."""

    permission_required = "meetings.register"
    template_name = "meetings/survey.html"

    def registration(self) -> Registration:
        return get_object_or_404(
            Registration, meeting=self.meeting, token=self.kwargs["token"], status=RegistrationStatus.CONFIRMED
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        registration = self.registration()
        context["answered"] = SurveyResponse.objects.filter(registration=registration).exists()
        context["open"] = self.meeting.took_place
        context["form"] = kwargs.get("form") or SurveyForm(items=survey_items(self.meeting))
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        registration = self.registration()
        if not self.meeting.took_place:
            messages.error(request, _("The survey opens after the meeting."))
            return HttpResponseRedirect(self.after())
        form = SurveyForm(request.POST, items=survey_items(self.meeting))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = form.cleaned_data
        try:
            answer_survey(
                self.meeting,
                registration,
                satisfaction=data["satisfaction"],
                comments=data["comments"],
                suggestions=data["suggestions"],
                ratings=[(item, data[f"item_{item.pk}"]) for item in form.items if data.get(f"item_{item.pk}")],
            )
        except IntegrityError:
            messages.info(request, _("You already answered; thank you."))
        else:
            messages.success(request, _("Thank you for answering the survey."))
        return HttpResponseRedirect(self.after())


class SurveyResultsView(MeetingView, TemplateView):
    permission_required = "meetings.view_survey_results"
    template_name = "meetings/survey_results.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        meeting = self.meeting
        responses = SurveyResponse.objects.filter(meeting=meeting)
        summary = responses.aggregate(n=models.Count("pk"), avg=models.Avg("satisfaction"))
        items = (
            AgendaItem.objects.filter(meeting=meeting)
            .annotate(n=models.Count("ratings"), avg=models.Avg("ratings__usefulness"))
            .order_by("parent_id", "position", "pk")
        )
        trend = (
            Meeting.objects.filter(series=meeting.series, survey_responses__isnull=False)
            .annotate(n=models.Count("survey_responses"), avg=models.Avg("survey_responses__satisfaction"))
            .select_related("series", "forum")
            .order_by("start")
        )
        context.update(
            summary=summary,
            items=items,
            trend=trend,
            comments=responses.exclude(comments="", suggestions="").values("comments", "suggestions"),
        )
        return context
