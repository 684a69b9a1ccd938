"""Topic suggestions against a labelled set: precision, recall and F1 at top-k, and the time per text.

    .venv/bin/python bench/suggestions.py [--set labelled|heldout|both] [--data FILE] [--show-misses]

Builds a throw-away SQLite database with one forum and the seeded taxonomy (mshub/topics/taxonomy.py),
runs ``mshub.topics.suggestions.suggest`` over each text of a labelled set (one JSON object a line:
``text``, ``lang`` — ja, en or mixed — and ``topics``, the codes a secretariat would tag), and prints
micro and macro (over topics) precision, recall and F1 at k = 3 and at the default limit, overall and
per language, then the median and worst time per text. Two sets, each printed on its own (``--set
both``, the default): ``labelled`` (bench/data/labelled_topics.jsonl, also used to grow the seed's
synonyms, so optimistic) and ``heldout`` (bench/data/heldout_topics.jsonl, written and labelled before
the suggester was ever run on it; never tune synonyms on it). ``--data`` reads another file instead.
Prints numbers; asserts nothing (tests/topics/test_suggestions.py and test_heldout.py hold the floors).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench" / "data" / "labelled_topics.jsonl"
HELDOUT = ROOT / "bench" / "data" / "heldout_topics.jsonl"
SETS = {"labelled": DATA, "heldout": HELDOUT}


def load(path: Path = DATA) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def scores(rows: Iterable[dict[str, Any]], predict: Callable[[str], list[str]]) -> dict[str, float]:
    """Micro and macro precision / recall / F1 of ``predict`` (text → codes) against the labels."""
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    for row in rows:
        expected, got = set(row["topics"]), set(predict(row["text"]))
        for code in got & expected:
            tp[code] += 1
        for code in got - expected:
            fp[code] += 1
        for code in expected - got:
            fn[code] += 1
    codes = set(tp) | set(fp) | set(fn)
    p, r = _ratio(sum(tp.values()), sum(fp.values())), _ratio(sum(tp.values()), sum(fn.values()))
    macro_p = statistics.mean(_ratio(tp[c], fp[c]) for c in codes) if codes else 1.0
    macro_r = statistics.mean(_ratio(tp[c], fn[c]) for c in codes) if codes else 1.0
    return {
        "precision": p,
        "recall": r,
        "f1": _f1(p, r),
        "macro_precision": macro_p,
        "macro_recall": macro_r,
        "macro_f1": _f1(macro_p, macro_r),
    }


def _ratio(hit: int, miss: int) -> float:
    return hit / (hit + miss) if hit + miss else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def setup() -> Any:
    var = tempfile.mkdtemp(prefix="mshub-bench-")
    os.makedirs(Path(var) / "static")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "mshub.settings.test",
            "MSHUB_VAR_DIR": var,
            "DATABASE_URL": f"sqlite:///{var}/bench.sqlite3",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from mshub.topics.models import Topic
    from mshub.topics.taxonomy import seed_topics
    from tests.factories import ForumFactory

    forum = ForumFactory(slug="bench")
    seed_topics(forum.pk, Topic)  # a no-op when the area's on_forum_create already seeded it
    return forum


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=[*SETS, "both"], default="both", help="which labelled set to run")
    parser.add_argument("--data", type=Path, help="another labelled file (instead of --set)")
    parser.add_argument("--show-misses", action="store_true", help="print each text whose suggestions differ")
    args = parser.parse_args()
    chosen = SETS if args.set == "both" else {args.set: SETS[args.set]}
    if args.data:
        chosen = {args.data.stem: args.data}
    forum = setup()
    from mshub.topics import suggestions

    suggestions.suggest(forum, "warm-up: 辞書を読み込む")  # the dictionary loads once per process
    everything: list[dict[str, Any]] = []
    for name, path in chosen.items():
        rows = load(path)
        everything += rows
        report(forum, name, rows, show_misses=args.show_misses)
        print()
    long_text = "\n\n".join(row["text"] for row in everything) * 20
    start = time.perf_counter()
    suggestions.suggest(forum, long_text)
    elapsed = (time.perf_counter() - start) * 1000
    print(f"one long text ({len(long_text):,} characters, read up to the cap): {elapsed:.0f} ms")


def report(forum: Any, name: str, rows: list[dict[str, Any]], *, show_misses: bool = False) -> None:
    """Print the table of one set: micro and macro P / R / F1 at k = 3 and the default, per language."""
    from mshub.topics import suggestions

    timings: list[float] = []
    results: dict[str, list[str]] = {}
    for row in rows:
        start = time.perf_counter()
        results[row["text"]] = [s.code for s in suggestions.suggest(forum, row["text"])]
        timings.append(time.perf_counter() - start)

    default = suggestions.suggest.__kwdefaults__["limit"]  # type: ignore[index]
    langs = sorted({row["lang"] for row in rows})
    per_lang = ", ".join(f"{lang} {sum(r['lang'] == lang for r in rows)}" for lang in langs)
    print(f"Topic suggestions, {name} set: {len(rows)} texts ({per_lang})")
    print(f"{'set':<8} {'k':>2}  {'P':>5} {'R':>5} {'F1':>5}  {'macro P':>7} {'macro R':>7} {'macro F1':>8}")
    for k in (3, default):
        for lang in ["all", *langs]:
            subset = [r for r in rows if lang in ("all", r["lang"])]
            m = scores(subset, lambda text, k=k: results[text][:k])  # type: ignore[misc]
            print(
                f"{lang:<8} {k:>2}  {m['precision']:5.2f} {m['recall']:5.2f} {m['f1']:5.2f}  "
                f"{m['macro_precision']:7.2f} {m['macro_recall']:7.2f} {m['macro_f1']:8.2f}"
            )
    print(f"time per text: median {statistics.median(timings) * 1000:.2f} ms, worst {max(timings) * 1000:.2f} ms")
    if show_misses:
        for row in rows:
            if set(results[row["text"]]) != set(row["topics"]):
                print(f"  {row['text'][:70]!r}: expected {sorted(row['topics'])}, got {results[row['text']]}")


if __name__ == "__main__":
    main()
