"""The room's screen, in plain Python: following the session file and what the room sees.

`follow.SessionFollower` reads the file the facilitator's app autosaves, `room.Room` turns
it into a `RoomView`; `startpakke.tui.projector_app` draws it and `web` serves it to a
browser. Nothing here writes the session.
"""

SERVER_PID_ENV = "STARTPAKKE_PROJECTOR_SERVER"
"""Set by the web server for the views it starts: a view whose server has gone away
(killed, not stopped with Ctrl+C) quits instead of running on unseen."""
