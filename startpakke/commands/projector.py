"""`startpakke projector`: the room's read-only view of the running meeting.

In a terminal (the default) or, with `--web`, in a browser on this machine (a small web
server, `startpakke.projector.web`, that does not import Textual): the command prints the
page's secret address and opens it in the facilitator's browser (`--ikke-åpne`: only
prints it). The session is checked before anything opens, so a missing or unreadable file
is a clear Norwegian message and exit code 1, never an empty screen.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Mapping
from pathlib import Path

from startpakke.errors import UserError, report
from startpakke.i18n import _


def can_open_a_browser(env: Mapping[str, str] = os.environ) -> bool:
    """Is there a browser to open without taking over this terminal?

    On Linux without a graphical session, Python's `webbrowser` would fall back to a text
    browser (lynx, w3m) in this very terminal, where the server is running; there only
    the address is printed, unless `BROWSER` names what to use.
    """
    if env.get("BROWSER"):
        return True
    if sys.platform.startswith("linux"):
        return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    return True  # Windows and macOS always have a default browser to ask


def open_in_browser(url: str) -> bool:
    """Open `url` (this machine's own address: no network) in the default browser."""
    import webbrowser

    if not can_open_a_browser():
        return False
    try:
        return webbrowser.open(url, new=2)
    except webbrowser.Error:
        return False


def _open_when_served(url: str) -> None:
    """In a thread: a browser that is slow to start never holds up the server."""

    def attempt() -> None:
        if not open_in_browser(url):
            print(_("Fant ingen nettleser å åpne: åpne adressen over selv."), flush=True)

    threading.Thread(target=attempt, name="nettleser", daemon=True).start()


def session_path(args: argparse.Namespace) -> Path:
    """`--session`, or the most recently saved session; UserError when there is none."""
    if args.session:
        return Path(args.session)
    from startpakke.paths import sessions_dir
    from startpakke.session.paths import most_recent_session

    recent = most_recent_session()
    if recent is None:
        raise UserError(
            _(
                "Fant ingen økt å vise (ingen øktfiler i {folder}). Start møtet med "
                "«startpakke» først, eller velg en øktfil med --session FIL."
            ).format(folder=sessions_dir())
        )
    return recent


def run(args: argparse.Namespace) -> int:
    from startpakke.projector.room import Room, RoomError

    try:
        path = session_path(args)
        room = Room(path)
        room.open()
    except UserError as err:
        return report(err)
    except RoomError as err:
        return report(UserError(str(err)))

    if args.web:
        from startpakke.projector.web import serve

        try:
            return serve(
                room,
                host=args.host,
                port=args.port,
                font_size=args.font_size,
                dark=args.dark,
                on_ready=None if getattr(args, "no_open", False) else _open_when_served,
            )
        except UserError as err:
            return report(err)

    from startpakke.tui.projector_app import ProjectorApp

    ProjectorApp(room, dark=args.dark).run()
    return 0
