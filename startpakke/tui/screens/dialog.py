"""The base of every dialog: styled once as it opens, and the passing notices give way."""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.events import Mount

from startpakke.tui.compat import StyledOnMountDialog

ResultType = TypeVar("ResultType")


class Dialog(StyledOnMountDialog[ResultType]):
    """A dialog of the app. The notices on screen go when it opens: at 80×24 a dialog fills
    the screen and a toast in the corner covered its buttons (the «Samd: …» confirmation
    the export dialog's). «IKKE LAGRET» comes back when the run screen is shown again; the
    day line says it meanwhile. A notice the dialog itself gives (a saved contract, a new
    theme) is shown as before."""

    @on(Mount)
    def _notices_give_way(self) -> None:
        self.app.clear_notifications()
