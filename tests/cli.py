"""Running `python -m startpakke …` as a real process, the way every CLI test does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def startpakke(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the command to its end (no terminal, no input) and return what it printed.

    Output is UTF-8 without colours; `env` adds to or overrides the environment. A
    traceback is never what a user should see, so it fails the test here.
    """
    result = subprocess.run(
        [sys.executable, "-m", "startpakke", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env={**os.environ, "PYTHONUTF8": "1", "NO_COLOR": "1", **(env or {})},
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout
    return result
