"""`v`: put a topic aside («Parkert») from any part; steg 7 offers it as a theme."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from startpakke.controller import MeetingController
from startpakke.i18n import _, plural
from startpakke.session import parking
from startpakke.session.edit import EditError
from startpakke.tui.capture.views import one_line
from startpakke.tui.screens.dialog import Dialog
from startpakke.tui.widgets.form_input import EnterInOrderFormInput


class ParkScreen(Dialog[None]):
    """Enter parks the topic and keeps the field open; Esc closes (keeping what was typed)."""

    BINDINGS = [Binding("escape", "close", _("Lukk"), key_display="esc")]

    def __init__(self, controller: MeetingController) -> None:
        super().__init__()
        self.controller = controller

    def compose(self) -> ComposeResult:
        with Vertical(id="park-box", classes="dialog capture-dialog"):
            yield Static(_("Parker et tema – vi tar det senere"), classes="dialog-title")
            yield EnterInOrderFormInput(
                on_enter=self._entered,
                placeholder=_("Temaet, kort – Enter parkerer"),
                id="park-input",
                compact=True,
            )
            yield Static(id="park-list", classes="capture-dialog-list")
            yield Static(id="park-error", classes="capture-error")
            yield Static(
                _(
                    "Enter: parker (feltet står åpent for neste) · steg 7 foreslår de parkerte "
                    "som temaer for de neste møtene · Esc: lukk – det som står i feltet, "
                    "parkeres også"
                ),
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        self._show()
        self.query_one("#park-input", Input).focus()

    def _show(self) -> None:
        topics = self.controller.session.parked
        lines = [f"• {escape(one_line(t.text, 100))}" for t in topics[-6:]]
        count = len(topics)
        heading = plural("Parkert: {n} tema", "Parkert: {n} temaer", count) if count else ""
        self.query_one("#park-list", Static).update(
            "\n".join([heading, *lines]) if lines else _("Ingenting er parkert ennå.")
        )

    def _park(self, text: str) -> bool:
        if not text.strip():
            return True
        try:
            self.controller.edit(parking.park, text, self.controller.part.id)
        except EditError as err:
            self.query_one("#park-error", Static).update(escape(str(err)))
            return False
        self.query_one("#park-error", Static).update("")
        return True

    def _entered(self) -> None:
        field = self.query_one("#park-input", Input)
        if self._park(field.value):
            field.value = ""
            self._show()

    def action_close(self) -> None:
        # What is still in the field is parked: closing never throws text away.
        if self._park(self.query_one("#park-input", Input).value):
            self.dismiss(None)
