"""The capture area's title line: its hint whole or not at all, nothing cut mid-word (14.13).

At 80 columns «✎ Oppmøte: 3 av 3 til stede · Enter/mellomrom: til stede/borte» leaves no room
for «[c: til listen]»; it used to be cut to «[c: til list…».
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import Static

from startpakke.engine import FakeClock
from startpakke.tui.app import StartpakkeApp
from startpakke.tui.capture import CaptureArea
from startpakke.tui.capture.area import cut_at_word
from tests.functional.test_tui_capture import NAMES
from tests.tui_helpers import open_app, start_meeting


def title_of(app: StartpakkeApp) -> tuple[str, int]:
    widget = app.screen.query_one(CaptureArea).query_one("#capture-title", Static)
    content = widget.content
    plain = content.plain if isinstance(content, Text) else str(content)
    return plain, widget.content_region.width


async def test_the_hint_is_dropped_whole_at_80_columns_and_shown_when_wide(
    tmp_path: Path,
) -> None:
    app = open_app(tmp_path / "mote.json", FakeClock(), "--names", NAMES)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_meeting(pilot)
        await pilot.pause()
        text, width = title_of(app)
        assert text.startswith("✎ Oppmøte: 3 av 3 til stede")
        assert "[c:" not in text
        assert len(text) <= width  # nothing for the ellipsis to cut
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        text, width = title_of(app)
        assert text.endswith("   [c: til listen]")
        assert len(text) <= width


def test_a_long_title_is_cut_after_a_whole_word() -> None:
    title = Text("✎ Notater: en lang overskrift som ikke får plass")
    assert cut_at_word(title, 24).plain == "✎ Notater: en lang…"
    assert cut_at_word(title, 200).plain == title.plain
    assert cut_at_word(title, 0).plain == title.plain
