"""`startpakke projector --web` in a real headless browser, and its command-line checks.

The browser test drives Debian's chromium over the Chrome DevTools Protocol (a small
client on aiohttp's websocket, which textual-serve already depends on): it records every
request the page makes, reads the terminal's text from the page, takes a screenshot
(`tests/artifacts/projector-web.png`) and quits the view with `q`.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import pytest

from startpakke.projector.web import exposure_warning, is_loopback, page_url
from tests.functional.test_projector_app import ARTIFACTS, make_session_file

STARTPAKKE = Path(sys.executable).with_name("startpakke")
CHROMIUM = next(
    (p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and Path(p).exists()),
    None,
)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--window-size=1280,800",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def stop(process: subprocess.Popen[Any]) -> None:
    """End a process this test started, and its children (its own process group)."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


def wait_for_port(port: int, process: subprocess.Popen[Any], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server ended: {process.communicate()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on {port}")


# -- a very small CDP client -----------------------------------------------------------------


class Page:
    """One browser page over CDP: commands, and the events seen so far."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.ids = itertools.count(1)
        self.pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.events: list[dict[str, Any]] = []
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.ws:
            data = json.loads(message.data)
            if "id" in data and data["id"] in self.pending:
                self.pending.pop(data["id"]).set_result(data)
            elif "method" in data:
                self.events.append(data)

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.pending[number] = future
        await self.ws.send_json({"id": number, "method": method, "params": params})
        reply = await asyncio.wait_for(future, 30)
        if "error" in reply:
            raise AssertionError(f"{method}: {reply['error']}")
        return dict(reply.get("result", {}))

    async def evaluate(self, expression: str) -> Any:
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def wait_for(self, expression: str, timeout: float = 30) -> Any:
        deadline = time.monotonic() + timeout
        value = None
        while time.monotonic() < deadline:
            value = await self.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(0.2)
        raise AssertionError(f"timed out waiting for {expression!r} (last: {value!r})")

    def request_urls(self) -> list[str]:
        urls = []
        for event in self.events:
            if event["method"] == "Network.requestWillBeSent":
                urls.append(event["params"]["request"]["url"])
            elif event["method"] == "Network.webSocketCreated":
                urls.append(event["params"]["url"])
        return urls


@contextlib.asynccontextmanager
async def browser(tmp_path: Path) -> AsyncIterator[Page]:
    assert CHROMIUM is not None
    profile = tmp_path / "chromium-profile"
    process = subprocess.Popen(
        [
            CHROMIUM,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--remote-debugging-port=0",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        active = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (active.exists() and len(active.read_text().split()) >= 2):
            assert time.monotonic() < deadline, "chromium did not start its DevTools"
            assert process.poll() is None, "chromium ended"
            await asyncio.sleep(0.1)
        port = int(active.read_text().split()[0])
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/json/list") as reply:
                targets = await reply.json(content_type=None)
            target = next(t for t in targets if t["type"] == "page")
            async with http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                page = Page(ws)
                try:
                    yield page
                finally:
                    page.reader.cancel()
    finally:
        stop(process)


READ_TERMINAL = """(() => {
  const term = window.startpakkeTerminal;
  if (!term) return "";
  const buffer = term.buffer.active;
  const lines = [];
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.getLine(i);
    if (line) lines.push(line.translateToString(true));
  }
  return lines.join("\\n");
})()"""

READ_SCREEN_READER_TEXT = """(() => {
  const tree = document.querySelector(".xterm-accessibility-tree");
  return tree ? tree.textContent : "";
})()"""


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt install chromium)")
async def test_the_web_page_in_a_real_browser_loads_nothing_from_the_internet(
    tmp_path: Path,
) -> None:
    session = tmp_path / "okt.json"
    make_session_file(session, 4)
    port = free_port()
    server = subprocess.Popen(
        [
            str(STARTPAKKE),
            "projector",
            "--session",
            str(session),
            "--web",
            "--port",
            str(port),
            "--font-size",
            "18",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        wait_for_port(port, server)
        url = page_url("127.0.0.1", port)
        async with browser(tmp_path) as page:
            await page.send("Network.enable")
            await page.send("Page.enable")
            await page.send("Page.navigate", url=url)

            # The part's title, read from the terminal's buffer in the page.
            text = await page.wait_for(
                f"(() => {{ const t = {READ_TERMINAL}; return "
                "t.includes('Spilleregler i gruppen') && t.includes('Mobilen') ? t : ''; })()"
            )
            assert "Steg 4 av 7" in text
            assert "█" in text  # the big clock
            # The same text is there for a screen reader, not only on the canvas.
            assert await page.wait_for(
                f"{READ_SCREEN_READER_TEXT}.includes('Spilleregler i gruppen')", 15
            )
            # --font-size reached the page.
            assert await page.evaluate("window.startpakkeTerminal.options.fontSize") in (18, "18")
            assert await page.evaluate("document.fonts.check('18px \"Roboto Mono\"')")

            shot = await page.send("Page.captureScreenshot", format="png")
            ARTIFACTS.mkdir(exist_ok=True)
            (ARTIFACTS / "projector-web.png").write_bytes(base64.b64decode(shot["data"]))

            # Every request the page made went to this machine.
            urls = page.request_urls()
            assert any(u.endswith("/static/js/textual.js") for u in urls)
            assert any(u.endswith(".ttf") for u in urls)  # the font, from here
            assert any(u.startswith("ws://") for u in urls)
            elsewhere = [u for u in urls if urlsplit(u).hostname != "127.0.0.1"]
            assert elsewhere == []

            # q quits the view (a browser keeps ctrl+q for itself); the page says so.
            await page.evaluate("window.startpakkeTerminal.focus()")
            for kind in ("keyDown", "keyUp"):
                await page.send(
                    "Input.dispatchKeyEvent",
                    type=kind,
                    key="q",
                    code="KeyQ",
                    text="q" if kind == "keyDown" else "",
                    windowsVirtualKeyCode=81,
                )
            assert await page.wait_for("document.body.classList.contains('-closed')", 15)
            assert "avsluttet" in await page.evaluate("document.body.innerText")
    finally:
        stop(server)
    out, err = server.communicate()
    assert url in out
    assert "Traceback" not in err


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
async def test_a_view_quits_when_its_server_is_killed(tmp_path: Path) -> None:
    """Killed (not stopped with Ctrl+C), the server cannot tell its views to quit: they
    notice their parent is gone and quit by themselves, leaving nothing running."""
    session = tmp_path / "okt.json"
    make_session_file(session, 1)
    port = free_port()
    server = subprocess.Popen(
        [str(STARTPAKKE), "projector", "--session", str(session), "--web", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    views: list[int] = []
    try:
        wait_for_port(port, server)
        async with aiohttp.ClientSession() as http:
            url = f"ws://127.0.0.1:{port}/ws?width=80&height=24"
            async with http.ws_connect(url) as ws:
                message = await asyncio.wait_for(ws.receive(), 30)
                assert message.type is aiohttp.WSMsgType.BINARY  # the view draws
                views = _children(server.pid)
                assert views, "the server started no view"
                assert all(
                    b"projector" in Path(f"/proc/{pid}/cmdline").read_bytes() for pid in views
                )
                server.kill()  # the server only, as a crash would
                server.wait(timeout=10)
                deadline = time.monotonic() + 10
                while any(_running(pid) for pid in views) and time.monotonic() < deadline:
                    await asyncio.sleep(0.1)
                assert not any(_running(pid) for pid in views)
    finally:
        stop(server)
        for pid in views:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)


# -- the command line ------------------------------------------------------------------------


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
    make_session_file(session, 1)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_projector("--session", str(session), "--web", "--port", str(port))
    assert result.returncode == 1
    assert f"Port {port} er allerede i bruk" in result.stderr
    assert "Traceback" not in result.stderr


def test_another_host_is_warned_about(tmp_path: Path) -> None:
    session = tmp_path / "okt.json"
    make_session_file(session, 1)
    with socket.socket() as busy:  # keeps the test from really serving to the network
        busy.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        busy.bind(("0.0.0.0", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_projector(
            "--session", str(session), "--web", "--host", "0.0.0.0", "--port", str(port)
        )
    assert "ADVARSEL: --host 0.0.0.0" in result.stderr
    assert "uten passord" in result.stderr
    assert result.returncode == 1  # and the busy port is still reported


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


def test_warning_and_address_wording() -> None:
    assert page_url("127.0.0.1", 8765) == "http://127.0.0.1:8765/"
    assert page_url("::1", 8765) == "http://[::1]:8765/"
    warning = exposure_warning("192.168.1.10", 9000)
    assert "192.168.1.10" in warning and "port 9000" in warning
    assert "deltakernes navn" in warning and "ikke kryptert" in warning


def test_no_session_and_missing_session_are_clear_messages(tmp_path: Path) -> None:
    result = run_projector()  # the tests' data folder is empty
    assert result.returncode == 1
    assert "Fant ingen økt å vise" in result.stderr
    result = run_projector("--session", str(tmp_path / "mangler.json"), "--web")
    assert result.returncode == 1
    assert "Finner ikke øktfilen" in result.stderr
    assert "Traceback" not in result.stderr
