"""The facilitator's app: wires the controller to the screens."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Input

from startpakke.agenda.model import Agenda
from startpakke.controller import MeetingController, Saver
from startpakke.engine import Clock, SystemClock
from startpakke.i18n import _, current_language
from startpakke.session.model import Language, Session
from startpakke.tui.bindings import APP_BINDINGS, RUN_BINDINGS
from startpakke.tui.compat import (
    draw_at_the_terminals_size,
    keep_keys_in_order,
    keep_whole_pastes,
    set_first_theme,
)
from startpakke.tui.textual_nb import NorwegianApp, palette_binding, translate_bindings
from startpakke.tui.theme import DARK, PROJECTOR, THEMES

if TYPE_CHECKING:  # imported where they start, after the app's class is built
    from startpakke.engine.suspend import SuspendWatch
    from startpakke.tui.drafts import DraftKeeper

HEARTBEAT_SECONDS = 5.0
WARM_AFTER_SECONDS = 1.0
"""How long after the first frame the validators for edits are built (in a thread)."""
PERSISTENT = 24 * 60 * 60.0
"""A notification's timeout when it must stay until its cause is gone."""


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
    """`--projektor`: the projector theme, and the room view on from the start."""
    bell: bool = True
    crashed: bool = True
    """The last window on this session did not quit cleanly (see `session.lock`)."""
    notices: list[str] = field(default_factory=list)
    """Warnings to show at start-up (files that disagree); `later_notices` adds its own."""
    later_notices: Callable[[], list[str]] = list
    """Warnings that need files the first frame does not (a network past its retention
    date: every session the data folder knows is read). Looked for just after the first
    frame, shown like `notices` and added to them."""
    release: Callable[[], None] = lambda: None
    """Gives back the session's lock: called before the process is ended by force."""
    begin_at_once: bool = False
    """Test and benchmark API: begin as if the setup screen's «Start møtet» had been
    pressed on the session as given. Tests of the run screen and the first-frame
    benchmark do not pay for a setup screen they do not look at (the command line never
    sets it)."""


