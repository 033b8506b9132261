"""`startpakke projector --web`: the room's screen in a browser, served from this machine.

One small aiohttp server follows the session file (the same `Room` and `RoomView` the
terminal projector shows) and pushes the room's data over a websocket to a plain HTML
page that draws it and counts the clock down by itself. Any number of tabs share the one
poll of the file; a tab costs a socket, not a process.

Only this computer's browser, in this run, may see the meeting:

- it listens on a loopback address only (127.0.0.1 unless `--host` names ::1 or localhost);
- every request must carry a Host of 127.0.0.1, localhost or [::1] with the server's port
  (a page elsewhere that points its own name at 127.0.0.1 — DNS rebinding — is refused),
  and the websocket an Origin of the same (a page from elsewhere cannot open it); a
  request with a foreign Origin is refused too;
- every address starts with a secret made for this run (in the address the command
  prints), so another user on the same machine cannot watch either.

A refused request gets 403 and an empty body; an unknown address 404. There are no
directory listings and nothing is read from disk but the page's three files and the
session. The page loads nothing from anywhere else.

This module does not import Textual.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import hmac
import html
import ipaddress
import json
import logging
import secrets
import socket
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web

from startpakke.errors import UserError
from startpakke.i18n import _, current_language
from startpakke.projector.page_data import PAGE_TEXTS, page_data, same_page
from startpakke.projector.room import Room, RoomError

PAGE_FILES = Path(__file__).resolve().parent / "web_page"
POLL_SECONDS = 0.1
"""How often the session file is looked at (one `stat`): a key reaches the page this fast."""
MAX_SOCKETS = 200
"""More open tabs than any room has; beyond it a new one is turned away (memory stays small)."""
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
MIN_FONT, MAX_FONT = 8, 200
PAGE_COLOURS: dict[bool, dict[str, str]] = {
    False: {
        "background": "#FFFFFF",
        "text": "#000000",
        "muted": "#4A4F55",
        "primary": "#0B4F8A",
        "secondary": "#1E6B52",
        "ok": "#1E6B52",
        "low": "#A85800",
        "overtime": "#B00020",
        "warning-bg": "#F6DDBF",
    },
    True: {
        "background": "#14181D",
        "text": "#EEF1F4",
        "muted": "#AEB6BF",
        "primary": "#5AA9E6",
        "secondary": "#7FC8A9",
        "ok": "#7FC8A9",
        "low": "#F2A541",
        "overtime": "#F25F5C",
        "warning-bg": "#5A4320",
    },
}
"""The page's colours: the terminal's projector theme (`startpakke.tui.theme`, which this
module cannot import: it is Textual), or its dark theme with `--dark`."""
SECURITY_HEADERS = {
    # Nothing but this server, and no inline script: the page's own files only.
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",  # the secret is in the address
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.1, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def page_url(host: str, port: int, secret: str) -> str:
    shown = "127.0.0.1" if host in ("", "0.0.0.0", "::") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/{secret}/"


def allowed_hosts(port: int) -> frozenset[str]:
    """The Host values a request may carry: this machine's names, with our port."""
    return frozenset(f"{name}:{port}" for name in LOOPBACK_NAMES)


def allowed_origins(port: int) -> frozenset[str]:
    return frozenset(f"http://{host}" for host in allowed_hosts(port))


def _refused() -> web.Response:
    return web.Response(status=403, headers=SECURITY_HEADERS)


