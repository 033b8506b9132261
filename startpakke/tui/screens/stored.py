"""«Hva er lagret»: every file the program keeps about this meeting's network, with paths."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from startpakke.i18n import _
from startpakke.network.stored import DOCUMENTS_NOTE, stored_for_session
from startpakke.tui.screens.dialog import Dialog


class StoredScreen(Dialog[None]):
    BINDINGS = [Binding("escape,q", "dismiss", _("Lukk"), key_display="esc")]

    def __init__(self, session_path: Path | None) -> None:
        super().__init__()
        self.session_path = session_path

    def compose(self) -> ComposeResult:
        name, lines = stored_for_session(self.session_path)
        title = (
            _("Hva er lagret om «{name}»").format(name=escape(name)) if name else _("Hva er lagret")
        )
        text = "\n".join(f"• {escape(line)}" for line in lines)
        text += f"\n\n{_(DOCUMENTS_NOTE)}\n\n" + _(
            "Anonymiser eller slett alt med "
            "«startpakke network anonymise NAVN» eller «startpakke network delete NAVN»."
        )
        with VerticalScroll(id="info-box", classes="dialog"):
            yield Static(title, classes="dialog-title")
            yield Static(text, id="stored-text")
            yield Static(_("Esc: lukk"), classes="dialog-help")
