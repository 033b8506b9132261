"""The setup screen: the network, the date and place, and who takes part."""

from __future__ import annotations

import json
from datetime import date, datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Footer, Input, Label, Select, Static

from startpakke.i18n import _, plural
from startpakke.labels import choices, label
from startpakke.modeling import to_data, validate
from startpakke.session.model import Language, Participant, Role, Session
from startpakke.tui.compat import StyledOnMountScreen
from startpakke.tui.room_view import HIDDEN, hides, mask
from startpakke.tui.widgets.choice import Choice
from startpakke.tui.widgets.form_input import EnterInOrderFormInput

RECOMMENDED_MAX = 6


def parse_date(text: str) -> date | None:
    """«14.09.2026», «14.9.2026» or «2026-09-14»; None if it is none of them."""
    text = text.strip()
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def size_text(people: list[Participant], recommended: int) -> str:
    """«7 deltakere: 6 medlemmer og 1 vara …»: only members count towards the group size."""
    members = sum(1 for p in people if p.role is Role.member)
    deputies = len(people) - members
    count = plural("{n} deltaker", "{n} deltakere", len(people))
    if deputies:
        count += (
            ": "
            + plural("{n} medlem", "{n} medlemmer", members)
            + _(" og {n} vara").format(n=deputies)
        )
    if members > recommended:
        return _(
            "Merk: {members} medlemmer. Agendaen anbefaler inntil {recommended} – runder og "
            "tidsplan blir lengre. Du kan likevel starte. {count}."
        ).format(members=members, recommended=recommended, count=count)
    return _("{count} (anbefalt: inntil {recommended} medlemmer).").format(
        count=count, recommended=recommended
    )


