"""Issue 17: the network's målform is chosen on the setup screen («Målform») and saved in
the session as `network.language`; the documents are then written in it."""

from __future__ import annotations

from textual.widgets import Select

from startpakke.session.model import Language
from startpakke.tui.screens.setup import SetupScreen
from tests.tui_helpers import make_app


async def test_the_setup_screen_sets_the_network_language() -> None:
    app, session, _clock, _saves = make_app("Anne,Bjørn", setup=True)
    assert session.network.language is Language.nb
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        select = app.screen.query_one("#language", Select)
        assert select.value == "nb"
        select.value = Language.nn.value
        app.screen.action_start()
        await pilot.pause()
        assert not isinstance(app.screen, SetupScreen)
    assert session.network.language is Language.nn


async def test_a_nynorsk_network_shows_its_målform() -> None:
    app, session, _clock, _saves = make_app("Anne", setup=True)
    session.network.language = Language.nn
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#language", Select).value == "nn"
