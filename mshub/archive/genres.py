"""Which kind of document is this? Scored by the markers each genre carries, with a confidence."""

from __future__ import annotations

import re
from typing import Literal, TypeGuard, get_args

from django.db import models
from django.utils.translation import gettext_lazy as _

from mshub.core.text import narrow

# The genre as the JSON record keeps it (``parsed.ParsedRecord.genre``), and as choices with labels.
GenreCode = Literal["meeting_report", "steering_memo", "trend_briefing", "other"]
GENRES: tuple[GenreCode, ...] = get_args(GenreCode)


class Genre(models.TextChoices):
    MEETING_REPORT = "meeting_report", _("Meeting report")
    STEERING_MEMO = "steering_memo", _("Steering memo")
    TREND_BRIEFING = "trend_briefing", _("Trend briefing")
    OTHER = "other", _("Other document")


STORABLE: tuple[GenreCode, ...] = ("meeting_report", "steering_memo")  # they become meetings


def is_genre(value: object) -> TypeGuard[GenreCode]:
    return value in GENRES


# (pattern, weight) per genre; matched on the width-normalised text.
MARKERS: dict[GenreCode, list[tuple[str, float]]] = {
    "meeting_report": [
        (r"第\s*\d+\s*回.{0,40}(レポート|報告書|議事録)", 3),
        (r"会場参加者数|遠隔参加者数|参加者数|視聴者数", 3),
        (r"質疑応答", 2),
        (r"^\s*[QAC]\s*[.．:]", 1),
        (r"アジェンダ|議題", 1),
        (r"所属は当時|発表者敬称略", 2),
        (r"より(報告|発表|説明)があった|講演|登壇", 1),
    ],
    "steering_memo": [
        (r"考える会|運営委員会|ステアリング|企画するための会合", 2),
        (r"出席者|参加者\s*[:(]", 2),
        (r"配布資料|配付資料|資料\s*\d|^\s*(?:[A-Z][.)]\s*)?資料\s*[:：]?\s*$", 2),
        (r"決定事項|結論", 2),
        (r"今後の対応|ToDo|アクション|対応事項", 2),
        (r"^\s*事務局\s*[(:]", 3),
        (r"アンケート", 1),
        (r"メモ|議事メモ", 1),
        (r"^\s*(→|⇒)", 1),
        (r"[(（]記[)）]", 2),
        (r"開催場所|開催日時", 1),
    ],
    "trend_briefing": [
        (r"動向", 3),
        (r"意見募集|パブリックコメント|Public Comment", 2),
        (r"締切|締め切り|deadline", 1),
        (r"https?://", 1),
        (r"イベント|会合予定|開催予定", 1),
        (r"IoT|セキュリティ|プライバシー", 1),
    ],
}
# What the first lines (the title) say weighs more than a word somewhere in the text: a memo lists
# “第10回IGCJレポート案” among its materials, a report mentions the steering group.
TITLES: dict[GenreCode, str] = {
    "meeting_report": (
        r"第\s*\d+\s*回.{0,40}(レポート|報告書|議事録|議事概要)|報告会.{0,12}(レポート|要約|報告)|セッション要約"
    ),
    "steering_memo": r"ミーティングメモ|議事メモ|考える会.{0,12}(メモ|議事)|運営委員会|打合せ|打ち合わせ",
    "trend_briefing": r"動向|ブリーフィング|トピックス",
}
TITLE_WEIGHT = 0.45
ENOUGH = 12  # this much marker weight is full evidence, however many markers a genre lists


def detect(text: str) -> tuple[GenreCode, float]:
    """The likeliest genre and a confidence between 0 and 1."""
    sample = narrow(text[:60_000])
    head = "\n".join([ln for ln in sample.splitlines() if ln.strip()][:3])
    scores: dict[GenreCode, float] = {}
    for genre, markers in MARKERS.items():
        total = min(ENOUGH, sum(weight for _, weight in markers))
        got = sum(weight for pattern, weight in markers if re.search(pattern, sample, re.M | re.I))
        scores[genre] = min(1.0, got / total) + (TITLE_WEIGHT if re.search(TITLES[genre], head) else 0.0)
    genre = max(scores, key=lambda g: scores[g])
    best = scores[genre]
    runner_up = max((s for g, s in scores.items() if g != genre), default=0.0)
    if best < 0.5:
        return "other", round(1 - best, 2)
    confidence = min(1.0, best * 0.7 + (best - runner_up) * 0.6)
    return genre, round(max(confidence, 0.05), 2)
