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
from startpakke.i18n import _
from startpakke.tui.widgets.block_clock import BlockClock
from startpakke.tui.widgets.text import show_text
from startpakke.view.run import ClockView

STATES = ("ok", "low", "overtime", "paused")


def speakers_text(snap: Snapshot) -> Text | None:
    """«Ordet har / ANNE / Neste / Bjørn»: the round beside the big face; None outside one."""
    view = snap.round
    if view is None or snap.finished:
        return None
    if view.done or view.current is None:
        return Text(_("Runden er ferdig"), style="bold")
    label = _("Fokusperson") if snap.phase.speakers is Speakers.focus else _("Ordet har")
    following = view.next.name if view.next else _("ingen – siste tur")
    return Text.assemble(
        (label, "bold"),
        "\n\n",
        (f" {view.current.name} ", "bold reverse"),
        "\n\n\n",
        (_("Neste"), "bold"),
        "\n\n",
        (following, "bold"),
        "\n\n\n",
        (
            _("tur {turn} av {turns}").format(turn=view.turn_number, turns=view.turns_total),
            "italic",
        ),
    )


class BigClock(Vertical):
    """Shows a `ClockView`: the innermost running timer (step, turn or phase) and the part's
    own time; after the meeting, how long it took."""

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

    def show(self, view: ClockView, snap: Snapshot) -> None:
        speakers = self.query_one("#clock-speakers", Static)
        text = speakers_text(snap)
        speakers.set_class(text is None, "-empty")
        show_text(speakers, text or "")
        for name in STATES:
            self.set_class(name == view.state, f"-{name}")
        self.set_class(view.flash, "-flash")
        show_text(self.query_one("#clock-label", Static), view.label)
        self.set_class(not view.face, "-no-face")
        digits = self.query_one("#clock-digits", Digits)
        if view.face and digits.value != view.face:
            digits.update(view.face)
            self.query_one(BlockClock).face = view.face
        show_text(self.query_one("#clock-status", Static), view.status)
        show_text(self.query_one("#clock-part", Static), view.part_line)
