"""Child process: start one app headless and report when its first frame is composed.

    python benchmarks/first_frame.py minimal
    python benchmarks/first_frame.py minimal+libs
    python benchmarks/first_frame.py startpakke SESSION_DIR

Both apps are started the same way — `App.run(headless=True, size=(80, 24))` in a fresh
interpreter — and both stop the clock at the same point: the first time the compositor's
full update of the screen we care about has been rendered and handed to `App._display`
(which, headless, then skips only the terminal write). For the minimal app that is its
only screen; for startpakke it is the run screen (see `apps.run_app`). The time is printed
as a `time.perf_counter()` value (CLOCK_MONOTONIC on Linux, the same clock in every
process), so the parent measures from just before it started this process: process start
→ first frame. The app then exits at once; the parent reads the peak memory.

`minimal+libs` is the minimal app after importing the libraries startpakke's data needs
(PyYAML, pydantic) and building one one-field pydantic model — the first model built loads
most of pydantic. Not a target: it shows which part of the difference is those libraries
and which part is startpakke's own start-up.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from textual.app import App  # both apps need it; importing it is part of the start


def stop_at_first_frame(is_target) -> None:  # type: ignore[no-untyped-def]
    """Wrap `App._display` (a private method; benchmark only) to time the first frame."""
    original = App._display
    done = False

    def _display(self, screen, renderable):  # type: ignore[no-untyped-def]
        nonlocal done
        original(self, screen, renderable)
        if not done and renderable is not None and is_target(screen):
            done = True
            print(f"{time.perf_counter():.9f}", flush=True)
            self.exit()

    App._display = _display  # type: ignore[method-assign]


def main() -> None:
    import apps

    if sys.argv[1].startswith("minimal"):
        if sys.argv[1] == "minimal+libs":
            import yaml  # noqa: F401
            from pydantic import BaseModel

            class One(BaseModel):
                value: int

            One(value=1)

        app = apps.minimal_app()
        stop_at_first_frame(lambda screen: True)
    else:
        app = apps.run_app(Path(sys.argv[2]))
        stop_at_first_frame(apps.is_run_screen)
    app.run(headless=True, size=(80, 24))


if __name__ == "__main__":
    main()