class StartpakkeApp(NorwegianApp, App[None]):  # NorwegianApp: Textual's own words
    CSS_PATH = ["styles/app.tcss", "styles/capture.tcss"]
    TITLE = "startpakke"
    BINDINGS = [*APP_BINDINGS, palette_binding()]
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, startup: Startup, clock: Clock | None = None) -> None:
        translate_bindings()  # the widgets' own keys in Norwegian, before any is made
        keep_whole_pastes()
        keep_keys_in_order(Input)
        draw_at_the_terminals_size()
        super().__init__()
        self.startup = startup
        self.clock = clock or SystemClock()
        self.bell_enabled = startup.bell
        self.room_view = startup.projector
        """«Rommet ser skjermen»: the screen is mirrored to the room, so the run screen hides
        what the room may not see (`startpakke.view.privacy`, `tui/room_view.py`)."""
        self.controller: MeetingController | None = None
        self.later_notices_shown = False
        """`startup.later_notices` were looked for (the app got past its first frame)."""
        self.save_problem: str | None = None
        """Why the last save failed; None while everything is on disk."""
        self._save_notice_shown = False
        """«IKKE LAGRET» is on the screen (Textual adds a notice a moment after `notify`)."""
        self.quit_choice: str | None = None
        """How a quit with unsaved changes ended: «retry», «copy» or «discard»."""
        self.saved_copy: Path | None = None
        """Where the facilitator saved a copy when the session's own file could not be."""
        self._drafts: DraftKeeper | None = None
        self._drafts_notice_shown = False
        """The drafts could not be written before the meeting started, and it says so."""
        self.quit_by_signal = False
        """The app closed on SIGTERM or SIGHUP (a closed window), not on the user's ctrl+q."""
        self._suspend_watch: SuspendWatch | None = None
        self._raw_save = startup.save
        startup.save = self._safe_save
        for theme in THEMES:
            self.register_theme(theme)
        if startup.projector:
            self.theme = PROJECTOR.name
        else:
            set_first_theme(self, DARK)  # without a second CSS pass (tui/compat.py)

    # -- start-up ------------------------------------------------------------------------

    def on_load(self) -> None:
        # What is loaded by now (modules, the agenda, Textual's classes) stays for the whole
        # meeting. Frozen, the garbage collector's full passes no longer walk it: without
        # this, one such pass cost 20-30 ms before the first frame (benchmarks/README.md).
        gc.freeze()
        # Until the first frame the collector would only walk the screen's new widgets and
        # styles, which all stay (about 4 ms of passes): it is turned on again after it.
        gc.disable()
        self.call_after_refresh(gc.enable)

    def on_unmount(self) -> None:
        # Give it back when the app ends (tests run many apps in one process).
        gc.unfreeze()
        gc.enable()

    def on_mount(self) -> None:
        startup = self.startup
        self.sub_title = startup.agenda.title
        self._open_first_screen()
        from startpakke.engine.suspend import SuspendWatch

        self._suspend_watch = SuspendWatch(self.clock)
        self.set_interval(HEARTBEAT_SECONDS, self._heartbeat)
        self._keep_drafts()
        self._warn(startup.notices)
        self.call_after_refresh(self._show_later_notices)
        self.call_after_refresh(self.set_timer, WARM_AFTER_SECONDS, self._warm_validation)

    def _open_first_screen(self) -> None:
        """The resume question for a meeting under way, else the setup screen (or, with
        `Startup.begin_at_once`, the run screen straight away)."""
        startup = self.startup
        if startup.begin_at_once:
            self._begin(startup.session)
            return
        if startup.resume and startup.session.run:
            self._ask_how_to_resume()
            return
        from startpakke.tui.screens.setup import SetupScreen

        self.push_screen(
            SetupScreen(
                startup.session,
                startup.agenda.max_participants,
                language=self._new_network_language(),
            ),
            self._begin,
        )

    def _show_later_notices(self) -> None:
        found = self.startup.later_notices()
        self.startup.notices.extend(found)
        self._warn(found)
        self.later_notices_shown = True

    def _warn(self, lines: list[str]) -> None:
        """Start-up warnings: long enough to be read, and printed again on the way out."""
        for line in lines:
            self.notify(line, severity="warning", timeout=20)

    def _new_network_language(self) -> Language | None:
        """The målform a founding meeting not saved before is offered: the program's own
        (`--lang`, `STARTPAKKE_LANG`, the setting). None — keep the session's — for a
        session that was saved before (it has chosen) or continues a network (its målform
        comes from the network's last meeting)."""
        path = self.startup.session_path
        if path is None or path.exists() or self.startup.session.previous_session:
            return None
        return Language(current_language())

    def _warm_validation(self) -> None:
        """Build pydantic's validators for edits in a thread, after the first frame: the
        first frame must not wait for them (benchmarks/README.md), and the first edit in
        the meeting should not either."""
        from startpakke.session.edit import warm_validation

        self.run_worker(warm_validation, thread=True, exit_on_error=False, group="warm")

    # -- keeping what is not yet saved (session.drafts, tui.drafts) -----------------------

    def _keep_drafts(self) -> None:
        from startpakke.tui.drafts import SWEEP_SECONDS, DraftKeeper, install_quit_signals

        install_quit_signals(self, self._quit_on_signal)
        if self.startup.session_path is None:
            return
        self._drafts = DraftKeeper(
            self,
            self.startup.session_path,
            on_restored=self._draft_restored,
            on_trouble=self._drafts_trouble,
        )
        self.set_interval(SWEEP_SECONDS, self._drafts.sweep)

    def _drafts_trouble(self, err: OSError | None) -> None:
        """Before the meeting starts (the setup screen, the resume question) nothing but the
        drafts is written: their trouble is said as the session's would be. Once it runs,
        the session's own save meets the same disk and says so («IKKE LAGRET»)."""
        from startpakke.errors import os_reason
        from startpakke.session.drafts import draft_path

        if err is None:
            if self._drafts_notice_shown:
                self._drafts_notice_shown = False
                self.clear_passing_notices()
                self.notify(_("Lagret igjen."), timeout=3)
            return
        if self.controller is not None or self._drafts_notice_shown or self.quit_asked:
            return
        assert self._drafts is not None  # only the keeper calls this
        self._drafts_notice_shown = True
        self.notify(
            _(
                "Kunne ikke lagre det du skriver, i {path}: {reason}. Det finnes bare i "
                "minnet; programmet prøver igjen. Ikke lukk programmet før det er lagret."
            ).format(path=draft_path(self._drafts.session_path), reason=os_reason(err)),
            title=_("IKKE LAGRET"),
            severity="error",
            timeout=PERSISTENT,
        )

    def _draft_restored(self, texts: list[str]) -> None:
        """One notice for the drafts a screen got back, each quoted on one line (60 characters
        at most: a contract's paragraphs would fill the screen)."""
        if self.room_view:  # the draft may be a private note: not on a mirrored screen
            self.notify(_("Hentet tilbake det du skrev, men ikke lagret."), timeout=10)
            return
        from startpakke.tui.capture.views import one_line

        quoted = ", ".join(f"«{one_line(text, 60)}»" for text in texts)
        self.notify(
            _("Hentet tilbake det du skrev, men ikke lagret: {texts}").format(texts=quoted),
            timeout=10,
        )

    def clear_passing_notices(self) -> None:
        """Every notice but «IKKE LAGRET» goes (shown again at once: nothing the facilitator
        does may hide it). When the room view is turned on, no toast may stay that shows
        what the room may not see; when the capture field opens, none may cover it."""
        self.clear_notifications()
        if self.save_problem is not None:
            self.show_save_problem()

    def _before_quit(self) -> None:
        """Everything typed and done is written before the app closes."""
        if self._drafts is not None:
            self._drafts.final()
        if self.controller is not None:
            self.controller.changed()  # the last state is on disk before we go

    def _quit_on_signal(self) -> None:
        # No one may be there to answer (the terminal closed): run.py says what was lost.
        from startpakke.tui.drafts import SIGNAL_EXIT_GRACE, exit_if_stuck

        self.quit_by_signal = True
        self._before_quit()
        self.exit()
        # Everything is on disk now; if closing to a terminal that has gone hangs, end anyway.
        exit_if_stuck(SIGNAL_EXIT_GRACE, self.startup.release)

    @property
    def quit_asked(self) -> bool:
        from startpakke.tui.screens.unsaved import UnsavedScreen

        return isinstance(self.screen, UnsavedScreen)

    def _ask_about_unsaved(self) -> None:
        from startpakke.paths import sessions_dir
        from startpakke.session.paths import unused_path
        from startpakke.tui.screens.unsaved import UnsavedScreen

        name = self.startup.session_path.name if self.startup.session_path else _("økt.json")
        # The dialog says what is wrong, and clears the notices as it opens (`Dialog`).
        self.push_screen(
            UnsavedScreen(
                self.save_problem or "", unused_path(sessions_dir() / name), self._unsaved_attempt
            ),
            self._unsaved_chosen,
        )

    def _unsaved_attempt(self, choice: str, path: Path | None) -> str | None:
        from startpakke.errors import UserError
        from startpakke.session.store import save_session

        session = self.startup.session
        if choice == "retry":
            self._safe_save(session)
            if self.save_problem is None and self._drafts is not None:
                self._drafts.write()  # their last write, at ctrl+q, met the same full disk
            return self.save_problem
        if choice == "copy" and path is not None:
            if path.exists():  # an earlier rescue, or another meeting: never replaced
                return _("{path} finnes fra før; skriv et annet navn.").format(path=path)
            try:
                save_session(session, path)
            except (UserError, OSError) as err:
                return str(err)
            # Absolute, so «Fortsett med: …» works from any folder, not only this one.
            self.saved_copy = path.absolute()
            from startpakke.network import recent

            # The newest state is in the copy: `run --resume` opens it, not the old file.
            recent.remember(self.saved_copy, running=True)
        return None

    def _unsaved_chosen(self, choice: str | None) -> None:
        if choice in (None, "stay"):
            if self._drafts is not None:
                self._drafts.stopped = False  # the meeting goes on: keep watching the fields
            if self.save_problem is not None:
                self.show_save_problem()
            return
        self.quit_choice = choice
        self.exit()

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
        if snap.finished:  # nothing runs: open at the end, where the documents are
            self._resume(False)
            return
        where = f"{snap.part_label}: {snap.part.title}"
        if snap.round is not None and snap.round.current is not None:
            where += _(" ({name} har ordet)").format(name=snap.round.current.name)
        self.push_screen(
            ResumeScreen(closed, snap.paused, where, crashed=self.startup.crashed), self._resume
        )

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
        """Save; if the disk refuses, keep everything in memory and say so until it works."""
        from startpakke.errors import UserError

        try:
            self._raw_save(session)
        except (UserError, OSError) as err:
            first = self.save_problem is None
            self.save_problem = str(err)
            if first and not self.quit_asked:
                self.show_save_problem()
        else:
            if self.save_problem is not None:
                self.clear_notifications()
                self.notify(_("Lagret igjen."), timeout=3)
            self.save_problem = None

    def show_save_problem(self) -> None:
        """«IKKE LAGRET», unless it is on the screen already. Not a toast that fades: it
        stays until a save works again (or a dialog opens: `screens/dialog.py`)."""
        if self._save_notice_shown:
            return
        self._save_notice_shown = True
        self.notify(
            _(
                "{problem}. Alt er fortsatt i minnet; programmet prøver igjen hvert femte "
                "sekund. Ikke lukk programmet før det er lagret."
            ).format(problem=(self.save_problem or "").rstrip(".")),
            title=_("IKKE LAGRET"),
            severity="error",
            timeout=PERSISTENT,
        )

    def _after_suspend(self, seconds: float) -> None:
        """The machine slept while a timer ran: ask whether that time counts."""
        from startpakke.tui.screens.resume import ResumeScreen

        controller = self.controller
        if controller is None:
            return
        engine = controller.engine
        if not engine.started or engine.finished or engine.paused:
            return  # no countdown ran: nothing to ask
        snap = controller.snapshot()
        where = f"{snap.part_label}: {snap.part.title}"

        def chosen(count: bool | None) -> None:
            if count:
                controller.count_time_away(seconds)

        self.push_screen(ResumeScreen(seconds, False, where, suspended=True), chosen)

    def _heartbeat(self) -> None:
        away = self._suspend_watch.check() if self._suspend_watch is not None else None
        if away is not None:
            self._after_suspend(away)
        if self.controller is not None:
            if self.save_problem is not None:
                if self.quit_asked:
                    return  # the quit dialog has its own «Prøv igjen»
                self.controller.changed()  # try again: the disk may have room now
            else:
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

    def clear_notifications(self) -> None:
        super().clear_notifications()
        self._save_notice_shown = False

    def bell_if_enabled(self) -> None:
        if self.bell_enabled:
            self.bell()

    def toggle_bell(self) -> bool:
        self.bell_enabled = not self.bell_enabled
        return self.bell_enabled

    def toggle_projector_theme(self) -> None:
        self.theme = DARK.name if self.theme == PROJECTOR.name else PROJECTOR.name

    async def action_quit(self) -> None:
        self._before_quit()
        if self.save_problem is not None and self.quit_choice is None:
            if not self.quit_asked:
                self._ask_about_unsaved()
            return
        self.exit()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every run-screen key is also in the command palette (ctrl+p)."""
        from startpakke.tui.screens.run import RunScreen

        if isinstance(screen, RunScreen):
            for binding in RUN_BINDINGS:
                yield SystemCommand(
                    binding.tooltip,
                    _("Tast: {key}").format(key=binding.key_display or binding.key),
                    lambda action=binding.action: self.call_later(screen.run_action, action),
                )
        yield SystemCommand(
            _("Hva er lagret"),
            _("Alle filer programmet har om nettverket, med stier"),
            lambda: self.push_screen(_stored_screen(self.startup.session_path)),
        )
        for binding in APP_BINDINGS:
            yield SystemCommand(
                binding.tooltip,
                _("Tast: {key}").format(key=binding.key_display or binding.key),
                lambda action=binding.action: self.call_later(self.run_action, action),
            )
        yield self.keys_command(screen)
        yield self.language_command()


def _stored_screen(path: Path | None) -> Screen[None]:
    from startpakke.tui.screens.stored import StoredScreen

    return StoredScreen(path)
