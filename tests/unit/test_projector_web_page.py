"""The browser projector's plain parts: what the page is sent, and the addresses allowed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from startpakke.engine import FakeClock
from startpakke.projector.page_data import page_data, same_page
from startpakke.projector.room import Room
from startpakke.projector.web import allowed_hosts, allowed_origins, is_loopback, page_url
from tests.projector_helpers import session_file

NOW_MS = 1_790_000_000_000


def _room(tmp_path: Path, part: int) -> tuple[Room, FakeClock, object]:
    clock = FakeClock()
    path = tmp_path / "okt.json"
    controller = session_file(path, part, clock=clock)
    room = Room(path, clock=clock)
    room.open()
    return room, clock, controller


def test_the_page_gets_a_deadline_not_a_face_per_second(tmp_path: Path) -> None:
    room, clock, _ = _room(tmp_path, 4)
    first = page_data(room.view(), NOW_MS)
    assert first["title"] == "Spilleregler i gruppen"
    assert first["timer"] == {"face": "05:00", "counting": True, "ends_at": NOW_MS + 300_000}
    clock.advance(7)
    later = page_data(room.view(), NOW_MS + 7000)
    assert later["timer"]["ends_at"] == first["timer"]["ends_at"]
    assert same_page(first, later)  # nothing to push: the page counts by itself


def test_pause_a_minute_more_and_overtime_are_pushed(tmp_path: Path) -> None:
    room, clock, controller = _room(tmp_path, 1)
    running = page_data(room.view(), NOW_MS)
    controller.extend(1)  # type: ignore[attr-defined]
    room.refresh()
    longer = page_data(room.view(), NOW_MS)
    assert not same_page(running, longer)
    assert longer["timer"]["ends_at"] - running["timer"]["ends_at"] == 60_000

    controller.toggle_pause()  # type: ignore[attr-defined]
    room.refresh()
    paused = page_data(room.view(), NOW_MS)
    assert paused["timer"]["counting"] is False and paused["timer"]["ends_at"] is None
    assert paused["clock_status"] == "PAUSE" and not same_page(longer, paused)

    controller.toggle_pause()  # type: ignore[attr-defined]
    clock.advance(6 * 60 + 5)
    controller.heartbeat()  # type: ignore[attr-defined]
    room.refresh()
    over = page_data(room.view(), NOW_MS)
    assert over["clock_state"] == "overtime"
    assert over["clock_status"] == "OVERTID"  # the page adds the running face
    clock.advance(1)
    assert same_page(over, page_data(room.view(), NOW_MS + 1000))


def test_the_page_data_is_json_with_nothing_the_page_does_not_show(tmp_path: Path) -> None:
    import json

    room, _, _ = _room(tmp_path, 4)
    data = page_data(room.view(), NOW_MS)
    json.dumps(data)
    assert "key" not in data and "seconds_left" not in data
    assert next(rule["text"] for rule in data["rules"]).startswith("Det som blir sagt")


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("localhost", True),
        ("::1", True),
        ("0.0.0.0", False),
        ("192.168.1.10", False),
        ("::", False),
        ("projektor.local", False),
    ],
)
def test_which_hosts_are_this_machine_only(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_the_address_and_what_may_ask_for_it() -> None:
    assert page_url("127.0.0.1", 8765, "abc") == "http://127.0.0.1:8765/abc/"
    assert page_url("::1", 8765, "abc") == "http://[::1]:8765/abc/"
    assert allowed_hosts(8765) == {"127.0.0.1:8765", "localhost:8765", "[::1]:8765"}
    assert "http://localhost:8765" in allowed_origins(8765)


def test_the_server_does_not_import_textual(tmp_path: Path) -> None:
    """The whole server, built and polling a real session, without Textual or the tui."""
    path = tmp_path / "okt.json"
    session_file(path, 4)
    code = (
        "import asyncio, sys\n"
        "from startpakke.projector.room import Room\n"
        "from startpakke.projector.web import ProjectorServer\n"
        "import startpakke.commands.projector\n"
        f"room = Room({str(path)!r}); room.open()\n"
        "server = ProjectorServer(room, port=8765)\n"
        "server.application()\n"
        "asyncio.run(server.poll_once())\n"
        "assert server.data['title'] == 'Spilleregler i gruppen'\n"
        "print([m for m in sys.modules if m.split('.')[0] == 'textual' "
        "or m.startswith('startpakke.tui')])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
