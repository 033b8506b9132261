"""Plain-Python views of the run: what the screens show, computed without a screen.

`format` turns times and timers into text; `run` is the facilitator's run screen as data
(`RunView`). The projector's `RoomView` reads the same pieces.
"""
