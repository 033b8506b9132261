"""`m`: a note in the current part, from anywhere in the meeting."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from startpakke.controller import MeetingController
from startpakke.i18n import _
from startpakke.session.edit import EditError
from startpakke.tui.capture.views import one_line
from startpakke.tui.compat import EnterInOrderInput
from startpakke.tui.room_view import hidden_list_text, hides, mask
from startpakke.tui.screens.dialog import Dialog


class NoteScreen(Dialog[None]):
    """Enter adds the note and keeps the field open; Esc closes (and keeps what was typed)."""

    BINDINGS = [Binding("escape", "close", _("Lukk"), key_display="esc")]

    def __init__(self, controller: MeetingController) -> None:
        super().__init__()
        self.controller = controller

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="dialog capture-dialog"):
            yield Static(
                _("Notat – {part}").format(part=escape(self.controller.part.title)),
                classes="dialog-title",
            )
            yield EnterInOrderInput(
                on_enter=self._entered,
                placeholder=_("Skriv notatet og trykk Enter"),
                id="note-input",
                compact=True,
            )
            yield Static(id="note-list", classes="capture-dialog-list")
            yield Static(id="note-error", classes="capture-error")
            yield Static(
                _(
                    "Enter: legg til (feltet står åpent for neste) · Esc: lukk – det som "
                    "står i feltet, legges også til"
                ),
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        mask(self.query_one("#note-input", Input), "notes[].text")  # the room view (R)
        self._show_notes()
        self.query_one("#note-input", Input).focus()

    def _show_notes(self) -> None:
        part = self.controller.part.id
        notes = [n for n in self.controller.session.notes if n.part == part and n.about is None]
        lines = [f"• {escape(one_line(n.text, 100))}" for n in notes[-5:]]
        if lines and hides(self, "notes[].text"):
            lines = [hidden_list_text()]
        self.query_one("#note-list", Static).update("\n".join(lines) or _("Ingen notater ennå."))

    def _add(self, text: str) -> bool:
        if not text.strip():
            return True
        from startpakke.tui.capture.privacy import warn_about_personal_data

        warn_about_personal_data(self, text)
        try:
            self.controller.add_note(text)
        except EditError as err:
            self.query_one("#note-error", Static).update(escape(str(err)))
            return False
        self.query_one("#note-error", Static).update("")
        return True

    def _entered(self) -> None:
        # In the key handler, not on Input.Submitted: the next note's first letters, typed
        # right after Enter, went into this one or were cleared with it.
        field = self.query_one("#note-input", Input)
        if self._add(field.value):
            field.value = ""
            self._show_notes()

    def action_close(self) -> None:
        # What is still in the field is kept: closing never throws text away.
        if self._add(self.query_one("#note-input", Input).value):
            self.dismiss(None)
