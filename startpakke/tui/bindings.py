"""Every key of the run screen, declared once.

The footer, the help screen and the command palette are all built from these, so a key
and its description can never disagree between them. Each binding has an `id` so a user
can rebind it through Textual's keymap.
"""

from __future__ import annotations

from textual.binding import Binding

RUN_BINDINGS: list[Binding] = [
    Binding("n,right", "next_part", "Neste del", key_display="n/→", id="next_part"),
    Binding("p,left", "previous_part", "Forrige del", key_display="p/←", id="previous_part"),
    Binding("f", "next_phase", "Neste fase", id="next_phase"),
    Binding("t", "next_turn", "Neste tur", id="next_turn"),
    Binding("a", "toggle_absent", "Borte/til stede", id="toggle_absent"),
    Binding("space", "toggle_pause", "Pause", key_display="mellomrom", id="toggle_pause"),
    Binding("plus,+", "extend(1)", "+1 min (tur og del)", key_display="+", id="extend"),
    Binding("minus,-", "extend(-1)", "−1 min (tur og del)", key_display="-", id="shorten"),
    Binding("c", "capture", "Skriv ned", priority=True, id="capture"),
    Binding("o", "schedule", "Tidsplan", id="schedule"),
    Binding("i", "info", "Veiledning", id="info"),
    Binding("d", "participants", "Deltakere", show=False, id="participants"),
    Binding("m", "note", "Nytt notat", show=False, id="note"),
    Binding("h", "action_item", "Oppfølging", show=False, id="action_item"),
    Binding("v", "park", "Parker tema", show=False, id="park"),
    Binding("e", "export", "Dokumenter", show=False, id="export"),
    Binding("k", "toggle_keep_turns", "Hold/kort turer", show=False, id="keep_turns"),
    Binding("l", "toggle_theme", "Lyst/mørkt", show=False, id="toggle_theme"),
    Binding("b", "toggle_blank", "Blank skjerm", id="toggle_blank"),
    Binding("v", "toggle_bell", "Varsellyd av/på", id="toggle_bell"),
    Binding("question_mark", "help", "Hjelp", key_display="?", id="help"),
]
"""The run screen's keys. `show=False` keys are in the help screen and the palette."""

APP_BINDINGS: list[Binding] = [
    Binding("ctrl+q", "quit", "Avslutt", key_display="ctrl+q", priority=True, id="quit"),
]
