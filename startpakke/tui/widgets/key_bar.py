"""The run screen's footer: the keys the facilitator needs now, whole, and `?` for the rest.

Textual's `Footer` shows every binding in declaration order and cuts the row at the
window's edge (at 80 columns it ended in «a Borte/»). This bar asks
`startpakke.tui.bindings.footer_lines` which keys fit, ordered by the moment's needs, and
draws them; it re-draws on a resize and whenever the screen shows a new state.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget

from startpakke.tui.bindings import GAP, Need, RunKey, capture_keys, footer_lines
from startpakke.view.run import RunView

TWO_ROWS_FROM = 36
"""A window this tall (or taller) has room for a second row of keys."""


class KeyBar(Widget):
    """One row of keys (two on a tall window), most pressing first, never cut mid-word."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar.-two-rows {
        height: 2;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
    }
    """

    def __init__(
        self,
        available: Callable[[str], bool],
        *,
        area_keys: Callable[[], tuple[list[Binding], str | None] | None] = lambda: None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._available = available
        self._area_keys = area_keys
        """While the capture area has the focus: its keys, and what Enter does in its field
        (None when the list has the focus)."""
        self._view: RunView | None = None

    def on_mount(self) -> None:
        self._fit_rows()

    def on_resize(self) -> None:
        self._fit_rows()

    def _fit_rows(self) -> None:
        self.set_class(self.app.size.height >= TWO_ROWS_FROM, "-two-rows")

    def show(self, view: RunView | None) -> None:
        self._view = view
        self.refresh()

    @property
    def rows(self) -> list[list[RunKey]]:
        """What the bar shows at its present size."""
        count = 2 if self.has_class("-two-rows") else 1
        width = max(0, self.size.width - 1)
        area = self._area_keys()
        if area is not None:
            bindings, enter = area
            return footer_lines(
                self._view,
                width,
                lambda _action: True,
                count,
                capture_keys(bindings, enter),
                help_key=enter is None,
                needs=[Need.capture],
            )
        return footer_lines(self._view, width, self._available, count)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        text_style = self.get_component_rich_style("key-bar--description")
        lines = []
        for row in self.rows:
            line = Text(" ", no_wrap=True, overflow="crop")
            for index, run_key in enumerate(row):
                if index:
                    line.append(" " * GAP)
                keys, _, words = run_key.footer_text.partition(" ")
                line.append(keys, key_style)
                line.append(" " + words, text_style)
            lines.append(line)
        return Text("\n").join(lines)
