"""Where startpakke leans on how Textual works inside — in one place.

Three start-up shortcuts do by hand what Textual would do a moment later, or skip what it
would do twice, so the first frame is styled once (benchmarks/README.md, «what changed for
the first frame»). Text fields take Enter in their private key handler
(`EnterInOrderInput`), keep the whole of what is pasted into them (`keep_whole_pastes`)
and take every key in the order it was typed, also when the keys come together
(`keep_keys_in_order`). All depend on Textual's behaviour beyond its documented API, so
each has a test in `tests/functional/test_registry_compat.py` that compares it with what
Textual itself does or what the facilitator must see; a Textual upgrade that changes the
behaviour fails there, not on a meeting day. An app draws at its terminal's size whatever
COLUMNS and LINES say (`draw_at_the_terminals_size`): that one needs a real terminal, and
its test is `tests/e2e/test_app_process.py`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.screen import ModalScreen, Screen
from textual.theme import Theme
from textual.widget import Widget
from textual.widgets import Input


def set_first_theme(app: App[object], theme: Theme) -> None:
    """Use `theme` from the first frame without the theme watcher's full CSS pass.

    Setting `App.theme` re-parses and re-applies every stylesheet (about 8 ms). Before the
    app runs nothing has been parsed yet, so set the value, the CSS variables and the class
    the watcher would set. The colour filter already fits, since the default theme is
    dark too (asserted). Call it from the app's `__init__`, after registering `theme`.
    """
    assert theme.dark and app.current_theme.dark
    app.set_reactive(App.theme, theme.name)
    app.stylesheet.set_variables(app.get_css_variables())
    app.set_class(True, f"-theme-{theme.name}")


def breakpoint_class(size: int, breakpoints: Sequence[tuple[int, str]]) -> str:
    """The class of the largest breakpoint `size` reaches, as Textual picks it on resize.

    A screen created with its breakpoint classes already set is not restyled again by its
    first resize before the first frame.
    """
    return [name for minimum, name in breakpoints if size >= minimum][-1]


ResultType = TypeVar("ResultType")


class _StyledOnMount:
    """A screen that is not restyled a second time when it is first shown.

    `push_screen` sends the new screen a `ScreenResume`, and Textual's handler for it
    re-applies the stylesheet to every widget on the screen. A screen shown for the first
    time has just had every widget styled as it was mounted, so that pass repeats the same
    work (about 8 ms for the run screen's 30 widgets before its first frame, 30 ms for the
    plan form's 75). This handler runs before `Screen._on_screen_resume` (Textual calls a
    subclass's handlers first) and turns the event's own `refresh_styles` off, once; every
    later resume (a dialog closed over it) restyles as before.
    """

    _shown_before = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False


class StyledOnMountScreen(_StyledOnMount, Screen[ResultType]):
    """A full screen styled once when first shown (`_StyledOnMount`)."""


class StyledOnMountDialog(_StyledOnMount, ModalScreen[ResultType]):
    """A dialog styled once when first shown (`_StyledOnMount`): every dialog is made anew
    each time it opens."""


class EnterInOrderInput(Input):
    """A text field whose Enter is handled in the order the keys were typed.

    With Input's own Enter binding, letters typed right after Enter (a fast typist adding
    one rule after another) could join the text being added. Here Enter is taken in the
    key handler instead: Textual calls a subclass's `_on_key` before `Input._on_key`, and
    `prevent_default()` keeps the base class from seeing that key.
    """

    def __init__(self, *, on_enter: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._on_enter = on_enter

    async def _on_key(self, event: events.Key) -> None:
        # `has_focus` lags: it changes when the Focus/Blur events are handled, after the
        # keys already queued here. An Enter behind the one that moved the focus is the next
        # field's, and is passed on there (`keep_keys_in_order`).
        if event.key == "enter" and self.app.focused is self:
            event.stop()
            event.prevent_default()
            self._on_enter()


def paste_as_one_line(text: str) -> str:
    """What a one-line field takes from a paste: every line, joined with spaces, without
    control characters (Word's shift+Enter is a vertical tab, Outlook's a line break)."""
    from startpakke.text import for_terminal

    return " ".join(for_terminal(text).split())


def _paste_whole(self: Input, event: events.Paste) -> None:
    text = paste_as_one_line(event.text)
    if text:
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)
    event.stop()


def keep_whole_pastes() -> None:
    """Every `Input` keeps all of a pasted text. Textual's own paste handler keeps only the
    first line, without a word: a rule copied from Word or an e-mail lost the rest of it.
    Installed once, by the app, over Input's private `_on_paste` (the name Textual
    dispatches Paste to)."""
    Input._on_paste = _paste_whole  # type: ignore[method-assign]


KeyHandler = Callable[[Any, events.Key], Awaitable[None]]


def _keys_where_typed(handler: KeyHandler) -> KeyHandler:
    async def _on_key(self: Widget, event: events.Key) -> None:
        if _passed_on(self, event):
            return
        await handler(self, event)  # the field's own typing: letters (TextArea: Enter, Tab)
        # Not typed: the key's binding, looked up as the app would once the key reached it.
        if not event._no_default_action and await self.app._check_bindings(event.key):
            event.stop()
            event.prevent_default()

    _on_key.keeps_order = True  # type: ignore[attr-defined]
    return _on_key


def _passed_on(field: Widget, event: events.Key) -> bool:
    """A key that came to `field` after an earlier key moved the focus away (Tab, Enter
    on the last name): given to where the focus is now, as it was typed after that key.

    Textual hands each key to the widget focused when the app takes it from the terminal,
    so keys that came together all went to the field the first of them left. Every key
    is passed on, Tab and Backspace too: run here, a second Tab moved the focus on before
    the letters passed on ahead of it were typed («Testdal», Tab, Tab, «Rådhuset», Tab,
    Tab, «Kari» gave the place nothing and a participant «KariRådhuset»), and Backspace
    deleted in the field left behind.
    """
    focused = field.app.focused
    if focused is field or (focused is not None and field in focused.ancestors):
        return False  # its own key, or one bubbling up from a part of it (a list's overlay)
    target = focused or field.app.screen
    target.post_message(events.Key(event.key, event.character))
    event.stop()
    event.prevent_default()
    return True


def keep_keys_in_order(field: type[Widget]) -> None:
    """In every `field` (`Input`, `TextArea`, and the lists and checkbox a burst of typing
    crosses), a key's binding (Backspace, ctrl+u, the arrows, a category's ↓, Tab) runs
    where the letters are typed, in the order the keys came.

    Textual types a letter as soon as the field gets it, but runs a binding only after the
    key has bubbled up to the app, through a message queue per widget. Keys that arrive
    together (a fast typist while the app draws, a slow laptop) then came out of order:
    ctrl+u followed by a new wording deleted the new wording too, Backspace took the wrong
    letter, and a competence typed, ↓ and Enter was saved in the old category (Textual
    issue #6605). The binding is looked up as the app does it (`App._check_bindings`: from
    the field up, the app's priority keys already taken), so what runs is the same, now in
    order. Installed once over the class's private `_on_key` (the handler Textual
    dispatches Key to, after a subclass's own): by the app for Input, by the one screen
    with a TextArea for that (its module is not loaded before: the first frame's imports),
    by `widgets.choice` and `widgets.tick` for Select and Checkbox.
    """
    if not getattr(field._on_key, "keeps_order", False):
        field._on_key = _keys_where_typed(field._on_key)  # type: ignore[method-assign]


def draw_at_the_terminals_size() -> None:
    """Make the app follow its terminal's size, not COLUMNS and LINES.

    Textual's Linux driver asks `shutil.get_terminal_size()`, which takes COLUMNS and LINES
    from the environment before it asks the terminal. Some shells and wrappers export them
    (pytest's readline sets 80 and 24 for every program the tests start), and the app then
    drew at that size in a larger window and did not follow a resize. Call it before an app
    runs; with no terminal on standard output the variables are all there is, and stay.
    """
    if sys.__stdout__ is not None and sys.__stdout__.isatty():
        for name in ("COLUMNS", "LINES"):
            os.environ.pop(name, None)
