"""Query plans on PostgreSQL: every SQL query of the largest pages of a forum grown for years, EXPLAINed.

    make bench-plans
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/plans.py [--scale 10]
        [--pages WORD…] [--full] [--json FILE]

Builds, in a throw-away database ``mshub_bench_plans`` on the PostgreSQL server of DATABASE_URL
(dropped at the end), the load benchmark's forum (bench/forum.py) grown ``--scale`` times: a study
series of 300 × scale past meetings with their reports, registrations and Q/A/C entries, the 200-item
plenary, an announced 200-item plenary with 200 × scale registrations, 500 × scale people with two
affiliations each, 5,000 × scale activity entries and 100 × scale archive documents. ``ANALYZE`` then
gives the planner its statistics, as autovacuum does on a live server.

Each page is fetched through Django's test client (the production settings, the page cache off so that
every request renders), once to warm it and once with its queries captured; each SELECT is then run
again under ``EXPLAIN (ANALYZE, BUFFERS)``. Per page the script prints each query abridged, its
execution time, the plan's top node and how each table is read (which index, or a Seq Scan), and flags
(``!``) a Seq Scan of a table that grows with the forum's history, and a sort of more than
``--sort-rows`` rows. ``--full`` also prints every plan as PostgreSQL writes it. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import load, servers  # noqa: E402
from bench.forum import INTERVENTIONS, ITEMS, PAST_MEETINGS, PLENARY, REGISTRATIONS, STUDY  # noqa: E402

PG_NAME = "mshub_bench_plans"
GROWING = {  # tables whose rows pile up meeting after meeting, year after year
    "meetings_meeting",
    "meetings_agendaitem",
    "meetings_presenter",
    "meetings_registration",
    "meetings_intervention",
    "meetings_reportversion",
    "meetings_material",
    "people_person",
    "people_affiliation",
    "core_activityentry",
    "archive_archivedocument",
    "archive_sourcelink",
}


@dataclass
class Access:
    node: str  # Seq Scan, Index Scan, Index Only Scan, Bitmap Heap Scan…
    table: str
    index: str = ""
    rows: int = 0  # actual rows out of the node (all loops)


@dataclass
class Explained:
    sql: str
    ms: float  # PostgreSQL's execution time
    top: str
    accesses: list[Access] = field(default_factory=list)
    sorts: list[tuple[str, int, str]] = field(default_factory=list)  # (key, rows, method)
    flags: list[str] = field(default_factory=list)
    text: str = ""


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # drop the database on kill too
    args = options()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit(
            "set DATABASE_URL=postgres://…/postgres: the plans are PostgreSQL's (a database is made, then dropped)"
        )
    work = Path(tempfile.mkdtemp(prefix="mshub-bench-plans-"))
    with ExitStack() as cleanup:
        cleanup.callback(shutil.rmtree, work, ignore_errors=True)
        load.environment(work, servers.free_port(), cleanup, args.pg_database)
        os.environ["PAGE_CACHE_ENABLED"] = "false"  # every request renders and queries
        pages, sizes = build(args)
        wanted = [p for p in pages if not args.pages or any(w.lower() in p[0].lower() for w in args.pages)]
        results = {name: explain_page(path, user, args) for name, path, user in wanted}
        if args.json:
            args.json.write_text(json.dumps({"sizes": sizes, "pages": results}, indent=2, default=vars) + "\n")
            print(f"\nwritten to {args.json}")


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=10, help="how many times the load benchmark's history (10)")
    parser.add_argument("--pages", nargs="*", help="only pages whose name contains one of these words")
    parser.add_argument("--sort-rows", type=int, default=1000, help="flag sorts of more rows than this (1000)")
    parser.add_argument("--full", action="store_true", help="also print each plan as EXPLAIN ANALYZE writes it")
    parser.add_argument(
        "--random-page-cost", type=float, help="plan with this random_page_cost (PostgreSQL's default: 4; SSD: 1.1)"
    )
    parser.add_argument("--pg-database", default=PG_NAME, help=f"throw-away PostgreSQL database (default {PG_NAME})")
    parser.add_argument("--json", type=Path, help="also write every plan's summary to this file")
    return parser.parse_args()


def build(args: argparse.Namespace) -> tuple[list[tuple[str, str, str]], dict[str, Any]]:
    """The load benchmark's forum (migrate, demo, plenary, study series; collectstatic beside), grown."""
    past = PAST_MEETINGS * args.scale
    plain = argparse.Namespace(items=ITEMS, registrations=REGISTRATIONS * args.scale, interventions=INTERVENTIONS)
    load.build(argparse.Namespace(**vars(plain), past=past))
    from django.db import connection

    from bench.forum import scale_up
    from mshub.core.demo import MAIN

    started = time.perf_counter()
    grown = scale_up(args.scale)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute(
            "SELECT relname, reltuples::bigint, pg_total_relation_size(oid) FROM pg_class"
            " WHERE relkind = 'r' AND relname = ANY(%s) ORDER BY 3 DESC",
            [sorted(GROWING)],
        )
        sizes = {table: {"rows": rows, "bytes": size} for table, rows, size in cursor.fetchall()}
    print(f"grown in {time.perf_counter() - started:.0f} s; the growing tables after ANALYZE (rows, with indexes):")
    for table, n in sizes.items():
        print(f"  {table:<26} {n['rows']:>9,} rows {n['bytes'] / 2**20:>8.1f} MiB")
    f, held, upcoming = f"/{MAIN}", f"/{MAIN}/meetings/{PLENARY}/1/", grown.upcoming
    study = f"{f}/meetings/{STUDY}/"
    anonymous, secretariat = "", "secretariat@demo.example"
    pages = [
        ("forum home", f"{f}/", anonymous),
        ("meetings index", f"{f}/meetings/", anonymous),
        (f"series page ({past} meetings)", study, anonymous),
        (f"meeting ({ITEMS} items, held)", held, anonymous),
        (f"meeting ({ITEMS} items, announced)", upcoming, anonymous),
        ("register form", f"{upcoming}register/", anonymous),
        (f"report ({ITEMS} items)", f"{held}report/", anonymous),
        ("forum .ics", f"{f}/meetings/calendar.ics", anonymous),
        (f"series .ics ({past})", f"{study}calendar.ics", anonymous),
        ("reports Atom", f"{f}/meetings/reports.atom", anonymous),
        ("API meetings", f"/api/v1/{MAIN}/meetings/", anonymous),
        ("API organisations", f"/api/v1/{MAIN}/organizations/", anonymous),
        ("activity log (secretariat)", f"{f}/events/", secretariat),
    ]
    return pages, {"scale": args.scale, "rows": sizes}


