"""A small, long-lived process that starts the measured processes and waits for them.

Why not start them from the benchmark itself: on Linux a child's `ru_maxrss` includes the
peak memory of the process it was forked from (the kernel keeps the old memory's high-water
mark across `exec`), so a child of the benchmark — which has imported Textual and run the
app in-process — would report the benchmark's peak, not its own. This launcher stays
small: it imports only the standard library's basics and never grows.

Protocol: one JSON object per line on stdin (`argv`, `cwd`, `env`, `timeout`), one JSON
object per line on stdout (`started`, `seconds`, `maxrss_kb`, `cpu`, `returncode`,
`stdout`, `stderr`). `started` is `time.perf_counter()` just before the fork (CLOCK_MONOTONIC, the
same clock in every process).
"""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
import time


def run(argv: list[str], cwd: str, env: dict[str, str], timeout: float) -> dict[str, object]:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # the child
            try:
                os.chdir(cwd)
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                devnull = os.open(os.devnull, os.O_RDONLY)
                os.dup2(devnull, 0)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        # Block in wait4 (no polling to steal the CPU); an alarm kills a child that hangs.
        signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            _, status, usage = os.wait4(pid, 0)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        ended = time.perf_counter()
        out.seek(0)
        err.seek(0)
        return {
            "started": started,
            "seconds": ended - started,
            "maxrss_kb": usage.ru_maxrss,
            "cpu": usage.ru_utime + usage.ru_stime,
            "returncode": os.waitstatus_to_exitcode(status),
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
        }


def main() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        reply = run(request["argv"], request["cwd"], request["env"], request["timeout"])
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
