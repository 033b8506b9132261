"""The big clock on the run screen (issue 15.1): block digits from about 100×30, at least
seven rows tall at 120×40, the speaker and the next beside it; Digits at 80×24."""

from __future__ import annotations

from textual.widgets import Digits, Static

from startpakke.projector import blockfont
from startpakke.tui.widgets.block_clock import BlockClock
from tests.tui_helpers import make_app


def _face_rows(clock: BlockClock) -> int:
    width, height = clock.content_size
    scale = blockfont.fit(clock.face, width, height)
    return blockfont.size(clock.face, scale)[1] if scale else 0


def _screen(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_at_120x40_every_part_has_a_clock_seven_rows_tall() -> None:
    app, _, _clock, _ = make_app("Anne Aas,Bjørn Berg,Cecilie Dahl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        parts = len(app.controller.agenda.parts)  # type: ignore[union-attr]
        for index in range(parts):
            if index:
                await pilot.press("n")
                await pilot.pause()
            block = app.screen.query_one(BlockClock)
            assert block.display and block.region.area, index
            assert not app.screen.query_one(Digits).region.area
            assert _face_rows(block) >= 7, (index, block.content_size)
            # The face is never cut: it fits inside the widget.
            lines = blockfont.render(block.face, blockfont.fit(block.face, *block.content_size))
            assert all(len(line) <= block.content_size.width for line in lines)


async def test_the_speaker_and_the_next_are_large_beside_the_clock() -> None:
    app, _, _, _ = make_app("Anne Aas,Bjørn Berg,Cecilie Dahl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        speakers = app.screen.query_one("#clock-speakers", Static)
        block = app.screen.query_one(BlockClock)
        assert speakers.region.area
        assert speakers.region.x >= block.region.right  # beside the face, to the right
        text = str(speakers.render())
        assert "Ordet har" in text and "Bjørn Berg" in text
        assert "Neste" in text and "Cecilie Dahl" in text
        # Outside a round the face takes the whole width.
        await pilot.press("n")
        await pilot.pause()
        assert not speakers.region.area


async def test_overtime_and_pause_are_said_in_words() -> None:
    app, _, clock, _ = make_app("Anne Aas,Bjørn Berg,Cecilie Dahl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", "n")
        clock.advance(4 * 60)
        app.screen.refresh_state()
        await pilot.pause()
        assert "OVERTID +01:00" in _screen(app)
        await pilot.press("space")
        await pilot.pause()
        assert "PAUSE" in _screen(app)


async def test_at_80x24_the_clock_falls_back_to_digits_and_the_round_list() -> None:
    app, _, _, _ = make_app("Anne Aas,Bjørn Berg,Cecilie Dahl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one(BlockClock).region.area
        assert app.screen.query_one(Digits).region.area
        assert not app.screen.query_one("#clock-speakers").region.area
        assert "Anne Aas – nå" in _screen(app)  # the round list beside the clock


async def test_the_clock_grows_from_100x30() -> None:
    app, _, _, _ = make_app("Anne Aas,Bjørn Berg,Cecilie Dahl")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        block = app.screen.query_one(BlockClock)
        assert block.region.area and _face_rows(block) >= 4
        await pilot.resize_terminal(99, 30)
        await pilot.pause()
        assert not app.screen.query_one(BlockClock).region.area
