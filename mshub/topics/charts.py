"""Charts the server draws: the layout of a stacked bar chart, written out as SVG by
``topics/trend_chart.html`` (escaped by the template like any page text; no script, no style
attributes). The table under a chart gives the same numbers for screen readers and for print."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

# Okabe & Ito's palette: told apart with the common colour-vision deficiencies.
PALETTE = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"]

LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 48  # margins: the y axis and its label, the years and the x label
PLOT_HEIGHT = 200
BAR_WIDTH, GAP = 36, 16


@dataclass(frozen=True)
class Segment:
    label: Any
    n: int
    y: int
    h: int
    color: str


@dataclass(frozen=True)
class Bar:
    year: int
    total: int
    x: int
    w: int
    segments: list[Segment]

    @property
    def label_x(self) -> float:
        return self.x + self.w / 2


@dataclass(frozen=True)
class Tick:
    value: int
    y: int


@dataclass(frozen=True)
class LegendEntry:
    label: Any
    color: str


@dataclass
class Chart:
    title: str
    desc: str
    x_label: str
    y_label: str
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    legend: list[LegendEntry] = field(default_factory=list)
    width: int = 0
    height: int = TOP + PLOT_HEIGHT + BOTTOM

    @property
    def plot_top(self) -> int:
        return TOP

    @property
    def plot_bottom(self) -> int:
        return TOP + PLOT_HEIGHT

    @property
    def plot_left(self) -> int:
        return LEFT

    @property
    def plot_right(self) -> int:
        return self.width - RIGHT

    @property
    def year_y(self) -> int:
        return TOP + PLOT_HEIGHT + 16

    @property
    def x_label_x(self) -> float:
        return (LEFT + self.width - RIGHT) / 2

    @property
    def x_label_y(self) -> int:
        return self.height - 8

    @property
    def y_label_x(self) -> float:
        return -(TOP + PLOT_HEIGHT / 2)  # rotated by -90°: x runs up the page

    @property
    def y_label_y(self) -> int:
        return 16


def _ticks(peak: int) -> list[Tick]:
    values = sorted({0, math.ceil(peak / 2), peak}) if peak else [0]
    return [Tick(v, TOP + PLOT_HEIGHT - round(v / (peak or 1) * PLOT_HEIGHT)) for v in values]


def stacked_bars(
    *,
    title: str,
    desc: str,
    x_label: str,
    y_label: str,
    years: Sequence[int],
    series: Sequence[tuple[str, Any]],
    value: Callable[[str, int], int],
) -> Chart:
    """One bar per year, stacked by ``series`` (key, label), in that order from the bottom up."""
    totals = {year: sum(value(key, year) for key, _label in series) for year in years}
    peak = max(totals.values(), default=0)
    chart = Chart(title=title, desc=desc, x_label=x_label, y_label=y_label, ticks=_ticks(peak))
    colors = {key: PALETTE[i % len(PALETTE)] for i, (key, _label) in enumerate(series)}
    for i, year in enumerate(years):
        x = LEFT + GAP // 2 + i * (BAR_WIDTH + GAP)
        bottom = TOP + PLOT_HEIGHT
        segments = []
        for key, label in series:
            n = value(key, year)
            if not n:
                continue
            h = max(1, round(n / peak * PLOT_HEIGHT))
            bottom -= h
            segments.append(Segment(label, n, bottom, h, colors[key]))
        chart.bars.append(Bar(year, totals[year], x, BAR_WIDTH, segments))
    chart.width = LEFT + RIGHT + max(1, len(years)) * (BAR_WIDTH + GAP)
    chart.legend = [LegendEntry(label, colors[key]) for key, label in series]
    return chart


def shade(n: int, peak: int, levels: int = 5) -> int:
    """A heat table cell's shade, 0 (none) … ``levels`` (the busiest cell)."""
    if n <= 0 or peak <= 0:
        return 0
    return max(1, min(levels, math.ceil(levels * n / peak)))
