"""`h`: an action item (oppfølgingspunkt) — what, who, by when — from anywhere."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from startpakke.controller import MeetingController
from startpakke.i18n import _
from startpakke.session import edit as ops
from startpakke.session.edit import EditError
from startpakke.tui.capture.dates import parse_date, show_date
from startpakke.tui.screens.dialog import Dialog
from startpakke.tui.widgets.form_input import EnterInOrderFormInput


class ActionScreen(Dialog[None]):
    """New (or, with `action_id`, edit) an action. Enter moves on; on «Frist» it saves."""

    BINDINGS = [
        Binding("ctrl+s", "save", _("Lagre"), key_display="ctrl+s"),
        Binding("escape", "save", _("Lagre og lukk"), key_display="esc"),
    ]

    def __init__(self, controller: MeetingController, action_id: str | None = None) -> None:
        super().__init__()
        self.controller = controller
        self.action_id = action_id

    def compose(self) -> ComposeResult:
        session = self.controller.session
        current = ops.action(session, self.action_id) if self.action_id else None
        names = [p.name for p in session.participants]
        title = _("Rediger oppfølgingspunkt") if current else _("Nytt oppfølgingspunkt")
        with Vertical(id="action-box", classes="dialog capture-dialog"):
            yield Static(title, classes="dialog-title")
            with Horizontal(classes="form-row"):
                yield Label(_("Hva"), classes="form-label")
                yield EnterInOrderFormInput(
                    value=current.what if current else "",
                    on_enter=self.focus_next,
                    placeholder=_("Hva skal gjøres?"),
                    id="action-what",
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label(_("Hvem"), classes="form-label")
                yield EnterInOrderFormInput(
                    value=session.name_of(current.who) if current else "",
                    on_enter=self.focus_next,
                    placeholder=_("Deltaker (fullføres med →) eller annen ansvarlig"),
                    suggester=SuggestFromList(names, case_sensitive=False),
                    id="action-who",
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label(_("Frist"), classes="form-label")
                yield EnterInOrderFormInput(
                    value=show_date(current.due) if current else "",
                    on_enter=self.action_save,
                    placeholder=_("dd.mm.åååå (valgfritt)"),
                    id="action-due",
                    compact=True,
                )
            yield Static(id="action-error", classes="capture-error")
            yield Static(
                _(
                    "Enter: neste felt, på Frist lagres punktet · Esc/ctrl+s: lagre og lukk "
                    "(tomt «Hva» lukker uten å lagre)"
                ),
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        self.query_one("#action-what", Input).focus()

    def _who(self, typed: str) -> str:
        """A participant's id when the name is one of theirs, else the text as typed."""
        wanted = typed.strip().casefold()
        for person in self.controller.session.participants:
            if person.name.strip().casefold() == wanted:
                return person.id
        return typed.strip()

    def action_save(self) -> None:
        what = self.query_one("#action-what", Input).value
        if not what.strip():
            self.dismiss(None)
            return
        try:
            due = parse_date(self.query_one("#action-due", Input).value, _("Fristen"))
            who = self._who(self.query_one("#action-who", Input).value)
            if self.action_id:
                self.controller.edit(ops.edit_action, self.action_id, what=what, who=who, due=due)
            else:
                self.controller.edit(ops.add_action, what, who, due)
        except EditError as err:
            self.query_one("#action-error", Static).update(escape(str(err)))
            return
        self.dismiss(None)
