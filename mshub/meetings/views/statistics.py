"""Participation statistics: tables, a chart, and the CSV an NRI sends to the global IGF."""

from __future__ import annotations

import csv
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.generic import TemplateView, View

from mshub.core.views.base import ForumView
from mshub.meetings.models import Meeting
from mshub.meetings.services.statistics import csv_rows, meeting_stats, presenters_by_group, vocabulary, yearly

CHART_COLORS = ["#1d4f91", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b7950b", "#555"]


class StatisticsMixin(ForumView):
    permission_required = "meetings.view_statistics"

    def meetings(self) -> Any:
        """Meetings that took place (held, or reported), of the series that have participants."""
        qs = Meeting.objects.took_place().filter(forum=self.forum, series__is_steering=False)
        series = self.request.GET.get("series")
        return qs.filter(series__slug=series) if series else qs


class StatisticsView(StatisticsMixin, TemplateView):
    template_name = "meetings/statistics.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        rows = meeting_stats(self.meetings())
        vocab = vocabulary(self.forum)
        years = yearly(rows)
        groups = vocab["groups"]
        context.update(
            rows=rows,
            years=sorted(years.items()),
            groups=groups,
            genders=vocab["genders"],
            presenters=sorted(presenters_by_group(self.meetings()).items()),
            chart=self.chart(years, groups),
        )
        return context

    def chart(self, years: dict[int, Any], groups: list[Any]) -> dict[str, Any]:
        """Stacked bars per year by stakeholder group, laid out for an inline SVG."""
        peak = max((y.total for y in years.values()), default=0) or 1
        bar_w, gap, height = 48, 24, 200
        bars = []
        for i, (year, stats) in enumerate(sorted(years.items())):
            y = height
            segments = []
            for j, g in enumerate(groups):
                n = stats.by_group.get(g.code, 0)
                h = round(n / peak * (height - 20))
                if n:
                    y -= h
                    segments.append(
                        {"y": y, "h": h, "color": CHART_COLORS[j % len(CHART_COLORS)], "n": n, "label": g.name}
                    )
            bars.append(
                {"x": 40 + i * (bar_w + gap), "w": bar_w, "year": year, "total": stats.total, "segments": segments}
            )
        legend = [{"label": g.name, "color": CHART_COLORS[j % len(CHART_COLORS)]} for j, g in enumerate(groups)]
        return {"bars": bars, "width": 60 + len(bars) * (bar_w + gap), "height": height, "legend": legend}


class StatisticsCsvView(StatisticsMixin, View):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        rows = csv_rows(meeting_stats(self.meetings()), vocabulary(self.forum)["genders"])
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.forum.slug}-participation.csv"'
        response.write("\ufeff")  # so that spreadsheet software reads UTF-8 Japanese correctly
        csv.writer(response).writerows(rows)
        return response
