"""What the run screen's first frame does not import (benchmarks/README.md, the first frame).

Each module here cost every start a few milliseconds and is needed only later, or never on
the way to the run screen: a new import at the top of a start-up module would bring it back
without failing anything else. A real process (the modules of this test process do not
count), started as `startpakke run` starts: setup screen, «Start», run screen, with the
agenda cache warm as on every start but the first (the first validates the agenda, and
pydantic brings zoneinfo).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

NOT_AT_START = [
    "textual.widgets._text_area",  # the contract dialog's field (about 5 ms with its parts)
    "zoneinfo",  # the fake clock's zone (with sysconfig, about 3 ms)
    "startpakke.projector.blockfont",  # the big block clock, shown from about 100×30
    "startpakke.session.revision",  # the rule review's view
    "startpakke.network.privacy",  # the warning about personal data in a typed text
]

START = """
import asyncio, json, sys
from startpakke.cli import build_parser
from startpakke.commands.run import _prepare
from startpakke.tui import app as app_module
from startpakke.tui.app import StartpakkeApp, Startup

app_module.WARM_AFTER_SECONDS = 3600.0  # the warm-up after the first frame is not checked
WATCHED = json.loads(sys.argv[2])
args = build_parser().parse_args(["run", "--session", sys.argv[1], "--names", "Anne,Bjørn"])
agenda, store, resume = _prepare(args)
startup = Startup(agenda=agenda, session=store.session, save=lambda s: store.save(),
                  session_path=store.path, resume=resume, bell=False)
app = StartpakkeApp(startup)
seen = {}

async def main():
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        seen["screen"] = type(app.screen).__name__
        seen["loaded"] = [name for name in WATCHED if name in sys.modules]

asyncio.run(main())
print(json.dumps(seen))
"""


def _start(tmp_path: Path, name: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", START, str(tmp_path / name), json.dumps(NOT_AT_START)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "STARTPAKKE_DATA_DIR": str(tmp_path / "data"),
        },
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return seen


def test_the_run_screen_starts_without_what_it_does_not_show(tmp_path: Path) -> None:
    _start(tmp_path, "first.json")  # fills the agenda cache
    seen = _start(tmp_path, "second.json")
    assert seen["screen"] == "RunScreen"
    assert seen["loaded"] == []
