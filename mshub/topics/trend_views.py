"""Topic trends, for the steering group and the secretariat: one topic's records per year by kind
(chart, table, CSV), and "What we talk about", the forum's topics over the years (top topics per
year, topics that dropped out, topics never used, a heat table, CSV). Counts: ``statistics.py``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from mshub.core.csvexport import csv_response
from mshub.core.views.base import ForumView
from mshub.topics import statistics
from mshub.topics.charts import shade, stacked_bars
from mshub.topics.listing import tree_rows
from mshub.topics.models import Topic
from mshub.topics.registry import Taggable
from mshub.topics.views import OneTopic

MIN_YEAR, MAX_YEAR = 1990, 2200
MAX_SPAN = 40  # years in one table


# One topic


class TopicTrendsMixin(OneTopic):
    permission_required = "topics.view_trends"

    def subtopics_included(self) -> bool:
        return self.request.GET.get("subtopics") != "0"

    def figures(self) -> dict[str, Any]:
        """Per kind and year, the records tagged with the topic (and, unless ``?subtopics=0``, with
        the topics under it; each record once)."""
        topics = list(Topic.objects.of(self.forum).only("pk", "parent_id"))
        ids = statistics.subtree(self.topic, topics) if self.subtopics_included() else {self.topic.pk}
        kinds = statistics.kinds()
        counts = statistics.subtree_counts(self.forum, ids, kinds)
        dated = sorted({year for (_kind, year) in counts if year is not None})
        years = list(range(dated[0], dated[-1] + 1)) if dated else []
        rows = [
            (year, [(t.label, counts[(t.kind, year)]) for t in kinds], sum(counts[(t.kind, year)] for t in kinds))
            for year in years
        ]
        undated = [(t.label, counts[(t.kind, None)]) for t in kinds]
        return {
            "kinds": kinds,
            "counts": counts,
            "years": years,
            "rows": rows,
            "undated": undated if any(n for _label, n in undated) else None,
            "has_subtopics": len(ids) > 1 or any(t.parent_id == self.topic.pk for t in topics),
        }


class TopicTrendsView(TopicTrendsMixin, TemplateView):
    template_name = "topics/topic_trends.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        figures = self.figures()
        counts = figures["counts"]
        years = figures["years"]
        title = _("%(topic)s: tagged records per year, by kind") % {"topic": self.topic.name}
        desc = (
            _("Stacked bars, one per year from %(first)s to %(last)s; the table below gives the same numbers.")
            % {"first": years[0], "last": years[-1]}
            if years
            else _("No dated records yet.")
        )
        context.update(
            figures,
            topic=self.topic,
            subtopics=self.subtopics_included(),
            chart=stacked_bars(
                title=title,
                desc=desc,
                x_label=_("Year"),
                y_label=_("Records"),
                years=years,
                series=[(t.kind, t.label) for t in figures["kinds"]],
                value=lambda kind, year: counts[(kind, year)],
            ),
        )
        return context


class TopicTrendsCsvView(TopicTrendsMixin, View):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        figures = self.figures()
        header = [_("year"), *(t.kind for t in figures["kinds"]), _("total")]
        rows: list[list[Any]] = [header]
        for year, cells, total in figures["rows"]:
            rows.append([year, *(n for _label, n in cells), total])
        if figures["undated"]:
            undated = [n for _label, n in figures["undated"]]
            rows.append([_("no date"), *undated, sum(undated)])
        return csv_response(f"{self.forum.slug}-{self.topic.code}-trends.csv", rows)


# The forum's topics over the years


class PeriodForm(forms.Form):
    start = forms.IntegerField(label=gettext_lazy("From year"), min_value=MIN_YEAR, max_value=MAX_YEAR, required=False)
    end = forms.IntegerField(label=gettext_lazy("To year"), min_value=MIN_YEAR, max_value=MAX_YEAR, required=False)
    kinds = forms.MultipleChoiceField(
        label=gettext_lazy("Kinds of record"), required=False, widget=forms.CheckboxSelectMultiple
    )
    quiet = forms.IntegerField(
        label=gettext_lazy("Dropped out: not used in the last … years"),
        min_value=1,
        max_value=10,
        required=False,
        widget=forms.NumberInput(attrs={"placeholder": "2"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kinds"].choices = [(t.kind, t.label) for t in statistics.kinds()]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None:
            if start > end:
                raise forms.ValidationError(_("The period must start before it ends."))
            if end - start >= MAX_SPAN:
                raise forms.ValidationError(_("Choose at most %(n)s years.") % {"n": MAX_SPAN})
        return data


@dataclass(frozen=True)
class HeatRow:
    topic: Topic
    depth: int
    rolled_up: bool  # a heading: its row counts the records under it too
    cells: list[tuple[int, int]]  # (records, shade) per year
    total: int

    @property
    def indent(self) -> str:
        return "— " * self.depth


class OverviewMixin(ForumView):
    permission_required = "topics.view_trends"

    def overview(self) -> dict[str, Any]:
        form = PeriodForm(self.request.GET or None)
        valid = form.is_valid() if form.is_bound else True
        data = form.cleaned_data if form.is_bound and valid else {}
        chosen = data.get("kinds") or None
        kinds: list[Taggable] = statistics.kinds(chosen)
        topics = list(Topic.objects.of(self.forum).select_related("forum"))
        counts = statistics.own_counts(self.forum, kinds)
        this_year = timezone.now().astimezone(statistics.zone_of(self.forum)).year
        with_data = statistics.years_with_data(counts)
        end = data.get("end") or max([this_year, *with_data])
        start = data.get("start") or min([end, *with_data[:1]])
        end = max(start, end)  # a start after this year and no end: that one year
        if end - start >= MAX_SPAN:
            start = end - MAX_SPAN + 1
        years = list(range(start, end + 1))
        quiet = data.get("quiet") or 2
        if not form.is_bound:  # the fields show what the page shows
            form = PeriodForm(initial={"start": start, "end": end, "quiet": quiet})
        matrix = statistics.per_topic_year(counts)
        by_id = {t.pk: t for t in topics}
        names = {t.pk: t.name for t in topics}
        return {
            "form": form,
            "kinds": kinds,
            "topics": topics,
            "counts": counts,
            "matrix": matrix,
            "years": years,
            "start": start,
            "end": end,
            "quiet": quiet,
            "by_id": by_id,
            "top": [
                (year, [(by_id[t], n) for t, n in pairs])
                for year, pairs in statistics.top_per_year(matrix, years, names).items()
            ],
            "dropped": [(by_id[t], last) for t, last in statistics.dropped_out(matrix, start, end, quiet)],
            "never": statistics.never_used([r.topic for r in tree_rows(topics)], counts),
        }


class TrendsOverviewView(OverviewMixin, TemplateView):
    template_name = "topics/trends.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        data = self.overview()
        years, matrix = data["years"], data["matrix"]
        headings = statistics.per_topic_year(statistics.heading_counts(self.forum, data["topics"], data["kinds"]))
        has_children = {t.parent_id for t in data["topics"]}
        rows = []
        for row in tree_rows(data["topics"]):
            rolled = row.depth == 0 and row.topic.pk in has_children
            source = headings if rolled else matrix
            values = [source[(row.topic.pk, year)] for year in years]
            rows.append((row, rolled, values))
        peak = max((v for _row, _rolled, values in rows for v in values), default=0)
        context.update(
            data,
            heat=[
                HeatRow(row.topic, row.depth, rolled, [(v, shade(v, peak)) for v in values], sum(values))
                for row, rolled, values in rows
            ],
            query=self.request.GET.urlencode(),
            zone=statistics.zone_of(self.forum).key,
        )
        return context


class TrendsOverviewCsvView(OverviewMixin, View):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        data = self.overview()
        years, matrix = data["years"], data["matrix"]
        rows: list[list[Any]] = [
            [_("code"), _("name (Japanese)"), _("name (English)"), _("parent"), *years, _("total")]
        ]
        for row in tree_rows(data["topics"]):
            t = row.topic
            values = [matrix[(t.pk, year)] for year in years]
            parent = data["by_id"].get(t.parent_id)
            rows.append([t.code, t.name_ja, t.name_en, parent.code if parent else "", *values, sum(values)])
        return csv_response(f"{self.forum.slug}-topic-trends-{data['start']}-{data['end']}.csv", rows)
