"""Setting a text only when it changes.

`Static.update` lays out and draws the whole screen again even when the text is the same.
The run screen and the projector set every text on each tick (five a second, for a
three-hour meeting), so an unchanged text is left alone.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


def show_text(widget: Static, text: str | Text) -> None:
    if widget.content != text:
        widget.update(text)
