"""Which kind of document is this? Scored by the markers each genre carries, with a confidence."""

from __future__ import annotations

import re

from mshub.archive.normalize import narrow

GENRES = ("meeting_report", "steering_memo", "trend_briefing", "other")

# (pattern, weight) per genre; matched on the width-normalised text.
MARKERS: dict[str, list[tuple[str, float]]] = {
    "meeting_report": [
        (r"第\s*\d+\s*回.{0,40}(レポート|報告書|議事録)", 3),
        (r"会場参加者数|遠隔参加者数|参加者数", 3),
        (r"質疑応答", 2),
        (r"^\s*[QAC]\s*[.．:]", 1),
        (r"アジェンダ|議題", 1),
        (r"所属は当時", 2),
    ],
    "steering_memo": [
        (r"考える会|運営委員会|ステアリング", 2),
        (r"出席者|参加者\s*[:(]", 2),
        (r"配布資料|資料\s*\d", 2),
        (r"決定事項|結論", 2),
        (r"今後の対応|ToDo|アクション", 2),
        (r"アンケート", 1),
        (r"メモ|議事メモ", 1),
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


def detect(text: str) -> tuple[str, float]:
    """The likeliest genre and a confidence between 0 and 1."""
    sample = narrow(text[:60_000])
    scores: dict[str, float] = {}
    for genre, markers in MARKERS.items():
        total = sum(weight for _, weight in markers)
        got = sum(weight for pattern, weight in markers if re.search(pattern, sample, re.M | re.I))
        scores[genre] = got / total
    genre = max(scores, key=lambda g: scores[g])
    best = scores[genre]
    runner_up = max((s for g, s in scores.items() if g != genre), default=0.0)
    if best < 0.5:
        return "other", round(1 - best, 2)
    confidence = min(1.0, best * 0.7 + (best - runner_up) * 0.6)
    return genre, round(max(confidence, 0.05), 2)
