"""Steg 7 «Før vi går …»: the plan for the network as a form.

Every change is saved at once through the controller (a Select when it changes, a text
field on Enter or when the dialog closes), so closing the lid mid-form loses nothing.
"""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, DataTable, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from startpakke.controller import MeetingController
from startpakke.i18n import _
from startpakke.labels import choices
from startpakke.session import edit as ops
from startpakke.session import parking
from startpakke.session.edit import EditError
from startpakke.session.meeting_time import FORMAT_HINT, parse_meeting_time, show_meeting_time
from startpakke.session.model import MeetingFormat, PlanTerm
from startpakke.tui.capture.dates import show_date
from startpakke.tui.capture.views import one_line
from startpakke.tui.room_view import mask
from startpakke.tui.screens.dialog import Dialog
from startpakke.tui.widgets.choice import Choice
from startpakke.tui.widgets.form_input import EnterInOrderFormInput, FormInput
from startpakke.tui.widgets.tick import Tick


def _value(select: Select[Any]) -> Any:
    return None if select.value is Select.NULL else select.value


class PlanScreen(Dialog[None]):
    AUTO_FOCUS = ""  # `on_mount` focuses the first field (not the scrolling form first)
    BINDINGS = [
        Binding("escape", "close", _("Lagre og lukk"), key_display="esc"),
        Binding("ctrl+s", "close", _("Lagre og lukk"), key_display="ctrl+s", show=False),
        Binding("x,delete", "delete", _("Slett"), key_display="x"),
        Binding("r", "edit", _("Rediger")),
        Binding("u", "undo", _("Angre sletting")),
        Binding("ctrl+up", "move(-1)", _("Flytt opp"), key_display="ctrl+↑"),
        Binding("ctrl+down", "move(1)", _("Flytt ned"), key_display="ctrl+↓"),
        Binding("ctrl+r", "rotate", _("Leder og sekretær på omgang"), key_display="ctrl+r"),
    ]

    def __init__(self, controller: MeetingController) -> None:
        super().__init__()
        self.controller = controller
        self.editing_meeting: str | None = None
        self.editing_theme: int | None = None

    @property
    def plan(self):  # type: ignore[no-untyped-def]
        return self.controller.session.plan

    def _people(self) -> list[tuple[Text, str]]:
        # Text labels: a name like «Kari [vara]» is shown as typed, not read as markup.
        return [(Text(one_line(p.name, 40)), p.id) for p in self.controller.session.participants]

    def compose(self) -> ComposeResult:
        plan = self.plan
        people = self._people()
        ids = {pid for _label, pid in people}

        def chosen(value: str | None) -> Any:
            return value if value in ids else Select.NULL

        with VerticalScroll(id="plan-box", classes="dialog capture-dialog"):
            yield Static(_("Plan for videre arbeid"), classes="dialog-title")
            # Three groups, in the order the deck asks: roles and form, dates, themes.
            yield Static(_("Roller og møteform"), classes="section-title")
            with Horizontal(classes="form-row"):
                yield Label(_("Leder"), classes="form-label")
                yield Choice(
                    people,
                    value=chosen(plan.leader),
                    prompt=_("velg"),
                    id="plan-leader",
                    compact=True,
                )
                yield Label(_("Sekretær"), classes="form-label")
                yield Choice(
                    people,
                    value=chosen(plan.secretary),
                    prompt=_("velg"),
                    id="plan-secretary",
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label(_("Periode"), classes="form-label")
                yield Choice(
                    choices(PlanTerm),
                    value=plan.term or Select.NULL,
                    prompt=_("velg"),
                    id="plan-term",
                    compact=True,
                )
                yield Label(_("Hvor ofte"), classes="form-label")
                yield self._text_field(plan.frequency, _("f.eks. hver 6. uke"), "plan-frequency")
            with Horizontal(classes="form-row"):
                yield Label(_("Form"), classes="form-label")
                yield Choice(
                    choices(MeetingFormat),
                    value=plan.format or Select.NULL,
                    prompt=_("velg"),
                    id="plan-format",
                    compact=True,
                )
                yield Label(_("Plattform"), classes="form-label")
                yield self._text_field(plan.platform, _("f.eks. Teams"), "plan-platform")
            with Horizontal(classes="form-row"):
                yield Label(_("Annet"), classes="form-label")
                yield self._text_field(plan.notes, _("Annet om planen"), "plan-notes")
            yield Tick(
                _("Alle tar med en problemstilling til kollegaveiledning"),
                plan.everyone_brings_case,
                id="plan-case",
                compact=True,
            )
            yield Static(_("Møtedatoer"), classes="section-title")
            with Horizontal(classes="form-row"):
                yield Label(_("Dato, tid"), classes="form-label")
                yield EnterInOrderFormInput(
                    on_enter=self._add_date,
                    placeholder=_(FORMAT_HINT),
                    id="plan-date",
                    compact=True,
                )
                yield Label(_("Sted"), classes="form-label")
                yield EnterInOrderFormInput(on_enter=self._add_date, id="plan-place", compact=True)
            with Horizontal(classes="form-row"):
                yield Label(_("Leder"), classes="form-label")
                yield Choice(people, prompt=_("velg"), id="plan-date-leader", compact=True)
                yield Label(_("Sekretær"), classes="form-label")
                yield Choice(people, prompt=_("velg"), id="plan-date-secretary", compact=True)
            with Horizontal(classes="form-row"):
                # Enter in the fields adds; the buttons are for the mouse and stay out of Tab.
                yield Button(_("Legg til"), id="plan-add-date", classes="no-tab")
                yield Button(
                    _("Leder og sekretær på omgang (ctrl+r)"), id="plan-rotate", classes="no-tab"
                )
            yield DataTable(id="plan-meetings", cursor_type="row", zebra_stripes=True)
            yield Static(_("Temaer (bruttoliste)"), classes="section-title")
            yield EnterInOrderFormInput(
                on_enter=self._add_theme,
                placeholder=_("Tema – Enter legger til"),
                id="plan-theme",
                compact=True,
            )
            yield OptionList(id="plan-themes", compact=True)
            yield Static(id="plan-parked-title", classes="capture-field-title")
            yield OptionList(id="plan-parked", compact=True)
            yield Static(id="plan-error", classes="capture-error")
            yield Static(
                _(
                    "Tab: neste felt · Enter legger til dato/tema · ctrl+z angrer i feltet · "
                    "i tabellen og listen: r rediger, x slett, u angre · Esc: lagre og lukk"
                ),
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        table = self.query_one("#plan-meetings", DataTable)
        table.add_columns(_("Dato"), _("Tid"), _("Sted"), _("Leder"), _("Sekretær"))
        self._refresh_place()
        for button in self.query(".no-tab"):
            button.can_focus = False
        self._show_lists()
        mask(self.query_one("#plan-notes", Input), "plan.notes")  # the room view (R)
        self.query_one("#plan-leader", Select).focus()

    # -- showing -----------------------------------------------------------------------------

    def _show_lists(self) -> None:
        session = self.controller.session
        table = self.query_one("#plan-meetings", DataTable)
        table.clear()
        for slot in self.plan.meetings:
            table.add_row(
                show_date(slot.date),
                f"{slot.start}–{slot.end}",
                Text(one_line(self._place_of(slot), 30)),
                Text(one_line(session.name_of(slot.leader), 30)),
                Text(one_line(session.name_of(slot.secretary), 30)),
                key=slot.id,
            )
        themes = self.query_one("#plan-themes", OptionList)
        highlighted = themes.highlighted
        themes.set_options(
            f"{i}. {escape(one_line(t, 100))}" for i, t in enumerate(self.plan.themes, 1)
        )
        if highlighted is not None and themes.option_count:
            themes.highlighted = min(highlighted, themes.option_count - 1)
        # The parking lot: what was put aside today is offered as a theme (Enter adds it).
        offered = parking.open_topics(self.controller.session)
        parked = self.query_one("#plan-parked", OptionList)
        parked.display = bool(offered)
        self.query_one("#plan-parked-title", Static).display = bool(offered)
        self.query_one("#plan-parked-title", Static).update(
            _("Parkert i møtet ({n}) – Enter gjør det til et tema").format(n=len(offered))
        )
        parked.set_options(Option(f"＋ {escape(one_line(t.text, 100))}", id=t.id) for t in offered)

    @on(OptionList.OptionSelected, "#plan-parked")
    def _adopt_parked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None and self._edit(parking.adopt_as_theme, event.option.id):
            topic = one_line(str(event.option.prompt)[2:], 60)
            self.notify(_("Nytt tema: {topic}").format(topic=topic), timeout=3)

    # -- where the meetings are: what the group decided about the form --------------------

    def _default_place(self) -> str:
        """Digital meetings are on the platform; a physical place is asked for, not guessed."""
        return self._platform() if self.plan.format == "digital" else ""

    def _platform(self) -> str:
        """The platform as typed so far (saved on Enter or when the field is left)."""
        return self.query_one("#plan-platform", Input).value.strip()

    def _place_hint(self) -> str:
        if self.plan.format == "physical":
            return _("hvor dere møtes, f.eks. Rådhuset")
        if self.plan.format == "both":
            platform = self._platform() or "Teams"
            return _("et sted, eller {platform} for et digitalt møte").format(platform=platform)
        return _("Teams eller Rådhuset")

    def _place_of(self, slot: Any) -> str:
        if slot.place.strip():
            return str(slot.place)
        if self.plan.format in ("physical", "both"):
            return _("ikke bestemt")
        return self.plan.platform.strip() or _("ikke bestemt")

    def _refresh_place(self) -> None:
        # The platform is the placeholder, not text in the field: typed text would be added
        # to it («TeamsRådhuset»). An empty field takes the default when the date is added.
        field = self.query_one("#plan-place", Input)
        default = self._default_place()
        field.placeholder = (
            _("{platform} (skriv et sted for et fysisk møte)").format(platform=default)
            if default
            else self._place_hint()
        )

    def _error(self, err: EditError | None = None) -> None:
        self.query_one("#plan-error", Static).update(escape(str(err)) if err else "")

    def _edit(self, operation: Any, *args: Any, **kwargs: Any) -> bool:
        try:
            self.controller.edit(operation, *args, **kwargs)
        except EditError as err:
            self._error(err)
            return False
        self._error()
        self._show_lists()
        return True

    # -- fields -------------------------------------------------------------------------------

    @on(Select.Changed, "#plan-leader, #plan-secretary, #plan-term, #plan-format")
    def _select_changed(self, event: Select.Changed) -> None:
        name = {"plan-leader": "leader", "plan-secretary": "secretary"}.get(
            event.select.id or "", (event.select.id or "").removeprefix("plan-")
        )
        value = _value(event.select)
        if name in ("term", "format") and value is None:
            value = ""
        if getattr(self.plan, name) != value:
            self._edit(ops.set_plan, **{name: value})
        if name == "format":
            self._refresh_place()

    @on(Checkbox.Changed, "#plan-case")
    def _case_changed(self, event: Checkbox.Changed) -> None:
        if self.plan.everyone_brings_case != event.value:
            self._edit(ops.set_plan, everyone_brings_case=event.value)

    def _save_texts(self) -> bool:
        values = {
            "frequency": self.query_one("#plan-frequency", Input).value,
            "platform": self.query_one("#plan-platform", Input).value,
            "notes": self.query_one("#plan-notes", Input).value,
        }
        changed = {k: v for k, v in values.items() if getattr(self.plan, k) != v.strip()}
        done = self._edit(ops.set_plan, **changed) if changed else True
        if "platform" in changed:
            self._refresh_place()
        return done

    def _text_field(self, value: str, placeholder: str, field_id: str) -> FormInput:
        """«Hvor ofte», «Plattform» or «Annet»: saved on Enter (and on leaving it)."""
        return EnterInOrderFormInput(
            value=value,
            on_enter=self._text_entered,
            placeholder=placeholder,
            id=field_id,
            compact=True,
        )

    def _text_entered(self) -> None:
        """Enter in «Hvor ofte», «Plattform» or «Annet»: saved, and on to the next field
        (taken in the order typed: the next field's first letters joined this one)."""
        field = self.focused
        if self._save_texts():
            if isinstance(field, FormInput):
                field.remember()
            self.focus_next()

    @on(Input.Blurred, "#plan-frequency, #plan-platform, #plan-notes")
    def _text_blurred(self) -> None:
        self._save_texts()

    # -- dates ----------------------------------------------------------------------------------

    @on(Button.Pressed, "#plan-add-date")
    def _add_date(self) -> None:
        field = self.query_one("#plan-date", Input)
        place_field = self.query_one("#plan-place", Input)
        try:
            when = parse_meeting_time(field.value)
        except EditError as err:
            self._error(err)
            field.focus()
            return
        place = place_field.value.strip() or (
            "" if self.editing_meeting is not None else self._default_place()
        )
        leader = _value(self.query_one("#plan-date-leader", Select))
        secretary = _value(self.query_one("#plan-date-secretary", Select))
        times = {"start": when.start, "end": when.end, "place": place}
        if self.editing_meeting is not None:
            done = self._edit(
                ops.edit_meeting,
                self.editing_meeting,
                date=when.date,
                leader=leader,
                secretary=secretary,
                **times,
            )
        else:
            done = self._edit(
                ops.add_meeting, when.date, leader=leader, secretary=secretary, **times
            )
        if done:
            if not place and self.plan.format in ("physical", "both"):
                self._error(
                    EditError(_("Stedet er ikke bestemt ennå – r i tabellen legger det til."))
                )
            self.editing_meeting = None
            self.query_one("#plan-add-date", Button).label = _("Legg til")
            field.value = ""
            place_field.value = ""
            field.focus()

    @on(Button.Pressed, "#plan-rotate")
    def action_rotate(self) -> None:
        if not self.plan.meetings:
            self._error(EditError(_("Legg inn møtedatoer først.")))
            return
        if self._edit(ops.rotate_roles) and self.plan.term is not PlanTerm.rotating:
            self._edit(ops.set_plan, term=PlanTerm.rotating)
            self.query_one("#plan-term", Select).value = PlanTerm.rotating

    # -- themes ---------------------------------------------------------------------------------

    def _add_theme(self) -> None:
        """Enter in the theme field, taken in the order typed (the next theme, typed right
        after Enter, went into this one)."""
        field = self.query_one("#plan-theme", Input)
        if not field.value.strip():
            return
        if self.editing_theme is not None:
            done = self._edit(ops.edit_theme, self.editing_theme, field.value)
        else:
            done = self._edit(ops.add_theme, field.value)
        if done:
            self.editing_theme = None
            field.value = ""

    # -- keys for the table and the list --------------------------------------------------------

    def _target(self) -> tuple[str, Any] | None:
        focused = self.focused
        if isinstance(focused, DataTable) and focused.id == "plan-meetings":
            if not self.plan.meetings:
                return None
            row = focused.cursor_row
            if 0 <= row < len(self.plan.meetings):
                return ("meeting", self.plan.meetings[row].id)
        if (
            isinstance(focused, OptionList)
            and focused.id == "plan-themes"
            and focused.highlighted is not None
            and self.plan.themes
        ):
            return ("theme", focused.highlighted)
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"delete", "edit", "move"}:
            return self._target() is not None
        if action == "undo":
            focused = self.focused
            return isinstance(focused, DataTable | OptionList)
        return True

    def action_delete(self) -> None:
        target = self._target()
        if target is None:
            return
        kind, key = target
        operation = ops.delete_meeting if kind == "meeting" else ops.delete_theme
        try:
            description = self.controller.delete(operation, key)
        except EditError as err:
            self._error(err)
            return
        self._show_lists()
        self.notify(_("{what} – u angrer").format(what=description), timeout=3)

    def action_undo(self) -> None:
        description = self.controller.undo()
        self._show_lists()
        said = (
            _("Angret: {what}").format(what=description) if description else _("Ingenting å angre")
        )
        self.notify(said, timeout=3)

    def action_edit(self) -> None:
        target = self._target()
        if target is None:
            return
        kind, key = target
        if kind == "meeting":
            slot = ops.meeting(self.controller.session, key)
            self.editing_meeting = slot.id
            self.query_one("#plan-date", Input).value = show_meeting_time(
                slot.date, slot.start, slot.end
            )
            self.query_one("#plan-place", Input).value = slot.place
            for name, value in (("leader", slot.leader), ("secretary", slot.secretary)):
                select = self.query_one(f"#plan-date-{name}", Select)
                select.value = value if value is not None else Select.NULL
            self.query_one("#plan-add-date", Button).label = _("Lagre")
            self.query_one("#plan-date", Input).focus()
        else:
            self.editing_theme = key
            field = self.query_one("#plan-theme", Input)
            field.value = self.plan.themes[key]
            field.focus()

    def action_move(self, delta: int) -> None:
        target = self._target()
        if target is None or target[0] != "theme":
            return
        try:
            position = self.controller.edit(ops.move_theme, target[1], delta)
        except EditError as err:
            self._error(err)
            return
        self._show_lists()
        self.query_one("#plan-themes", OptionList).highlighted = position

    def action_close(self) -> None:
        if self._save_texts():
            self.dismiss(None)
