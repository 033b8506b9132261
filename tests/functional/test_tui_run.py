"""The facilitator's app driven with Textual's Pilot on a fake clock."""

from __future__ import annotations

from textual.command import CommandList
from textual.widgets import Input, Static

from startpakke.tui.screens.help import HelpKeys
from startpakke.tui.screens.run import RunScreen
from startpakke.tui.widgets.big_clock import BigClock
from tests.tui_helpers import clock_face, make_app, put_text, settle, skip_to_part, text, until


async def test_walk_the_whole_meeting_with_three_participants() -> None:
    app, session, clock, saves = make_app("Anne,Bjørn,Cecilie")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, RunScreen)
        assert text(app, "#part-title") == "Innsjekk: Velkommen og innsjekk"
        assert "Nå: Anne" in text(app, "#round")
        assert "Neste: Bjørn" in text(app, "#round")
        assert clock_face(app) == "03:20"  # 10 minutes shared by three

        # The countdown runs from the clock.
        clock.advance(20)
        await settle(pilot)
        assert clock_face(app) == "03:00"

        # Pause stops it, and the screen says PAUSE.
        await pilot.press("space")
        clock.advance(90)
        await settle(pilot)
        assert clock_face(app) == "03:00"
        assert "PAUSE" in text(app, "#clock-status")
        await pilot.press("space")
        await settle(pilot)
        assert "PAUSE" not in text(app, "#clock-status")

        # + adds a minute.
        await pilot.press("plus")
        await settle(pilot)
        assert clock_face(app) == "04:00"

        # Turns rotate.
        await pilot.press("t")
        await settle(pilot)
        assert "Nå: Bjørn" in text(app, "#round")

        # An absent person is skipped.
        await pilot.press("a")
        await settle(pilot)
        assert "Nå: Cecilie" in text(app, "#round")
        assert "Borte: Bjørn" in text(app, "#round")
        assert not session.participant(session.participants[1].id).present

        # Cecilie, the last one present, gets what is left of the round (640 s);
        # overtime shows as a count-up with a label, and nothing moves on by itself.
        assert clock_face(app) == "10:40"
        clock.advance(11 * 60)
        await settle(pilot)
        assert clock_face(app).startswith("+")
        assert "OVERTID" in text(app, "#clock-status")
        assert app.screen.query_one(BigClock).has_class("-overtime")
        assert "Nå: Cecilie" in text(app, "#round")

        titles = [text(app, "#part-title")]
        for _ in range(9):
            await pilot.press("n")
            await settle(pilot)
            titles.append(text(app, "#part-title"))
        assert titles[1] == "Steg 1 av 7: Valg av fasilitator"
        assert titles[3].startswith("Steg 3 av 7: Min bruksanvisning")
        assert titles[5] == "Pause"  # the break after steg 4, named once
        assert titles[-1].startswith("Utsjekk:")

        # p goes back.
        await pilot.press("p")
        await settle(pilot)
        assert text(app, "#part-title").startswith("Steg 7 av 7")

        # Through the end.
        await pilot.press("n", "n")
        await settle(pilot)
        assert "møtet er ferdig" in text(app, "#part-title")
        assert "Trykk e" in text(app, "#banner")
        assert not app.screen.query_one("#round").display  # no speaker after the end
        assert "Møtet er ferdig" in text(app, "#clock-label")
        assert app.screen.check_action("next_turn", ()) is None
    assert saves, "every intent is saved"
    assert saves[-1].run is not None and saves[-1].run.finished is True


async def test_next_phase_within_a_part() -> None:
    app, _, _, _ = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await skip_to_part(pilot, app, "steg4")
        assert text(app, "#part-title").startswith("Steg 4 av 7")
        assert text(app, "#phase-title").startswith("Fase 1 av 3")
        await pilot.press("f")
        await settle(pilot)
        assert text(app, "#phase-title").startswith("Fase 2 av 3")
        assert "Nå:" in text(app, "#round")


async def test_schedule_and_help_screens_open_and_close() -> None:
    app, _, clock, _ = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        clock.advance(12 * 60)
        await pilot.press("n")
        await pilot.press("o")
        await pilot.pause()
        summary = str(app.screen.query_one("#schedule-summary", Static).render())
        assert "2 min etter planen" in summary
        await pilot.press("escape")
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = " ".join(text for keys in app.screen.query(HelpKeys) for _, text in keys.rows)
        for word in ("Neste del", "Neste fase", "Neste tur", "Pause", "Tidsplan", "Avslutt"):
            assert word in help_text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)


