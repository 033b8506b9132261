"""Real processes for the projector's tests and benchmarks: the web server, a headless
Chromium driven over the DevTools protocol, and the facilitator's app in tmux.

Everything started here is ended here, by its own process group or tmux session; tmux
runs on the private server `-L projector`, never the default one.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp

from startpakke.controller import MeetingController
from startpakke.engine import Clock
from startpakke.session.edit import add_rule as _add_rule
from startpakke.session.edit import participants_from_names, set_rule_agreed
from startpakke.session.model import Session
from startpakke.session.store import save_session
from tests.documents_session import load_builtin_agenda
from tests.tmux import pane_environment

STARTPAKKE = Path(sys.executable).with_name("startpakke")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
TMUX_SERVER = "projector"
NAMES = "Anne,Bjørn,Cecilie"
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
    "--hide-scrollbars",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]


def session_file(
    path: Path, part: int | None, *, clock: Clock | None = None, rules: bool = True
) -> MeetingController:
    """A startpakke session saved to `path`, started and at `part` (None: not started),
    with a controller that saves as the facilitator's app does."""
    agenda = load_builtin_agenda("startpakke")
    session = Session(agenda="startpakke", agenda_id=agenda.id)
    session.network.name = "Nettverket i Testdal"
    session.participants = participants_from_names(NAMES)
    extra = {"clock": clock} if clock else {}
    controller = MeetingController(agenda, session, lambda s: save_session(s, path), **extra)
    if part is not None:
        controller.start()
        if part:
            controller.jump(part)
    if rules:
        people = [p.id for p in session.participants]
        agreed = _add_rule(session, "Det som blir sagt i rommet, blir i rommet", people[0])
        set_rule_agreed(session, agreed.id)
        _add_rule(session, "Mobilen ligger i sekken", people[1])
    controller.changed()
    return controller


