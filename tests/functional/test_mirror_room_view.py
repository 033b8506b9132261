"""Issue 15.4, the run screen's part: «Rommet ser skjermen» (the room view).

Most facilitators mirror the laptop to the projector, so the run screen is what the room
sees. While the room view is on (`--projektor`, or `R`), the screen never shows notes,
contact details, case titles, takeaways, the first-time guide or a restored draft; `R`
again shows them. Each test reads what is rendered on the screen, with the room view on
and then off.
"""

from __future__ import annotations

from textual.widgets import Input

from startpakke.tui.bindings import RUN_KEYS
from startpakke.tui.screens.info import InfoScreen
from startpakke.tui.screens.participants import ParticipantsScreen
from tests.tui_helpers import builtin, make_app


def shown(app) -> str:  # type: ignore[no-untyped-def]
    """Everything on the screen now, as plain text (the toasts included)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    app.screen.refresh_state()
    await pilot.pause()


def test_the_room_view_key_is_declared_once_with_what_it_hides() -> None:
    keys = {k.binding.id: k.binding for k in RUN_KEYS}
    room = keys["room_view"]
    assert room.key == "R" and room.action == "toggle_room_view"
    assert "notater" in room.tooltip and "kontaktopplysninger" in room.tooltip
    assert [k.binding.key for k in RUN_KEYS].count("R") == 1


async def test_projektor_starts_in_the_room_view_and_r_turns_it_off() -> None:
    app, _session, _clock, _saves = make_app(projector=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.room_view is True
        assert "ROMMET SER SKJERMEN" in shown(app)
        await pilot.press("R")
        await settle(app, pilot)
        assert app.room_view is False
        assert "ROMMET SER SKJERMEN" not in shown(app)


async def test_notes_are_hidden_while_the_room_sees_the_screen_and_come_back() -> None:
    app, _session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        controller = app.controller
        assert controller is not None
        controller.jump(3)  # steg 3: the capture area lists the part's notes
        controller.add_note("Bjørn virker sliten i dag", private=True)
        controller.add_note("Gruppen vil ha mer tid", private=False)
        await settle(app, pilot)
        assert "Bjørn virker sliten" in shown(app) and "mer tid" in shown(app)

        await pilot.press("R")
        await settle(app, pilot)
        text = shown(app)
        assert "sliten" not in text and "mer tid" not in text
        assert "Skjult mens rommet ser skjermen" in text
        assert "ROMMET SER SKJERMEN" in text

        # Typing a note while the room sees the screen: dots, and the note is kept as typed.
        await pilot.press("c", *"Anne er syk")
        await pilot.pause()
        field = app.screen.query_one("#capture-input", Input)
        assert field.password and "Anne er syk" not in shown(app)
        await pilot.press("enter", "escape")
        await settle(app, pilot)
        assert controller.session.notes[-1].text == "Anne er syk"

        # Deleting one says so without quoting it.
        await pilot.press("c", "tab")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert "Slettet notatet" not in shown(app)
        await pilot.press("u", "escape")
        await pilot.pause()

        await pilot.press("R")
        await settle(app, pilot)
        text = shown(app)
        assert "Bjørn virker sliten" in text and "mer tid" in text
        assert "ROMMET SER SKJERMEN" not in text and not field.password


async def test_contact_details_are_hidden_in_the_participants_dialog() -> None:
    app, session, _clock, _saves = make_app()
    session.participants[0].contact = "anne@privat.example"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantsScreen)
        assert "anne@privat.example" in shown(app)
        await pilot.press("escape")
        await pilot.press("R", "d")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantsScreen)
        assert "anne@privat.example" not in shown(app)
        assert app.screen.query_one("#person-contact", Input).password


async def test_kollegaveiledning_hides_cases_and_takeaways_and_shows_them_again() -> None:
    app, session, _clock, _saves = make_app(agenda=builtin("kollegaveiledning"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        controller = app.controller
        assert controller is not None
        anne, bjorn = (p.id for p in session.participants[:2])
        controller.jump(1)  # roller: the focus persons and their cases
        controller.choose_focus([anne, bjorn])
        controller.focus_round(anne).case_title = "Vold i hjemmet"
        await settle(app, pilot)
        assert "Vold i hjemmet" in shown(app)
        await pilot.press("R")
        await settle(app, pilot)
        assert "Vold i hjemmet" not in shown(app) and "Sak 1" in shown(app)

        controller.jump(2)
        controller.add_takeaway("Snakke med lederen min", anne)
        await settle(app, pilot)
        assert "lederen min" not in shown(app)
        await pilot.press("R")
        await settle(app, pilot)
        assert "lederen min" in shown(app)


async def test_the_guide_does_not_greet_the_room_and_info_says_whose_it_is() -> None:
    app, _session, _clock, _saves = make_app(projector=True, first_run=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        assert "Veiledning – Velkommen og innsjekk" not in shown(app)

        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, InfoScreen)
        text = shown(app)
        assert "BARE FOR FASILITATOREN" in text and "Esc" in text
        assert "Veiledning for fasilitatoren" in text  # it is the facilitator's panel
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("R")  # only the facilitator sees the screen: the guide greets
        await settle(app, pilot)
        assert "Veiledning – Velkommen og innsjekk" in shown(app)
        await pilot.press("i")
        await pilot.pause()
        assert "BARE FOR FASILITATOREN" not in shown(app)


async def test_the_room_view_clears_a_toast_and_never_quotes_a_restored_draft() -> None:
    app, _session, _clock, _saves = make_app(first_run=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        assert "Veiledning – Velkommen og innsjekk" in shown(app)
        await pilot.press("R")
        await settle(app, pilot)
        assert "Veiledning – Velkommen og innsjekk" not in shown(app)
        app._draft_restored("Cecilie har det vondt")
        await pilot.pause()
        assert "Hentet tilbake det du skrev" in shown(app)
        assert "vondt" not in shown(app)


async def test_info_says_which_key_parks_a_topic() -> None:
    app, _session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.controller is not None
        from startpakke.session import parking

        app.controller.edit(parking.park, "Vikarbruk", app.controller.part.id)
        await pilot.press("i")
        await pilot.pause()
        park = next(k.binding.key for k in RUN_KEYS if k.binding.action == "park")
        assert f"({park} parkerer et tema" in shown(app)
        assert "(v parkerer" not in shown(app)


async def test_projektor_hides_contacts_on_the_setup_screen_too() -> None:
    app, session, _clock, _saves = make_app(projector=True, setup=True)
    session.participants[0].contact = "anne@privat.example"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Anne" in shown(app) and "anne@privat.example" not in shown(app)
        assert app.screen.query_one("#p-contact", Input).password

    app, session, _clock, _saves = make_app(setup=True)
    session.participants[0].contact = "anne@privat.example"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "anne@privat.example" in shown(app)


async def test_the_note_dialog_hides_the_part_s_notes_while_the_room_sees_the_screen() -> None:
    app, _session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.controller is not None
        app.controller.add_note("Cecilie gråt i pausen", private=True)
        await pilot.press("m")  # part 0 captures attendance: `m` opens the note dialog
        await pilot.pause()
        assert "Cecilie gråt" in shown(app)
        await pilot.press("escape", "R", "m")
        await pilot.pause()
        assert "Cecilie gråt" not in shown(app)
        assert "Skjult mens rommet ser skjermen" in shown(app)
        await pilot.press(*"ny")
        assert app.screen.query_one("#note-input", Input).password
