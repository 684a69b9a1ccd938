"""Load benchmark: the public pages of a realistic forum under gunicorn, next to nginx serving the same bytes.

    make bench-load
    .venv/bin/python bench/load.py [--duration 10] [--connections 8] [--workers 2] [--pages meeting report …]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/load.py

Builds a throw-away database (SQLite in a temporary directory; with DATABASE_URL, a fresh database
``mshub_bench_load`` on that PostgreSQL server, dropped at the end): the demo, a plenary of 200
agenda items with 400 interventions and 200 registrations and its published report, 300 past
meetings (bench/forum.py). Serves it with gunicorn (sync workers) in the production settings (DEBUG
off, static files collected and served by WhiteNoise), fetches each page once to warm it and save
its body, then drives it from 127.0.0.1 with wrk for --duration seconds, and through nginx configured
as docs/deploy.md's caching reverse proxy in front of the same gunicorn (--static-duration seconds;
--no-proxy skips it). nginx then serves the saved bodies as static files: the ceiling of this machine
for the same bytes. Prints a table (and writes --json): per page its status, size, SQL queries and
milliseconds alone (one request through Django's test client), requests per second and p50/p99
latency under load, requests per second through the caching proxy, nginx's requests per second.
Asserts nothing. Needs `apt-get install wrk nginx-light`; without wrk a Python load
generator takes over, without nginx its column stays empty.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import servers  # noqa: E402
from bench.forum import INTERVENTIONS, ITEMS, PAST_MEETINGS, REGISTRATIONS, Page  # noqa: E402

HEADERS = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}  # as behind the TLS proxy (BEHIND_PROXY)
PG_NAME = "mshub_bench_load"


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the servers and drop the database on kill too
    args = options()
    work = Path(tempfile.mkdtemp(prefix="mshub-bench-load-"))
    with ExitStack() as cleanup:
        if args.keep:
            cleanup.callback(print, f"kept {work} (database, settings' var directory, saved pages, nginx.conf)")
        else:
            cleanup.callback(shutil.rmtree, work, ignore_errors=True)
        port = servers.free_port()
        env = environment(work, port, cleanup, args.pg_database)
        pages = build(args)
        wanted = [p for p in pages if not args.pages or any(w.lower() in p.name.lower() for w in args.pages)]
        alone = one_by_one(wanted)
        idle = os.getloadavg()[0]  # other work on the machine shows here, and in the figures
        rows = measure(wanted, env, port, work, args)
        for row in rows:
            row["queries"], row["alone_ms"] = alone[row["path"]]
        report(rows, args, env["DATABASE_URL"], idle)


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=10, help="seconds of load per page (default 10)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--static-duration", type=float, default=3, help="seconds per page for nginx (default 3)")
    parser.add_argument("--pages", nargs="*", help="only pages whose name contains one of these words")
    parser.add_argument("--items", type=int, default=ITEMS)
    parser.add_argument("--registrations", type=int, default=REGISTRATIONS)
    parser.add_argument("--interventions", type=int, default=INTERVENTIONS)
    parser.add_argument("--past", type=int, default=PAST_MEETINGS, help="past meetings in the study series")
    parser.add_argument("--generator", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--pg-database", default=PG_NAME, help=f"throw-away PostgreSQL database (default {PG_NAME})")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (database, saved pages)")
    parser.add_argument(
        "--no-proxy",
        dest="proxy",
        action="store_false",
        help="skip the caching-proxy column (nginx configured as docs/deploy.md says, in front of gunicorn)",
    )
    args = parser.parse_args()
    if args.generator == "auto":
        args.generator = "wrk" if servers.wrk_path() else "python"
    if args.generator == "wrk" and not servers.wrk_path():
        parser.error("wrk is not installed: apt-get install wrk (or --generator python)")
    return args


def environment(work: Path, port: int, cleanup: ExitStack, pg_database: str) -> dict[str, str]:
    """The production settings' environment, here and for gunicorn; a throw-away database for both."""
    given = os.environ.get("DATABASE_URL", "")
    url = throwaway_postgres(given, pg_database, cleanup) if given else f"sqlite:///{work}/bench.sqlite3"
    env = {
        "DJANGO_SETTINGS_MODULE": "mshub.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"https://127.0.0.1:{port}",
        "BEHIND_PROXY": "true",
        "MSHUB_VAR_DIR": str(work),
        "DATABASE_URL": url,
        "EMAIL_URL": "dummymail://",  # the built registrations' confirmations go nowhere
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    return {**os.environ, **env}


def throwaway_postgres(given: str, name: str, cleanup: ExitStack) -> str:
    """A fresh database ``name`` on the server of ``given`` (dropped first if a run left it); its URL."""
    import environ
    import psycopg

    config = environ.Env.db_url_config(given)
    if "postgres" not in config["ENGINE"]:
        sys.exit(f"DATABASE_URL must be empty (SQLite) or PostgreSQL, not {config['ENGINE']}")
    if config["NAME"] == name:
        sys.exit(f"DATABASE_URL names {name} itself: give the server's usual database (e.g. …/postgres)")
    server = {"host": config["HOST"], "port": config["PORT"] or 5432, "user": config["USER"]}
    server |= {"password": config["PASSWORD"]} if config["PASSWORD"] else {}

    def run(sql: str) -> None:
        with psycopg.connect(dbname=config["NAME"], autocommit=True, **server) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    run(f'CREATE DATABASE "{name}"')
    cleanup.callback(run, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return urlsplit(given)._replace(path=f"/{name}").geturl()


def build(args: argparse.Namespace) -> list[Page]:
    """Migrate and build the forum here while collectstatic runs beside it (each takes half a minute)."""
    collect = subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, start_new_session=True
    )
    os.environ["TASK_THREADS"] = "0"  # the report PDF is rendered and stored before serving starts
    os.environ["LOG_LEVEL"] = "ERROR"  # kombu's note that no broker is named (tasks run at once here)
    import django

    django.setup()
    from django.core.management import call_command

    from bench.forum import build_forum

    try:
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        migrated = time.perf_counter()
        pages = build_forum(args.items, args.registrations, args.interventions, args.past)
        built = time.perf_counter()
        if collect.wait():
            sys.exit("collectstatic failed")
    finally:
        if collect.poll() is None:
            collect.kill()
    print(
        f"built in {time.perf_counter() - started:.0f} s (migrate {migrated - started:.0f} s, demo + plenary + "
        f"past meetings {built - migrated:.0f} s, collectstatic beside them)"
    )
    return pages


def one_by_one(pages: list[Page]) -> dict[str, tuple[int, float]]:
    """(SQL queries, milliseconds) of each page alone, through Django's test client in this process: the
    best of three requests after one that fills the caches (content types, templates)."""
    from django.db import connection, connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, found = Client(headers={"host": "127.0.0.1"}), {}
    for page in pages:
        client.get(page.path, secure=True)
        times = []
        for _ in range(3):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                client.get(page.path, secure=True)
                times.append((time.perf_counter() - start) * 1000)
        found[page.path] = (len(captured.captured_queries), min(times))
    connections.close_all()
    return found


def measure(pages: list[Page], env: dict[str, str], port: int, work: Path, args: argparse.Namespace) -> list[dict]:
    """Warm and save each page, load it under gunicorn; then the saved bodies under nginx."""
    saved = work / "pages"
    saved.mkdir()
    rows: list[dict[str, Any]] = []
    with ExitStack() as running:
        running.enter_context(servers.running(servers.gunicorn(port, args.workers), port, env))
        proxy = caching_proxy(work, port, running) if args.proxy else None
        for n, page in enumerate(pages):
            for _ in range(args.workers):  # each worker renders it once before the clock starts
                status, ctype, body = servers.fetch(port, page.path, HEADERS)
            (saved / str(n)).write_bytes(body)
            row: dict[str, Any] = {"page": page.name, "path": page.path, "status": status, "bytes": len(body)}
            row.update(content_type=ctype, app=asdict(load(port, page.path, args.duration, args)))
            line = f"  {page.name:<26} {row['app']['rps']:8.1f} req/s"
            if proxy is not None:
                row["proxy"] = asdict(load(proxy, page.path, args.static_duration, args))
                line += f", through the caching proxy {row['proxy']['rps']:8.1f}"
            rows.append(row)
            print(line, flush=True)
    static(rows, saved, args)
    return rows


def caching_proxy(work: Path, upstream: int, running: ExitStack) -> int | None:
    """nginx configured as docs/deploy.md says, in front of gunicorn; its port (None where it cannot run)."""
    port = servers.free_port()
    conf = work / "nginx-proxy.conf"
    documented = servers.documented_proxy(ROOT / "docs" / "deploy.md")
    (work / "proxy-cache").mkdir(exist_ok=True)
    conf.write_text(servers.nginx_proxy_config(work, port, upstream, documented))
    command = servers.nginx(work, conf)
    if isinstance(command, str):
        print(f"  no caching-proxy column: {command}")
        return None
    running.enter_context(servers.running(command, port))
    return port


def load(port: int, path: str, seconds: float, args: argparse.Namespace) -> servers.Measured:
    if args.generator == "wrk":
        return servers.wrk(port, path, seconds, args.connections, HEADERS)
    return servers.python_load(port, path, seconds, args.connections, HEADERS)


def static(rows: list[dict[str, Any]], saved: Path, args: argparse.Namespace) -> None:
    """The same bodies from nginx (its column stays empty, with the reason, where nginx cannot run)."""
    port = servers.free_port()
    conf = saved.parent / "nginx.conf"
    files = [(f"/{n}", saved / str(n), row["content_type"] or "text/plain") for n, row in enumerate(rows)]
    conf.write_text(servers.nginx_config(saved.parent, port, files))
    command = servers.nginx(saved.parent, conf)
    if isinstance(command, str):
        print(f"  no nginx column: {command}")
        return
    with servers.running(command, port):
        for n, row in enumerate(rows):
            row["nginx"] = asdict(load(port, f"/{n}", args.static_duration, args))


def report(rows: list[dict[str, Any]], args: argparse.Namespace, database: str, idle: float) -> None:
    engine = "PostgreSQL" if database.startswith("postgres") else "SQLite"
    print(
        f"\n{engine}, gunicorn {args.workers} sync workers, {args.connections} connections, "
        f"{args.duration:g} s per page ({args.generator}); nginx {args.static_duration:g} s per page; "
        f"{os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}; "
        f"load average {idle:.1f} before the load\n"
    )
    header = f"{'page':<26} {'path':<42} {'status':>6} {'bytes':>8} {'queries':>7} {'alone ms':>8} {'req/s':>7}"
    header += f" {'p50 ms':>8} {'p99 ms':>8} {'proxy':>8} {'nginx':>8}"
    print(header + "\n" + "-" * len(header))
    for row in rows:
        app, ngx, proxy = row["app"], row.get("nginx"), row.get("proxy")
        nginx_rps = f"{ngx['rps']:8.0f}" if ngx else f"{'-':>8}"
        proxy_rps = f"{proxy['rps']:8.0f}" if proxy else f"{'-':>8}"
        print(
            f"{row['page']:<26} {row['path']:<42} {row['status']:>6} {row['bytes']:>8} {row['queries']:>7} "
            f"{fmt(row['alone_ms'])} {app['rps']:>7.1f} "
            f"{fmt(app['p50_ms'])} {fmt(app['p99_ms'])} {proxy_rps} {nginx_rps}"
        )
    for row in rows:
        if row["status"] != 200:
            print(f"  {row['page']}: answered {row['status']}, not 200")
        if row["app"]["errors"]:
            print(f"  {row['page']}: {row['app']['errors']} of {row['app']['requests']} requests failed or timed out")
    if args.json:
        meta = {"database": engine, "workers": args.workers, "connections": args.connections}
        meta |= {"duration": args.duration, "generator": args.generator, "cores": os.cpu_count(), "loadavg": idle}
        meta |= {"date": time.strftime("%Y-%m-%d %H:%M:%S %z")}
        args.json.write_text(json.dumps({**meta, "pages": rows}, indent=2, ensure_ascii=False) + "\n")
        print(f"\nwritten to {args.json}")


def fmt(ms: float | None) -> str:
    return f"{'-':>8}" if ms is None else f"{ms:>8.0f}" if ms >= 10 else f"{ms:>8.1f}"


if __name__ == "__main__":
    main()
