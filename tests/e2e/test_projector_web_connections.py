"""One light server for any number of tabs (issue 15.6): dropped connections are cleaned up
at once and silently, and nothing outlives the server."""

from __future__ import annotations

import signal
import socket
import struct
import time
from pathlib import Path

import pytest

from tests.projector_helpers import (
    WebServer,
    children,
    group_members,
    session_file,
    websocket_head,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs Linux /proc"),
]


def _open_socket(server: WebServer) -> socket.socket:
    """A websocket as a tab opens it, read up to its first message."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    head = websocket_head(
        f"/{server.secret}/ws", f"127.0.0.1:{server.port}", f"http://127.0.0.1:{server.port}"
    )
    sock.sendall(head.replace("\n", "\r\n").encode() + b"\r\n\r\n")
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(4096)
    assert data.startswith(b"HTTP/1.1 101"), data[:200]
    _header, _, rest = data.partition(b"\r\n\r\n")
    while len(rest) < 2:
        rest += sock.recv(4096)
    assert rest[0] & 0x0F == 1  # a text frame: the room's data
    return sock


def _drop(sock: socket.socket) -> None:
    """Gone without a goodbye: a reset, as when a laptop's lid closes or a tab crashes."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def _wait_until(check, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.02)
    return check()


def test_twenty_dropped_connections_leave_nothing_behind(tmp_path: Path) -> None:
    session = tmp_path / "okt.json"
    controller = session_file(session, 4)
    with WebServer(session) as server:
        idle = server.open_fds()
        memory = server.rss_kib()
        tabs = [_open_socket(server) for _ in range(20)]
        assert server.open_fds() >= idle + 20
        assert children(server.pid) == []  # a tab is a socket, not a process
        # Twenty tabs cost a few hundred KB; one Textual view per tab cost about 50 MB.
        assert server.rss_kib() - memory < 8 * 1024

        # Half are dropped while the server is sending them a change.
        for sock in tabs[:10]:
            _drop(sock)
        controller.next_part()
        for sock in tabs[10:]:
            _drop(sock)
        # Some never finish asking.
        for _ in range(5):
            half = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            half.sendall(b"GET /" + server.secret.encode() + b"/ws HTTP/1.1\r\nHost: 127.0.0.1")
            _drop(half)

        assert _wait_until(lambda: server.open_fds() <= idle, 1.0), (server.open_fds(), idle)
        assert children(server.pid) == []
        # It still serves, and a new tab gets the part the facilitator moved to.
        fresh = _open_socket(server)
        fresh.close()
        cpu_before = _cpu_ticks(server.pid)
        time.sleep(1.0)
        assert _cpu_ticks(server.pid) - cpu_before < 30  # idle: well under 30 % of a core

        assert server.stop(signal.SIGINT) == 0
    assert "Traceback" not in server.err and "Error" not in server.err
    assert server.err.strip() == ""
    assert group_members(server.pid) == []  # nothing outlives the server


def test_killed_the_server_leaves_nothing_running(tmp_path: Path) -> None:
    session = tmp_path / "okt.json"
    session_file(session, 1)
    with WebServer(session) as server:
        tabs = [_open_socket(server) for _ in range(3)]
        server.stop(signal.SIGKILL)
        assert _wait_until(lambda: group_members(server.pid) == [], 2.0)
        for sock in tabs:  # the tabs see the end of the connection
            sock.settimeout(5)
            try:
                while sock.recv(4096):
                    pass
            except ConnectionResetError:
                pass
            sock.close()


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def test_ctrl_c_with_tabs_open_ends_quietly_and_tells_the_tabs(tmp_path: Path) -> None:
    session = tmp_path / "okt.json"
    session_file(session, 1)
    with WebServer(session) as server:
        tabs = [_open_socket(server) for _ in range(3)]
        assert server.stop(signal.SIGINT) == 0
        for sock in tabs:
            sock.settimeout(5)
            frames = b""
            while chunk := sock.recv(4096):
                frames += chunk
            assert frames and frames[0] & 0x0F == 8  # a close frame: «going away»
            sock.close()
    assert server.err.strip() == ""
    assert group_members(server.pid) == []
