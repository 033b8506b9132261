"""`b` blanks what the room sees and brings it back, through the session file.

The facilitator's app saves `room_blank`; both projector views read it from the file
they follow (the terminal one is driven here with Pilot, the browser one reads the same
`RoomView`, see tests/e2e/test_projector_web_browser.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from startpakke.engine import FakeClock
from startpakke.projector.room import Room
from startpakke.session.store import load_session, save_session
from startpakke.tui.bindings import RUN_BINDINGS
from startpakke.tui.capture import CaptureArea
from startpakke.tui.projector_app import ProjectorApp
from tests.functional.test_projector_app import make_session_file, screen_text
from tests.tui_helpers import make_app


def test_b_blanks_and_v_rings_the_bell() -> None:
    keys = {binding.id: binding for binding in RUN_BINDINGS}
    assert keys["toggle_blank"].key == "b"
    assert keys["toggle_bell"].key == "v"
    # Both are footer keys (the help screen lists every binding).
    assert keys["toggle_blank"].show and keys["toggle_bell"].show


def test_the_blank_state_is_saved_and_the_room_view_follows_it(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "okt.json"
    controller = make_session_file(path, 4, clock=clock)
    room = Room(path, clock=clock)
    room.open()
    assert room.view().stage == "running"

    assert controller.toggle_room_blank() is True
    assert load_session(path).room_blank is True
    room.refresh()
    view = room.view()
    assert view.stage == "blank"
    assert view.title == "Nettverket i Testdal"
    assert view.wall_clock
    # Nothing of the meeting: no part, no prompt, no rules, no names, no countdown.
    assert (view.part_label, view.phase, view.prompts, view.clock) == ("", "", (), "")
    assert view.rules is None and view.competences is None and not view.now_speaking

    assert controller.toggle_room_blank() is False
    room.refresh()
    assert room.view().stage == "running"


async def test_b_on_the_run_screen_hides_the_capture_area_and_saves() -> None:
    app, _session, _, saves = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        area = app.screen.query_one(CaptureArea)
        assert area.display
        await pilot.press("b")
        await pilot.pause()
        assert saves[-1].room_blank is True
        assert app.screen.has_class("-blank")
        assert not area.region.area  # hidden on the mirrored screen
        assert "ROMMET SER BLANK SKJERM" in str(app.screen.query_one("#day").render())
        await pilot.press("b")
        await pilot.pause()
        assert saves[-1].room_blank is False
        assert area.region.area
        assert "BLANK" not in str(app.screen.query_one("#day").render())


async def shown(
    pilot: Any, app: ProjectorApp, check: Callable[[str], bool], seconds: float = 10.0
) -> str:
    """The projector's screen once `check` holds: it follows the file on its own tick, which
    a loaded machine may run late (a fixed 0.3 s wait failed in CI)."""
    for _ in range(int(seconds / 0.05)):
        if check(text := screen_text(app)):
            return text
        await pilot.pause(0.05)
    text = screen_text(app)
    assert check(text), text
    return text


async def test_the_terminal_projector_goes_quiet_and_comes_back(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    controller = make_session_file(path, 4)
    app = ProjectorApp(Room(path), tick=0.05)
    app.room.open()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Spilleregler i gruppen" in screen_text(app)
        controller.toggle_room_blank()
        text = await shown(pilot, app, lambda text: "Spilleregler" not in text)
        assert "Nettverket i Testdal" in text
        for private in ("Spilleregler", "Mobilen", "Steg 4", "Ordet har"):
            assert private not in text
        assert "█" in text  # the time, quietly large
        controller.toggle_room_blank()
        await shown(pilot, app, lambda text: "Mobilen ligger i sekken" in text)


def test_an_old_session_file_opens_unblanked(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    controller = make_session_file(path, 1)
    save_session(controller.session, path)
    raw = path.read_text(encoding="utf-8").replace('"room_blank": false,', "")
    path.write_text(raw, encoding="utf-8")
    assert load_session(path).room_blank is False