async def test_keys_work_after_leaving_a_text_field_with_escape() -> None:
    app, _, _, _ = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.focused is None  # the run screen focuses nothing by itself
        await pilot.press("right")
        await settle(pilot)
        assert text(app, "#part-title").startswith("Steg 1 av 7")
        await pilot.press("left")
        await settle(pilot)
        assert text(app, "#part-title").startswith("Innsjekk")
        # Steg 4's sharing round captures rules in a text field.
        await pilot.press("n", "n", "n", "n", "f")
        await settle(pilot)
        await pilot.press("c")
        await pilot.press("n")  # typed into the field, not a key for the meeting
        await settle(pilot)
        assert text(app, "#part-title").startswith("Steg 4 av 7")
        assert isinstance(app.screen.focused, Input)
        assert app.screen.focused.value == "n"
        await pilot.press("escape")
        assert not isinstance(app.screen.focused, Input)
        await pilot.press("n")
        await settle(pilot)
        assert text(app, "#part-title") == "Pause"  # the break after steg 4


async def test_projector_theme_at_start_and_switchable() -> None:
    app, _, _, _ = make_app(projector=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "startpakke-projektor"
        await pilot.press("l")
        assert app.theme == "startpakke"


async def test_more_than_six_get_a_friendly_warning_not_a_refusal() -> None:
    app, _, _, _ = make_app("A,B,C,D,E,F,G", setup=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        warning = str(app.screen.query_one("#size-warning", Static).render())
        assert "7 deltakere" in warning and "inntil 6" in warning
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)


async def test_setup_without_names_adds_participants() -> None:
    app, session, _, _ = make_app("", setup=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#p-name")
        put_text(app, "Kari")
        await pilot.press("enter")
        put_text(app, "Ola")
        await pilot.press("enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [p.name for p in session.participants] == ["Kari", "Ola"]
        assert isinstance(app.screen, RunScreen)


async def test_time_up_flashes_and_waits() -> None:
    app, _, clock, _ = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        clock.advance(201)
        await settle(pilot)
        assert app.screen.query_one(BigClock).has_class("-flash")
        assert "Nå: Anne" in text(app, "#round")
        clock.advance(2)  # the flash ends with the meeting's clock, not a screen timer
        await settle(pilot)
        assert not app.screen.query_one(BigClock).has_class("-flash")
        assert app.screen.query_one(BigClock).has_class("-overtime")


async def test_every_run_key_is_in_the_command_palette() -> None:
    from startpakke.tui.bindings import RUN_BINDINGS

    app, _, _, _ = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for binding in RUN_BINDINGS:
            assert binding.tooltip in titles
        await pilot.press("ctrl+p")
        await pilot.press(*"Neste del")

        def found() -> bool:  # the search runs in the background: its best match on top
            lists = app.screen.query(CommandList)
            at = lists.first().highlighted if lists else None
            return at is not None and "Neste del" in str(
                lists.first().get_option_at_index(at).prompt
            )

        await until(pilot, found, "the palette finds «Neste del»")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, RunScreen), "the palette closes")
        await settle(pilot)
        assert isinstance(app.screen, RunScreen)
        assert text(app, "#part-title").startswith("Steg 1 av 7")


async def test_names_with_brackets_are_text_not_markup() -> None:
    """«Kari [vara]» and «[/]Bjørn» are names as typed: shown literally, never a crash."""
    app, _, _, _ = make_app("Kari [vara],[/]Bjørn [b]fet[/b]")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Nå: Kari [vara]" in text(app, "#round")
        assert "Neste: [/]Bjørn [b]fet[/b]" in text(app, "#round")
        for _ in range(9):
            await pilot.press("c")
            if isinstance(app.focused, Input):  # the text is the subject here, not the typing
                put_text(app, "[/]tekst")
            else:  # a list, a dialog, a form: the same keys as ever
                await pilot.press(*"[/]tekst")
            await pilot.press("enter", "escape", "escape")
            await pilot.press("n")
            await settle(pilot)
        await pilot.press("p")
        for key in ("d", "h", "m", "e", "o", "i", "question_mark"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        await settle(pilot)
        assert isinstance(app.screen, RunScreen)


async def test_start_up_objects_are_frozen_while_the_app_runs_and_released_after() -> None:
    import gc

    app, *_ = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert gc.get_freeze_count() > 0  # kept out of the collector's full passes
        assert gc.isenabled()  # off only until the first frame
    assert gc.get_freeze_count() == 0  # and given back when the app ends
    assert gc.isenabled()
