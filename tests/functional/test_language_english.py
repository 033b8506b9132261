"""No English on the screen: the command palette, ctrl+c, the Keys panel and the footer,
at a laptop's 80×24 and a projector's 120×40 (issue 17.5)."""

from __future__ import annotations

import re

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Input

from startpakke.tui.app import StartpakkeApp
from startpakke.tui.screens.run import RunScreen
from tests.tui_helpers import make_app, until

SIZES = [(80, 24), (120, 40)]

# Textual's own English words, as it writes them.
ENGLISH = re.compile(
    r"\b(Search|commands|No matches|found|Theme|Quit|Keys|Maximi[sz]e|Minimi[sz]e|Screenshot|"
    r"palette|Do you want|quit|Press|Move cursor|Scroll|Page (Up|Down|Left|Right)|Delete|"
    r"Select|Copy|Paste|Submit|Focus|Cursor|Toggle|Undo|Redo|Show|Hide|Exit|the app|Input)\b"
)


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """Everything on the screen as plain text, notifications and panels included."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def english_on(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.group(0) for m in ENGLISH.finditer(screen_text(app))]


async def shown_when(pilot, text: str, seconds: float = 5.0) -> str:  # type: ignore[no-untyped-def]
    """The screen once `text` is on it (timers, not a fixed sleep, decide when)."""
    for _ in range(int(seconds / 0.1)):
        shown = screen_text(pilot.app)
        if text in shown:
            return shown
        await pilot.pause(0.1)
    return screen_text(pilot.app)


async def on_run_screen(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("enter")  # names given: Enter starts at innsjekk
    await pilot.pause()
    assert isinstance(pilot.app.screen, RunScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_the_command_palette_and_ctrl_c_are_norwegian(size: tuple[int, int]) -> None:
    """On the run screen: the command palette (its prompt and «no matches»), and once it is
    closed, what ctrl+c says (how to quit, and it never quits). One app for both: they
    started the same app the same way."""
    app, *_ = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await on_run_screen(pilot)
        # The footer is the run screen's own key bar: no «^p palette» (help names ctrl+p).
        assert "palette" not in screen_text(app)
        assert english_on(app) == []
        await pilot.press("ctrl+p")
        await pilot.pause()
        shown = screen_text(app)
        assert "Søk etter kommandoer" in shown
        assert english_on(app) == [], shown
        assert isinstance(app.screen, CommandPalette)
        app.screen.query_one(Input).value = "zzqxw"  # the search, not the typing, is read
        shown = await shown_when(pilot, "Ingen treff")  # the palette waits half a second
        assert "Ingen treff" in shown
        assert english_on(app) == [], shown

        await pilot.press("escape")
        assert isinstance(app.screen, RunScreen)
        await pilot.press("ctrl+c")
        shown = await shown_when(pilot, "Vil du avslutte?")
        assert "Vil du avslutte?" in shown
        assert "ctrl+q" in shown
        assert english_on(app) == [], shown
        assert app.is_running  # ctrl+c never quits


def palette_found(app: StartpakkeApp, word: str) -> bool:
    """The palette's search (it runs in the background) has highlighted a match for `word`."""
    lists = app.screen.query(CommandList)
    at = lists.first().highlighted if lists else None
    return at is not None and word in str(lists.first().get_option_at_index(at).prompt).lower()


@pytest.mark.parametrize("size", SIZES)
async def test_the_keys_panel_is_norwegian_also_for_a_text_field(size: tuple[int, int]) -> None:
    from textual.widgets import HelpPanel

    app, *_ = make_app(setup=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.screen.query_one("#network-name", Input).focus()  # the setup screen's first field
        await pilot.pause()
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        app.screen.query_one(Input).value = "taster"  # the palette's search field
        await until(pilot, lambda: palette_found(app, "taster"), "the palette finds «taster»")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query(HelpPanel)
        shown = await shown_when(pilot, "Rull opp")
        assert "Rull opp" in shown and "Tekstfelt" in shown, shown
        assert english_on(app) == [], shown


async def test_the_palette_remembers_the_language_for_the_next_start() -> None:
    from startpakke import i18n

    assert i18n.saved_language() is None
    app, *_ = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await on_run_screen(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        app.screen.query_one(Input).value = "bruk nynorsk"  # the palette's search field
        # Enter before the search has its best match only highlights the first one found.
        await until(pilot, lambda: palette_found(app, "nynorsk"), "the palette finds it")
        await pilot.press("enter")
        shown = await shown_when(pilot, "Neste gang")
        assert "nynorsk" in shown
    assert i18n.saved_language() == "nn"
    assert i18n.choose_language(None, {}) == "nn"
