"""The big countdown, readable across a room, with a text label for its state."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from startpakke.engine import Snapshot
from startpakke.present import clock_face, minutes_text, timer_state, timer_status
from startpakke.tui.widgets.block_clock import BlockClock

STATES = ("ok", "low", "overtime", "paused")


class BigClock(Vertical):
    """Shows the innermost running timer (step, turn or phase) and the part's own time."""

    DEFAULT_CSS = """
    BigClock { height: auto; }
    BigClock Digits { width: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="clock-label", markup=False)
        yield Digits("00:00", id="clock-digits")
        yield BlockClock(id="clock-block")  # shown instead of Digits on a large window
        yield Static(id="clock-status", markup=False)
        yield Static(id="clock-part", markup=False)

    def show(self, snap: Snapshot) -> None:
        if snap.finished:
            self._show_finished(snap)
            return
        main = snap.main
        state = timer_state(main, snap.paused)
        for name in STATES:
            self.set_class(name == state, f"-{name}")
        self.query_one("#clock-label", Static).update(f"{main.label} · {minutes_text(main.budget)}")
        digits = self.query_one("#clock-digits", Digits)
        face = clock_face(main.remaining)
        if digits.value != face:
            digits.update(face)
            self.query_one(BlockClock).face = face
        self.query_one("#clock-status", Static).update(timer_status(main, snap.paused))
        part = snap.part_timer
        left = "over tiden" if part.overtime else "igjen"
        self.query_one("#clock-part", Static).update(
            f"Delen: {clock_face(part.remaining)} {left} av {minutes_text(part.budget)}"
        )

    def _show_finished(self, snap: Snapshot) -> None:
        """After the last part: the time the meeting took, not a stopped countdown."""
        for name in STATES:
            self.set_class(name == "ok", f"-{name}")
        self.query_one("#clock-label", Static).update("Møtet er ferdig · tid brukt")
        face = clock_face(snap.used_seconds)
        digits = self.query_one("#clock-digits", Digits)
        if digits.value != face:
            digits.update(face)
            self.query_one(BlockClock).face = face
        self.query_one("#clock-status", Static).update("")
        self.query_one("#clock-part", Static).update("e: skriv dokumentene")
