"""Where the run screen's first frame goes: the start-up, phase by phase, against the
smallest Textual app. Not part of the table; a tool for whoever makes start-up faster.

    python benchmarks/startup_breakdown.py [--runs 9]

Each run is a fresh process that notes `time.perf_counter()` from the first line of this
script (the interpreter's own start, ~15 ms, is not included) after each phase (imports in
a fixed order, so each phase is charged with what it alone adds) and at the first frame
(the same point as `first_frame.py`). Printed: the median of each phase over the runs.
"""

from __future__ import annotations

import argparse
import ast
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
VARIANTS = ("minimal", "startpakke")


def child(which: str) -> None:
    started = time.perf_counter()
    marks: list[tuple[str, float]] = []

    def mark(label: str) -> None:
        marks.append((label, time.perf_counter()))

    sys.path.insert(0, str(HERE))
    from textual.app import App
    from textual.widgets import Digits, Footer, Header, Static  # noqa: F401

    mark("textual-import")
    import apps

    if which == "minimal":
        app = apps.minimal_app()

        def target(screen: object) -> bool:
            return True

    else:
        import startpakke.agenda.model
        import startpakke.session.model

        mark("modellene (dataklasser: agenda, økt)")
        import startpakke.controller
        import startpakke.session.edit
        import startpakke.session.store
        import startpakke.tui.app
        import startpakke.tui.screens.run

        mark("øvrige startpakke-moduler (motor, kontroller, lagring, skjermer)")
        from startpakke.agenda.cache import load_agenda_cached
        from startpakke.resources import resolve_agenda

        agenda = load_agenda_cached(resolve_agenda("startpakke"))
        mark("agendaen lastes (fra agenda-cachen når den er varm)")
        from startpakke.session.model import Session
        from startpakke.session.store import SessionStore

        session = Session(agenda="startpakke", agenda_id=agenda.id)
        session.participants = startpakke.session.edit.participants_from_names(apps.NAMES)
        folder = tempfile.mkdtemp(prefix="startpakke-bench-")
        store = SessionStore.create(Path(folder) / "okt.json", session)
        mark("øktfilen opprettes")
        loaded = sorted({m.split(".")[0] for m in sys.modules} & {"pydantic", "yaml"})
        mark(f"(lastet før første bilde: {', '.join(loaded) or 'verken pydantic eller yaml'})")
        startup = startpakke.tui.app.Startup(
            agenda=agenda,
            session=store.session,
            save=lambda _session: store.save(),
            session_path=store.path,
            bell=False,
            begin_at_once=True,
        )
        app = startpakke.tui.app.StartpakkeApp(startup)
        target = apps.is_run_screen
    mark("appen konstrueres")
    original = App._display
    done = False

    def _display(self, screen, renderable):  # type: ignore[no-untyped-def]
        nonlocal done
        original(self, screen, renderable)
        if renderable is not None and target(screen) and not done:
            done = True
            mark("run() → første bilde (CSS, compose, layout, tegning)")
            self.exit()

    App._display = _display  # type: ignore[method-assign]
    app.run(headless=True, size=(80, 24))
    previous = started
    phases = []
    for label, moment in marks:
        phases.append((label, (moment - previous) * 1000))
        previous = moment
    print(repr(phases))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--child", choices=VARIANTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    from common import child_env

    phases: dict[str, dict[str, list[float]]] = {name: {} for name in VARIANTS}
    for _ in range(args.runs):
        for which in VARIANTS:
            out = subprocess.run(
                [sys.executable, __file__, "--child", which],
                capture_output=True,
                text=True,
                env=child_env(),
                check=True,
            ).stdout
            for label, ms in ast.literal_eval(out.strip().splitlines()[-1]):
                phases[which].setdefault(label, []).append(ms)
    print(f"Median av {args.runs} kjøringer per variant, ms (prosessens egen klokke fra start)")
    for which in VARIANTS:
        total = 0.0
        print(f"\n{which}")
        for label, values in phases[which].items():
            value = statistics.median(values)
            total += value
            print(f"  {value:7.1f}  {label}")
        print(f"  {total:7.1f}  sum")


if __name__ == "__main__":
    main()
