"""Only this computer's browser, in this run, may see the meeting (issue 15.5).

Requests are written byte by byte to the real server, so any Host and Origin can be sent:
a foreign Host (DNS rebinding), a foreign or missing Origin on the websocket, a missing
or wrong secret — each gets 403 and an empty body. The server listens on 127.0.0.1 only.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.projector_helpers import WebServer, raw_request, session_file, websocket_head

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> WebServer:  # type: ignore[misc]
    folder = tmp_path_factory.mktemp("web")
    session_file(folder / "okt.json", 4)
    with WebServer(folder / "okt.json") as running:
        yield running
    assert "Traceback" not in running.err


def _get(path: str, host: str, *extra: str) -> str:
    return "\n".join([f"GET {path} HTTP/1.1", f"Host: {host}", "Connection: close", *extra])


def test_the_page_its_files_and_its_websocket_are_served_here(server: WebServer) -> None:
    here = f"127.0.0.1:{server.port}"
    base = f"/{server.secret}/"
    status, headers, body = raw_request(server.port, _get(base, here))
    assert status == 200
    assert b'aria-live="polite"' in body and b"page.js" in body
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["referrer-policy"] == "no-referrer"
    for name in ("page.css", "page.js"):
        assert raw_request(server.port, _get(base + name, here))[0] == 200
    for host in (f"localhost:{server.port}", f"[::1]:{server.port}", f"LOCALHOST:{server.port}"):
        assert raw_request(server.port, _get(base, host))[0] == 200
    for origin in (f"http://127.0.0.1:{server.port}", f"http://localhost:{server.port}"):
        status, headers, _ = raw_request(server.port, websocket_head(base + "ws", here, origin))
        assert status == 101 and headers["upgrade"].lower() == "websocket"


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:{port}",
        "127.0.0.1",  # no port
        "127.0.0.1:1",  # another port
        "127.0.0.1.evil.example:{port}",
        "192.168.1.10:{port}",
        "",
    ],
)
def test_a_foreign_host_is_refused(server: WebServer, host: str) -> None:
    host = host.format(port=server.port)
    status, _, body = raw_request(server.port, _get(f"/{server.secret}/", host))
    assert (status, body) == (403, b"")
    ws = websocket_head(f"/{server.secret}/ws", host, f"http://127.0.0.1:{server.port}")
    assert raw_request(server.port, ws)[:3:2] == (403, b"")


@pytest.mark.parametrize(
    "origin",
    [
        "http://evil.example",
        "http://evil.example:{port}",  # a rebound name: the page's own Origin
        "null",
        "https://127.0.0.1:{port}",
        "http://127.0.0.1:1",
        None,
    ],
)
def test_the_websocket_needs_this_servers_origin(server: WebServer, origin: str | None) -> None:
    here = f"127.0.0.1:{server.port}"
    head = websocket_head(
        f"/{server.secret}/ws", here, origin.format(port=server.port) if origin else None
    )
    status, _, body = raw_request(server.port, head)
    assert (status, body) == (403, b"")


def test_a_foreign_origin_on_the_page_is_refused(server: WebServer) -> None:
    here = f"127.0.0.1:{server.port}"
    status, _, body = raw_request(
        server.port, _get(f"/{server.secret}/", here, "Origin: http://evil.example")
    )
    assert (status, body) == (403, b"")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/ws",
        "/page.js",
        "/{wrong}/",
        "/{wrong}/ws",
        "/{short}/",
        "/{secret}x/",
        "/../{secret}/",
        "/favicon.ico",
    ],
)
def test_without_the_secret_nothing_is_served(server: WebServer, path: str) -> None:
    wrong = "A" * len(server.secret)
    path = path.format(wrong=wrong, short=server.secret[:-1], secret=server.secret)
    here = f"127.0.0.1:{server.port}"
    status, _, body = raw_request(server.port, _get(path, here))
    assert (status, body) == (403, b"")
    origin = f"http://{here}"
    assert raw_request(server.port, websocket_head(path, here, origin))[0] == 403


@pytest.mark.parametrize("path", ["web_page/", "web_page/page.js", "static/", "..%2f", "x/"])
def test_no_directory_listings_and_no_other_files(server: WebServer, path: str) -> None:
    here = f"127.0.0.1:{server.port}"
    status, _, body = raw_request(server.port, _get(f"/{server.secret}/{path}", here))
    assert status == 404
    assert b"page" not in body and b"<a" not in body


def test_it_listens_on_this_machine_only(server: WebServer) -> None:
    addresses = {
        address
        for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
        for local, state in [(line.split()[1], line.split()[3])]
        if state == "0A" and int(local.split(":")[1], 16) == server.port
        for address in [socket.inet_ntoa(bytes.fromhex(local.split(":")[0])[::-1])]
    }
    assert addresses == {"127.0.0.1"}
    tcp6 = Path("/proc/net/tcp6")
    if tcp6.exists():
        assert not any(
            line.split()[3] == "0A" and int(line.split()[1].split(":")[1], 16) == server.port
            for line in tcp6.read_text().splitlines()[1:]
        )
