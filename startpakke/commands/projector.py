"""`startpakke projector`: the room's read-only view of the running meeting.

In a terminal (the default) or, with `--web`, in a browser on this machine. The session
is checked before anything opens, so a missing or unreadable file is a clear Norwegian
message and exit code 1, never an empty screen.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from startpakke.errors import UserError, report


def session_path(args: argparse.Namespace) -> Path:
    """`--session`, or the most recently saved session; UserError when there is none."""
    if args.session:
        return Path(args.session)
    from startpakke.paths import sessions_dir
    from startpakke.session.paths import most_recent_session

    recent = most_recent_session()
    if recent is None:
        raise UserError(
            f"Fant ingen økt å vise (ingen øktfiler i {sessions_dir()}). Start møtet med "
            "«startpakke» først, eller velg en øktfil med --session FIL."
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
                room.follower.path,
                host=args.host,
                port=args.port,
                font_size=args.font_size,
                dark=args.dark,
            )
        except UserError as err:
            return report(err)

    from startpakke.tui.projector_app import ProjectorApp

    ProjectorApp(room, dark=args.dark, server_pid=_server_pid()).run()
    return 0


def _server_pid() -> int | None:
    """The web server that started this view (see `startpakke.projector.web`), if any."""
    from startpakke.projector import SERVER_PID_ENV

    value = os.environ.get(SERVER_PID_ENV, "")
    return int(value) if value.isdigit() else None
