"""What every benchmark shares: figures, medians, child processes and their rusage."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
EXAMPLE = ROOT / "examples" / "eksempel-okt.json"
PYTHON = sys.executable
SCRIPT = Path(PYTHON).parent / "startpakke"
"""The console script pip installed beside the interpreter."""


@dataclass
class Figure:
    """One line of the table."""

    section: str
    name: str
    value: float | None
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    target: str = ""
    passed: bool | None = None
    """None: shown for information, no target."""
    n: int = 0
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def child_env() -> dict[str, str]:
    """The environment for measured child processes.

    Bytecode is cached as on an installed machine (pip compiles on install): a
    `PYTHONDONTWRITEBYTECODE` in the developer's shell would otherwise make every child
    compile the whole package from source. The cache goes to a folder outside the tree.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "startpakke-bench-pycache")
    # A data folder of the benchmark's own (the developer's sessions stay untouched). It
    # persists between runs like a user's: after the warm-up round, the agenda cache is warm
    # (`startpakke.agenda.cache`), as on every start but the very first.
    env["STARTPAKKE_DATA_DIR"] = str(Path(tempfile.gettempdir()) / "startpakke-bench-data")
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env.setdefault("PYTHONHASHSEED", "0")
    env["COLUMNS"] = "100"
    env["NO_COLOR"] = "1"
    return env


@dataclass
class ChildResult:
    seconds: float
    """Wall time from just before the process was started to its exit."""
    maxrss_kb: int
    """Peak resident memory of this child alone (`wait4` rusage, kilobytes on Linux)."""
    cpu: float
    """User + system CPU seconds of the child (steadier than wall time on a busy machine)."""
    returncode: int
    stdout: str
    stderr: str
    started: float
    """`time.perf_counter()` just before the process was started."""


class _Launcher:
    """The one `launcher.py` process every measured child is started from."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[str] | None = None

    def request(self, payload: dict[str, object]) -> dict[str, object]:
        if self.proc is None or self.proc.poll() is not None:
            env = child_env()
            self.proc = subprocess.Popen(
                [PYTHON, str(BENCH / "launcher.py")],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                env=env,
            )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(payload) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("benchmarks/launcher.py stopped")
        return dict(json.loads(line))

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait(timeout=10)


LAUNCHER = _Launcher()


def run_child(
    argv: Sequence[str],
    *,
    cwd: Path = ROOT,
    env: dict[str, str] | None = None,
    timeout: float = 120.0,
) -> ChildResult:
    """Run one process to its end, started by the launcher; time and its own peak memory.

    The peak is the `ru_maxrss` that `wait4` returns for that one child (not
    `getrusage(RUSAGE_CHILDREN)`, which is the maximum over all children so far).
    """
    reply = LAUNCHER.request(
        {
            "argv": [str(arg) for arg in argv],
            "cwd": str(cwd),
            "env": env or child_env(),
            "timeout": timeout,
        }
    )
    return ChildResult(
        seconds=float(reply["seconds"]),  # type: ignore[arg-type]
        maxrss_kb=int(reply["maxrss_kb"]),  # type: ignore[call-overload]
        cpu=float(reply["cpu"]),  # type: ignore[arg-type]
        returncode=int(reply["returncode"]),  # type: ignore[call-overload]
        stdout=str(reply["stdout"]),
        stderr=str(reply["stderr"]),
        started=float(reply["started"]),  # type: ignore[arg-type]
    )


def alternate(runs: int, *makers: Callable[[], ChildResult], warmup: int = 1) -> list[Runs]:
    """Run each maker in turn, `runs` rounds, so a busy machine hurts all of them alike."""
    for _ in range(warmup):
        for make in makers:
            make()
    results = [Runs() for _ in makers]
    for _ in range(runs):
        for index, make in enumerate(makers):
            results[index].add(make())
    return results


@dataclass
class Runs:
    """The runs of one measured process."""

    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    maxrss_mb: list[float] = field(default_factory=list)
    results: list[ChildResult] = field(default_factory=list)

    def add(self, result: ChildResult) -> None:
        self.seconds.append(result.seconds)
        self.cpu.append(result.cpu)
        self.maxrss_mb.append(result.maxrss_kb / 1024)
        self.results.append(result)

    @property
    def n(self) -> int:
        return len(self.seconds)


def checked(argv: Sequence[str], **kwargs: object) -> Callable[[], ChildResult]:
    """A maker that runs `argv` and fails loudly when it does not exit 0."""

    def make() -> ChildResult:
        result = run_child(argv, **kwargs)  # type: ignore[arg-type]
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(map(str, argv))} failed:\n{result.stderr[-2000:]}")
        return result

    return make


def cpu_note(ours: Runs, base: Runs | None = None) -> str:
    text = f"CPU {median(ours.cpu) * 1000:.0f} ms"
    if base is not None:
        text += f" mot {median(base.cpu) * 1000:.0f} ms"
    return text


def fmt_value(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"
    if unit == "ms":
        return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "s-err":
        return f"{value:.3f} s"
    if unit == "":
        return f"{value:g}"
    return f"{value:g} {unit}"
