"""`startpakke projector --web` prints its secret address and opens it in the facilitator's
browser (issue 15.5); `--ikke-åpne` only prints it. The «browser» here is a small script
named in `BROWSER` (Python's `webbrowser` honours it) that writes down what it was given,
so no real browser is started."""

from __future__ import annotations

import stat
import sys
import time
from pathlib import Path

import pytest

from startpakke.commands.projector import can_open_a_browser
from tests.projector_helpers import WebServer, session_file

pytestmark = pytest.mark.slow


def fake_browser(tmp_path: Path) -> tuple[str, Path]:
    """A `BROWSER` command that records the address it is asked to open."""
    seen = tmp_path / "opened.txt"
    script = tmp_path / "nettleser"
    script.write_text(
        f"#!{sys.executable}\nimport sys, pathlib\n"
        f"pathlib.Path({str(seen)!r}).write_text(sys.argv[1])\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return f"{script} %s", seen


def wait_for(path: Path, seconds: float = 10) -> str | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.read_text():
            return path.read_text()
        time.sleep(0.05)
    return None


def test_the_address_printed_is_the_address_opened(tmp_path: Path) -> None:
    session = tmp_path / "okt.json"
    session_file(session, 1)
    browser, seen = fake_browser(tmp_path)
    with WebServer(session, env={"BROWSER": browser}, opens_browser=True) as server:
        opened = wait_for(seen)
        assert opened == server.url
        assert server.secret in opened  # the secret goes to the browser, nowhere else
    assert "Traceback" not in server.err


def test_ikke_apne_only_prints_the_address(tmp_path: Path) -> None:
    session = tmp_path / "okt.json"
    session_file(session, 1)
    browser, seen = fake_browser(tmp_path)
    with WebServer(session, env={"BROWSER": browser}) as server:  # passes --ikke-åpne
        assert server.url.startswith("http://127.0.0.1:")
        assert wait_for(seen, seconds=1.5) is None
    assert not seen.exists()


def test_no_browser_without_a_graphical_session_says_so(tmp_path: Path) -> None:
    session = tmp_path / "okt.json"
    session_file(session, 1)
    headless = {"BROWSER": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""}
    with WebServer(session, env=headless, opens_browser=True) as server:
        server.wait_for_printed("Fant ingen nettleser å åpne")
    assert "Fant ingen nettleser å åpne" in server.out
    assert "Traceback" not in server.err


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"BROWSER": "firefox"}, True),
        ({"DISPLAY": ":0"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, True),
        ({}, sys.platform != "linux"),  # a text browser would take over the terminal
    ],
)
def test_when_a_browser_can_be_opened(env: dict[str, str], expected: bool) -> None:
    assert can_open_a_browser(env) is expected
