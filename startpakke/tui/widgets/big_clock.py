"""The big countdown, readable across a room, with a text label for its state.

On a laptop (80×24) it is Textual's `Digits` with the speaker in the round list beside
it. On a window from about 100×30 (a mirrored projector; see `.-wide.-tall` in app.tcss)
the face is drawn in block characters as large as the space the prompts leave, with who
has the word and who is next beside it, large.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from startpakke.agenda.model import Speakers
from startpakke.engine import Snapshot
from startpakke.present import clock_face, minutes_text, timer_state, timer_status
from startpakke.tui.widgets.block_clock import BlockClock

STATES = ("ok", "low", "overtime", "paused")


def speakers_text(snap: Snapshot) -> Text | None:
    """«Ordet har / ANNE / Neste / Bjørn»: the round beside the big face; None outside one."""
    view = snap.round
    if view is None or snap.finished:
        return None
    if view.done or view.current is None:
        return Text("Runden er ferdig", style="bold")
    label = "Fokusperson" if snap.phase.speakers is Speakers.focus else "Ordet har"
    following = view.next.name if view.next else "ingen – siste tur"
    return Text.assemble(
        (label, "bold"),
        "\n\n",
        (f" {view.current.name} ", "bold reverse"),
        "\n\n\n",
        ("Neste", "bold"),
        "\n\n",
        (following, "bold"),
        "\n\n\n",
        (f"tur {view.turn_number} av {view.turns_total}", "italic"),
    )


class BigClock(Vertical):
    """Shows the innermost running timer (step, turn or phase) and the part's own time."""

    DEFAULT_CSS = """
    BigClock { height: auto; }
    BigClock Digits { width: auto; }
    BigClock #clock-face { height: auto; }
    BigClock #clock-speakers { display: none; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="clock-face"):
            yield Static(id="clock-label", markup=False)
            yield Digits("00:00", id="clock-digits")
            yield BlockClock(id="clock-block")  # shown instead of Digits on a large window
            yield Static(id="clock-status", markup=False)
            yield Static(id="clock-part", markup=False)
        yield Static(id="clock-speakers", markup=False)  # shown beside it on a large window

    def show(self, snap: Snapshot) -> None:
        speakers = self.query_one("#clock-speakers", Static)
        text = speakers_text(snap)
        speakers.set_class(text is None, "-empty")
        speakers.update(text or "")
        if snap.finished:
            self._show_finished(snap)
            return
        main = snap.main
        state = timer_state(main, snap.paused)
        for name in STATES:
            self.set_class(name == state, f"-{name}")
        self.query_one("#clock-label", Static).update(f"{main.label} · {minutes_text(main.budget)}")
        self._face(clock_face(main.remaining))
        self.query_one("#clock-status", Static).update(timer_status(main, snap.paused))
        part = snap.part_timer
        left = "over tiden" if part.overtime else "igjen"
        self.query_one("#clock-part", Static).update(
            f"Delen: {clock_face(part.remaining)} {left} av {minutes_text(part.budget)}"
        )

    def _face(self, face: str) -> None:
        digits = self.query_one("#clock-digits", Digits)
        if digits.value != face:
            digits.update(face)
            self.query_one(BlockClock).face = face

    def _show_finished(self, snap: Snapshot) -> None:
        """After the last part: the time the meeting took, not a stopped countdown."""
        for name in STATES:
            self.set_class(name == "ok", f"-{name}")
        self.query_one("#clock-label", Static).update("Møtet er ferdig · tid brukt")
        self._face(clock_face(snap.used_seconds))
        self.query_one("#clock-status", Static).update("")
        self.query_one("#clock-part", Static).update("e: skriv dokumentene")
