"""An objection to a proposed rule: who objects, and why («innsigelse», issue 14.18)."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Select, Static

from startpakke.controller import MeetingController
from startpakke.i18n import _
from startpakke.labels import capitalised
from startpakke.session import edit as ops
from startpakke.session.edit import EditError
from startpakke.session.model import AgreementLevel
from startpakke.tui.capture.views import one_line
from startpakke.tui.compat import EnterInOrderInput
from startpakke.tui.room_view import mask
from startpakke.tui.screens.dialog import Dialog
from startpakke.tui.widgets.choice import Choice


class ObjectionScreen(Dialog[None]):
    """Enter records the objection; Esc closes and leaves the rule as it was."""

    BINDINGS = [Binding("escape", "close", _("Avbryt"), key_display="esc")]

    def __init__(self, controller: MeetingController, rule_id: str) -> None:
        super().__init__()
        self.controller = controller
        self.rule_id = rule_id

    def compose(self) -> ComposeResult:
        session = self.controller.session
        rule = ops.rule(session, self.rule_id)
        # Text labels: a name like «Kari [vara]» is shown as typed, not read as markup.
        people = [(Text(one_line(p.name, 40)), p.id) for p in session.participants]
        speaker = self.controller.engine.current_speaker
        with Vertical(id="objection-box", classes="dialog capture-dialog"):
            yield Static(capitalised(AgreementLevel.objection), classes="dialog-title")
            yield Static(f"«{escape(one_line(rule.text, 80))}»")
            yield Choice(
                people,
                value=speaker if session.participant(speaker) else Select.NULL,
                prompt=_("hvem har innsigelsen"),
                id="objection-by",
                compact=True,
            )
            yield EnterInOrderInput(
                on_enter=self._save,
                placeholder=_("Hvorfor? (Enter lagrer)"),
                id="objection-reason",
                compact=True,
            )
            yield Static(id="objection-error", classes="capture-error")
            yield Static(
                _("Enter: lagre innsigelsen · Esc: avbryt (regelen er som før)"),
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        mask(self.query_one("#objection-reason", Input), "rules[].objections[].reason")
        self.query_one("#objection-reason", Input).focus()

    def _save(self) -> None:
        by: Any = self.query_one("#objection-by", Select).value
        try:
            self.controller.edit(
                ops.set_rule_agreement,
                self.rule_id,
                AgreementLevel.objection,
                by=None if by is Select.NULL else str(by),
                reason=self.query_one("#objection-reason", Input).value,
            )
        except EditError as err:
            self.query_one("#objection-error", Static).update(escape(str(err)))
            return
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
