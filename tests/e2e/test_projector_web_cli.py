"""`startpakke projector --web` on the command line: clear messages, never a traceback."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest

from tests.projector_helpers import STARTPAKKE, session_file


def run_projector(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(STARTPAKKE), "projector", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def test_a_port_in_use_is_a_clear_message(tmp_path: Path) -> None:
    session = tmp_path / "okt.json"
    session_file(session, 1)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_projector("--session", str(session), "--web", "--port", str(port))
    assert result.returncode == 1
    assert f"Port {port} er allerede i bruk" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "projektor.local"])
def test_only_this_machine_may_be_served_to(tmp_path: Path, host: str) -> None:
    session = tmp_path / "okt.json"
    session_file(session, 1)
    result = run_projector("--session", str(session), "--web", "--host", host)
    assert result.returncode == 1
    assert f"--host {host} er ikke denne maskinen" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""  # no address printed: nothing was served


def test_no_session_and_missing_session_are_clear_messages(tmp_path: Path) -> None:
    result = run_projector()  # the tests' data folder is empty
    assert result.returncode == 1
    assert "Fant ingen økt å vise" in result.stderr
    result = run_projector("--session", str(tmp_path / "mangler.json"), "--web")
    assert result.returncode == 1
    assert "Finner ikke øktfilen" in result.stderr
    assert "Traceback" not in result.stderr
