"""What is typed while a dialog or a field is still opening lands in that field.

A facilitator presses `m` and types the note at once. The dialog takes a moment to open
(50–100 ms of CPU at 80×24, more on a slow laptop), and every letter typed in that moment
was lost; in a capture list, the letters typed right after `r` were meeting keys until the
field had the focus (an «e» opened the export dialog). `send_together` gives the app the
keys at once, as a busy app gets them.
"""

from __future__ import annotations

import pytest
from textual.widgets import Checkbox, Input

from startpakke.tui.screens.export import ExportScreen
from startpakke.tui.screens.run import RunScreen
from tests.tui_helpers import (
    make_app,
    open_plan,
    send_together,
    skip_to_part,
    until,
)

TYPED = "Ring Kari om vikarer"


@pytest.mark.parametrize("key", ["m", "h", "s"])
async def test_a_dialog_gets_what_is_typed_while_it_opens(key: str) -> None:
    app, _session, _clock, _saves = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        part = app.controller.part.id if app.controller else None
        send_together(app, [key, *TYPED])
        await until(
            pilot,
            lambda: isinstance(app.focused, Input) and app.focused.value == TYPED,
            f"«{TYPED}» in the field of the dialog `{key}` opens; "
            f"focused: {app.focused!r}, {getattr(app.focused, 'value', None)!r}",
        )
        assert not isinstance(app.screen, RunScreen)
        assert app.controller is not None and app.controller.part.id == part, "no meeting key"
        assert app.room_view is False, "«R» was typed, not the room view"


@pytest.mark.parametrize("key", ["m", "s"])
async def test_what_is_entered_at_once_is_added_whole(key: str) -> None:
    """Enter, then the next note (or parked topic) at once: its first letters went into
    the first one, or were cleared with it (the field stays open for the next)."""
    app, session, _clock, _saves = make_app()

    def added() -> list[str]:
        return [n.text for n in (session.notes if key == "m" else session.parked)]

    async with app.run_test(size=(80, 24)) as pilot:
        send_together(app, [key, *TYPED, "enter", *"To", "escape"])
        await until(pilot, lambda: len(added()) == 2, f"two added: {added()}")
        await until(pilot, lambda: isinstance(app.screen, RunScreen), "the dialog closed")
        assert added() == [TYPED, "To"]


async def test_letters_typed_right_after_r_in_a_list_are_the_new_wording() -> None:
    app, session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await skip_to_part(pilot, app, "steg4")
        await pilot.press("c", *"En", "enter", "tab")  # a rule, then the list
        send_together(app, ["r", "ctrl+u", *"Ny regel, vedtatt enstemmig", "enter"])
        await until(pilot, lambda: [r.text for r in session.rules] != ["En"], "the rule edited")
        assert [r.text for r in session.rules] == ["Ny regel, vedtatt enstemmig"]
        assert not isinstance(app.screen, ExportScreen), "«e» was typed, not the export key"


async def test_names_typed_one_after_another_on_the_setup_screen() -> None:
    app, session, _clock, _saves = make_app(setup=True)
    session.participants = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#p-name", Input).focus()
        await pilot.pause()
        send_together(app, [*"Anne Berg", "enter", *"Bo Dahl", "enter"])
        await until(pilot, lambda: len(session.participants) == 2, "two people added")
        assert [p.name for p in session.participants] == ["Anne Berg", "Bo Dahl"]
        assert app.screen.query_one("#p-name", Input).value == ""


async def test_names_typed_one_after_another_in_the_participants_dialog() -> None:
    app, session, _clock, _saves = make_app("Anne")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")  # the table has the focus first; the name field is below it
        app.screen.query_one("#person-name", Input).focus()
        await pilot.pause()
        send_together(app, [*"Bo Dahl", "enter", *"Cato", "enter"])
        await until(pilot, lambda: len(session.participants) == 3, "two people added")
        assert [p.name for p in session.participants] == ["Anne", "Bo Dahl", "Cato"]


async def test_themes_typed_one_after_another_in_the_plan() -> None:
    app, session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_plan(pilot, app)
        app.screen.query_one("#plan-theme", Input).focus()
        await pilot.pause()
        send_together(app, [*"Rekruttering", "enter", *"Tilsyn", "enter"])
        await until(pilot, lambda: len(session.plan.themes) == 2, "two themes added")
        assert session.plan.themes == ["Rekruttering", "Tilsyn"]


async def test_what_is_typed_after_tab_goes_to_the_next_field() -> None:
    """Tab, then a name at once: the letters went into the field Tab had left."""
    app, session, _clock, _saves = make_app(setup=True)
    session.participants = []
    session.network.name = ""
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "network-name"
        tabs = ["tab"] * 4  # the date, the place, the målform, the name
        send_together(app, [*"Vest", *tabs, *"Anne Berg", "enter", *"Bo Dahl", "enter"])
        await until(pilot, lambda: len(session.participants) == 2, "two people added")
        assert app.screen.query_one("#network-name", Input).value == "Vest"
        assert [p.name for p in session.participants] == ["Anne Berg", "Bo Dahl"]


async def test_the_action_dialog_fields_typed_one_after_another() -> None:
    """What, Enter, who, Enter, due, Enter at once: «Ring alle» got the first letters of the
    name («Ring alleAnne»), because Enter moved on only after the letters behind it."""
    app, session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        send_together(app, ["h", *"Ring alle", "enter", *"Anne", "enter", *"01.10.2026", "enter"])
        await until(pilot, lambda: len(session.actions) == 1, "the action saved")
        action = session.actions[0]
        assert (action.what, session.name_of(action.who)) == ("Ring alle", "Anne")
        assert action.due is not None and action.due.isoformat() == "2026-10-01"


