"""Meeting benchmarks: report render time, and the meeting page's requests per second.

    .venv/bin/python bench/meetings.py [--items 200] [--requests 400] [--concurrency 4]

Builds a throw-away SQLite database with a meeting of N agenda items (each with a presenter whose
affiliation is looked up for the meeting date, and Q/A/C entries) and N registrations (bench/forum.py), renders the
report (HTML, Markdown, PDF), then serves the site with gunicorn on 127.0.0.1 and sends a bounded
number of requests to the meeting page from a local load generator (threads, keep-alive off).
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import servers  # noqa: E402
from bench.forum import large_meeting  # noqa: E402


def build(items: int) -> str:
    from mshub.meetings.models import MeetingSeries
    from tests.factories import AffiliationFactory, ForumFactory, OrganizationFactory, PersonFactory

    forum = ForumFactory(slug="bench")
    series = MeetingSeries.objects.create(forum=forum, slug="regular", name_ja="定例会合")
    orgs = [OrganizationFactory(forum=forum) for _ in range(40)]
    presenters = []
    for n in range(items):
        presenters.append(PersonFactory(forum=forum))
        AffiliationFactory(person=presenters[-1], organization=orgs[n % len(orgs)], start=dt.date(2010, 1, 1))
    start = dt.datetime.now() + dt.timedelta(days=10)
    meeting = large_meeting(series, presenters, start=start, items=items, registrations=items, interventions=3 * items)
    return str(meeting.get_absolute_url())


def timed(label: str, fn, rounds: int = 3) -> None:  # type: ignore[no-untyped-def]
    best = min(_once(fn) for _ in range(rounds))
    print(f"  {label:<28} {best * 1000:8.1f} ms")


def _once(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


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
    from mshub.meetings.reports.pdf import render_pdf
    from mshub.meetings.reports.render import render_html, render_markdown

    meeting = Meeting.objects.get()
    print(f"meeting with {args.items} agenda items, {3 * args.items} Q/A/C entries, {args.items} registrations")
    timed("report context", lambda: report_context(meeting, "ja"))
    timed("report HTML", lambda: render_html(meeting, "ja"))
    timed("report Markdown", lambda: render_markdown(meeting, "ja"))
    html = render_html(meeting, "ja")
    timed("report PDF (WeasyPrint)", lambda: render_pdf(html), rounds=1)

    port = servers.free_port()
    with servers.running(servers.gunicorn(port, args.workers), port, {**os.environ, **env}):
        headers = {"Host": "127.0.0.1"}
        servers.fetch(port, path, headers)  # warm up
        m = servers.python_load(port, path, 60, args.concurrency, headers, requests=args.requests)
        print(
            f"  meeting page: {m.requests} requests, {m.requests - m.errors} OK, {m.rps:.0f} req/s, "
            f"p50 {m.p50_ms:.0f} ms, p99 {m.p99_ms:.0f} ms (concurrency {args.concurrency})"
        )


if __name__ == "__main__":
    main()