class ProjectorServer:
    """The page, its files, and one websocket per open tab, fed from one `Room`."""

    def __init__(
        self,
        room: Room,
        *,
        port: int,
        font_size: int = 28,
        dark: bool = False,
        secret: str | None = None,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self.room = room
        self.port = port
        self.font_size = font_size
        self.dark = dark
        self.secret = secret or secrets.token_urlsafe(18)
        self.poll_seconds = poll_seconds
        self.sockets: set[web.WebSocketResponse] = set()
        self.data: dict[str, Any] | None = None
        self.message = ""
        self.pushes = 0
        """How many times new data was sent to the tabs (for tests and benchmarks)."""
        self._hosts = allowed_hosts(port)
        self._origins = allowed_origins(port)
        self._files = self._load_files()
        self._poller: asyncio.Task[None] | None = None

    # -- the page ----------------------------------------------------------------------

    def _load_files(self) -> dict[str, tuple[bytes, str]]:
        colours = "".join(f"--{name}: {value}; " for name, value in PAGE_COLOURS[self.dark].items())
        # The base text size is `font_size` at 1280×720 and grows with the window.
        base = f"min({self.font_size / 12.8:.3f}vw, {self.font_size / 7.2:.3f}vh)"
        css = f":root {{ {colours}--base: {base}; }}\n" + (PAGE_FILES / "page.css").read_text(
            encoding="utf-8"
        )
        return {
            "": (page_html().encode("utf-8"), "text/html"),
            "page.css": (css.encode("utf-8"), "text/css"),
            "page.js": ((PAGE_FILES / "page.js").read_bytes(), "text/javascript"),
        }

    def application(self) -> web.Application:
        app = web.Application(middlewares=[self._guard], client_max_size=1024)
        app.router.add_route("*", "/{tail:.*}", self._route)
        app.on_startup.append(self._start_polling)
        app.on_shutdown.append(self._close_sockets)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Refuse, with 403 and nothing else, what does not come from this run's page here."""
        host = request.headers.get("Host", "").lower()
        origin = request.headers.get("Origin")
        wants_socket = "websocket" in request.headers.get("Upgrade", "").lower()
        if host not in self._hosts:
            return _refused()
        if origin is not None and origin.lower() not in self._origins:
            return _refused()
        if wants_socket and origin is None:
            return _refused()
        first, _slash, _rest = request.path.lstrip("/").partition("/")
        if not hmac.compare_digest(first.encode(), self.secret.encode()):
            return _refused()
        return await handler(request)

    async def _route(self, request: web.Request) -> web.StreamResponse:
        rest = request.path.lstrip("/").partition("/")[2]
        if "/" not in request.path.lstrip("/"):  # /<secret> without the slash
            raise web.HTTPPermanentRedirect(f"/{self.secret}/", headers=SECURITY_HEADERS)
        if rest == "ws":
            return await self._socket(request)
        if request.method not in ("GET", "HEAD"):
            return web.Response(status=405, headers=SECURITY_HEADERS)
        found = self._files.get(rest)
        if found is None:
            return web.Response(status=404, headers=SECURITY_HEADERS)
        body, kind = found
        return web.Response(body=body, content_type=kind, charset="utf-8", headers=SECURITY_HEADERS)

    # -- the tabs ----------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        # The guard has checked it already; this address never answers without it.
        if request.headers.get("Origin", "").lower() not in self._origins:
            return _refused()
        if len(self.sockets) >= MAX_SOCKETS:
            return web.Response(status=503, headers=SECURITY_HEADERS)
        ws = web.WebSocketResponse(heartbeat=15, max_msg_size=1024)
        await ws.prepare(request)
        self.sockets.add(ws)
        try:
            if self.data is None:
                self._take_view()
            await ws.send_str(self.message)
            async for message in ws:  # the page sends nothing; this waits for the close
                if message.type is WSMsgType.ERROR:
                    break
        except (ConnectionError, RuntimeError):
            pass  # a tab that went away: nothing to tell anyone
        finally:
            self.sockets.discard(ws)
        return ws

    def _take_view(self) -> bool:
        """Read the room; True when the page's data changed."""
        try:
            view = self.room.view()
        except RoomError:
            return False
        data = page_data(view, time.time_ns() // 1_000_000)
        if same_page(self.data, data):
            return False
        self.data = data
        self.message = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return True

    async def poll_once(self) -> None:
        self.room.refresh()
        if self._take_view():
            self.pushes += 1
            await self._broadcast(self.message)

    async def _broadcast(self, message: str) -> None:
        for ws in list(self.sockets):
            try:
                await ws.send_str(message)
            except (ConnectionError, RuntimeError):
                self.sockets.discard(ws)  # gone; its handler ends by itself

    async def _poll_forever(self) -> None:
        while True:
            try:
                await self.poll_once()
            except Exception:  # never let one bad read stop the room's screen
                logging.getLogger(__name__).debug("poll failed", exc_info=True)
            await asyncio.sleep(self.poll_seconds)

    async def _start_polling(self, app: web.Application) -> None:
        self._take_view()
        self._poller = asyncio.create_task(self._poll_forever())

    async def _close_sockets(self, app: web.Application) -> None:
        if self._poller is not None:
            self._poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poller
        for ws in list(self.sockets):
            with contextlib.suppress(Exception):
                await ws.close(code=WSCloseCode.GOING_AWAY, message=b"stopped")


# -- the command -----------------------------------------------------------------------


def page_html() -> str:
    """`page.html` in the language of the moment: its fixed words (`PAGE_TEXTS`, written in
    bokmål in the file) translated, and `lang` saying which language the page is in."""
    text = (PAGE_FILES / "page.html").read_text(encoding="utf-8")
    text = text.replace('<html lang="nb">', f'<html lang="{current_language()}">')
    for message in PAGE_TEXTS:
        text = text.replace(html.escape(message), html.escape(_(message)))
    return text


def _bind_error(err: OSError, host: str, port: int) -> UserError:
    if err.errno == errno.EADDRINUSE:
        return UserError(
            _(
                "Port {port} er allerede i bruk på {host} – kanskje kjører projektorvisningen "
                "alt? Velg en annen port, f.eks. --port {other}."
            ).format(port=port, host=host, other=port + 1)
        )
    if err.errno in (errno.EACCES, errno.EPERM):
        return UserError(
            _("Har ikke lov til å bruke port {port}. Velg en port over 1024.").format(port=port)
        )
    if err.errno == errno.EADDRNOTAVAIL:
        return UserError(
            _("Adressen {host} (--host) finnes ikke på denne maskinen.").format(host=host)
        )
    return UserError(
        _("Kunne ikke starte projektorvisningen på {host}:{port}: {reason}.").format(
            host=host, port=port, reason=err.strerror
        )
    )


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket, opened before serving so a busy port is a clear message."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise UserError(
            _("Fant ikke adressen «{host}» (--host). Bruk 127.0.0.1.").format(host=host)
        ) from None
    family, kind, proto, _canonical, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(64)
    except OSError as err:
        sock.close()
        raise _bind_error(err, host, port) from None
    sock.setblocking(False)
    return sock


def _quiet_logging() -> None:
    """No request log and no tracebacks in the facilitator's terminal: a tab closed in the
    middle of a frame is an ordinary event here, not an error worth a screenful."""
    for name in ("aiohttp.access", "aiohttp.server", "aiohttp.web", "aiohttp.websocket"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.CRITICAL + 1)
        logger.propagate = False
    logging.getLogger("asyncio").setLevel(logging.CRITICAL + 1)


def serve(
    room: Room,
    *,
    host: str,
    port: int,
    font_size: int,
    dark: bool,
    on_ready: Callable[[str], object] | None = None,
) -> int:
    """Serve the projector page until Ctrl+C. UserError for an address that cannot be used.

    `on_ready` is given the page's address once it is served (the command opens it in the
    facilitator's browser)."""
    if not is_loopback(host):
        raise UserError(
            _(
                "--host {host} er ikke denne maskinen. Projektorvisningen i nettleseren er bare "
                "for denne maskinen: bruk 127.0.0.1 (standard), ::1 eller localhost. Vil du vise "
                "den på en annen skjerm, koble skjermen eller projektoren til denne maskinen."
            ).format(host=host)
        )
    if not 0 < port < 65536:
        raise UserError(
            _("--port {port} er ikke et gyldig portnummer (1–65535).").format(port=port)
        )
    if not MIN_FONT <= font_size <= MAX_FONT:
        raise UserError(
            _("--font-size {size} er utenfor {least}–{most} px.").format(
                size=font_size, least=MIN_FONT, most=MAX_FONT
            )
        )
    sock = _listen(host, port)
    server = ProjectorServer(room, port=port, font_size=font_size, dark=dark)
    url = page_url(host, port, server.secret)
    _quiet_logging()

    async def ready(_app: web.Application) -> None:
        print(
            _(
                "Projektorvisningen er klar. Åpne denne adressen i nettleseren på denne maskinen:"
                "\n\n    {url}\n\n"
                "Adressen er hemmelig for dette møtet: den virker bare her, og bare til du "
                "stopper visningen.\nDen følger økten {path}.\n"
                "Fullskjerm: F11. Større eller mindre: ctrl+pluss / ctrl+minus. Stopp med Ctrl+C."
            ).format(url=url, path=room.follower.path),
            flush=True,
        )
        if on_ready is not None:
            on_ready(url)

    app = server.application()
    app.on_startup.append(ready)
    web.run_app(
        app,
        sock=sock,
        print=None,
        access_log=None,
        shutdown_timeout=1.0,
        handle_signals=True,
    )
    sys.stdout.flush()
    return 0