def explain_page(path: str, user: str, args: argparse.Namespace) -> list[Explained]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(headers={"host": "127.0.0.1"})
    if user:
        client.force_login(get_user_model().objects.get(email=user))
    client.get(path, secure=True)  # warm: content types, templates, the forum's caches
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(path, secure=True)
        elapsed = (time.perf_counter() - started) * 1000
    # a model choice field reads through a server-side cursor: its SELECT is explained like the others
    queries = [re.sub(r"^DECLARE \S+ NO SCROLL CURSOR WITH HOLD FOR ", "", q["sql"]) for q in captured.captured_queries]
    selects = [sql for sql in queries if sql.lstrip().upper().startswith(("SELECT", "WITH"))]
    others = [sql for sql in queries if sql not in selects]
    results = [explain(sql, args) for sql in selects]
    total = sum(r.ms for r in results)
    print(
        f"\n== {path}  {response.status_code}, {len(queries)} queries, {elapsed:.0f} ms for the request, "
        f"{total:.1f} ms in PostgreSQL"
    )
    for n, r in enumerate(results, 1):
        reads = ", ".join(describe(a) for a in r.accesses) or "no table"
        print(f"  {n:>2}. {r.ms:7.2f} ms  {r.top:<22} {reads}")
        print(f"      {abridge(r.sql)}")
        for flag in r.flags:
            print(f"      ! {flag}")
        if args.full:
            print("      " + r.text.replace("\n", "\n      "))
    for sql in others:
        print(f"   (not a read, not explained) {abridge(sql, 120)}")
    return results


def explain(sql: str, args: argparse.Namespace) -> Explained:
    """Run ``sql`` under EXPLAIN ANALYZE (in a transaction rolled back: reads only, but to be sure)."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        if args.random_page_cost is not None:
            cursor.execute("SELECT set_config('random_page_cost', %s, true)", [str(args.random_page_cost)])
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}")
        plan = cursor.fetchone()[0][0]
        text = ""
        if args.full:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            text = "\n".join(row[0] for row in cursor.fetchall())
        transaction.set_rollback(True)
    root = plan["Plan"]
    result = Explained(sql=sql, ms=plan["Execution Time"], top=root["Node Type"], text=text)
    walk(root, result, args.sort_rows)
    return result


def walk(node: dict[str, Any], result: Explained, sort_rows: int) -> None:
    kind, table = node["Node Type"], node.get("Relation Name", "")
    rows = int(node.get("Actual Rows", 0) * node.get("Actual Loops", 1))
    if table:
        index = node.get("Index Name", "") or ", ".join(bitmap_indexes(node))
        result.accesses.append(Access(kind, table, index, rows))
        if kind == "Seq Scan" and table in GROWING:
            result.flags.append(f"Seq Scan on {table} (a growing table): {rows:,} rows out")
    if kind in ("Sort", "Incremental Sort"):
        key, method = ", ".join(node.get("Sort Key", [])), node.get("Sort Method", "")
        result.sorts.append((key, rows, method))
        if rows > sort_rows:
            result.flags.append(f"Sort of {rows:,} rows by {key} ({method})")
    for child in node.get("Plans", []):
        walk(child, result, sort_rows)


def bitmap_indexes(node: dict[str, Any]) -> list[str]:
    """The indexes a Bitmap Heap Scan reads (its Bitmap Index Scans, under BitmapAnd/BitmapOr)."""
    found = [node["Index Name"]] if node["Node Type"] == "Bitmap Index Scan" else []
    return found + [name for child in node.get("Plans", []) for name in bitmap_indexes(child)]


def describe(access: Access) -> str:
    how = {"Seq Scan": "seq", "Index Scan": "index", "Index Only Scan": "index only", "Bitmap Heap Scan": "bitmap"}
    text = f"{access.table} ({how.get(access.node, access.node)}"
    return text + (f" {access.index})" if access.index else ")")


def abridge(sql: str, width: int = 400) -> str:
    """The query on one line without its column list, join conditions and quotes, cut at ``width``."""
    sql = re.sub(r"\s+", " ", sql).strip().replace('"', "")
    sql = re.sub(r"^SELECT (DISTINCT )?.*? FROM ", r"SELECT \1… FROM ", sql, count=1)
    sql = re.sub(r" ON \([^()]*\)", "", sql)
    sql = re.sub(r"\b[a-z_][a-z0-9_]*\.(?=[a-z_])", "", sql)  # table.column → column
    sql = re.sub(r"IN \(([^,()]+), ([^,()]+)(, [^()]+)+\)", r"IN (\1, \2, …)", sql)
    return sql if len(sql) <= width else sql[: width - 1] + "…"


if __name__ == "__main__":
    main()
