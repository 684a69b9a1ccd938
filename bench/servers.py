"""Processes for the benchmarks: gunicorn and nginx on free ports of 127.0.0.1, and the load generators.

``wrk`` (Debian: ``apt-get install wrk``) drives a URL for a number of seconds and reports the latency
distribution; without it, ``python_load`` does the same with threads and ``http.client`` (a new
connection per request, like gunicorn's sync workers answer anyway). Every server runs in its own
session and is stopped by ``running`` on the way out, also after an error or Ctrl-C.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running(
    command: list[str], port: int, env: dict[str, str] | None = None, seconds: float = 60, log: Path | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """Start ``command``, wait until it accepts connections on ``port``, stop it (and its children) at the end.

    ``log``: its standard output and error go to this file (appended) instead of the terminal."""
    out = open(log, "ab") if log else None  # noqa: SIM115 (closed below, after the process)
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, stdout=out, stderr=out)
    try:
        deadline = time.monotonic() + seconds
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} stopped at start (exit status {process.returncode})")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{command[0]} did not listen on port {port} within {seconds:.0f} s") from None
                time.sleep(0.1)
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if out:
            out.close()


def gunicorn(port: int, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "mshub.wsgi",
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        str(workers),
        "--log-level",
        "warning",
    ]


def nginx_config(prefix: Path, port: int, files: list[tuple[str, Path, str]]) -> str:
    """A minimal nginx serving ``files`` ((URL path, file, content type)) in the foreground, everything it
    writes under ``prefix`` (no root configuration)."""
    locations = "\n".join(
        f'    location = {url} {{ default_type "{ctype}"; alias {path}; }}' for url, path, ctype in files
    )
    temp = "\n".join(
        f"  {name}_temp_path {prefix}/{name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root root;\n" if os.geteuid() == 0 else ""  # as root, workers would be 'nobody'
    return f"""{user}daemon off;
worker_processes {os.cpu_count() or 1};
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  types {{ }}
{temp}
  server {{
    listen 127.0.0.1:{port};
{locations}
  }}
}}
"""


def nginx_proxy_config(prefix: Path, port: int, upstream: int, documented: str) -> str:
    """nginx as the caching reverse proxy of docs/deploy.md (``documented``: its ``nginx`` block) on
    ``port`` in front of the application on ``upstream``, everything it writes under ``prefix``.

    The block is used as written but for what only a deployment knows: the cache directory, the
    application's port, the listening address (instead of TLS and server_name), and the scheme, which
    the load generator's ``X-Forwarded-Proto: https`` stands for (TLS ends in front of nginx here)."""
    replacements = {
        "/var/cache/nginx/mshub": str(prefix / "proxy-cache"),
        "http://127.0.0.1:8001": f"http://127.0.0.1:{upstream}",
        "# … TLS, server_name …": f"listen 127.0.0.1:{port};",
        "X-Forwarded-Proto $scheme": "X-Forwarded-Proto https",
    }
    block = documented
    for old, new in replacements.items():
        if old not in block:
            raise ValueError(f"docs/deploy.md's nginx block no longer contains {old!r}: update bench/servers.py")
        block = block.replace(old, new)
    static = nginx_config(prefix, port, [])
    return static.replace(f"  server {{\n    listen 127.0.0.1:{port};\n\n  }}\n", block + "\n")


def documented_proxy(deploy: Path) -> str:
    """The ``nginx`` code block of ``deploy`` (docs/deploy.md) under "The page cache"."""
    text = deploy.read_text(encoding="utf-8")
    start = text.index("```nginx\n", text.index("## The page cache")) + len("```nginx\n")
    return text[start : text.index("```", start)]


def nginx(prefix: Path, conf: Path) -> list[str] | str:
    """The command that runs nginx with ``conf``, or why it cannot (not installed, or the test failed)."""
    binary = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if binary is None:
        return "nginx is not installed (apt-get install nginx-light)"
    command = [binary, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf)]
    test = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True, check=False)
    if test.returncode:
        return f"nginx refused the generated configuration: {test.stderr.strip()}"
    return command


@dataclass
class Measured:
    requests: int
    rps: float
    p50_ms: float | None  # None: no request finished within the run
    p99_ms: float | None
    errors: int = 0  # non-2xx/3xx answers and socket errors (timeouts, resets)
    tool: str = "wrk"


def wrk_path() -> str | None:
    return shutil.which("wrk") or ("/usr/bin/wrk" if Path("/usr/bin/wrk").exists() else None)


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text).groups()  # type: ignore[union-attr]
    return float(number) * UNITS_MS[unit]


def parse_wrk(output: str) -> Measured:
    """Requests, requests per second, p50/p99 and errors from ``wrk --latency`` output."""
    requests = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    p50, p99 = (_ms(percentiles[p]) if p in percentiles and requests else None for p in ("50", "99"))
    return Measured(requests, rps, p50, p99, errors)


def wrk(port: int, path: str, seconds: float, connections: int, headers: dict[str, str]) -> Measured:
    command = [wrk_path() or "wrk", "--latency", f"-d{seconds:g}s", f"-c{connections}", f"-t{min(connections, 2)}"]
    command += ["--timeout", "60s", *(a for k, v in headers.items() for a in ("-H", f"{k}: {v}"))]
    done = subprocess.run([*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True)
    return parse_wrk(done.stdout)


def fetch(port: int, path: str, headers: dict[str, str], timeout: float = 120) -> tuple[int, str, bytes]:
    """One GET: (status, content type, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        conn.close()


def python_load(
    port: int, path: str, seconds: float, connections: int, headers: dict[str, str], requests: int | None = None
) -> Measured:
    """``connections`` threads sending GETs for ``seconds`` (or until ``requests`` have been sent)."""
    deadline = time.monotonic() + seconds
    sent = iter(range(requests)) if requests else None

    def worker(_: int) -> list[tuple[int, float]]:
        done = []
        while time.monotonic() < deadline and (sent is None or next(sent, None) is not None):
            start = time.perf_counter()
            try:
                status = fetch(port, path, headers, timeout=60)[0]
            except OSError:
                status = 0
            done.append((status, time.perf_counter() - start))
        return done

    start = time.perf_counter()
    with ThreadPoolExecutor(connections) as pool:
        results = [r for batch in pool.map(worker, range(connections)) for r in batch]
    elapsed = time.perf_counter() - start
    latencies = sorted(t for _, t in results)

    def percentile(q: float) -> float | None:
        return latencies[min(len(latencies) - 1, int(len(latencies) * q))] * 1000 if latencies else None

    errors = sum(1 for status, _ in results if not 200 <= status < 400)
    return Measured(len(results), len(results) / elapsed, percentile(0.5), percentile(0.99), errors, tool="python")


def cpu_seconds(pid: int, database: str = "") -> float:
    """CPU time (user + system) spent so far by process ``pid`` and its children (gunicorn's master and
    workers), and by the PostgreSQL server processes serving ``database`` (their title names it). Linux."""
    tick = os.sysconf("SC_CLK_TCK")

    def used(p: int | str) -> float:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            return 0.0
        return (int(fields[11]) + int(fields[12])) / tick  # utime, stime

    children = Path(f"/proc/{pid}/task/{pid}/children")
    total = used(pid) + sum(used(c) for c in (children.read_text().split() if children.exists() else []))
    if database:
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    title = (entry / "cmdline").read_bytes()
                except OSError:
                    continue
                if title.startswith(b"postgres: ") and f" {database} ".encode() in title:
                    total += used(entry.name)
    return total
