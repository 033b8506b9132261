"""`startpakke projector --web`: the room's screen in a browser, served from this machine.

textual-serve runs the projector app once per browser tab and draws its screen with a
terminal in the page. Two things differ from its defaults:

- Its page fetches a web font from Google. Ours (`web_templates/app_index.html`) loads
  the same Roboto Mono from the font files textual-serve ships, and uses only relative
  addresses: the page makes no request to anything but the server it came from, so it
  works in a room without internet and tells nobody about the meeting.
- It listens on 127.0.0.1 only, unless the facilitator names another address with
  `--host`; then a warning says who can see what.

The font size of the page is `--font-size` (or `?fontsize=N` in the address).
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import os
import shlex
import socket
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import textual_serve
from aiohttp import web
from textual_serve.server import Server

from startpakke.errors import UserError
from startpakke.projector import SERVER_PID_ENV

TEMPLATES = Path(__file__).resolve().parent / "web_templates"
STATIC = Path(textual_serve.__file__).resolve().parent / "static"
MIN_FONT, MAX_FONT = 8, 200
PAGE_COLOURS = {False: ("#FFFFFF", "#000000"), True: ("#14181D", "#EEF1F4")}
"""(background, foreground) of the page around the terminal: the projector theme's, or
the dark theme's with `--dark`."""


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.1, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def page_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("", "0.0.0.0", "::") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def exposure_warning(host: str, port: int) -> str:
    """What `--host` other than this machine means, in plain Norwegian."""
    everywhere = host in ("", "0.0.0.0", "::")
    where = "alle nettverkene denne maskinen er koblet til" if everywhere else f"adressen {host}"
    return (
        f"ADVARSEL: --host {host} gjør projektorvisningen synlig for andre maskiner, ikke "
        f"bare denne. Alle som kan nå {where} på port {port}, kan åpne visningen uten "
        "passord og se det rommet ser: nettverkets navn, deltakernes navn, spillereglene og "
        "kompetansene. Forbindelsen er ikke kryptert (http). Bruk dette bare på et nettverk "
        "du stoler på, og stopp visningen med Ctrl+C når møtet er ferdig. Uten --host er "
        "visningen bare tilgjengelig på denne maskinen (127.0.0.1)."
    )


def app_command(session: Path, dark: bool) -> str:
    """The shell command textual-serve runs for each browser tab: the terminal view."""
    args = [sys.executable, "-m", "startpakke", "projector", "--session", str(session)]
    if dark:
        args.append("--dark")
    # The shell hands over to the view, so the view's parent is this server.
    return ("exec " if os.name == "posix" else "") + shlex.join(args)


def _port_problem(host: str, port: int) -> UserError | None:
    """A clear message when the port cannot be listened on, checked before serving."""
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return UserError(f"Fant ikke adressen «{host}» (--host). Bruk f.eks. 127.0.0.1.")
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as err:
            return _bind_error(err, host, port)
    return None


def _bind_error(err: OSError, host: str, port: int) -> UserError:
    if err.errno == errno.EADDRINUSE:
        return UserError(
            f"Port {port} er allerede i bruk på {host} – kanskje kjører projektorvisningen "
            f"alt? Velg en annen port, f.eks. --port {port + 1}."
        )
    if err.errno in (errno.EACCES, errno.EPERM):
        return UserError(f"Har ikke lov til å bruke port {port}. Velg en port over 1024.")
    if err.errno == errno.EADDRNOTAVAIL:
        return UserError(f"Adressen {host} (--host) finnes ikke på denne maskinen.")
    return UserError(f"Kunne ikke starte projektorvisningen på {host}:{port}: {err.strerror}.")


class ProjectorServer(Server):
    """textual-serve with our own page (no CDN), our font size and Norwegian messages."""

    def __init__(self, session: Path, *, host: str, port: int, font_size: int, dark: bool) -> None:
        super().__init__(
            app_command(session, dark),
            host=host,
            port=port,
            title="startpakke – projektor",
            statics_path=STATIC,
            templates_path=TEMPLATES,
        )
        self.session = session
        self.font_size = font_size
        self.dark = dark

    def initialize_logging(self) -> None:
        # Problems only: textual-serve's request log would bury the address to open.
        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        url = page_url(self.host, self.port)
        print(
            "Projektorvisningen er klar. Åpne denne adressen i nettleseren:\n\n"
            f"    {url}\n\n"
            f"Den følger økten {self.session}.\n"
            f"Skriftstørrelse {self.font_size} px – større: {url}?fontsize="
            f"{self.font_size + 12}. Fullskjerm: F11. Stopp med Ctrl+C.",
            flush=True,
        )

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        try:
            size = int(request.query.get("fontsize", self.font_size))
        except ValueError:
            size = self.font_size
        background, foreground = PAGE_COLOURS[self.dark]
        return {
            "title": self.title,
            "font_size": max(MIN_FONT, min(MAX_FONT, size)),
            "background": background,
            "foreground": foreground,
        }


def serve(session: Path, *, host: str, port: int, font_size: int, dark: bool) -> int:
    """Serve the projector page until Ctrl+C. UserError for a port that cannot be used."""
    session = Path(session).resolve()
    if not 0 < port < 65536:
        raise UserError(f"--port {port} er ikke et gyldig portnummer (1–65535).")
    if not MIN_FONT <= font_size <= MAX_FONT:
        raise UserError(f"--font-size {font_size} er utenfor {MIN_FONT}–{MAX_FONT} px.")
    if not is_loopback(host):
        print(exposure_warning(host, port), file=sys.stderr, flush=True)
    problem = _port_problem(host, port)
    if problem is not None:
        raise problem
    server = ProjectorServer(session, host=host, port=port, font_size=font_size, dark=dark)
    os.environ[SERVER_PID_ENV] = str(os.getpid())  # inherited by every view it starts
    try:
        server.serve()
    except OSError as err:  # lost the race for the port after the check
        raise _bind_error(err, host, port) from None
    return 0
