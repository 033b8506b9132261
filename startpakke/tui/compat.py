"""Where startpakke leans on how Textual works inside, to start faster — in one place.

Each function here does by hand what Textual would do a moment later, so the first frame
is styled once instead of twice (benchmarks/README.md, «what changed for the first
frame»). They depend on Textual's behaviour beyond its documented API, so each has a test
in `tests/functional/test_registry_compat.py` that compares it with what Textual itself
does; a Textual upgrade that changes the behaviour fails there, not on a meeting day.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import App
from textual.theme import Theme


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
