"""Work on untrusted input in a child process with a memory and a time cap.

``run_limited("package.module:function", payload, *args, memory=…, seconds=…)`` starts a fresh
Python (``python -m mshub.core.sandbox``), caps its address space with ``RLIMIT_AS`` before it
imports anything, hands it ``payload`` on stdin and returns what ``function(payload, *args)``
returned (bytes). A file that makes a parser allocate gigabytes (a decompression bomb, a
pathological PDF) kills only that child: the caller gets :class:`LimitExceededError` and goes on.

A child is a new interpreter started with ``subprocess``, not a ``multiprocessing`` fork: it is safe
from threads (the in-process task queue, threaded servers) and from daemonic Celery workers, which
may not fork children of their own.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys

# The child's exit status when the function ran out of memory (MemoryError).
MEMORY_EXIT = 86


class LimitExceededError(Exception):
    """The child needed more memory or time than allowed, or died (``reason``: memory, time, crashed)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def run_limited(target: str, payload: bytes, *args: str, memory: int, seconds: float) -> bytes:
    """``target(payload, *args)`` (``"module:function"``, returning bytes) run in a child process whose
    address space is at most ``memory`` bytes and which is killed after ``seconds``."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    command = [sys.executable, "-m", "mshub.core.sandbox", str(int(memory)), target, *args]
    try:
        # This interpreter and a fixed module, as a list (no shell); the file itself goes in on stdin.
        done = subprocess.run(  # noqa: S603
            command, input=payload, capture_output=True, timeout=seconds, env=env, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise LimitExceededError("time") from exc
    if done.returncode == 0:
        return done.stdout
    detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
    if done.returncode == MEMORY_EXIT or done.returncode < 0 or "MemoryError" in detail[0]:
        # Killed by a signal: a C library that could not allocate (SIGSEGV/SIGABRT) or the kernel.
        raise LimitExceededError("memory", detail[0])
    raise LimitExceededError("crashed", detail[0])


def _main(argv: list[str]) -> int:
    memory, target, *args = argv
    if int(memory) > 0:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (int(memory), int(memory)))
    try:
        payload = sys.stdin.buffer.read()
        module, function = target.split(":", 1)
        result = getattr(importlib.import_module(module), function)(payload, *args)
        sys.stdout.buffer.write(result)
        sys.stdout.buffer.flush()
    except MemoryError:
        os._exit(MEMORY_EXIT)  # no clean-up: it may need memory too
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
