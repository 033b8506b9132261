"""The «Lagre en kopi» rescue never replaces a file: a tester rescued a meeting twice on a
full disk, and the second copy silently overwrote the first (the newer work was lost)."""

from __future__ import annotations

from textual.widgets import Input, Static

from startpakke.paths import sessions_dir
from startpakke.tui.screens.unsaved import UnsavedScreen
from tests.tui_helpers import make_app


async def test_the_suggestion_is_a_free_name_and_an_existing_file_is_refused() -> None:
    app, _session, _clock, _saves = make_app()
    earlier = sessions_dir() / "økt.json"
    earlier.parent.mkdir(parents=True, exist_ok=True)
    earlier.write_text('{"the": "first rescue"}')
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()

        def full(_session: object) -> None:
            raise OSError(28, "No space left on device")

        app._raw_save = full  # the disk is full from now on
        await pilot.press("n")  # a change that cannot be saved
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        field = app.screen.query_one("#unsaved-path", Input)
        assert field.value == str(earlier.with_name("økt-2.json"))
        field.value = str(earlier)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen), "the dialog stays: nothing was saved"
        problem = str(app.screen.query_one("#unsaved-problem", Static).render())
        assert "finnes fra før" in problem
    assert earlier.read_text() == '{"the": "first rescue"}'
