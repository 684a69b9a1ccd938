"""The position papers' text pipeline on a long Japanese paper: how long each step takes.

    make bench-papers        (or: .venv/bin/python bench/papers.py [--paragraphs 300] [--repeat 5])

Builds a paper of ``--paragraphs`` Japanese paragraphs (~100 characters each, headings every ten;
300 paragraphs ≈ 30,000 characters, a long 意見書), then an edited revision (a few characters
changed in every fifth paragraph, one paragraph removed, two added) and a second editor's version of
the first (changes in other paragraphs). Prints, best of ``--repeat``, the milliseconds of:
splitting and anchoring a save (paragraphs.anchor against the previous revision), rendering every
paragraph to safe HTML (paragraphs.render), the side-by-side comparison with character-level marks
(diff.side_by_side), and the three-way merge of a conflicting save (merge.merge). Asserts nothing;
no database.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mshub.settings.test")

import django  # noqa: E402

django.setup()

from mshub.papers import paragraphs  # noqa: E402
from mshub.papers.diff import side_by_side  # noqa: E402
from mshub.papers.merge import merge  # noqa: E402

SENTENCES = [
    "インターネット・ガバナンスは、政府、民間部門、市民社会、技術コミュニティ及び学術界が",
    "それぞれの役割において協力し、透明性と説明責任をもって進められるべきである。",
    "特に途上国の参加を支援し、議論の記録と資料を公開することが重要である。",
    "ドメイン名とIPアドレスの管理は、技術的安定性を損なわない形で行われる必要がある。",
]


def paper(count: int) -> str:
    blocks = []
    for i in range(count):
        if i % 10 == 0:
            blocks.append(f"## 第{i // 10 + 1}節")
        else:
            blocks.append(f"{SENTENCES[i % 4]}{SENTENCES[(i + 1) % 4]}（{i}）")
    return "\n\n".join(blocks) + "\n"


def edited(text: str, step: int, offset: int) -> str:
    blocks = text.strip().split("\n\n")
    for i in range(offset, len(blocks), step):
        if not blocks[i].startswith("#"):
            blocks[i] = blocks[i].replace("重要である", "不可欠である").replace("べきである", "ことが望ましい")
    return "\n\n".join(blocks) + "\n"


def best(repeat: int, step: Callable[[], Any]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        step()
        times.append((time.perf_counter() - started) * 1000)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    base = paper(args.paragraphs)
    first = paragraphs.anchor(base)
    theirs = edited(base, 5, 1)
    blocks = theirs.strip().split("\n\n")
    del blocks[len(blocks) // 2]
    blocks[3:3] = ["新たに追加した段落である。", "もう一つの新しい段落である。"]
    theirs = "\n\n".join(blocks) + "\n"
    mine = edited(base, 7, 3)
    second = paragraphs.anchor(theirs, first)
    kept = len({p["anchor"] for p in first} & {p["anchor"] for p in second})

    print(
        f"paper: {len(first)} paragraphs, {len(base):,} characters; edited: {len(second)} paragraphs, "
        f"{kept} anchors kept"
    )
    rows = [
        ("anchor a save (split + align)", lambda: paragraphs.anchor(theirs, first)),
        ("render every paragraph (markdown-it + nh3)", lambda: [paragraphs.render(p["text"]) for p in second]),
        ("compare side by side (diff-match-patch)", lambda: side_by_side(first, second)),
        ("merge a conflicting save (three-way)", lambda: merge(base, mine, theirs)),
    ]
    for label, step in rows:
        print(f"{label:<46} {best(args.repeat, step):8.1f} ms")
    result = merge(base, mine, theirs)
    print(f"merge: {result.applied} changes applied, {result.failed} not placed")


if __name__ == "__main__":
    main()
