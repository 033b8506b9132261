"""The facilitator's app: wires the controller to the screens."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from startpakke.agenda.model import Agenda
from startpakke.controller import MeetingController, Saver
from startpakke.engine import Clock, SystemClock
from startpakke.session.model import Session
from startpakke.tui.bindings import APP_BINDINGS, RUN_BINDINGS
from startpakke.tui.theme import DARK, PROJECTOR, THEMES

HEARTBEAT_SECONDS = 5.0


@dataclass
class Startup:
    """What the command line decided: which agenda, which session, and how to begin."""

    agenda: Agenda
    session: Session
    save: Saver
    session_path: Path | None = None
    resume: bool = False
    """The session has a saved run: continue it (asking about the closed time)."""
    projector: bool = False
    bell: bool = True


class StartpakkeApp(App[None]):
    CSS_PATH = ["styles/app.tcss", "styles/capture.tcss"]
    TITLE = "startpakke"
    BINDINGS = APP_BINDINGS
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, startup: Startup, clock: Clock | None = None) -> None:
        super().__init__()
        self.startup = startup
        self.clock = clock or SystemClock()
        self.bell_enabled = startup.bell
        self.controller: MeetingController | None = None
        self._save_failed = False
        self._raw_save = startup.save
        startup.save = self._safe_save
        for theme in THEMES:
            self.register_theme(theme)
        if startup.projector:
            self.theme = PROJECTOR.name
        else:
            self._set_first_theme(DARK)

    def _set_first_theme(self, theme: Theme) -> None:
        """Use `theme` from the first frame without the watcher's full CSS pass.

        Setting `App.theme` re-parses and re-applies every stylesheet (about 8 ms). Before
        the app runs nothing has been parsed yet, so set the value, the CSS variables and
        the classes the watcher would set; the colour filter already fits, as the default
        theme is dark too. The snapshot tests check the screens come out the same.
        """
        assert theme.dark and self.current_theme.dark
        self.set_reactive(App.theme, theme.name)
        self.stylesheet.set_variables(self.get_css_variables())
        self.set_class(True, f"-theme-{theme.name}")

    # -- start-up ------------------------------------------------------------------------

    def on_load(self) -> None:
        # What is loaded by now (modules, the agenda, Textual's classes) stays for the whole
        # meeting. Frozen, the garbage collector's full passes no longer walk it: without
        # this, one such pass cost 20-30 ms before the first frame (benchmarks/README.md).
        gc.freeze()

    def on_unmount(self) -> None:
        # Give it back when the app ends (tests run many apps in one process).
        gc.unfreeze()

    def on_mount(self) -> None:
        startup = self.startup
        self.sub_title = startup.agenda.title
        if startup.resume and startup.session.run:
            self._ask_how_to_resume()
        else:
            from startpakke.tui.screens.setup import SetupScreen

            self.push_screen(
                SetupScreen(startup.session, startup.agenda.max_participants), self._begin
            )
        self.set_interval(HEARTBEAT_SECONDS, self._heartbeat)

    def _ask_how_to_resume(self) -> None:
        from startpakke.engine import RunEngine
        from startpakke.tui.screens.resume import ResumeScreen

        run = self.startup.session.run
        closed = RunEngine.closed_seconds(run, self.clock) if run else 0.0
        probe = MeetingController.resume(
            self.startup.agenda,
            self.startup.session,
            lambda _s: None,
            self.clock,
            count_closed_time=False,
        )
        snap = probe.snapshot()
        where = f"{snap.part_label}: {snap.part.title}"
        if snap.round is not None and snap.round.current is not None:
            where += f" ({snap.round.current.name} har ordet)"
        self.push_screen(ResumeScreen(closed, snap.paused, where), self._resume)

    def _resume(self, count_closed_time: bool | None) -> None:
        self.controller = MeetingController.resume(
            self.startup.agenda,
            self.startup.session,
            self.startup.save,
            self.clock,
            count_closed_time=bool(count_closed_time),
        )
        self.controller.changed()
        self._show_run()

    def _begin(self, session: Session | None) -> None:
        if session is None:
            self.exit()
            return
        self.controller = MeetingController(
            self.startup.agenda, session, self.startup.save, self.clock
        )
        self.controller.start()
        self._show_run()

    def _show_run(self) -> None:
        from startpakke.tui.screens.run import RunScreen

        assert self.controller is not None
        # The setup or resume dialog has been dismissed: the run screen goes on top.
        self.push_screen(RunScreen(self.controller))

    def _safe_save(self, session: Session) -> None:
        """Save; if the disk refuses, keep everything in memory and say so once."""
        from startpakke.errors import UserError

        try:
            self._raw_save(session)
        except (UserError, OSError) as err:
            if not self._save_failed:
                self.notify(
                    f"Kunne ikke lagre: {err}. Alt er fortsatt i minnet; "
                    "programmet prøver igjen ved neste endring.",
                    severity="error",
                    timeout=15,
                )
            self._save_failed = True
        else:
            if self._save_failed:
                self.notify("Lagret igjen.", timeout=3)
            self._save_failed = False

    def _heartbeat(self) -> None:
        if self.controller is not None:
            self.controller.heartbeat()

    # -- app-wide actions --------------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications show names and rules as typed: «[vara]» is text, never markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def bell_if_enabled(self) -> None:
        if self.bell_enabled:
            self.bell()

    def toggle_bell(self) -> bool:
        self.bell_enabled = not self.bell_enabled
        return self.bell_enabled

    def toggle_projector_theme(self) -> None:
        self.theme = DARK.name if self.theme == PROJECTOR.name else PROJECTOR.name

    async def action_quit(self) -> None:
        if self.controller is not None:
            self.controller.changed()  # the last state is on disk before we go
        self.exit()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every run-screen key is also in the command palette (ctrl+p)."""
        from startpakke.tui.screens.run import RunScreen

        if isinstance(screen, RunScreen):
            for binding in RUN_BINDINGS:
                key = binding.key_display or binding.key
                yield SystemCommand(
                    binding.description,
                    f"Tast: {key}",
                    lambda action=binding.action: self.call_later(screen.run_action, action),
                )
        yield SystemCommand("Avslutt", "Lagrer og avslutter (ctrl+q)", self.action_quit)
        yield SystemCommand(
            "Lyst/mørkt tema", "Bytt til projektortema og tilbake", self.toggle_projector_theme
        )
