"""While the facilitator writes, the key bar shows the keys that work there, not the meeting's.

In the capture field `n`, `f`, `?` and the space are letters: a footer that still offered
«n/→ Neste del» told the facilitator something untrue. In the field it shows Enter and Esc;
in the list, the list's keys (edit, delete …); after Esc, the meeting's keys again.
"""

from __future__ import annotations

from textual.widgets import Input

from startpakke.tui.widgets.key_bar import KeyBar
from tests.tui_helpers import jump_to_part, make_app


def bar(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(KeyBar).render())


async def test_the_field_shows_enter_and_esc_and_the_meeting_keys_come_back() -> None:
    app, _session, _clock, _saves = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await jump_to_part(pilot, app, "steg4")
        await pilot.press("f")
        await pilot.pause()
        assert "Neste del" in bar(app)
        await pilot.press("c")
        await pilot.pause()
        shown = bar(app)
        assert "Enter Legg til" in shown and "esc Tilbake til møtet" in shown
        assert "Neste del" not in shown and "Alle taster" not in shown
        await pilot.press("escape")
        await pilot.pause()
        assert "Neste del" in bar(app) and "Lagre" not in bar(app)


async def test_the_list_shows_its_own_keys() -> None:
    app, _session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await jump_to_part(pilot, app, "steg4")
        await pilot.press("f", "c")
        field = app.focused  # a rule in the list (typing in the field is the other test's)
        assert isinstance(field, Input)
        field.value = "Vi starter presis"
        await pilot.press("enter", "escape", "f")
        await pilot.press("c")  # the consensus phase: c goes to the list
        await pilot.pause()
        shown = bar(app)
        assert "r Rediger" in shown and "x/Del Slett" in shown
        assert "Neste del" not in shown and "Lagre" not in shown
        assert "? Alle taster" in shown  # in the list `?` is a key, not a letter
        await pilot.press("r")  # editing the rule: Enter saves it
        await pilot.pause()
        assert "Enter Lagre" in bar(app)
