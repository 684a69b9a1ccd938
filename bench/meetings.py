"""Meeting benchmarks: report render time, and the meeting page's requests per second.

    .venv/bin/python bench/meetings.py [--items 200] [--requests 400] [--concurrency 4]

Builds a throw-away SQLite database with a meeting of N agenda items (each with a presenter whose
affiliation is looked up for the meeting date, and Q/A entries) and N registrations, renders the
report (HTML, Markdown, PDF), then serves the site with gunicorn on 127.0.0.1 and sends a bounded
number of requests to the meeting page from a local load generator (threads, keep-alive off).
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build(items: int) -> str:
    from mshub.meetings.models import Intervention, MeetingSeries, Presenter
    from mshub.meetings.services import registration as reg
    from mshub.meetings.services.agenda import add_item
    from mshub.meetings.services.meetings import change_status, create_meeting
    from mshub.people.models import StakeholderGroup
    from tests.factories import AffiliationFactory, ForumFactory, OrganizationFactory, PersonFactory

    forum = ForumFactory(slug="bench")
    series = MeetingSeries.objects.create(forum=forum, slug="regular", name_ja="定例会合")
    start = dt.datetime.now() + dt.timedelta(days=10)
    meeting = create_meeting(series, start=start, end=start + dt.timedelta(hours=2), venue_ja="会議室")
    orgs = [OrganizationFactory(forum=forum) for _ in range(40)]
    for n in range(items):
        item = add_item(meeting, title_ja=f"議題 {n}: インターネットガバナンスの動向")
        person = PersonFactory(forum=forum)
        AffiliationFactory(person=person, organization=orgs[n % len(orgs)], start=dt.date(2010, 1, 1))
        Presenter.objects.create(item=item, person=person)
        for k, kind in enumerate("QAC"):
            Intervention.objects.create(item=item, position=k, kind=kind, text_ja="発言の内容です。" * 8)
    change_status(meeting, "announced")
    group = StakeholderGroup.objects.get(forum=forum, code="civil-society")
    for n in range(items):
        reg.register(
            meeting,
            name=f"参加者{n}",
            email=f"p{n}@example.org",
            mode="onsite" if n % 4 else "remote",
            stakeholder_group=group,
        )
    return meeting.get_absolute_url()


def timed(label: str, fn, rounds: int = 3) -> None:  # type: ignore[no-untyped-def]
    best = min(_once(fn) for _ in range(rounds))
    print(f"  {label:<28} {best * 1000:8.1f} ms")


def _once(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def load(port: int, path: str, requests: int, concurrency: int, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds

    def one(_: int) -> tuple[int, float]:
        if time.monotonic() > deadline:
            return 0, 0.0
        start = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        status = conn.getresponse().status
        conn.close()
        return status, time.perf_counter() - start

    one(0)  # warm up
    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(one, range(requests)))
    elapsed = time.perf_counter() - start
    done = [r for r in results if r[0]]
    ok = sum(1 for s, _ in done if s == 200)
    latencies = sorted(t for _, t in done)
    p50 = latencies[len(latencies) // 2] * 1000 if latencies else 0
    p95 = latencies[int(len(latencies) * 0.95)] * 1000 if latencies else 0
    print(
        f"  meeting page: {len(done)} requests, {ok} OK, {len(done) / elapsed:.0f} req/s, "
        f"p50 {p50:.0f} ms, p95 {p95:.0f} ms (concurrency {concurrency})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    var = tempfile.mkdtemp(prefix="mshub-bench-")
    os.makedirs(Path(var) / "static")
    env = {
        "DJANGO_SETTINGS_MODULE": "mshub.settings.test",
        "MSHUB_VAR_DIR": var,
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DATABASE_URL": f"sqlite:///{var}/bench.sqlite3",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    path = build(args.items)

    from mshub.meetings.models import Meeting
    from mshub.meetings.reports.context import report_context
    from mshub.meetings.reports.render import render_html, render_markdown, render_pdf

    meeting = Meeting.objects.get()
    print(f"meeting with {args.items} agenda items, {3 * args.items} Q/A/C entries, {args.items} registrations")
    timed("report context", lambda: report_context(meeting, "ja"))
    timed("report HTML", lambda: render_html(meeting, "ja"))
    timed("report Markdown", lambda: render_markdown(meeting, "ja"))
    html = render_html(meeting, "ja")
    timed("report PDF (WeasyPrint)", lambda: render_pdf(html), rounds=1)

    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "mshub.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        load(port, path, args.requests, args.concurrency)
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
