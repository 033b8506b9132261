"""The run screen: the part, its prompts, the big clock, the round and what is captured.

It only shows the controller's state and sends it intents. A timer tick re-reads the
engine's snapshot (computed from the clock, so missed ticks cannot make it drift).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Input, OptionList, Static

from startpakke.controller import MeetingController
from startpakke.engine import Snapshot
from startpakke.i18n import _
from startpakke.tui.bindings import OPENS_A_FIELD, RUN_BINDINGS
from startpakke.tui.capture import CaptureArea
from startpakke.tui.compat import StyledOnMountScreen, breakpoint_class
from startpakke.tui.widgets.big_clock import BigClock
from startpakke.tui.widgets.key_bar import KeyBar
from startpakke.tui.widgets.round_list import RoundList
from startpakke.tui.widgets.text import show_text
from startpakke.view.run import RunView, run_view

if TYPE_CHECKING:
    from startpakke.tui.screens.export import ExportChoice

TICK_SECONDS = 0.2


def blank_notice() -> str:
    return _("ROMMET SER BLANK SKJERM (b viser møtet igjen)")


def room_notice() -> str:
    """On the day line while the room view is on: the facilitator always knows."""
    return _("ROMMET SER SKJERMEN (R viser det private)")


class RunScreen(StyledOnMountScreen[None]):
    """The meeting, part by part."""

    BINDINGS = RUN_BINDINGS
    # From about 100×30 (a projector) the clock grows: see `.-wide.-tall` in app.tcss.
    HORIZONTAL_BREAKPOINTS = [(0, "-normal"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    AUTO_FOCUS = ""  # never put the focus in a text field by itself (None = app default)

    # Not a repaint of the whole screen on each tick: `watch_snap` sets what changed.
    snap: reactive[Snapshot | None] = reactive(None, always_update=True, init=False, repaint=False)

    def __init__(self, controller: MeetingController) -> None:
        # Start with the breakpoint classes the first resize would give: adding them after
        # mounting restyles the whole screen once more before the first frame.
        width, height = self.app.size
        super().__init__(
            classes=" ".join(
                (
                    breakpoint_class(width, self.HORIZONTAL_BREAKPOINTS),
                    breakpoint_class(height, self.VERTICAL_BREAKPOINTS),
                )
            )
        )
        self.controller = controller
        self._alerted: tuple[int, int, int, int] | None = None
        self._shown_key: tuple[object, ...] | None = None
        self.view: RunView | None = None
        """What the screen shows now (`startpakke.view.run`); None before the first tick."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(id="part-title", markup=False)
            yield Static(id="wall-clock", markup=False)
        yield Static(id="purpose", markup=False)
        with Horizontal(id="main"):
            with VerticalScroll(id="phase-box", can_focus=False):
                yield Static(id="phase-title", markup=False)
                yield Static(id="banner", markup=False)
                yield Static(id="prompts", markup=False)
            with Vertical(id="side"):
                with Vertical(id="clock-box"):
                    yield BigClock(id="big-clock", classes="-ok")
                yield RoundList(id="round-list")
        yield Static(id="round", markup=False)
        yield CaptureArea(self.controller, id="capture-area")
        yield Static(id="day", markup=False)
        yield KeyBar(self._can_do_now, area_keys=self._capture_area_keys, id="key-bar")

    def on_mount(self) -> None:
        self.refresh_state()
        self.set_interval(TICK_SECONDS, self.refresh_state)

    @on(events.ScreenResume)
    def _in_front_again(self) -> None:
        """A dialog has closed: «IKKE LAGRET» comes back if it gave way to the dialog."""
        if getattr(self.app, "save_problem", None) is not None:
            self.app.show_save_problem()  # type: ignore[attr-defined]

    # -- rendering -----------------------------------------------------------------------

    def refresh_state(self) -> None:
        self.snap = self.controller.snapshot()

    def watch_snap(self, snap: Snapshot | None) -> None:
        if snap is None:
            return
        view = run_view(snap)
        self.view = view
        self.query_one(BigClock).show(view.clock, snap)
        self.query_one(RoundList).show(snap.round)
        show_text(self.query_one("#wall-clock", Static), view.wall_clock)
        blank = self.controller.session.room_blank
        room = bool(getattr(self.app, "room_view", False))
        unsaved = getattr(self.app, "save_problem", None) is not None
        # A lasting word on the screen itself while nothing can be saved (the toast may
        # give way to the capture field or be cleared; this line stays until a save works).
        notices = [_("IKKE LAGRET – prøver igjen")] if unsaved else []
        notices += [blank_notice()] if blank else []
        notices += [room_notice()] if room else []
        show_text(self.query_one("#day", Static), "  ·  ".join([*notices, view.day]))
        self.set_class(view.paused, "-paused")
        self.set_class(blank, "-blank")
        self.set_class(room, "-room-view")
        self.set_class(unsaved, "-unsaved")
        self._alert_if_time_is_up(snap)
        round_line = self.query_one("#round", Static)
        show_text(round_line, view.round)
        round_line.display = bool(view.round)
        # Re-render the part only when the position changes, not on every tick.
        if view.key != self._shown_key:
            self._show_part(view)
            self._shown_key = view.key
            self.query_one(KeyBar).show(view)

    def _show_part(self, view: RunView) -> None:
        self.query_one("#part-title", Static).update(view.title)
        self.query_one("#purpose", Static).update(view.purpose)
        self.query_one("#phase-title", Static).update(view.phase)
        self.query_one("#prompts", Static).update("\n".join(f"▸ {p}" for p in view.prompts))
        banner = self.query_one("#banner", Static)
        banner.update(view.banner)
        banner.display = bool(view.banner)
        banner.set_class(view.banner_kind == "listening", "-listening")
        self.query_one(CaptureArea).show_for(self.controller.captures_here())

    def _alert_if_time_is_up(self, snap: Snapshot) -> None:
        # The bell rings once per timer that runs out; the flash is in the view (`flash`).
        if not snap.started or snap.finished or snap.paused:
            return
        if snap.main.overtime and self._alerted != snap.timer_key:
            self._alerted = snap.timer_key
            self.app.bell_if_enabled()

    # -- intents ---------------------------------------------------------------------------

    def _after(self) -> None:
        self.refresh_state()
        self.refresh_bindings()  # grey out what no longer applies (e.g. «neste» at the end)
        self.query_one(KeyBar).show(self.view)

    def _can_do_now(self, action: str) -> bool:
        """For the key bar: `check_action` says yes (not greyed out, not hidden), and `f`
        only where it leads to another phase (after the last one `f` is `n`, shown already)."""
        name = action.partition("(")[0]
        if name == "next_phase" and self.view is not None and not self.view.has_next_phase:
            return False
        return self.check_action(name, ()) is True

    def _capture_area_keys(self) -> tuple[list[Binding], str | None] | None:
        """For the key bar: while the capture area has the focus, its keys that work now,
        and in its field what Enter does there (adds, or saves what is being edited)."""
        area = self.query_one(CaptureArea)
        if not area.has_focus_within:
            return None
        keys = [b.binding for b in self.active_bindings.values() if b.node is area and b.enabled]
        if not isinstance(self.focused, Input):
            return keys, None
        return keys, _("Lagre") if area.editing is not None else _("Legg til")

    def on_descendant_focus(self) -> None:
        self.query_one(KeyBar).refresh()  # `c` is just a letter while a field has focus

    def on_descendant_blur(self) -> None:
        self.query_one(KeyBar).refresh()

    def action_next_part(self) -> None:
        self.controller.next_part()
        self._after()

    def action_take_break(self) -> None:
        self.controller.take_break()
        self._after()

    def action_previous_part(self) -> None:
        self.controller.previous_part()
        self._after()

    def action_next_phase(self) -> None:
        self.controller.next_phase()
        self._after()

    def action_next_turn(self) -> None:
        self.controller.next_turn()
        self._after()

    def action_toggle_absent(self) -> None:
        person = self.controller.toggle_current_absent()
        if person is not None:
            self.notify(_("{name} er markert som borte").format(name=person.name), timeout=3)
        self._after()

    def action_toggle_pause(self) -> None:
        self.controller.toggle_pause()
        self._after()

    def action_extend(self, minutes: int) -> None:
        self.controller.extend(minutes)
        self._after()

    def action_toggle_keep_turns(self) -> None:
        keep = not self.controller.engine.keep_written_turns
        self.controller.set_keep_written_turns(keep)
        self.notify(
            _("Turene holder skrevet lengde (delen kan gå over tiden)")
            if keep
            else _("Turene kortes ned for å rekke tiden"),
            timeout=4,
        )
        self._after()

    def action_capture(self) -> None:
        self.query_one(CaptureArea).focus_input()

    def action_schedule(self) -> None:
        from startpakke.tui.screens.schedule import ScheduleScreen

        self.app.push_screen(ScheduleScreen(self.controller))

    def action_info(self) -> None:
        from startpakke.tui.screens.info import InfoScreen

        self.app.push_screen(InfoScreen(self.controller))

    def action_help(self) -> None:
        from startpakke.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_participants(self) -> None:
        self.query_one(CaptureArea).open_participants()

    def action_note(self) -> None:
        self.query_one(CaptureArea).open_note()

    def action_action_item(self) -> None:
        self.query_one(CaptureArea).open_action()

    def action_park(self) -> None:
        self.query_one(CaptureArea).open_park()

    def action_export(self) -> None:
        self._choose_document()

    def _choose_document(self, again: ExportChoice | None = None, error: str = "") -> None:
        from startpakke.documents.registry import output_folder
        from startpakke.tui.screens.export import ExportScreen

        startup = getattr(self.app, "startup", None)
        folder = output_folder(getattr(startup, "session_path", None))
        dialog = ExportScreen(self.controller.session, folder, again, error)
        self.app.push_screen(dialog, self._make_document)

    def _make_document(self, choice: ExportChoice | None) -> None:
        """Make what the dialog chose; on failure the dialog comes back with the reason."""
        from startpakke.documents.registry import make_document
        from startpakke.errors import UserError

        if choice is None:
            return
        try:
            written = make_document(
                choice.kind, self.controller.session, choice.path, agenda=self.controller.agenda
            )
        except UserError as err:
            self._choose_document(choice, str(err))
            return
        except Exception as err:  # a writer's bug must not end the meeting
            self._choose_document(
                choice, _("Kunne ikke lage dokumentet: {error}. Økten er lagret.").format(error=err)
            )
            return
        made = _("{document} laget: {path}").format(document=choice.kind.name, path=written)
        left_out = choice.kind.left_out(self.controller.session)
        if left_out:
            self.notify(f"{made}\n{left_out}", severity="warning", timeout=12)
        else:
            self.notify(made, timeout=8)

    def action_toggle_theme(self) -> None:
        self.app.toggle_projector_theme()

    def action_toggle_blank(self) -> None:
        blank = self.controller.toggle_room_blank()
        if blank:
            self.screen.set_focus(None)  # the capture area is hidden: nothing typed there
        self.notify(
            _("Rommet ser en blank skjerm (bare nettverkets navn og klokken). b viser møtet igjen.")
            if blank
            else _("Rommet ser møtet igjen."),
            timeout=4,
        )
        self._after()

    def action_toggle_room_view(self) -> None:
        """`R`: the room sees this screen (mirrored), or only the facilitator does."""
        on = not getattr(self.app, "room_view", False)
        self.app.room_view = on  # type: ignore[attr-defined]
        if on:
            # A toast on screen now (the guide, a restored draft) must not stay for the room.
            self.app.clear_passing_notices()  # type: ignore[attr-defined]
        self.query_one(CaptureArea).room_view_changed()
        self.notify(
            _(
                "Rommet ser skjermen: notater, kontaktopplysninger, saker og veiledningen "
                "vises ikke. R viser dem igjen."
            )
            if on
            else _("Bare du ser skjermen: notater og saker vises igjen."),
            timeout=4,
        )
        self._after()

    def action_toggle_bell(self) -> None:
        on_now = self.app.toggle_bell()
        self.notify(_("Lyd på") if on_now else _("Lyd av"), timeout=2)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out what cannot be done here (shown dimmed in the footer)."""
        engine = self.controller.engine
        if action == "previous_part":
            return None if (engine.pos.part == 0 and not engine.finished) else True
        if action in {"next_part", "next_phase"}:
            return None if engine.finished else True
        if action in {"next_turn", "toggle_absent"}:
            live = engine.current_speaker is not None and not engine.finished
            return True if live else None
        if action in {"extend", "toggle_pause"}:
            return None if engine.finished else True
        if action == "take_break":
            if isinstance(self.focused, OptionList):
                # In a capture list `g` is the rule review's agreement key (help: «g / w i
                # listen»): a facilitator agreeing on rules must not start the break.
                return None
            return True if engine.next_break() is not None and not engine.finished else None
        if action in OPENS_A_FIELD:
            # Priority keys, handled before the next key is delivered, so what is typed
            # right after them lands in the field they open; in a text field, a letter.
            return not isinstance(self.focused, Input)
        return True

    @on(CaptureArea.Changed)
    def _captured(self) -> None:
        self.refresh_state()
