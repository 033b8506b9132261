"""A clock face in block characters that grows with the space it is given.

Used by the room's screen, and by the facilitator's run screen on a large window, where
Textual's fixed-size `Digits` would be too small to read across a room.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.reactive import reactive
from textual.widget import Widget


class BlockClock(Widget):
    """A clock face drawn in block characters, as large as the widget allows."""

    face: reactive[str] = reactive("00:00", layout=False)

    def render(self) -> RenderResult:
        # Here, not at the top: the run screen's clock is hidden below about 100×30.
        from startpakke.projector import blockfont

        width, height = self.content_size
        scale = blockfont.fit(self.face, width, height)
        if scale == 0:
            return Text(self.face, style="bold")
        return Text("\n".join(blockfont.render(self.face, scale)))