async def test_the_plan_s_text_fields_typed_one_after_another() -> None:
    app, session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_plan(pilot, app)
        app.screen.query_one("#plan-platform", Input).focus()  # Enter: on to «Annet»
        await pilot.pause()
        send_together(app, [*"Teams", "enter", *"Ta med kaffe", "enter"])
        await until(pilot, lambda: session.plan.notes == "Ta med kaffe", f"{session.plan}")
        assert session.plan.platform == "Teams"


async def test_the_file_made_is_named_as_typed_before_enter(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Enter in the export dialog's file field, then a meeting key at once: the key joined
    the file name («referat.docxn») before the document was made."""
    app, _session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e", "tab")
        field = app.screen.query_one("#export-path", Input)
        assert app.focused is field
        field.value = str(tmp_path / "kontrakt.docx")
        send_together(app, ["enter", "n"])
        await until(pilot, lambda: list(tmp_path.glob("*.docx")) != [], "a document made")
        assert [p.name for p in tmp_path.glob("*.docx")] == ["kontrakt.docx"]


async def test_down_and_r_at_once_open_the_rule_below() -> None:
    """↓ and `r` typed together: `r` is a priority key, taken at once, while ↓ waited in
    the list's queue, so the rule above was opened for editing."""
    app, _session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await skip_to_part(pilot, app, "steg4")
        await pilot.press("c", *"En", "enter", *"To", "enter", "tab", "home")
        send_together(app, ["down", "r"])
        field = app.screen.query_one("#capture-input", Input)
        await until(pilot, lambda: app.focused is field, "the field opened")
        assert field.value == "To"


async def test_the_network_s_name_is_saved_as_typed_before_enter_starts() -> None:
    """The name, Enter (which starts the meeting when the people are there) and a meeting
    key at once: the key joined the network's name («Vestn»)."""
    app, session, _clock, _saves = make_app(setup=True)
    session.network.name = ""
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "network-name"
        send_together(app, [*"Vest", "enter", "n"])
        await until(pilot, lambda: isinstance(app.screen, RunScreen), "the meeting started")
        assert session.network.name == "Vest"


async def test_words_typed_on_to_the_plan_s_checkbox_do_not_tick_it() -> None:
    # Enter in «Annet» moves on to the checkbox: the words typed after it were its keys,
    # each space (and the Enter) ticking or unticking «Alle tar med en problemstilling».
    app, session, clock, saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_plan(pilot, app)
        app.screen.query_one("#plan-notes", Input).focus()
        await pilot.pause()
        before, saved_before = session.plan.everyone_brings_case, len(saves)
        send_together(app, [*"Ta med kaffe", "enter", *"og litt til", "enter"])
        await until(pilot, lambda: session.plan.notes == "Ta med kaffe", f"{session.plan}")
        told = "kom ikke med"
        await until(pilot, lambda: any(told in n.message for n in app._notifications), told)
        await pilot.pause()  # the app idle: every key typed has been handled
        assert isinstance(app.focused, Checkbox)
        ticked = [s.plan.everyone_brings_case for s in saves[saved_before:]]
        assert ticked and set(ticked) == {before}, f"typed words changed the box: {ticked}"
        assert any("avkrysningsboks" in n.message for n in app._notifications)
        # A space pressed on its own, a moment later, still ticks it.
        clock.advance(2)
        await pilot.press("space")
        await until(pilot, lambda: session.plan.everyone_brings_case is not before, "no tick")


async def test_what_is_typed_while_the_setup_screen_opens_goes_to_its_fields(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Typed in the first second after `startpakke`: the keys came before the deferred
    # `focus()` of the first field, so they went nowhere or moved on from no field at all;
    # «Rådhuset» ended up in a participant's name.
    from startpakke.tui.screens.setup import SetupScreen

    mounted = SetupScreen.on_mount

    def typed_as_it_mounts(screen: SetupScreen) -> None:
        send_together(screen.app, [*"Testdal", "tab", "tab", *"Rådhuset", "tab", "tab", *"Kari"])
        mounted(screen)

    monkeypatch.setattr(SetupScreen, "on_mount", typed_as_it_mounts)
    app, session, _clock, _saves = make_app(names="", setup=True)
    session.network.name = session.network.place = ""
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await until(pilot, lambda: screen.query_one("#p-name", Input).value == "Kari", "Kari")
        fields = {f.id: f.value for f in screen.query(Input)}
        assert (fields["network-name"], fields["place"]) == ("Testdal", "Rådhuset"), fields


async def test_two_tabs_and_a_backspace_typed_together_move_on_in_their_turn() -> None:
    # A second Tab ran in the field the first one left, before the letters passed on ahead
    # of it were typed: «Rådhuset» came after «Kari» in a participant's name. Across the
    # list «Målform» too (a Choice), and Backspace deleted in the field left behind.
    app, session, _clock, _saves = make_app(names="", setup=True)
    session.network.name = session.network.place = ""
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        typed = [*"Testdal", "tab", "tab", *"Rådhusx", "backspace", "tab", "tab", *"Kari"]
        send_together(app, typed)
        screen = app.screen
        await until(pilot, lambda: screen.query_one("#p-name", Input).value == "Kari", "Kari")
        fields = {f.id: f.value for f in screen.query(Input)}
        assert (fields["network-name"], fields["place"]) == ("Testdal", "Rådhus"), fields
