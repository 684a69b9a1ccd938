"""Server time and queries of every public page, with a 200-item meeting.

    .venv/bin/python bench/pages.py [--items 200] [--rounds 30] [--as ROLE] [--only LABEL]
                                    [--profile LABEL] [--serve LABEL]

Builds a throw-away SQLite database: a forum with a series of past meetings (reports published),
one held meeting of N agenda items (each with a presenter whose affiliation is looked up for the
meeting date, Q/A/C entries, and a material with a file), N registrations and a published report,
and an upcoming announced meeting of the same size. Then it measures each public page through
Django's test client (the whole middleware, template and ORM stack, no network): the queries of
one request and the median server time of ``--rounds`` warm requests, and prints a table.

``--profile LABEL`` runs cProfile over the rounds of one page and prints the top functions;
``--serve LABEL`` also serves the site with gunicorn (2 workers) and sends requests to that page
from a local load generator (as bench/meetings.py). Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import http.client
import json
import os
import pstats
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


@dataclass
class Built:
    forum: str
    reported: str  # the held meeting of N items, report published
    upcoming: str  # the announced meeting of N items, open for registration
    organization: int
    person: int


def add_agenda(meeting, forum, orgs, items: int) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    from mshub.meetings.models import Intervention, Presenter
    from mshub.meetings.services.agenda import add_item
    from mshub.meetings.services.minutes import add_material
    from tests.factories import AffiliationFactory, PersonFactory

    start = meeting.local_start
    for n in range(items):
        item = add_item(
            meeting,
            title_ja=f"議題 {n}: インターネットガバナンスの動向",
            title_en=f"Item {n}: Internet governance trends",
            planned_start=(start + dt.timedelta(seconds=30 * n)).time() if n % 2 else None,
            duration_minutes=5 if n % 3 else None,
        )
        person = PersonFactory(forum=forum)
        AffiliationFactory(person=person, organization=orgs[n % len(orgs)], start=dt.date(2010, 1, 1))
        Presenter.objects.create(item=item, person=person)
        for k, kind in enumerate("QAC"):
            Intervention.objects.create(item=item, position=k, kind=kind, text_ja="発言の内容です。" * 8)
        if n % 4 == 0:
            upload = SimpleUploadedFile(f"slides-{n}.txt", f"slides of item {n}\n".encode(), "text/plain")
            add_material(meeting, upload=upload, item=item, label=f"資料{n // 4 + 1}", title_ja=f"発表資料 {n}")


def register_many(meeting, forum, count: int, before) -> None:  # type: ignore[no-untyped-def]
    from mshub.meetings.services import registration as reg
    from mshub.people.models import StakeholderGroup

    group = StakeholderGroup.objects.get(forum=forum, code="civil-society")
    for n in range(count):
        reg.register(
            meeting,
            name=f"参加者{n}",
            email=f"p{n}-{meeting.pk}@example.org",
            mode="onsite" if n % 4 else "remote",
            stakeholder_group=group,
            now=before,
        )


def build(items: int, past: int) -> Built:
    from mshub.meetings.models import ActionItem, Decision, Footnote, MeetingSeries
    from mshub.meetings.services.meetings import change_status, create_meeting
    from mshub.meetings.services.publishing import publish_report
    from tests.factories import ForumFactory, OrganizationFactory, PersonFactory

    forum = ForumFactory(slug="bench")
    series = MeetingSeries.objects.create(forum=forum, slug="regular", name_ja="定例会合", name_en="Regular meeting")
    orgs = [OrganizationFactory(forum=forum) for _ in range(40)]
    now = dt.datetime.now()

    def meeting_at(start: dt.datetime, size: int, regs: int, publish: bool):  # type: ignore[no-untyped-def]
        meeting = create_meeting(series, start=start, end=start + dt.timedelta(hours=2), venue_ja="会議室")
        add_agenda(meeting, forum, orgs, size)
        change_status(meeting, "announced")
        register_many(meeting, forum, regs, before=meeting.start - dt.timedelta(days=1))
        if publish:
            change_status(meeting, "held")
            owner = PersonFactory(forum=forum)
            for n in range(5):
                Decision.objects.create(meeting=meeting, position=n, text_ja=f"決定事項 {n}")
                ActionItem.objects.create(meeting=meeting, text_ja=f"宿題 {n}", owner=owner)
                Footnote.objects.create(meeting=meeting, mark=n + 1, text_ja=f"注 {n}")
            publish_report(meeting)
        return meeting

    for n in range(past):  # the series' history: small meetings, reports published
        meeting_at(now - dt.timedelta(days=30 * (past - n + 1)), 5, 5, publish=True)
    reported = meeting_at(now - dt.timedelta(days=7), items, items, publish=True)
    upcoming = meeting_at(now + dt.timedelta(days=10), items, items, publish=False)
    return Built(
        forum=forum.slug,
        reported=reported.get_absolute_url(),
        upcoming=upcoming.get_absolute_url(),
        organization=orgs[0].pk,
        person=reported.agenda_items.first().presenters.first().person_id,
    )


def pages(b: Built) -> list[tuple[str, str]]:
    f = f"/{b.forum}"
    return [
        ("site home", "/"),
        ("forum home", f"{f}/"),
        ("meetings list", f"{f}/meetings/"),
        ("series page", f"{f}/meetings/regular/"),
        ("meeting (reported)", b.reported),
        ("meeting (upcoming)", b.upcoming),
        ("report HTML", f"{b.reported}report/"),
        ("report v1", f"{b.reported}report/v1/"),
        ("report Markdown", f"{b.reported}report.md"),
        ("register form", f"{b.upcoming}register/"),
        ("meeting .ics", f"{b.upcoming}meeting.ics"),
        ("series .ics", f"{f}/meetings/regular/calendar.ics"),
        ("forum .ics", f"{f}/meetings/calendar.ics"),
        ("reports Atom", f"{f}/meetings/reports.atom"),
        ("organizations", f"{f}/organizations/"),
        ("organization", f"{f}/organizations/{b.organization}/"),
        ("stakeholder groups", f"{f}/stakeholder-groups/"),
        ("API forums", "/api/v1/forums/"),
        ("API meetings", f"/api/v1/{b.forum}/meetings/"),
        ("API meeting", f"/api/v1/{b.forum}/meetings/{b.reported.rstrip('/').split('/')[-1]}/"),
        ("API organizations", f"/api/v1/{b.forum}/organizations/"),
        ("API organization", f"/api/v1/{b.forum}/organizations/{b.organization}/"),
        ("API groups", f"/api/v1/{b.forum}/stakeholder-groups/"),
        # for members (with --as member or above)
        ("people", f"{f}/people/"),
        ("person", f"{f}/people/{b.person}/"),
        ("actions", f"{f}/meetings/actions/"),
        ("statistics", f"{f}/meetings/statistics/"),
        ("API persons", f"/api/v1/{b.forum}/persons/"),
    ]


def measure(client, url: str, rounds: int) -> tuple[int, int, float, float, float, int]:  # type: ignore[no-untyped-def]
    """(status, queries, median wall ms, median CPU ms, best CPU ms, bytes) of ``url``, warm. CPU
    time (this thread's) is steadier than wall time on a busy machine, the best of it steadier still."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm up
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    count = len(queries.captured_queries)
    wall, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.thread_time()
        client.get(url)
        wall.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
    ms = statistics.median(wall) * 1000
    cpu_ms = statistics.median(cpu) * 1000
    return response.status_code, count, ms, cpu_ms, min(cpu) * 1000, len(response.content)


def profile(client, url: str, rounds: int, top: int = 40) -> None:  # type: ignore[no-untyped-def]
    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        client.get(url)
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    print(f"\ncProfile of {url}, {rounds} requests: by own time")
    stats.sort_stats("tottime").print_stats(top)
    print("by cumulative time")
    stats.sort_stats("cumulative").print_stats(top)


def serve(path: str, workers: int, requests: int, concurrency: int) -> None:
    from meetings import free_port, load

    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "mshub.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers)]
    server = subprocess.Popen(
        [*command, "--log-level", "warning"],
        cwd=ROOT,
        env=dict(os.environ),
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        for _ in range(4 * workers):  # every worker past its first (cold) requests
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", path, headers={"Host": "127.0.0.1"})
            conn.getresponse().read()
            conn.close()
        print(f"\n{path} through gunicorn ({workers} workers):")
        load(port, path, requests, concurrency)
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--past", type=int, default=12, help="earlier (small) meetings of the series")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--as", dest="role", default="anonymous", help="anonymous, member, steering, secretariat")
    parser.add_argument("--only", action="append", default=[], help="measure only pages whose label contains this")
    parser.add_argument("--profile", metavar="LABEL", help="cProfile the page with this label")
    parser.add_argument("--serve", metavar="LABEL", help="gunicorn req/s of the page with this label")
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--var", help="keep the database in this folder and reuse it on the next run")
    args = parser.parse_args()

    var = args.var or tempfile.mkdtemp(prefix="mshub-bench-")
    os.makedirs(Path(var) / "static", exist_ok=True)
    saved = Path(var) / "built.json"
    os.environ.update(
        DJANGO_SETTINGS_MODULE="mshub.settings.test",
        MSHUB_VAR_DIR=var,
        ALLOWED_HOSTS="127.0.0.1,testserver",
        DATABASE_URL=f"sqlite:///{var}/bench.sqlite3",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    if saved.exists():
        built = Built(**json.loads(saved.read_text()))
        print(f"reusing {var}")
    else:
        started = time.perf_counter()
        built = build(args.items, args.past)
        saved.write_text(json.dumps(asdict(built)))
        print(f"built in {time.perf_counter() - started:.0f} s: ", end="")
    print(
        f"meetings of {args.items} agenda items ({3 * args.items} Q/A/C entries, {args.items // 4} materials, "
        f"{args.items} registrations), {args.past} earlier meetings; as {args.role}"
    )

    client = Client()
    if args.role != "anonymous":
        from mshub.core.models import Forum
        from tests.factories import MembershipFactory, UserFactory

        user = UserFactory(email=f"bench-{time.time_ns()}@example.org")
        MembershipFactory(forum=Forum.objects.get(slug=built.forum), user=user, role=args.role)
        client.force_login(user)

    chosen = [(label, url) for label, url in pages(built) if not args.only or any(o in label for o in args.only)]
    print(f"{'page':<20} {'status':>6} {'queries':>7} {'wall ms':>8} {'CPU ms':>8} {'best':>6} {'KiB':>6}")
    for label, url in chosen:
        status, queries, ms, cpu, best, size = measure(client, url, args.rounds)
        print(f"{label:<20} {status:>6} {queries:>7} {ms:>8.1f} {cpu:>8.1f} {best:>6.1f} {size / 1024:>6.0f}")

    if args.profile:
        label, url = next((label, url) for label, url in pages(built) if args.profile in label)
        profile(client, url, args.rounds)
    if args.serve:
        label, url = next((label, url) for label, url in pages(built) if args.serve in label)
        serve(url, args.workers, args.requests, args.concurrency)


if __name__ == "__main__":
    main()
