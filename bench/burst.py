"""Registration burst: K signed-in people submit the real registration form of one meeting at the same moment.

    make bench-burst
    .venv/bin/python bench/burst.py [--clients 50 200 500] [--workers 2 4] [--threads 1] [--capacity 100]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/burst.py

Builds a throw-away database (SQLite in a temporary directory, in WAL mode with IMMEDIATE
transactions and a 5 s busy timeout as the production settings open it; with DATABASE_URL, a fresh
database ``mshub_bench_burst`` on that PostgreSQL server, dropped at the end): one public forum, and
one account with a signed-in session for every client of every run. For each gunicorn size
(``--workers`` sync workers, or ``--threads`` threads each) and each burst size, a new announced
meeting with ``--capacity`` on-site seats opens for registration, and ``--clients`` threads each
fetch its registration form with their session (the CSRF token and cookie, as a browser), wait for
the others, and then all post the form at once (on site, their own name and address, each from its
own client address so that the per-client mail limit counts them apart, as behind a proxy).

Prints per run: registrations per second (from the release to the last answer), p50/p99 latency of
the posts, failures by kind (an HTTP status, a form error, a timeout; "database is locked" counted
in gunicorn's log), and the checks afterwards: at most ``--capacity`` confirmed on site, waiting-list
positions 1…n without a gap or a repeat, every client registered exactly once when their post was
answered with the redirect, and not at all otherwise. Exits 1 if a check failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.client
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack, suppress
from dataclasses import asdict, dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import load, servers  # noqa: E402

PG_NAME = "mshub_bench_burst"
HEADERS = load.HEADERS  # Host, X-Forwarded-Proto: https (the TLS proxy's)
ORIGIN = "https://127.0.0.1"


@dataclass
class Outcome:
    email: str
    kind: str  # "registered", "HTTP 500", "form error: …", "timeout", "connection error", "no form"
    ms: float | None = None  # the post's latency


@dataclass
class Run:
    engine: str
    workers: int
    threads: int
    clients: int
    capacity: int
    registered: int = 0
    failures: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    per_second: float = 0.0
    p50_ms: float | None = None
    p99_ms: float | None = None
    cpu_ms: float = 0.0  # CPU of gunicorn (and PostgreSQL's backends) per registration, from release to the last answer
    locked_in_log: int = 0  # "database is locked" in gunicorn's log during the run
    confirmed_onsite: int = 0
    waitlisted: int = 0
    problems: list[str] = field(default_factory=list)
    load_before: float = 0.0


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop gunicorn and drop the database on kill too
    args = options()
    work = Path(tempfile.mkdtemp(prefix="mshub-bench-burst-"))
    runs: list[Run] = []
    with ExitStack() as cleanup:
        if args.keep:
            cleanup.callback(print, f"kept {work} (database, gunicorn.log)")
        else:
            cleanup.callback(shutil.rmtree, work, ignore_errors=True)
        port = servers.free_port()
        env = load.environment(work, port, cleanup, args.pg_database)
        engine = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
        sessions, group = build(sum(args.clients) * len(args.workers) + 4 * sum(args.workers))
        log = work / "gunicorn.log"
        database = env["DATABASE_URL"].rsplit("/", 1)[1] if engine == "PostgreSQL" else ""
        taken = 0
        print(HEADER, flush=True)
        for workers in args.workers:
            command = servers.gunicorn(port, workers)
            command += ["--threads", str(args.threads), "--timeout", "120"] if args.threads > 1 else []
            with servers.running(command, port, env, log=log) as server:
                cpu = functools.partial(servers.cpu_seconds, server.pid, database)
                warm = 4 * workers  # each worker's first posts (imports, templates of the mail) are not timed
                path = new_meeting(args.capacity, f"{workers}-warm-up")
                burst(port, path, sessions[taken : taken + warm], group, args.timeout, taken, cpu)
                taken += warm
                for clients in args.clients:
                    run = Run(engine, workers, args.threads, clients, args.capacity, load_before=os.getloadavg()[0])
                    path = new_meeting(args.capacity, f"{workers}-{clients}")
                    log_size = log.stat().st_size
                    outcomes, run.seconds, used = burst(
                        port, path, sessions[taken : taken + clients], group, args.timeout, taken, cpu
                    )
                    run.cpu_ms = used * 1000 / max(1, clients)
                    taken += clients
                    run.locked_in_log = log.read_bytes()[log_size:].count(b"database is locked")
                    summarise(run, outcomes)
                    check(run, path, outcomes)
                    runs.append(run)
                    print(line(run), flush=True)
        report(runs, args)
    if any(run.problems for run in runs):
        sys.exit(1)


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[50, 200, 500], help="burst sizes (50 200 500)")
    parser.add_argument("--workers", type=int, nargs="+", default=[2, 4], help="gunicorn workers (2 4)")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (1: sync workers)")
    parser.add_argument("--capacity", type=int, default=100, help="on-site seats of each meeting (100)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds a client waits for an answer (120)")
    parser.add_argument("--pg-database", default=PG_NAME, help=f"throw-away PostgreSQL database (default {PG_NAME})")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (database, gunicorn.log)")
    return parser.parse_args()


def build(accounts: int) -> tuple[list[tuple[str, str]], int]:
    """Migrate (collectstatic beside it), a public forum, ``accounts`` accounts each with a signed-in
    session; returns [(email, session key)] and the stakeholder group everyone picks."""
    collect = subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, start_new_session=True
    )
    os.environ["LOG_LEVEL"] = "ERROR"
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.core.management import call_command
    from django.db import connections
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from mshub.core.services import create_forum
    from mshub.meetings.models import MeetingSeries
    from mshub.people.models import StakeholderGroup

    try:
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        user_model = get_user_model()
        secretariat = user_model.objects.create_user("secretariat@example.org")
        forum = create_forum("burst", name_ja="登録テスト", name_en="Registration burst", secretariat=secretariat)
        MeetingSeries.objects.create(forum=forum, slug="open", name_ja="公開会合", name_en="Open meeting")
        password = make_password(None)  # none can sign in with a password: the sessions are made here
        users = user_model.objects.bulk_create(
            user_model(email=f"person{n}@example.org", password=password) for n in range(accounts)
        )
        users = list(user_model.objects.filter(email__startswith="person").order_by("pk"))
        backend = "django.contrib.auth.backends.ModelBackend"
        expires = timezone.now() + dt.timedelta(days=1)
        store, sessions = SessionStore(), []
        for user in users:
            data = {
                SESSION_KEY: str(user.pk),
                BACKEND_SESSION_KEY: backend,
                HASH_SESSION_KEY: user.get_session_auth_hash(),
            }
            sessions.append(
                Session(session_key=get_random_string(32), session_data=store.encode(data), expire_date=expires)
            )
        Session.objects.bulk_create(sessions)
        group = StakeholderGroup.objects.filter(forum=forum, active=True).order_by("pk").first()
        assert group is not None, "a new forum has its stakeholder groups"
        if collect.wait():
            sys.exit("collectstatic failed")
    finally:
        if collect.poll() is None:
            collect.kill()
    connections.close_all()  # nothing of this process holds the database during the bursts
    print(f"built in {time.perf_counter() - started:.0f} s: {accounts} accounts with sessions")
    return [(u.email, s.session_key) for u, s in zip(users, sessions, strict=True)], group.pk


def new_meeting(capacity: int, label: str) -> str:
    """An announced meeting open for registration, starting in a month; the path of its form."""
    from django.db import connections
    from django.utils import timezone

    from mshub.meetings.models import MeetingSeries
    from mshub.meetings.services.meetings import change_status, create_meeting

    series = MeetingSeries.objects.get(forum__slug="burst", slug="open")
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=30)
    meeting = create_meeting(
        series, start=start, end=start + dt.timedelta(hours=3), venue_ja="会議室", capacity=capacity, title_en=label
    )
    change_status(meeting, "announced")
    connections.close_all()
    return f"{meeting.get_absolute_url()}register/"


def burst(
    port: int,
    path: str,
    sessions: list[tuple[str, str]],
    group: int,
    timeout: float,
    first: int,
    cpu: Callable[[], float],
) -> tuple[list[Outcome], float, float]:
    """Every client fetches the form, then all post at once: their outcomes in client order, the
    seconds from the release to the last answer, and the servers' CPU seconds meanwhile."""
    outcomes: list[Outcome | None] = [None] * len(sessions)
    ready = threading.Barrier(len(sessions) + 1)

    def client(n: int, email: str, session: str) -> None:
        headers = {**HEADERS, "X-Forwarded-For": client_address(first + n)}
        form = None
        with suppress(OSError):
            form = fetch_form(port, path, headers, session, timeout)
        ready.wait()
        if form is None:
            outcomes[n] = Outcome(email, "no form")
            return
        token, cookies = form
        body = urlencode(
            {
                "csrfmiddlewaretoken": token,
                "name": f"参加者 {email.split('@')[0]}",
                "email": email,
                "stakeholder_group": group,
                "mode": "onsite",
                "consent_listing": "on",
            }
        )
        headers |= {
            "Cookie": f"sessionid={session}; {cookies}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": ORIGIN,
            "Referer": f"{ORIGIN}{path}",
        }
        started = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
            conn.request("POST", path, body=body, headers=headers)
            response = conn.getresponse()
            answer = response.read().decode(errors="replace")
            status = response.status
            conn.close()
        except TimeoutError:
            outcomes[n] = Outcome(email, "timeout")
            return
        except OSError as exc:
            outcomes[n] = Outcome(email, f"connection error ({type(exc).__name__})")
            return
        ms = (time.perf_counter() - started) * 1000
        outcomes[n] = Outcome(email, classify(status, answer), ms)

    threads = [threading.Thread(target=client, args=(n, e, s), daemon=True) for n, (e, s) in enumerate(sessions)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # the form requests' last work (closing connections) out of the measured CPU
    cpu_before = cpu()
    ready.wait()  # every client has its form: release them together
    released = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - released
    used = cpu() - cpu_before
    return [o or Outcome(e, "no answer") for o, (e, _) in zip(outcomes, sessions, strict=True)], seconds, used


def fetch_form(port: int, path: str, headers: dict[str, str], session: str, timeout: float) -> tuple[str, str] | None:
    """GET the form signed in: (the CSRF token of the form, the cookies to send back), or None."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={**headers, "Cookie": f"sessionid={session}"})
        response = conn.getresponse()
        page = response.read().decode(errors="replace")
        cookies = SimpleCookie()
        for value in response.headers.get_all("Set-Cookie") or []:
            cookies.load(value)
    finally:
        conn.close()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if response.status != 200 or token is None or "csrftoken" not in cookies:
        return None
    return token.group(1), "; ".join(f"{k}={m.value}" for k, m in cookies.items() if k != "sessionid")


def client_address(n: int) -> str:
    """A distinct loopback address per client, as the proxy would append it (only a header: nothing is sent there)."""
    return f"127.{1 + n // 62500}.{n // 250 % 250}.{1 + n % 250}"


def classify(status: int, page: str) -> str:
    if status == 302:
        return "registered"
    if status == 200:  # the form again, with its errors
        errors = re.findall(r'<div class="errors" role="alert"><p>(.*?)</p>', page) or ["(a field)"]
        return f"form error: {errors[0]}"
    return f"HTTP {status}"


def summarise(run: Run, outcomes: list[Outcome]) -> None:
    run.registered = sum(o.kind == "registered" for o in outcomes)
    run.failures = dict(Counter(o.kind for o in outcomes if o.kind != "registered"))
    run.per_second = run.registered / run.seconds if run.seconds else 0.0
    latencies = sorted(o.ms for o in outcomes if o.ms is not None)
    if latencies:
        run.p50_ms = statistics.median(latencies)
        run.p99_ms = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]


def check(run: Run, path: str, outcomes: list[Outcome]) -> None:
    """The seats, the waiting list and each client's registration, as the database holds them now."""
    from django.db import connections

    from mshub.meetings.models import Meeting, Registration, RegistrationStatus

    number = int(path.rstrip("/").split("/")[-2])
    meeting = Meeting.objects.get(series__forum__slug="burst", series__slug="open", number=number)
    live = Registration.objects.filter(meeting=meeting).exclude(status=RegistrationStatus.CANCELLED)
    rows = list(live.values_list("email", "status", "mode", "waitlist_position"))
    connections.close_all()
    confirmed = [r for r in rows if r[1] == RegistrationStatus.CONFIRMED and r[2] == "onsite"]
    waiting = sorted(r[3] or 0 for r in rows if r[1] == RegistrationStatus.WAITLISTED)  # 0: no position
    run.confirmed_onsite, run.waitlisted = len(confirmed), len(waiting)
    if len(confirmed) > run.capacity:
        run.problems.append(f"{len(confirmed)} confirmed on site for {run.capacity} seats")
    if waiting != list(range(1, len(waiting) + 1)):
        run.problems.append(f"waiting-list positions not 1…{len(waiting)}: {waiting[:10]}…")
    if waiting and len(confirmed) < run.capacity:
        run.problems.append(f"{len(waiting)} waiting while {run.capacity - len(confirmed)} seats are free")
    held = Counter(r[0] for r in rows)
    for outcome in outcomes:
        expected = 1 if outcome.kind == "registered" else 0
        if held[outcome.email] != expected and not (expected == 0 and outcome.kind in ("timeout", "HTTP 502")):
            run.problems.append(f"{outcome.email}: {held[outcome.email]} registrations after '{outcome.kind}'")


def line(run: Run) -> str:
    failures = ", ".join(f"{n} {kind}" for kind, n in sorted(run.failures.items())) or "none"
    p50 = f"{run.p50_ms:.0f}" if run.p50_ms is not None else "-"
    p99 = f"{run.p99_ms:.0f}" if run.p99_ms is not None else "-"
    checks = "ok" if not run.problems else f"{len(run.problems)} FAILED: {run.problems[0]}"
    return (
        f"{run.engine:<10} {run.workers:>7} {run.threads:>7} {run.clients:>7} {run.registered:>10} "
        f"{run.per_second:>7.1f} {run.seconds:>6.1f} {p50:>7} {p99:>7} {run.confirmed_onsite:>6} {run.waitlisted:>6} "
        f"{run.cpu_ms:>6.1f} {run.locked_in_log:>6} {run.load_before:>5.1f}  {failures}; checks {checks}"
    )


HEADER = (
    f"{'database':<10} {'workers':>7} {'threads':>7} {'clients':>7} {'registered':>10} {'reg/s':>7} {'s':>6} "
    f"{'p50 ms':>7} {'p99 ms':>7} {'seats':>6} {'queue':>6} {'CPU ms':>6} {'locked':>6} {'load':>5}  failures; checks"
)


def report(runs: list[Run], args: argparse.Namespace) -> None:
    print(
        f"\n{os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}; gunicorn "
        f"{'sync' if args.threads == 1 else 'gthread'} workers; capacity {args.capacity} on site per meeting\n"
    )
    print(HEADER + "\n" + "-" * len(HEADER))
    for run in runs:
        print(line(run))
    for run in runs:
        for problem in run.problems[:20]:
            print(f"  {run.engine} {run.workers}×{run.threads} {run.clients}: {problem}")
    if args.json:
        meta = {"cores": os.cpu_count(), "date": time.strftime("%Y-%m-%d %H:%M:%S %z")}
        args.json.write_text(json.dumps({**meta, "runs": [asdict(r) for r in runs]}, indent=2, ensure_ascii=False))
        print(f"\nwritten to {args.json}")


if __name__ == "__main__":
    main()
