"""Report PDF render time: cold (the first render in a fresh process) and warm, per language; memory.

    .venv/bin/python bench/report_pdf.py [--renders 5] [--rounds 4] [--items 200] [--var DIR]
                                         [--warm-up] [--profile ja|en|large]

Builds a throw-away SQLite database with two held meetings and publishes their reports (the PDFs are
rendered once while building, as publishing queues them; their pages are counted with pypdf):

- a bilingual meeting whose report is about ten A4 pages: ``--rounds`` times the demo's agenda (six
  items, four sub-items; Japanese and English titles, summaries, presenters with affiliations) with
  every Q/A/C exchange of the demo's minutes, five decisions, five action items and five footnotes;
- the 200-item meeting of bench/forum.py (``large_meeting``: Japanese only, 400 Q/A/C entries).

Each stored report (its frozen HTML, which the background task renders) is then measured in a fresh
Python process, as a worker would render it: Django set up, then the first ``render_pdf`` (cold:
WeasyPrint's import, fontconfig and the fonts it opens), then ``--renders`` more (warm: median wall
and CPU time; the CPU time is the child's own, without the ``gcc``/``ldconfig`` processes that
WeasyPrint's import starts). Memory: the child's own (``RssAnon``: without the mapped font files,
which processes share) after Django's setup, when ready to render, at the end; and its peak RSS.
``--warm-up`` runs ``mshub.meetings.reports.pdf.warm_up()`` (what a worker does before its first
job) in the child before the first render, and reports its own time: the "cold" render is then the
first job's. ``--profile`` prints cProfile's top functions of one cold and the warm renders of that
report. Warm renders alternate faster and slower (Python's collector runs a full collection about
every other one): the median lies between. Prints numbers; asserts nothing. The load average is
printed beside them: the machine is shared.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import pstats
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DOCUMENTS = ("ja", "en", "large")


def _setup(var: str) -> None:
    os.makedirs(Path(var) / "static", exist_ok=True)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="mshub.settings.test",
        MSHUB_VAR_DIR=var,
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{var}/bench.sqlite3",
    )
    import django

    django.setup()


def bilingual_meeting(series, people, start, rounds: int):  # type: ignore[no-untyped-def]
    """The demo's agenda ``rounds`` times over, with every exchange of the demo's minutes."""
    from mshub.meetings.demo import TOPICS
    from mshub.meetings.demo_minutes import EXCHANGES
    from mshub.meetings.models import ActionItem, Decision, Footnote, Intervention, Presenter
    from mshub.meetings.services.agenda import add_item
    from mshub.meetings.services.meetings import change_status, create_meeting

    rng = random.Random(11)
    meeting = create_meeting(
        series,
        start=start,
        end=start + dt.timedelta(hours=3),
        venue_ja="JPNIC 会議室",
        venue_en="JPNIC meeting room",
        title_ja="インターネットガバナンスに関する定例会合",
        title_en="Regular meeting on Internet governance",
    )
    for round_ in range(rounds):
        for title_ja, title_en, subs in TOPICS:
            item = add_item(
                meeting,
                title_ja=f"{title_ja}（{round_ + 1}）",
                title_en=f"{title_en} ({round_ + 1})",
                summary_ja=f"{title_ja}について発表者から説明があった。" * 2,
                summary_en=f"The presenter explained {title_en.lower()}. " * 2,
            )
            targets = [add_item(meeting, parent=item, title_ja=ja, title_en=en) for ja, en in subs] or [item]
            for target in targets:
                Presenter.objects.create(item=target, person=rng.choice(people))
                entries = [e for exchange in EXCHANGES.get(target.title_en, []) for e in exchange]
                Intervention.objects.bulk_create(
                    Intervention(item=target, position=k, kind=kind, text_ja=ja, text_en=en)
                    for k, (kind, ja, en) in enumerate(entries)
                )
    owner = rng.choice(people)
    for n in range(5):
        Decision.objects.create(
            meeting=meeting,
            position=n,
            text_ja=f"第{n + 1}の論点は次回に継続して議論する。",
            text_en=f"Point {n + 1} continues next time.",
        )
        ActionItem.objects.create(
            meeting=meeting, text_ja=f"事務局は資料{n + 1}を共有する。", text_en=f"Share document {n + 1}.", owner=owner
        )
        Footnote.objects.create(
            meeting=meeting,
            mark=n + 1,
            term=f"用語{n + 1}",
            text_ja="特定のサービスの通信量を課金対象外にすること。",
            text_en="Not charging for the data used by particular services.",
        )
    change_status(meeting, "announced")
    change_status(meeting, "held")
    return meeting


def build(rounds: int, items: int) -> dict[str, int]:
    """The two meetings, their reports published; {document: ReportVersion pk}."""
    from django.utils import timezone

    from bench.forum import large_meeting
    from mshub.meetings.models import MeetingSeries
    from mshub.meetings.services.publishing import publish_report
    from tests.factories import AffiliationFactory, ForumFactory, OrganizationFactory, PersonFactory

    forum = ForumFactory(slug="bench")
    series = MeetingSeries.objects.create(forum=forum, slug="regular", name_ja="定例会合", name_en="Regular meeting")
    plenary = MeetingSeries.objects.create(forum=forum, slug="plenary", name_ja="年次総会", name_en="Annual plenary")
    orgs = [OrganizationFactory(forum=forum) for _ in range(40)]
    people = []
    for n in range(max(items, 60)):
        people.append(PersonFactory(forum=forum))
        AffiliationFactory(person=people[-1], organization=orgs[n % len(orgs)], start=dt.date(2010, 1, 1))
    start = timezone.now().replace(hour=1, minute=0, second=0, microsecond=0) - dt.timedelta(days=10)
    meeting = bilingual_meeting(series, people, start, rounds)
    versions = {v.language: v.pk for v in publish_report(meeting)}
    large = large_meeting(plenary, people, start=start - dt.timedelta(days=7), items=items, publish=True)
    versions["large"] = large.report_versions.get(language="ja").pk
    return versions


def pages_of(version_pk: int) -> int:
    from pypdf import PdfReader

    from mshub.meetings.models import ReportVersion

    version = ReportVersion.objects.get(pk=version_pk)
    with version.pdf.open("rb") as f:
        return len(PdfReader(BytesIO(f.read())).pages)


def _memory_mib(field: str = "VmHWM") -> float:
    """This process's peak resident memory (``VmHWM``), or another line of /proc/self/status
    (``RssAnon``: its own memory now, without the mapped font files that processes share).
    ``ru_maxrss`` is only the fallback: it survives ``exec``, so a child started by a big parent
    reports the parent's size."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(next(line for line in status.splitlines() if line.startswith(f"{field}:")).split()[1]) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def child(var: str, version_pk: int, renders: int, warm: bool, profile: bool) -> None:
    """One document in a fresh process: prints one JSON line of figures (or a profile)."""
    _setup(var)
    from mshub.meetings.models import ReportVersion

    html = ReportVersion.objects.get(pk=version_pk).html
    anon_django = _memory_mib("RssAnon")

    def render() -> bytes:
        from mshub.meetings.reports.pdf import render_pdf

        return render_pdf(html)

    warm_up_s = warm_up_cpu = 0.0
    if warm:
        from mshub.meetings.reports.pdf import warm_up

        started, cpu = time.perf_counter(), time.process_time()
        warm_up()
        warm_up_s, warm_up_cpu = time.perf_counter() - started, time.process_time() - cpu
    anon_ready = _memory_mib("RssAnon")
    profiler = cProfile.Profile() if profile else None

    def timed() -> tuple[float, float]:
        started, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        render()
        if profiler:
            profiler.disable()
        return time.perf_counter() - started, time.process_time() - cpu

    cold = timed()
    if profiler:
        print("cProfile of the first render, by cumulative time")
        pstats.Stats(profiler).strip_dirs().sort_stats("cumulative").print_stats(35)
        profiler = cProfile.Profile()
    warm_runs = [timed() for _ in range(renders)]
    if profiler:
        print("cProfile of the warm renders, by own time")
        pstats.Stats(profiler).strip_dirs().sort_stats("tottime").print_stats(35)
        return
    figures = {
        "warm_up_s": warm_up_s,
        "warm_up_cpu": warm_up_cpu,
        "cold_s": cold[0],
        "cold_cpu": cold[1],
        "warm_s": statistics.median(w for w, _ in warm_runs),
        "warm_cpu": statistics.median(c for _, c in warm_runs),
        "warm_best_s": min(w for w, _ in warm_runs),
        "anon_django": anon_django,
        "anon_ready": anon_ready,
        "anon_end": _memory_mib("RssAnon"),
        "rss_peak": _memory_mib(),
    }
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--renders", type=int, default=5, help="warm renders per document (the median is shown)")
    parser.add_argument("--rounds", type=int, default=4, help="times the demo's agenda is repeated (about 10 pages)")
    parser.add_argument("--items", type=int, default=200, help="agenda items of the large meeting")
    parser.add_argument("--var", help="keep the database in this folder and reuse it on the next run")
    parser.add_argument("--warm-up", action="store_true", help="warm the fonts (as a worker does) before the first")
    parser.add_argument("--profile", choices=DOCUMENTS, help="cProfile a cold and the warm renders of one report")
    parser.add_argument("--child", nargs=2, metavar=("VAR", "VERSION"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), args.renders, args.warm_up, bool(args.profile))
        return

    var = args.var or tempfile.mkdtemp(prefix="mshub-bench-pdf-")
    _setup(var)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    saved = Path(var) / "versions.json"
    if saved.exists():
        versions = json.loads(saved.read_text())
        print(f"reusing {var}")
    else:
        started = time.perf_counter()
        versions = build(args.rounds, args.items)
        saved.write_text(json.dumps(versions))
        print(f"built and published in {time.perf_counter() - started:.0f} s ({var})")

    warmed = "warmed up first (as a worker)" if args.warm_up else "no warm-up"
    print(f"render_pdf, {warmed}; load average {os.getloadavg()[0]:.2f} at the start")
    documents = [args.profile] if args.profile else list(DOCUMENTS)
    labels = {"ja": "report ja", "en": "report en", "large": f"{args.items} items ja"}
    print(
        f"{'document':<14} {'pages':>5} {'warm-up s':>12} {'cold s':>12} {'warm s':>12} {'best':>5}"
        f" {'own MiB: Django':>15} {'ready':>5} {'end':>5} {'peak RSS':>8}  load"
    )
    for document in documents:
        command = [sys.executable, __file__, "--child", var, str(versions[document]), "--renders", str(args.renders)]
        command += ["--warm-up"] * args.warm_up + ["--profile", document] * bool(args.profile)
        output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
        if args.profile:
            print(output)
            continue
        f = json.loads(output.strip().splitlines()[-1])
        print(
            f"{labels[document]:<14} {pages_of(versions[document]):>5} {_pair(f['warm_up_s'], f['warm_up_cpu'])}"
            f" {_pair(f['cold_s'], f['cold_cpu'])} {_pair(f['warm_s'], f['warm_cpu'])} {f['warm_best_s']:>5.2f}"
            f" {f['anon_django']:>15.0f} {f['anon_ready']:>5.0f} {f['anon_end']:>5.0f} {f['rss_peak']:>8.0f}"
            f"  {os.getloadavg()[0]:.2f}"
        )
    print(
        "seconds: wall (CPU of the process); warm: the median of the renders after the first, best: the\n"
        "fastest; own MiB: RssAnon after Django's setup, after the warm-up, at the end; peak RSS: VmHWM"
    )


def _pair(wall: float, cpu: float) -> str:
    return f"{wall:>5.2f} ({cpu:.2f})"


if __name__ == "__main__":
    main()