# -- processes -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def stop(process: subprocess.Popen[Any], sig: int = signal.SIGTERM) -> None:
    """End a process this test started, and its children (its own process group)."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


def children(pid: int) -> list[int]:
    """Every process whose parent is `pid` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def group_members(pgid: int) -> list[int]:
    """Every live process in process group `pgid`."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.append(int(stat.parent.name))
    return found


class WebServer:
    """`startpakke projector --web` as a real process, with the address it printed."""

    def __init__(
        self,
        session: Path,
        *extra: str,
        env: dict[str, str] | None = None,
        opens_browser: bool = False,
    ) -> None:
        """`opens_browser`: let the command open its page (else `--ikke-åpne`: a test run
        never starts the developer's browser)."""
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                str(STARTPAKKE),
                "projector",
                "--session",
                str(session),
                "--web",
                "--port",
                str(self.port),
                *([] if opens_browser else ["--ikke-åpne"]),
                *extra,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )
        self.url = self._read_url()
        self.secret = self.url.rstrip("/").rsplit("/", 1)[1]
        self._printed: list[str] = []
        # What it prints after the address, read as it comes (`wait_for_printed`).
        self._reader = threading.Thread(target=self._read_printed, daemon=True)
        self._reader.start()
        self.out = ""
        """Everything printed after the address, once the server has stopped."""
        self.err = ""

    def _read_printed(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._printed.append(line)

    def wait_for_printed(self, text: str, seconds: float = 20.0) -> None:
        """Until the server has printed `text` (after its address)."""
        deadline = time.monotonic() + seconds
        while not any(text in line for line in self._printed):
            assert time.monotonic() < deadline, f"«{text}» not printed: {self._printed!r}"
            time.sleep(0.05)

    def _read_url(self) -> str:
        assert self.process.stdout is not None
        deadline = time.monotonic() + 30
        seen = ""
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                _, err = self.process.communicate(timeout=5)
                raise AssertionError(f"the server ended: {seen}{err}")
            seen += line
            found = re.search(r"http://\S+/", line)
            if found:
                return found[0]
        raise AssertionError(f"no address printed: {seen}")

    @property
    def pid(self) -> int:
        return self.process.pid

    def open_fds(self) -> int:
        return len(os.listdir(f"/proc/{self.pid}/fd"))

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS")

    def stop(self, sig: int = signal.SIGINT) -> int:
        """Stop as the facilitator does (Ctrl+C); the exit code, output kept in out/err."""
        if self.process.poll() is None:
            os.kill(self.pid, sig)
        assert self.process.stderr is not None
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            stop(self.process, signal.SIGKILL)
            self.process.wait()
        self._reader.join(timeout=5)
        if not self.process.stderr.closed:
            self.err = self.process.stderr.read()
            self.process.stderr.close()
        self.out = "".join(self._printed)
        return self.process.returncode

    def __enter__(self) -> WebServer:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
        stop(self.process, signal.SIGKILL)


def raw_request(port: int, head: str, *, timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    """One HTTP/1.1 request exactly as written (any Host, any Origin): status, headers, body."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(head.replace("\n", "\r\n").encode() + b"\r\n\r\n")
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
        header, _, body = data.partition(b"\r\n\r\n")
        lines = header.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0") or 0)
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            body += chunk
        return status, headers, body


def websocket_head(path: str, host: str, origin: str | None) -> str:
    lines = [
        f"GET {path} HTTP/1.1",
        f"Host: {host}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version: 13",
    ]
    if origin is not None:
        lines.append(f"Origin: {origin}")
    return "\n".join(lines)


# -- a very small DevTools client --------------------------------------------------------------


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

    async def wait_for(self, expression: str, timeout: float = 20, every: float = 0.05) -> Any:
        deadline = time.monotonic() + timeout
        value = None
        while time.monotonic() < deadline:
            value = await self.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(every)
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
async def browser(profile: Path, size: tuple[int, int] = (1280, 720)) -> AsyncIterator[Page]:
    """A headless Chromium on about:blank, ended (with its whole group) afterwards."""
    assert CHROMIUM is not None
    process = subprocess.Popen(
        [
            CHROMIUM,
            *CHROMIUM_FLAGS,
            f"--window-size={size[0]},{size[1]}",
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


def page_text(element_id: str) -> str:
    """A JS expression: the text of an element of the projector page, '' when hidden."""
    return (
        f"(() => {{ const e = document.getElementById({element_id!r}); "
        "return e && !e.closest('[hidden]') ? e.textContent : ''; })()"
    )


# -- the facilitator's app in tmux -------------------------------------------------------------


class TmuxSessions:
    """Programs in tmux sessions on a private server of their own (`tmux -L`); `close`
    ends the server, so no other test shares it or finds it going away."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = {**pane_environment(), **env}  # no COLUMNS/LINES: see tests/tmux.py
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        self.server = f"{TMUX_SERVER}-{worker}-{uuid.uuid4().hex[:8]}"
        self.name = ""
        """The session `keys`, `screen` and `wait_for` use unless told another."""
        self.sessions: list[str] = []

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-u", "-L", self.server, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=20,
            env=self.env,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def start(self, name: str, command: list[str], size: tuple[int, int]) -> None:
        env = [
            f"-e{key}={self.env[key]}" for key in ("STARTPAKKE_DATA_DIR", "LANG") if key in self.env
        ]
        line = " ".join("'" + part.replace("'", "'\\''") + "'" for part in command)
        self._tmux(
            "new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), *env, line
        )
        self.sessions.append(name)

    def pid(self, session: str) -> int:
        """The pid of the program in `session` (below the shell tmux may start it with)."""
        pid = int(self._tmux("list-panes", "-t", session, "-F", "#{pane_pid}").split()[0])
        while Path(f"/proc/{pid}/comm").read_text().strip() in ("sh", "bash", "dash"):
            below = children(pid)
            if not below:
                break
            pid = below[0]
        return pid

    def keys(self, *keys: str, session: str | None = None, literal: bool = False) -> None:
        """Keys by tmux's names; `literal`: the text as typed (no key names)."""
        self._tmux("send-keys", "-t", session or self.name, *(["-l"] if literal else []), *keys)

    def alive(self, session: str) -> bool:
        """Whether `session` is still there (its program has not ended)."""
        result = subprocess.run(
            ["tmux", "-L", self.server, "has-session", "-t", session],
            capture_output=True,
            timeout=10,
            env=self.env,
        )
        return result.returncode == 0

    def screen(self, session: str | None = None) -> str:
        return self._tmux("capture-pane", "-p", "-t", session or self.name)

    def wait_for(self, text: str, timeout: float = 30, session: str | None = None) -> float:
        start = time.monotonic()
        screen = ""
        while time.monotonic() - start < timeout:
            screen = self.screen(session)
            if text in screen:
                return time.monotonic() - start
            time.sleep(0.02)
        raise AssertionError(f"«{text}» not on the screen after {timeout} s:\n{screen}")

    def close(self) -> None:
        subprocess.run(
            ["tmux", "-L", self.server, "kill-server"],
            capture_output=True,
            timeout=10,
            env=self.env,
        )


class Facilitator(TmuxSessions):
    """`startpakke run` on `session`, in tmux."""

    def __init__(self, session: Path, env: dict[str, str], size: tuple[int, int] = (120, 40)):
        super().__init__(env)
        self.name = f"fasilitator-{uuid.uuid4().hex[:8]}"
        self.start(
            self.name,
            [str(STARTPAKKE), "run", "--session", str(session), "--names", NAMES],
            size,
        )


@contextlib.contextmanager
def facilitator(session: Path, data_dir: Path) -> Iterator[Facilitator]:
    """The real app on `session`, started at innsjekk (Enter on the setup screen)."""
    app = Facilitator(session, {"STARTPAKKE_DATA_DIR": str(data_dir), "LANG": "C.UTF-8"})
    try:
        app.wait_for("Start møtet")
        app.keys("Enter")
        app.wait_for("Velkommen og innsjekk")
        yield app
    finally:
        app.close()
