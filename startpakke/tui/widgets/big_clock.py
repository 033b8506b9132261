"""The big countdown, readable across a room, with a text label for its state."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from startpakke.tui.widgets.block_clock import BlockClock
from startpakke.view.run import ClockView

STATES = ("ok", "low", "overtime", "paused")


class BigClock(Vertical):
    """Shows a `ClockView`: the innermost running timer (step, turn or phase) and the part's
    own time; after the meeting, how long it took."""

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

    def show(self, view: ClockView) -> None:
        for name in STATES:
            self.set_class(name == view.state, f"-{name}")
        self.query_one("#clock-label", Static).update(view.label)
        self.set_class(not view.face, "-no-face")
        digits = self.query_one("#clock-digits", Digits)
        if view.face and digits.value != view.face:
            digits.update(view.face)
            self.query_one(BlockClock).face = view.face
        self.query_one("#clock-status", Static).update(view.status)
        self.query_one("#clock-part", Static).update(view.part_line)
