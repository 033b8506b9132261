"""`startpakke projector`: the room's read-only view of the running meeting.

In a terminal (the default) or, with `--web`, in a browser on this machine (a small web
server, `startpakke.projector.web`, that does not import Textual). The session
is checked before anything opens, so a missing or unreadable file is a clear Norwegian
message and exit code 1, never an empty screen.
"""

from __future__ import annotations

import argparse
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
                room,
                host=args.host,
                port=args.port,
                font_size=args.font_size,
                dark=args.dark,
            )
        except UserError as err:
            return report(err)

    from startpakke.tui.projector_app import ProjectorApp

    ProjectorApp(room, dark=args.dark).run()
    return 0
