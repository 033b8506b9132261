"""Issue 14.16: on the setup screen a vara does not count towards the six, the role goes
back to «medlem» for the next person, and with names given the first key typed lands."""

from __future__ import annotations

from textual.widgets import Input, Select, Static

from startpakke.session.model import Role
from startpakke.tui.screens.participants import ParticipantsScreen
from startpakke.tui.screens.setup import SetupScreen, size_text
from tests.tui_helpers import make_app


def shown(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(selector, Static).render())


async def test_setup_with_names_typing_vara_and_enter() -> None:
    app, session, _clock, _saves = make_app("Anne,Bjørn,Cecilie,Dag,Eli,Frode", setup=True)
    session.network.name = ""
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press(*"Vestfold sør")  # the first thing typed lands in a field
        assert app.screen.query_one("#network-name", Input).value == "Vestfold sør"

        app.screen.query_one("#p-role", Select).value = Role.deputy.value
        app.screen.query_one("#p-name", Input).focus()
        await pilot.press(*"Gro", "enter")
        await pilot.pause()
        assert session.participants[-1].role is Role.deputy
        assert app.screen.query_one("#p-role", Select).value == Role.member.value
        warning = shown(app, "#size-warning")
        assert "Merk" not in warning and "7 deltakere: 6 medlemmer og 1 vara" in warning

        await pilot.press(*"Hans", "enter")  # a seventh member: now the note is right
        await pilot.pause()
        assert "Merk: 7 medlemmer" in shown(app, "#size-warning")

        await pilot.press("enter")  # Enter on the empty name field starts the meeting
        await pilot.pause()
        assert not isinstance(app.screen, SetupScreen)
        assert session.network.name == "Vestfold sør"


async def test_enter_still_starts_at_once_with_names() -> None:
    app, _session, _clock, _saves = make_app(setup=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press("enter")
        await pilot.pause()
        assert app.controller is not None and app.controller.part.id == "innsjekk"
        # In the participants dialog (d) the role does not stick to «vara» either.
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantsScreen)
        app.screen.query_one("#person-role", Select).value = Role.deputy.value
        app.screen.query_one("#person-name", Input).focus()
        await pilot.press(*"Gro", "enter")
        await pilot.pause()
        assert app.screen.query_one("#person-role", Select).value == Role.member.value


def test_size_text_counts_members_only() -> None:
    from startpakke.session.edit import participants_from_names

    people = participants_from_names("A,B,C,D,E,F,G")
    people[-1].role = Role.deputy
    assert size_text(people, 6) == (
        "7 deltakere: 6 medlemmer og 1 vara (anbefalt: inntil 6 medlemmer)."
    )
    people[-1].role = Role.member
    assert size_text(people, 6).startswith("Merk: 7 medlemmer.")
    assert size_text(people[:1], 6) == "1 deltaker (anbefalt: inntil 6 medlemmer)."


async def test_enter_through_name_date_and_place_leads_to_the_first_participant() -> None:
    """As the hint says: the network, the date, the place, then the people (name + Enter).
    Enter in the place went to the målform's list, and the names typed next opened it and
    were lost."""
    app, session, _clock, _saves = make_app("", setup=True)
    session.network.name = ""
    session.network.place = ""
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(*"Vestdal", "enter", "enter", *"Rådhuset", "enter")
        await pilot.press(*"Anne Berg", "enter", *"Bjørn Dahl", "enter")
        await pilot.pause()
        assert [p.name for p in session.participants] == ["Anne Berg", "Bjørn Dahl"]
        assert app.screen.query_one("#place", Input).value == "Rådhuset"
        assert app.screen.query_one("#network-name", Input).value == "Vestdal"
        assert app.focused is app.screen.query_one("#p-name", Input)


async def test_a_name_typed_into_a_list_chooses_nothing() -> None:
    """One Tab too many after the place, and a name typed: its space opened the målform's
    list, the letters after it searched the list («Nordmann» found «nynorsk») and Enter
    chose it — the documents would be in nynorsk, and nothing said so. The same in the
    role's list of a participant."""
    app, *_ = make_app("", setup=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab", "tab")  # the network's name, the date, the place, …
        assert app.focused is app.screen.query_one("#language", Select)
        await pilot.press(*"Kari Nordmann", "enter")
        await pilot.pause()
        assert app.screen.query_one("#language", Select).value == "nb"
        said = [n.message for n in app._notifications if "kom ikke med" in n.message]
        assert said == [  # once, not once a letter
            "Dette feltet er en liste: velg med Enter og ↑/↓. Det du skrev, kom ikke med."
        ]
        app.screen.query_one("#p-role", Select).focus()
        await pilot.pause()
        await pilot.press(*"Ola vara", "enter")  # «vara» is the other role
        await pilot.pause()
        role = app.screen.query_one("#p-role", Select)
        assert role.value == Role.member.value
        assert not role.expanded
        await pilot.press("enter", "down", "enter")  # the arrows still choose
        await pilot.pause()
        assert role.value == Role.deputy.value


async def test_a_key_of_the_screen_on_a_list_is_not_called_typing() -> None:
    """A letter that is a key of the screen does what it says, on a list too: only a letter
    that does nothing is «what you typed did not come through»."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding

    from startpakke.tui.widgets.choice import Choice

    class Form(App[None]):
        BINDINGS = [Binding("x", "pressed", "Slett")]
        pressed = 0

        def compose(self) -> ComposeResult:
            yield Choice([("bokmål", "nb"), ("nynorsk", "nn")], value="nb", allow_blank=False)

        def action_pressed(self) -> None:
            self.pressed += 1

    app = Form()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.focused, Choice)
        await pilot.press("x")
        await pilot.pause()
        assert app.pressed == 1
        assert not [n for n in app._notifications if "kom ikke med" in n.message]
        await pilot.press("k")
        await pilot.pause()
        assert [n.severity for n in app._notifications] == ["warning"]
