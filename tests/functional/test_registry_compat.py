"""Each start-up shortcut in `startpakke.tui.compat` does what Textual itself would do.

They lean on Textual's behaviour beyond its documented API; these tests compare each with
Textual's own way, so an upgrade that changes the behaviour fails here.
"""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static, TextArea

from startpakke.tui.compat import (
    EnterInOrderInput,
    StyledOnMountDialog,
    StyledOnMountScreen,
    breakpoint_class,
    keep_keys_in_order,
    set_first_theme,
)
from startpakke.tui.theme import DARK, THEMES
from tests.tui_helpers import send_together


class _Themed(App[None]):
    CSS = "Static { background: $primary; color: $text; border: round $accent; }"

    def __init__(self, shortcut: bool) -> None:
        super().__init__()
        for theme in THEMES:
            self.register_theme(theme)
        if shortcut:
            set_first_theme(self, DARK)
        else:
            self.theme = DARK.name

    def compose(self) -> ComposeResult:
        yield Static("Steg 3 av 7")


async def test_the_first_theme_comes_out_as_setting_app_theme_would() -> None:
    seen = []
    for shortcut in (True, False):
        app = _Themed(shortcut)
        async with app.run_test(size=(40, 6)) as pilot:
            await pilot.pause()
            seen.append(
                (
                    app.theme,
                    app.get_css_variables(),
                    sorted(c for c in app.classes if c.startswith("-")),
                    app.export_screenshot(),
                )
            )
    assert seen[0][:3] == seen[1][:3]
    assert seen[0][3] == seen[1][3], "the same frame, pixel for pixel"


HORIZONTAL = [(0, "-narrow"), (100, "-wide"), (150, "-huge")]
VERTICAL = [(0, "-short"), (45, "-tall")]


class _Plain(Screen[None]):
    HORIZONTAL_BREAKPOINTS = HORIZONTAL
    VERTICAL_BREAKPOINTS = VERTICAL


class _Breakpoints(App[None]):
    def on_mount(self) -> None:
        self.push_screen(_Plain())


@pytest.mark.parametrize("size", [(80, 24), (100, 45), (149, 44), (160, 50)])
async def test_breakpoint_classes_are_the_ones_textual_gives(size: tuple[int, int]) -> None:
    app = _Breakpoints()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        given = {c for c in app.screen.classes if c in {n for _, n in HORIZONTAL + VERTICAL}}
    assert given == {breakpoint_class(size[0], HORIZONTAL), breakpoint_class(size[1], VERTICAL)}


class _Typing(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.added: list[str] = []

    def compose(self) -> ComposeResult:
        yield EnterInOrderInput(on_enter=self._add, id="field")

    def _add(self) -> None:
        field = self.query_one(EnterInOrderInput)
        self.added.append(field.value)
        field.value = ""


async def test_enter_is_taken_in_the_order_the_keys_came() -> None:
    app = _Typing()
    async with app.run_test() as pilot:
        await pilot.press(*"ab", "enter", *"cd", "enter", *"e")
        await pilot.pause()
        assert app.added == ["ab", "cd"]
        assert app.query_one(EnterInOrderInput).value == "e"


class _Fields(App[None]):
    def compose(self) -> ComposeResult:
        with Vertical(), Vertical():  # a key bubbles through each on its way to the app
            yield Input("den gamle formuleringen", id="line")
            yield TextArea("", id="text")


async def test_a_fields_own_keys_come_in_the_order_they_were_typed() -> None:
    for field in (Input, TextArea, Input):  # installed once, however often it is called
        keep_keys_in_order(field)
    app = _Fields()
    async with app.run_test() as pilot:
        line, text = app.query_one(Input), app.query_one(TextArea)
        line.focus()
        line.cursor_position = len(line.value)
        await pilot.pause()
        # ctrl+u, then the new wording: what was typed after ctrl+u stays (it went too).
        send_together(app, ["ctrl+u", *"ny", "space", *"texkt", "left", "backspace", "end", "!"])
        await pilot.pause()
        assert line.value == "ny text!"
        text.focus()
        await pilot.pause()
        send_together(app, [*"abc", "backspace", "d", "home", "X"])
        await pilot.pause()
        assert text.text == "Xabd"
        # Keys after Tab go where Tab took the focus, not to the field it left.
        line.focus()
        await pilot.pause()
        send_together(app, ["ctrl+u", *"ny", "tab", *"Y", "enter", *"Z"])
        await pilot.pause()
        assert line.value == "ny"
        assert text.text == "XY\nZabd"  # at the TextArea's cursor, after the «X»


_RESUME_CSS = """
Screen.-wide #box { background: $primary; width: 30; }
Screen.-wide #box > Static { color: $text; border: round $accent; }
#box:focus-within { background: $success; }
"""


def _screen_class(shortcut: bool, dialog: bool) -> type[Screen[None]]:
    if dialog:
        base: type[Screen[None]] = StyledOnMountDialog if shortcut else ModalScreen
    else:
        base = StyledOnMountScreen if shortcut else Screen

    class _Shown(base[None]):  # type: ignore[valid-type,misc]
        def __init__(self) -> None:
            super().__init__(classes="-wide")

        def compose(self) -> ComposeResult:
            with Vertical(id="box"):
                yield Static("Steg 3 av 7")
                yield Input(id="field")

    return _Shown


class _Pushing(App[None]):
    CSS = _RESUME_CSS

    def __init__(self, shortcut: bool, dialog: bool) -> None:
        super().__init__()
        self.shortcut = shortcut
        self.dialog = dialog

    def on_mount(self) -> None:
        self.install_screen(_screen_class(self.shortcut, self.dialog)(), "shown")
        self.push_screen("shown")


@pytest.mark.parametrize("dialog", [False, True], ids=["screen", "dialog"])
async def test_a_screen_styled_on_mount_shows_what_textual_shows_and_restyles_later(
    dialog: bool,
) -> None:
    frames = []
    for shortcut in (True, False):
        app = _Pushing(shortcut, dialog)
        async with app.run_test(size=(40, 8)) as pilot:
            await pilot.pause()
            first = app.export_screenshot()
            # Shown again later, the screen restyles as Textual's does.
            shown = app.screen
            app.pop_screen()
            await pilot.pause()
            shown.remove_class("-wide", update=False)  # only a restyle can show this
            app.push_screen("shown")
            await pilot.pause()
            frames.append((first, app.export_screenshot()))
    assert frames[0][0] == frames[1][0], "the first frame, pixel for pixel"
    assert frames[0][1] == frames[1][1], "and the frame after the next resume"
    assert frames[0][0] != frames[0][1], "the test changes what a restyle shows"
