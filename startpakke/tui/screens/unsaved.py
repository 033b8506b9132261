"""Asked when the facilitator quits while the session cannot be saved (full disk, removed
folder, no write access): try again, save a copy elsewhere, or quit without saving.

Nothing is claimed that is not so: the dialog closes only when a choice has worked, and
«Avslutt uten å lagre» says in those words what it does.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from startpakke.i18n import _
from startpakke.tui.compat import EnterInOrderInput
from startpakke.tui.screens.dialog import Dialog

Attempt = Callable[[str, Path | None], str | None]
"""Try a choice («retry», «copy» with a path, «discard»); None when done, else the problem."""


class UnsavedScreen(Dialog[str]):
    """Returns the choice that worked: «retry», «copy» or «discard»."""

    BINDINGS = [Binding("escape", "stay", _("Tilbake til møtet"))]

    def __init__(self, problem: str, suggestion: Path, attempt: Attempt) -> None:
        super().__init__()
        self.problem = problem
        self.suggestion = suggestion
        self.attempt = attempt

    def compose(self) -> ComposeResult:
        with Vertical(id="unsaved-box", classes="dialog"):
            yield Static(_("Økten er ikke lagret"), classes="dialog-title")
            yield Static(
                Text(
                    _(
                        "{problem}\nDet siste du har gjort, finnes bare i minnet. Hva vil du gjøre?"
                    ).format(problem=self.problem)
                ),
                id="unsaved-text",
            )
            yield Static(
                _("Lagre en kopi et annet sted (f.eks. en minnepinne) – skriv stien:"),
                classes="dialog-help",
            )
            yield EnterInOrderInput(
                on_enter=self._copy, value=str(self.suggestion), id="unsaved-path", compact=True
            )
            yield Static("", id="unsaved-problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Prøv igjen"), id="retry", variant="primary")
                yield Button(_("Lagre en kopi"), id="copy", variant="success")
                yield Button(_("Avslutt uten å lagre"), id="discard", variant="error")

    def _try(self, choice: str, path: Path | None = None) -> None:
        problem = self.attempt(choice, path)
        if problem is None:
            self.dismiss(choice)
        else:
            self.query_one("#unsaved-problem", Static).update(
                Text(_("Gikk ikke: {problem}").format(problem=problem))
            )

    @on(Button.Pressed, "#retry")
    def _retry(self) -> None:
        self._try("retry")

    @on(Button.Pressed, "#copy")
    def _copy(self) -> None:
        text = self.query_one("#unsaved-path", Input).value.strip()
        if not text:
            self.query_one("#unsaved-problem", Static).update(_("Skriv hvor kopien skal lagres."))
            return
        self._try("copy", Path(text).expanduser())

    @on(Button.Pressed, "#discard")
    def _discard(self) -> None:
        self._try("discard")

    def action_stay(self) -> None:
        self.dismiss("stay")
