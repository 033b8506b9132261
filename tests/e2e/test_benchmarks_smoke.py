"""The benchmarks still run (no timings are asserted here; they live in benchmarks/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks"


@pytest.fixture
def bench_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCH))


@pytest.mark.parametrize(
    ("face", "remaining", "error"),
    [
        ("05:00", 300.0, 0.0),  # a fresh five minutes
        ("05:00", 299.01, 0.0),  # rounded up while counting down
        ("04:59", 298.5, 0.0),
        ("04:59", 299.5, 0.5),  # the clock runs half a second ahead
        ("05:00", 298.5, 0.5),  # the clock lags half a second
        ("00:00", 0.0, 0.0),
        ("+00:00", -0.5, 0.0),  # overtime counts up, rounded down
        ("+00:01", -1.0, 0.0),
        ("+00:01", -2.25, 0.25),
        ("1:00:00", 3600.0, 0.0),
    ],
)
def test_shown_countdown_error(bench_path: None, face: str, remaining: float, error: float) -> None:
    from bench_app import shown_error

    assert shown_error(face, remaining) == pytest.approx(error)


def test_table_and_summary(bench_path: None) -> None:
    from common import Figure
    from run import summary, table

    ok = Figure("x", "a", 0.010, "s", 0.005, "b", "≤ 3×", passed=True, n=3)
    missed = Figure("x", "c", 2.0, "s", 1.0, "d", "≤ 1.5×", passed=False, n=3)
    text = table([ok, missed])
    assert "2.00×" in text and "✓" in text and "✗" in text
    assert summary([ok]) == "Alle mål nådd"
    assert summary([ok, missed]).startswith("Mål ikke nådd: c (2.00×")


def test_quick_run_of_engine_and_autosave() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--only", "engine,save"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "motor, 3 t simulert" in result.stdout
    assert "autolagring per endring" in result.stdout
    last = result.stdout.strip().splitlines()[-1]
    assert last == "Alle mål nådd" or last.startswith("Mål ikke nådd:")