class SetupScreen(StyledOnMountScreen[Session]):
    """Fill in the network and the participants; Start begins the meeting at innsjekk."""

    BINDINGS = [
        Binding("ctrl+s", "start", _("Start møtet"), key_display="ctrl+s", id="start"),
        Binding("ctrl+d", "remove", _("Fjern valgt deltaker"), key_display="ctrl+d", id="remove"),
    ]
    # `on_mount` puts the focus in the right field. Textual's default would first give it to
    # the form's scroll container, which restyles the whole form twice before the first frame.
    AUTO_FOCUS = ""
    DRAFT_ID = "participants"
    """The people added here are saved only when the meeting starts: until then they are a
    draft beside the session (`tui.drafts.KeepsADraft`), and a crash or a closed window
    does not lose them."""

    def __init__(
        self,
        session: Session,
        max_participants: int | None = None,
        *,
        language: Language | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.max_participants = max_participants or RECOMMENDED_MAX
        self.language = language or session.network.language
        """The målform offered: a new network's is the program's language (see the app)."""

    def compose(self) -> ComposeResult:
        network = self.session.network
        when = network.meeting_date or date.today()
        with VerticalScroll(id="setup"):
            yield Static(_("Nytt møte"), classes="dialog-title")
            yield Static(id="setup-hint", classes="dialog-help")
            with Horizontal(classes="form-row"):
                yield Label(_("Nettverk"), classes="form-label")
                yield EnterInOrderFormInput(
                    on_enter=lambda: self._next_field("#meeting-date"),
                    value=network.name,
                    placeholder=_("Navnet på nettverket"),
                    id="network-name",
                )
            with Horizontal(classes="form-row"):
                yield Label(_("Dato"), classes="form-label")
                yield EnterInOrderFormInput(
                    on_enter=lambda: self._next_field("#place"),
                    value=when.strftime("%d.%m.%Y"),
                    placeholder=_("dd.mm.åååå"),
                    id="meeting-date",
                )
                yield Label(_("Sted"), classes="form-label-short")
                # Then the people: the målform (seldom changed) is a Tab away.
                yield EnterInOrderFormInput(
                    on_enter=lambda: self._next_field("#p-name"),
                    value=network.place,
                    placeholder=_("f.eks. Rådhuset"),
                    id="place",
                )
            with Horizontal(classes="form-row"):
                # The network's målform: its documents are written in it (see `--lang`).
                yield Label(_("Målform"), classes="form-label")
                yield Choice(
                    choices(Language),
                    value=self.language.value,
                    allow_blank=False,
                    id="language",
                )
            yield Static(_("Deltakere"), classes="section-title")
            with Horizontal(classes="form-row"):
                yield EnterInOrderFormInput(on_enter=self._add, placeholder=_("Navn"), id="p-name")
                yield EnterInOrderFormInput(
                    on_enter=self._add, placeholder=_("Kommune/tjeneste"), id="p-service"
                )
                yield Choice(
                    choices(Role),
                    value=Role.member.value,
                    allow_blank=False,
                    id="p-role",
                )
                yield EnterInOrderFormInput(
                    on_enter=self._add, placeholder=_("Kontakt (valgfritt)"), id="p-contact"
                )
                yield Button(_("Legg til"), id="add", variant="primary")
            yield DataTable(id="participants", cursor_type="row", zebra_stripes=True)
            if self._rotating:
                # A later meeting: the rotation's proposal, which the facilitator may change.
                yield Static(self._proposal_text(), id="rotation")
                with Horizontal(classes="form-row"):
                    yield Label(_("Leder"), classes="form-label")
                    yield Choice(
                        self._people(),
                        value=self._choice(network.leader),
                        id="leader",
                        prompt=_("velg"),
                    )
                    yield Label(_("Sekretær"), classes="form-label")
                    yield Choice(
                        self._people(),
                        value=self._choice(network.secretary),
                        id="secretary",
                        prompt=_("velg"),
                    )
            yield Static(id="size-warning")
            yield Static(id="setup-error")
            with Horizontal(id="setup-buttons"):
                yield Button(_("Start møtet"), id="start", variant="success")
        yield Footer()

    @property
    def _rotating(self) -> bool:
        return bool(self.session.previous_session)

    def _people(self) -> list[tuple[str, str]]:
        return [(p.name, p.id) for p in self.session.participants]

    def _choice(self, person_id: str | None) -> str:
        """The Select's value for `person_id` (`Select.NULL` when nobody is chosen)."""
        return person_id if person_id and self.session.participant(person_id) else Select.NULL  # type: ignore[return-value]

    def _proposal_text(self) -> str:
        session = self.session
        focus = ", ".join(session.name_of(r.participant) for r in session.focus_rounds)
        parts = []
        if focus:
            parts.append(_("fokuspersoner {names}").format(names=focus))
        if session.timekeeper:
            parts.append(_("tidtaker {name}").format(name=session.name_of(session.timekeeper)))
        proposal = "; ".join(parts) or _("leder og sekretær")
        return _("Forslag etter tur (den som har ventet lengst): {proposal}. Endre fritt.").format(
            proposal=proposal
        )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Navn"), _("Kommune/tjeneste"), _("Rolle"), _("Kontakt"))
        mask(self.query_one("#p-contact", Input), "participants[].contact")  # --projektor
        self._refresh_table()
        # The first thing typed lands in a field: the network's name while it is empty, else
        # a new participant's name. With names given (--names) Enter starts the meeting.
        # `set_focus`, not `focus()`: that waits its turn behind keys typed during start-up,
        # which then went nowhere, or moved on from no field and were put back after.
        first = (
            "#p-name"
            if self.session.participants and self.session.network.name.strip()
            else "#network-name"
        )
        self.set_focus(self.query_one(first, Input))

    def draft_text(self) -> str:
        """The participants as JSON, the way the session file writes them."""
        people = [to_data(person) for person in self.session.participants]
        return json.dumps(people, ensure_ascii=False) if people else ""

    def restore_draft(self, text: str) -> str | None:
        """The participants of the last run, back in the list; their names for the notice."""
        try:
            people = [validate(Participant, item) for item in json.loads(text)]
        except (ValueError, TypeError):  # modeling.Invalid is a ValueError
            return None  # not a list we wrote: the draft is a convenience, never an error
        if not people:
            return None
        from startpakke.session.edit import remove_participant

        kept = {person.id for person in people}
        for gone in [p.id for p in self.session.participants if p.id not in kept]:
            remove_participant(self.session, gone)  # and what refers to them (`action_remove`)
        self.session.participants[:] = people
        self._refresh_table()
        return ", ".join(person.name for person in people)

    def _refresh_table(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        hidden = hides(self, "participants[].contact")
        for person in self.session.participants:
            contact = HIDDEN if person.contact and hidden else person.contact
            cells = (person.name, person.service, label(person.role), contact)
            # Text cells: a name like «Kari [vara]» is shown as typed, not read as markup.
            table.add_row(*(Text(cell) for cell in cells), key=person.id)
        if self._rotating:  # the proposal, the leader and the secretary: among these people
            self.query_one("#rotation", Static).update(self._proposal_text())
            for field in ("#leader", "#secretary"):
                select = self.query_one(field, Select)
                chosen = select.value
                select.set_options(self._people())
                select.value = self._choice(chosen if isinstance(chosen, str) else None)
        warning = self.query_one("#size-warning", Static)
        warning.update(size_text(self.session.participants, self.max_participants))
        hint = (
            _("Enter: start møtet · Tab: neste felt · Navn + Enter legger til en deltaker")
            if self.session.participants
            else _(
                "Skriv navnet på nettverket, dato og sted; legg så til deltakerne (navn + Enter)."
            )
        )
        self.query_one("#setup-hint", Static).update(hint)

    @on(Button.Pressed, "#add")
    def _add(self) -> None:
        """The button, or Enter in a person's field (taken in the order typed: the next
        name, typed right after Enter, went into this one or was cleared with it)."""
        name_input = self.query_one("#p-name", Input)
        name = name_input.value.strip()
        if not name:
            if self.session.participants and name_input.has_focus:
                self.action_start()  # Enter on an empty name: everyone is in, start
                return
            name_input.focus()
            return
        role = self.query_one("#p-role", Select).value
        self.session.participants.append(
            Participant(
                name=name,
                service=self.query_one("#p-service", Input).value.strip(),
                role=Role(str(role)),
                contact=self.query_one("#p-contact", Input).value.strip(),
            )
        )
        for field in ("#p-name", "#p-service", "#p-contact"):
            self.query_one(field, Input).value = ""
        # The next person is a member unless chosen otherwise (most are).
        self.query_one("#p-role", Select).value = Role.member.value
        name_input.focus()
        self._refresh_table()

    def _next_field(self, field: str) -> None:
        """Enter in the name, date or place (taken in the order typed): on to `field`."""
        if self.session.participants:
            self.action_start()  # the people are there: Enter starts, as on the Start button
        else:
            self.set_focus(self.query_one(field, Input))

    def action_remove(self) -> None:
        table = self.query_one(DataTable)
        if not self.session.participants or table.cursor_row is None:
            return
        index = table.cursor_row
        if 0 <= index < len(self.session.participants):
            from startpakke.session.edit import remove_participant

            # Every reference goes with them: a later meeting's focus round, the timekeeper.
            remove_participant(self.session, self.session.participants[index].id)
            self._refresh_table()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        error = self.query_one("#setup-error", Static)
        when = parse_date(self.query_one("#meeting-date", Input).value)
        if when is None:
            error.update(_("Datoen må skrives som dd.mm.åååå, f.eks. 14.09.2026."))
            error.add_class("-shown")
            self.query_one("#meeting-date", Input).focus()
            return
        if not self.session.participants:
            error.update(_("Legg til minst én deltaker (navn og Enter)."))
            error.add_class("-shown")
            self.query_one("#p-name", Input).focus()
            return
        network = self.session.network
        network.name = self.query_one("#network-name", Input).value.strip()
        network.place = self.query_one("#place", Input).value.strip()
        network.meeting_date = when
        language = self.query_one("#language", Select).value
        if isinstance(language, str):
            network.language = Language(language)
        if self._rotating:
            for field in ("leader", "secretary"):
                value = self.query_one(f"#{field}", Select).value
                setattr(network, field, value if isinstance(value, str) else None)
        self.dismiss(self.session)
