"""Usage errors: Norwegian words, exit code 2, no traceback."""

from __future__ import annotations

import pytest

from tests.cli import startpakke_process


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["bogus"], "ugyldig valg 'bogus'"),
        (["agenda", "--participants", "x"], "--participants: ugyldig verdi 'x'"),
        (["export"], "dette mangler: ØKT"),
        (["validate"], "dette mangler: FIL"),
    ],
)
def test_usage_errors_are_norwegian_and_exit_2(args: list[str], words: str) -> None:
    result = startpakke_process(*args, timeout=30)
    assert result.returncode == 2
    assert words in result.stderr
    assert result.stderr.startswith("bruk: startpakke")
    assert "Traceback" not in result.stderr
