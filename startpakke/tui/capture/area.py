"""The capture area of the run screen: what the group agrees, typed while people talk.

`c` opens what fits the part (a field, the list, or the plan/contract dialog); Enter in
the field adds and keeps the field open for the next one; Tab goes to the list, where
Enter toggles (enig, topp 3, valgt, til stede …), `r` edits, `x`/Delete deletes, `u`
undoes the deletion and ctrl+↑/↓ reorders; Esc gives the keys back to the meeting.

The area only renders the session and calls the controller (through the views in
`startpakke.tui.capture.views`); it never changes the session itself.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from startpakke.agenda.model import CaptureKind
from startpakke.controller import MeetingController
from startpakke.i18n import _
from startpakke.session.edit import EditError
from startpakke.session.model import AgreementLevel
from startpakke.tui.capture.views import VIEWS, CaptureView, NotesView, Row
from startpakke.tui.compat import EnterInOrderInput
from startpakke.tui.room_view import hidden_list_text, hides, mask, room_sees

# Actions that act on the highlighted item: only while the list has the focus.
LIST_ACTIONS = {
    "edit", "delete", "undo", "move", "toggle", "timekeeper", "stay", "to_field", "level", "why",
    "in_list", "activate",
}  # fmt: skip
# Actions of the field: only while the field has the focus.
INPUT_ACTIONS = {"category", "person"}


def cut_at_word(text: Text, width: int) -> Text:
    """`text` cut after its last whole word that fits in `width` cells, with «…» (issue
    14.13: nothing is cut mid-word). Unchanged when it fits or the width is not known yet.
    """
    if not width or text.cell_len <= width:
        return text
    plain = text.plain
    end = plain.rfind(" ", 0, width)
    cut = text[: end if end > 0 else width - 1]
    cut.rstrip()
    while cut.plain.endswith((" ·", " –", ":")):  # no separator left dangling before «…»
        cut = cut[: len(cut.plain.rstrip(" ·–:"))]
    cut.append("…")
    return cut


class CaptureArea(Vertical):
    """Shows and takes what is captured in the current part."""

    # Every key of the list is a priority key, taken by the app as it comes (only while
    # the list has the focus: `check_action`). Keys that open the field (`r`, `g`, `w`,
    # Tab) must be, so what is typed right after them goes to the field, not the meeting;
    # and then every other key of the list must be too, or ↓ then `r` typed together
    # opened the rule above (↓ waited in the list's queue while `r` was taken at once),
    # and Enter then ↓ decided the rule below. In the field, the letters are letters.
    BINDINGS = [
        # Handled at once, so a meeting key typed right after Esc works.
        Binding(
            "escape",
            "leave",
            _("Tilbake til møtet"),
            key_display="esc",
            priority=True,
            id="capture.leave",
        ),
        Binding("r", "edit", _("Rediger"), id="capture.edit", priority=True),
        Binding(
            "x,delete",
            "delete",
            _("Slett"),
            key_display=_("x/Del"),
            id="capture.delete",
            priority=True,
        ),
        Binding("u", "undo", _("Angre sletting"), id="capture.undo", priority=True),
        Binding(
            "ctrl+up",
            "move(-1)",
            _("Flytt opp"),
            key_display="ctrl+↑",
            id="capture.up",
            priority=True,
        ),
        Binding(
            "ctrl+down",
            "move(1)",
            _("Flytt ned"),
            key_display="ctrl+↓",
            id="capture.down",
            priority=True,
        ),
        Binding(
            "space",
            "toggle",
            _("Til stede/borte"),
            key_display=_("mellomrom"),
            show=False,
            priority=True,
        ),
        Binding("ctrl+t", "timekeeper", _("Tidtaker"), id="capture.timekeeper", priority=True),
        # Enter on an item: the next level, the review's decision, or a dialog (the
        # objection's), which then gets what is typed while it opens.
        Binding("enter", "activate", show=False, priority=True),
        # The revision's rule review: Enter is the decision, these the level and the why.
        Binding("g", "level", _("Enighet"), id="capture.level", priority=True),
        Binding("w", "why", _("Hvorfor"), id="capture.why", priority=True),
        # In the field: the category and the person (not priority: typed in order there).
        Binding("up", "category(-1)", _("Forrige kategori"), show=False),
        Binding("down", "category(1)", _("Kategori"), key_display="↑/↓", id="capture.category"),
        Binding("pageup", "person(-1)", _("Forrige person"), show=False),
        Binding("pagedown", "person(1)", _("Person"), key_display="PgUp/PgDn", id="capture.person"),
        # A list-first view with a field (the consensus phase): Tab from the list opens the
        # field below it, so a rule that comes up in the discussion can be added there.
        Binding("tab", "to_field", _("Ny"), show=False, priority=True),
        # In the list, ←/→ would change the part by accident: they do nothing there.
        Binding("left,right", "stay", "", show=False, priority=True),
        # Moving in the list: the list's own moves.
        *(
            Binding(key, f"in_list('{action}')", show=False, priority=True)
            for key, action in (
                ("up", "cursor_up"),
                ("down", "cursor_down"),
                ("pageup", "page_up"),
                ("pagedown", "page_down"),
                ("home", "first"),
                ("end", "last"),
            )
        ),
    ]

    class Changed(Message):
        """Something was captured; the screen re-reads state."""

    def __init__(self, controller: MeetingController, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.controller = controller
        self.kinds: list[CaptureKind] = []
        self._views: dict[CaptureKind, CaptureView] = {}
        self.view: CaptureView = self._view_for(None)
        self.editing: str | None = None
        """The id of the item being edited in the field (after `r`), else None."""
        self.editing_why = False
        """The field holds the item's why (`w`), not its text."""
        self._pending_level: AgreementLevel | None = None
        """The level `g` sets once the why it needs is written (an objection)."""
        self._rows: list[Row] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="capture-title")
        with Horizontal(id="capture-entry"):
            yield Static(id="capture-prefix")
            yield EnterInOrderInput(
                on_enter=self._submit, id="capture-input", compact=True, select_on_focus=False
            )
        yield OptionList(id="capture-list", compact=True)

    def on_mount(self) -> None:
        self.controller.listeners.append(self._controller_changed)
        self._show_entry(False)
        self.render_state()
        from startpakke.session.guide_seen import first_run

        # The first time this agenda runs here, each part's guide greets the facilitator.
        self._guide_parts: set[str] | None = set() if first_run(self.controller.agenda.id) else None
        self._greeting_for: str | None = None
        """The part whose greeting may still be on screen (it goes when the part does)."""
        self._greet_part()

    def _greet_part(self) -> None:
        """On a first run: the part's guide as a message, once per part (i shows it all).

        Never while the room sees the screen (the guide is the facilitator's): the part is
        greeted the next time something changes with the room view off.
        """
        part = self.controller.part
        if self._greeting_for not in (None, part.id):
            # The last part's greeting would stay up to 12 s into this one.
            self._greeting_for = None
            self.app.clear_passing_notices()  # type: ignore[attr-defined]
        if self._guide_parts is None or hides(self, "agenda.parts[].guide"):
            return
        if part.guide is None or part.id in self._guide_parts:
            return
        self._guide_parts.add(part.id)
        self._greeting_for = part.id
        # One greeting at a time (moving on quickly must not stack them up the screen),
        # short, so it covers little: the first sentence of why; the rest is behind `i`.
        self.app.clear_passing_notices()  # type: ignore[attr-defined]
        why = (part.guide.why.strip() or part.purpose.strip()).split(". ")[0].rstrip(".")
        self.notify(
            _("{why}.\ni: hele veiledningen for delen").format(why=why),
            title=_("Veiledning – {title}").format(title=part.title),
            timeout=12,
        )

    def on_unmount(self) -> None:
        if self._controller_changed in self.controller.listeners:
            self.controller.listeners.remove(self._controller_changed)

    # -- the parts the run screen calls ---------------------------------------------------

    def show_for(self, kinds: list[CaptureKind]) -> None:
        """Show the capture that fits the part/phase: the first of `kinds`."""
        if kinds == self.kinds:
            return
        self.kinds = list(kinds)
        view = self._view_for(kinds[0] if kinds else None)
        if view is not self.view:
            self.view = view
            self._stop_editing()
            self._rows = None
            if not view.has_input and self.capture_input.has_focus:
                self._focus(self.capture_list)
        self.render_state()

    def focus_input(self) -> None:
        """`c`: the field, the list or the dialog that fits what is captured here."""
        if self.view.dialog:
            self._open_dialog(self.view.dialog)
        elif self.view.list_first or not self.view.has_input:
            self._focus_list()
        else:
            self._open_field()

    def room_view_changed(self) -> None:
        """The room view was turned on or off: show the lists (and the field) again."""
        self._rows = None
        self.render_state()
        self._greet_part()

    def open_participants(self) -> None:
        self._open_dialog("participants")

    def open_note(self) -> None:
        if isinstance(self.view, NotesView):
            self._open_field()
        else:
            self._open_dialog("note")

    def open_park(self) -> None:
        self._open_dialog("park")

    def open_action(self) -> None:
        self._open_dialog("action")

    # -- widgets ----------------------------------------------------------------------------

    @property
    def capture_input(self) -> Input:
        return self.query_one("#capture-input", Input)

    @property
    def capture_list(self) -> OptionList:
        return self.query_one("#capture-list", OptionList)

    def _view_for(self, kind: CaptureKind | None) -> CaptureView:
        key = kind if kind in VIEWS else CaptureKind.notes
        assert key is not None
        if key not in self._views:
            self._views[key] = VIEWS[key](self.controller)
        return self._views[key]

    def _show_entry(self, show: bool) -> None:
        self.query_one("#capture-entry").display = show and self.view.has_input
        self.set_class(show, "-open")

    def _open_field(self) -> None:
        if not self.view.has_input:
            self._focus_list()
            return
        self._show_entry(True)
        self.render_state()
        self._focus(self.capture_input)

    def _focus_list(self) -> None:
        self._show_entry(self.view.has_input and self.editing is not None)
        lst = self.capture_list
        if lst.highlighted is None and lst.option_count:
            lst.highlighted = 0
        self._focus(lst)

    def _focus(self, widget: Input | OptionList) -> None:
        """Focus now, not after the queued keys: what is typed right after `c` lands in
        the field (with `widget.focus()` a fast typist's first letters would be meeting keys).
        """
        self.screen.set_focus(widget)

    def _controller_changed(self) -> None:
        if self.is_mounted:
            self.render_state()
            self._greet_part()

    # -- rendering --------------------------------------------------------------------------

    def render_state(self) -> None:
        view = self.view
        view.room_view = room_sees(self)
        title = Text.assemble(("✎ ", "bold"), (view.name, "bold"))
        try:
            heading = view.heading()
        except EditError as err:
            heading = str(err)
        if self.editing is not None:
            heading = _("Redigerer – Enter lagrer, Esc avbryter")
            if self.editing_why:
                heading = _("Hvorfor? – Enter lagrer, Esc avbryter")
        if heading:
            title.append(f": {heading}")
        title_widget = self.query_one("#capture-title", Static)
        width = title_widget.content_region.width
        if not self.has_focus_within and not self.editing:
            hint = f"   [{self._open_hint()}]"
            # The hint whole or not at all: on a narrow window it would be cut mid-word.
            if width and title.cell_len + len(hint) <= width:
                title.append(hint, "dim")
        title_widget.update(cut_at_word(title, width))
        prefix = view.prefix()
        prefix_widget = self.query_one("#capture-prefix", Static)
        prefix_widget.display = prefix is not None
        prefix_widget.update(prefix if prefix is not None else "")
        self.capture_input.placeholder = (
            _("Hvorfor – Enter lagrer (Esc: avbryt)")
            if self.editing and self.editing_why
            else view.editing_hint()
            if self.editing
            else view.placeholder()
        )
        typed = "rule_reviews[].why" if self.editing_why else view.field
        if typed is not None:
            mask(self.capture_input, typed)  # dots while the room may not see what is typed
        else:
            self.capture_input.password = False
        self._render_rows()

    def on_resize(self, _event: events.Resize) -> None:
        if self.is_mounted:
            self.render_state()  # the hint fits, or no longer fits, the new width

    def _open_hint(self) -> str:
        if self.view.dialog:
            return _("c: åpne skjemaet")
        if self.view.list_first and self.view.has_input and self.view.adds_from_field:
            return _("c: til listen · Tab der: ny")
        if self.view.list_first or not self.view.has_input:
            return _("c: til listen")
        return _("c: skriv")

    def _render_rows(self) -> None:
        hidden = self.view.rows_hidden
        try:
            rows = [] if hidden else self.view.rows()
        except EditError:
            rows = []
        if rows == self._rows:
            return
        self._rows = rows
        lst = self.capture_list
        current = self._highlighted_id()
        if rows:
            lst.set_options(Option(row.text, id=row.id) for row in rows)
            ids = [row.id for row in rows]
            if current in ids:
                lst.highlighted = ids.index(current)
            elif lst.has_focus:
                lst.highlighted = min(lst.highlighted or 0, len(rows) - 1)
        else:
            empty = hidden_list_text() if hidden else _(self.view.empty)
            lst.set_options([Option(Text(empty, "dim"), disabled=True)])

    def _highlighted_id(self) -> str | None:
        lst = self.capture_list
        if lst.highlighted is None or not lst.option_count:
            return None
        return lst.get_option_at_index(lst.highlighted).id

    def _changed(self, message: str | None = None, *, warning: bool = False) -> None:
        if message:
            self.notify(message, severity="warning" if warning else "information", timeout=3)
        self.render_state()
        self.post_message(self.Changed())

    def _attempt(self, intent: Any, *args: Any) -> bool:
        """Run a view intent; a refused edit is shown, never raised."""
        try:
            message = intent(*args)
        except EditError as err:
            self._changed(str(err), warning=True)
            return False
        self._changed(message if isinstance(message, str) else None)
        return True

    # -- the field ----------------------------------------------------------------------------

    def _submit(self) -> None:
        field = self.capture_input
        text = field.value
        if not text.strip():
            return
        from startpakke.tui.capture.privacy import warn_about_personal_data

        warn_about_personal_data(self, text, case_field=self.view.kind is CaptureKind.takeaways)
        if self.editing is not None:
            item_id = self.editing
            if self.editing_why:
                saved = self._attempt(self.view.save_why, item_id, text, self._pending_level)
            else:
                saved = self._attempt(self.view.save_edit, item_id, text)
            if saved:
                self._stop_editing()
                field.value = ""
                self.render_state()
                self._focus_list()
                self._highlight(item_id)
            return
        if self._attempt(self.view.submit, text):
            field.value = ""  # the field stays open for the next one
            self.capture_list.scroll_end(animate=False)

    def _stop_editing(self) -> None:
        self.editing = None
        self.editing_why = False
        self._pending_level = None

    def _start_editing(self, item_id: str, text: str, *, why: bool = False) -> None:
        self.editing = item_id
        self.editing_why = why
        self._show_entry(True)
        self.capture_input.value = text
        self.capture_input.cursor_position = len(text)
        self.render_state()
        self._focus(self.capture_input)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget is self.capture_input:
            # Toasts sit at the bottom right, over this field: they give way to the text.
            self.app.clear_passing_notices()  # type: ignore[attr-defined]
        lst = self.capture_list
        if event.widget is lst and lst.highlighted is None and self._rows:
            lst.highlighted = 0  # Tab into the list: Enter acts on the first item
        self.call_after_refresh(self.render_state)

    def on_descendant_blur(self, _event: events.DescendantBlur) -> None:
        self.call_after_refresh(self._after_blur)

    def _after_blur(self) -> None:
        if not self.has_focus_within and self.is_mounted:
            if self.editing is not None:
                self._stop_editing()
                self.capture_input.value = ""
            self._show_entry(False)
            self.render_state()

    # -- keys -----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The app's focus, not `has_focus`: that changes only when the Focus and Blur events
        # are handled, so a key right after Tab (to the field) was taken as the list's.
        if action in LIST_ACTIONS and self.app.focused is not self.capture_list:
            return False
        if action in INPUT_ACTIONS and self.app.focused is not self.capture_input:
            return False
        view = self.view
        if action == "to_field":
            return view.has_input and view.adds_from_field
        if action == "toggle":
            return view.space_toggles
        if action == "timekeeper":
            return view.can_mark_timekeeper
        if action in ("level", "why"):
            return view.reviews_rules
        if action == "category":
            return view.can_cycle_category
        if action == "person":
            return view.can_cycle_person
        if action == "undo":
            return True if self.controller.undo_stack.can_undo else None
        if action == "leave":
            return self.has_focus_within
        return True

    def action_leave(self) -> None:
        """Esc: out of the field and the list; n, p, t, mellomrom … work again."""
        if self.editing is not None:
            self._stop_editing()
            self.capture_input.value = ""
        self._show_entry(False)
        self.screen.set_focus(None)
        self.render_state()

    def action_to_field(self) -> None:
        """Tab in the list: to the field (closed until now in a list-first view)."""
        self._open_field()

    def action_stay(self) -> None:
        """←/→ in the list do nothing (they would change the part)."""

    def action_in_list(self, action: str) -> None:
        """↑/↓, PgUp/PgDn, Home/End: the list's own move, taken in the order typed."""
        getattr(self.capture_list, f"action_{action}")()

    @on(OptionList.OptionSelected, "#capture-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self._activate(event.option.id)

    def action_activate(self) -> None:
        """Enter on the highlighted item: what a click on it does (`_selected`)."""
        item_id = self._highlighted_id()
        if item_id is not None:
            self._activate(item_id)

    def action_toggle(self) -> None:
        """Space where it toggles (presence): what Enter does (`check_action` says where)."""
        self.action_activate()

    def _activate(self, item_id: str) -> None:
        dialog = self.view.activate_dialog(item_id)
        if dialog is not None:
            self._open_dialog(dialog, item_id)
        else:
            self._attempt(self.view.activate, item_id)

    def action_edit(self) -> None:
        item_id = self._highlighted_id()
        if item_id is None:
            return
        if self.view.edit_dialog:
            self._open_dialog(self.view.edit_dialog, item_id)
            return
        try:
            text = self.view.edit_text(item_id)
        except EditError as err:
            self._changed(str(err), warning=True)
            return
        if text is None or not self.view.has_input:
            self.notify(_("Dette kan ikke redigeres her."), severity="warning", timeout=3)
            return
        self._start_editing(item_id, text)

    def action_level(self) -> None:
        """`g` in the rule review: the next level; an objection asks why first."""
        item_id = self._highlighted_id()
        if item_id is None:
            return
        if self.view.level_needs_why(item_id):
            self._start_editing(item_id, self.view.why_text(item_id), why=True)
            self._pending_level = AgreementLevel.objection
            self.render_state()
            return
        self._attempt(self.view.cycle_level, item_id)

    def action_why(self) -> None:
        """`w` in the rule review: why the group decided so, in the field."""
        item_id = self._highlighted_id()
        if item_id is not None:
            self._start_editing(item_id, self.view.why_text(item_id), why=True)

    def action_delete(self) -> None:
        item_id = self._highlighted_id()
        if item_id is None:
            return
        try:
            description = self.view.delete(item_id)
        except EditError as err:
            self._changed(str(err), warning=True)
            return
        if self.view.rows_hidden:  # «Slettet notatet «…»» would show the room the note
            description = _("Slettet")
        self._changed(_("{what} – u angrer").format(what=description))

    def action_undo(self) -> None:
        description = self.controller.undo()
        if description is None:
            self._changed(_("Ingenting å angre"))
        elif room_sees(self):  # what came back may be a note the room may not see
            self._changed(_("Angret den siste slettingen"))
        else:
            self._changed(_("Angret: {what}").format(what=description))

    def action_move(self, delta: int) -> None:
        item_id = self._highlighted_id()
        if item_id is not None and self._attempt(self.view.move, item_id, delta):
            self._highlight(item_id)

    def action_timekeeper(self) -> None:
        item_id = self._highlighted_id()
        if item_id is not None:
            self._attempt(self.view.mark_timekeeper, item_id)

    def action_category(self, delta: int) -> None:
        self.view.cycle_category(delta)
        self.render_state()

    def action_person(self, delta: int) -> None:
        self.view.cycle_person(delta)
        self._rows = None
        self.render_state()

    def _highlight(self, item_id: str) -> None:
        ids = [row.id for row in self._rows or []]
        if item_id in ids:
            self.capture_list.highlighted = ids.index(item_id)

    # -- dialogs ---------------------------------------------------------------------------------

    def _open_dialog(self, name: str, item_id: str | None = None) -> None:
        from startpakke.tui.capture.dialogs import dialog

        self.app.push_screen(dialog(name, self.controller, item_id), self._dialog_closed)

    def _dialog_closed(self, _result: object = None) -> None:
        self._rows = None
        self._changed()
