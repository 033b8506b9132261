"""Issue 14.15: at 80×24 the round stays on screen during innsjekk, the schedule shows
every column, and the plan dialog shows its groups (and scrolls visibly for the rest)."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Button, DataTable, Static

from startpakke import i18n
from startpakke.tui.capture import CaptureArea
from startpakke.tui.screens.help import KEY_WIDTH, HelpKeys
from tests.tui_helpers import make_app, open_plan_at_once

SIZE = (80, 24)
SIX = "Anne,Bjørn,Cecilie,Dag,Eli,Frode"


async def test_innsjekk_keeps_the_round_on_screen() -> None:
    app, _session, _clock, _saves = make_app(SIX)
    async with app.run_test(size=SIZE) as pilot:
        round_list = app.screen.query_one("#round-list")
        assert round_list.region.height >= 5, "the speakers have room: now and next"
        lines = [strip.text for strip in round_list.render_lines(round_list.region.reset_offset)]
        text = "\n".join(lines)
        assert "Anne – nå" in text and "Bjørn – neste" in text, text
        capture = app.screen.query_one(CaptureArea)
        assert capture.region.height <= 6
        await pilot.press("c")  # working in the list: it may grow
        await pilot.pause()
        assert capture.region.height > 6


async def test_schedule_shows_every_column_at_80_columns() -> None:
    app, _session, clock, _saves = make_app(SIX)
    async with app.run_test(size=SIZE) as pilot:
        clock.advance(12 * 60)
        assert app.controller is not None
        for _ in range(3):  # three parts done, with their times (not drawn on the way)
            app.controller.next_part()
        await pilot.press("o")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        headers = [str(c.label) for c in table.columns.values()]
        assert {"Plan", "Faktisk", "Brukt", "Merknad"} <= set(headers)
        assert table.virtual_size.width <= table.size.width, "no column is cut off"


async def test_plan_dialog_fits_its_first_groups_at_80x24() -> None:
    app, _session, _clock, _saves = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_plan_at_once(pilot, app)
        box = app.screen.query_one("#plan-box", VerticalScroll)
        for field in ("#plan-leader", "#plan-notes", "#plan-date", "#plan-date-secretary"):
            widget = app.screen.query_one(field)
            assert box.region.contains_region(widget.region), field
        if box.virtual_size.height > box.size.height:
            assert box.show_vertical_scrollbar, "what does not fit scrolls, visibly"
        # Tabbing to the last field scrolls it into view.
        app.screen.query_one("#plan-theme").focus()
        await pilot.pause()
        assert box.region.contains_region(app.screen.query_one("#plan-theme").region)


@pytest.mark.parametrize("language", ["nb", "nn"])
async def test_the_setup_screen_fits_80x24_and_shows_an_error_when_there_is_one(
    language: str,
) -> None:
    """A new meeting at 80×24: «Start møtet» whole, nothing to scroll; an empty error line
    took the last row and pushed the button's edge under the keys."""
    i18n.set_language(language)
    app, *_ = make_app("", setup=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen.query_one("#setup", VerticalScroll)
        assert form.max_scroll_y == 0
        start = app.screen.query_one("#start", Button)
        assert start.region.bottom <= form.region.bottom
        await pilot.press("ctrl+s")  # no participants yet: said on the screen
        await pilot.pause()
        error = app.screen.query_one("#setup-error", Static)
        assert error.display and error.region.height == 1
        assert str(error.render()).startswith(
            "Legg til minst én deltaker" if language == "nb" else "Legg til minst éin deltakar"
        )


@pytest.mark.parametrize("language", ["nb", "nn"])
async def test_the_help_keys_wrap_between_words_at_80x24(language: str) -> None:
    """«Enter/mell» over «omrom» in the help's key column: a key's words stay whole."""
    i18n.set_language(language)
    app, *_ = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        broken = []
        for section in app.screen.query(HelpKeys):
            assert section.rows
            words = {word for key, _ in section.rows for word in key.split()}
            lines = [strip.text for strip in section.render_lines(section.region.reset_offset)]
            shown = {word for line in lines for word in line[:KEY_WIDTH].split()}
            broken += sorted(shown - words)  # «mell» and «omrom» are no key's words
        assert broken == []
