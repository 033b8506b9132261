"""The room's screen, in plain Python: following the session file and what the room sees.

`follow.SessionFollower` reads the file the facilitator's app autosaves, `room.Room` turns
it into a `RoomView`; `startpakke.tui.projector_app` draws it in a terminal and `web` serves
it to a browser (`page_data` is what the page is sent). Nothing here writes the session.
"""
