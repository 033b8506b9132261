"""The two apps the benchmarks start: the facilitator's app (in its run screen) and the
smallest Textual app with the same kinds of widgets.

Everything is imported inside the functions, so a child process that times its own start
imports exactly what the app it starts needs, and nothing for the other one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

    from startpakke.engine import Clock

NAMES = "Anne,Bjørn,Cecilie,Dag,Eva,Frida"


def minimal_app() -> App[None]:
    """Header, Static, Digits and Footer: the baseline every start-up is compared with."""
    from textual.app import App, ComposeResult
    from textual.widgets import Digits, Footer, Header, Static

    class MinimalApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Innsjekk")
            yield Digits("05:00")
            yield Footer()

    return MinimalApp()


def run_app(session_dir: Path, clock: Clock | None = None) -> Any:
    """The real app on a new session file in `session_dir`, starting in the run screen.

    This is what `startpakke run --session FILE --names "Anne,…"` does once the setup
    screen's «Start» has been pressed: the command's own preparation (`commands.run._prepare`)
    loads the built-in agenda (from the agenda cache when it is warm) and creates the
    session file, every change is saved to it (`SessionStore.save`, atomic, with fsync), and
    the run screen is the first screen shown (`Startup.begin_at_once`), with everything the
    app's own start-up does around it (drafts, heartbeat, suspend watch). Returns a `StartpakkeApp`.
    """
    from startpakke.cli import build_parser
    from startpakke.commands.run import _prepare, startup_for
    from startpakke.tui.app import StartpakkeApp

    path = Path(session_dir) / "okt.json"
    args = build_parser().parse_args(["run", "--session", str(path), "--names", NAMES, "--no-bell"])
    startup = startup_for(args, *_prepare(args))
    startup.begin_at_once = True  # as if «Start møtet» had been pressed
    return StartpakkeApp(startup, clock=clock)


def is_run_screen(screen: object) -> bool:
    from startpakke.tui.screens.run import RunScreen

    return isinstance(screen, RunScreen)
