"""`d`: the participants, at any time — add, rename, remove, role, service, contact, present."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Select, Static

from startpakke.controller import MeetingController
from startpakke.i18n import _
from startpakke.labels import choices, label
from startpakke.session import edit as ops
from startpakke.session.edit import EditError
from startpakke.session.model import Role
from startpakke.tui.capture.views import one_line
from startpakke.tui.room_view import HIDDEN, hides, mask
from startpakke.tui.screens.dialog import Dialog
from startpakke.tui.widgets.choice import Choice
from startpakke.tui.widgets.form_input import EnterInOrderFormInput


class ParticipantsScreen(Dialog[None]):
    """The roster; each change goes through the controller (saved, and the round follows)."""

    BINDINGS = [
        Binding("escape", "close", _("Lukk"), key_display="esc"),
        Binding("space", "toggle_present", _("Til stede/borte"), key_display=_("mellomrom")),
        Binding("r", "edit", _("Rediger")),
        Binding("x,delete", "remove", _("Fjern"), key_display="x"),
        Binding("u", "undo", _("Angre")),
        Binding("ctrl+up", "move(-1)", _("Flytt opp"), key_display="ctrl+↑"),
        Binding("ctrl+down", "move(1)", _("Flytt ned"), key_display="ctrl+↓"),
    ]

    def __init__(self, controller: MeetingController, participant_id: str | None = None) -> None:
        super().__init__()
        self.controller = controller
        self.start_with = participant_id
        self.editing: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="participants-box", classes="dialog capture-dialog"):
            yield Static(_("Deltakere"), classes="dialog-title")
            yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="form-row"):
                yield EnterInOrderFormInput(
                    on_enter=self._save, placeholder=_("Navn"), id="person-name", compact=True
                )
                yield EnterInOrderFormInput(
                    on_enter=self._save,
                    placeholder=_("Kommune/tjeneste"),
                    id="person-service",
                    compact=True,
                )
                yield Choice(
                    choices(Role),
                    value=Role.member.value,
                    allow_blank=False,
                    id="person-role",
                    compact=True,
                )
                yield EnterInOrderFormInput(
                    on_enter=self._save,
                    placeholder=_("Kontakt (valgfritt)"),
                    id="person-contact",
                    compact=True,
                )
                yield Button(_("Legg til"), id="person-save", variant="primary")
            yield Static(id="people-error", classes="capture-error")
            yield Static(
                _(
                    "I tabellen: mellomrom/Enter til stede/borte · r rediger · "
                    "x fjern (u angrer) · ctrl+↑/↓ flytt i runden · Esc: lukk"
                ),
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        table = self.query_one("#people", DataTable)
        table.add_columns(
            _("Navn"), _("Kommune/tjeneste"), _("Rolle"), _("Kontakt"), _("Til stede")
        )
        mask(self.query_one("#person-contact", Input), "participants[].contact")
        self._show()
        if self.start_with is not None:
            self._cursor_to(self.start_with)
            self.action_edit()
        elif self.controller.session.participants:
            table.focus()
        else:
            self.query_one("#person-name", Input).focus()

    def _show(self) -> None:
        table = self.query_one("#people", DataTable)
        row = table.cursor_row
        table.clear()
        hidden = hides(self, "participants[].contact")  # the room sees the screen
        for person in self.controller.session.participants:
            cells = (
                one_line(person.name, 40),
                one_line(person.service, 30),
                label(person.role),
                HIDDEN if person.contact and hidden else one_line(person.contact, 30),
                _("✓ ja") if person.present else _("✗ nei"),
            )
            # Text cells: a name like «Kari [vara]» is shown as typed, not read as markup.
            table.add_row(*(Text(cell) for cell in cells), key=person.id)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _cursor_to(self, participant_id: str) -> None:
        ids = [p.id for p in self.controller.session.participants]
        if participant_id in ids:
            self.query_one("#people", DataTable).move_cursor(row=ids.index(participant_id))

    def _selected(self) -> str | None:
        table = self.query_one("#people", DataTable)
        people = self.controller.session.participants
        if not people or not (0 <= table.cursor_row < len(people)):
            return None
        return people[table.cursor_row].id

    def _error(self, err: EditError | None = None) -> None:
        self.query_one("#people-error", Static).update(escape(str(err)) if err else "")

    def _do(self, operation: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            result = self.controller.edit_roster(operation, *args, **kwargs)
        except EditError as err:
            self._error(err)
            return None
        self._error()
        self._show()
        return result

    # -- the form -------------------------------------------------------------------------------

    @on(Button.Pressed, "#person-save")
    def _save(self) -> None:
        """The button, or Enter in a field (taken in the order typed: the next name, typed
        right after Enter, went into this one or was cleared with it)."""
        fields = {
            "name": self.query_one("#person-name", Input).value,
            "service": self.query_one("#person-service", Input).value,
            "role": str(self.query_one("#person-role", Select).value),
            "contact": self.query_one("#person-contact", Input).value,
        }
        if self.editing is not None:
            person = self._do(ops.edit_participant, self.editing, **fields)
        else:
            person = self._do(
                ops.add_participant,
                fields["name"],
                fields["service"],
                fields["role"],
                fields["contact"],
            )
        if person is None:
            self.query_one("#person-name", Input).focus()
            return
        self.editing = None
        self.query_one("#person-save", Button).label = _("Legg til")
        for name in ("#person-name", "#person-service", "#person-contact"):
            self.query_one(name, Input).value = ""
        # The next person is a member unless chosen otherwise (the role does not stick).
        self.query_one("#person-role", Select).value = Role.member.value
        self._cursor_to(person.id)
        self.query_one("#person-name", Input).focus()

    # -- keys in the table ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"toggle_present", "edit", "remove", "move"}:
            return isinstance(self.focused, DataTable) and self._selected() is not None
        if action == "undo":
            return isinstance(self.focused, DataTable)
        return True

    @on(DataTable.RowSelected, "#people")
    def action_toggle_present(self) -> None:
        person_id = self._selected()
        if person_id is None:
            return
        person = ops.participant(self.controller.session, person_id)
        self.controller.set_present(person_id, not person.present)
        self._show()

    def action_edit(self) -> None:
        person_id = self._selected()
        if person_id is None:
            return
        person = ops.participant(self.controller.session, person_id)
        self.editing = person_id
        self.query_one("#person-name", Input).value = person.name
        self.query_one("#person-service", Input).value = person.service
        self.query_one("#person-role", Select).value = person.role.value
        self.query_one("#person-contact", Input).value = person.contact
        self.query_one("#person-save", Button).label = _("Lagre")
        self.query_one("#person-name", Input).focus()

    def action_remove(self) -> None:
        person_id = self._selected()
        if person_id is None:
            return
        try:
            description = self.controller.remove_participant(person_id)
        except EditError as err:
            self._error(err)
            return
        self._show()
        self.notify(_("{what} – u angrer").format(what=description), timeout=4)

    def action_undo(self) -> None:
        description = self.controller.undo()
        self._show()
        said = (
            _("Angret: {what}").format(what=description) if description else _("Ingenting å angre")
        )
        self.notify(said, timeout=3)

    def action_move(self, delta: int) -> None:
        person_id = self._selected()
        if person_id is not None:
            self._do(ops.move_participant, person_id, delta)
            self._cursor_to(person_id)

    def action_close(self) -> None:
        # A name typed in the form but not yet added is saved, not thrown away.
        name = self.query_one("#person-name", Input)
        if name.value.strip():
            self._save()
            if name.value.strip():
                return  # refused: the message is shown, the dialog stays
        self.dismiss(None)
