"""The base of every dialog: styled once as it opens, the passing notices give way, and
what is typed while it opens goes to its field."""

from __future__ import annotations

from typing import TypeVar

from textual import events, on
from textual.events import Mount
from textual.widget import Widget
from textual.widgets import Input, TextArea

from startpakke.tui.compat import StyledOnMountDialog

ResultType = TypeVar("ResultType")


class Dialog(StyledOnMountDialog[ResultType]):
    """A dialog of the app. The notices on screen go when it opens: at 80×24 a dialog fills
    the screen and a toast in the corner covered its buttons (the «Samd: …» confirmation
    the export dialog's). «IKKE LAGRET» comes back when the run screen is shown again; the
    day line says it meanwhile. A notice the dialog itself gives (a saved contract, a new
    theme) is shown as before.

    A facilitator presses `m` and types at once, but the dialog takes a moment to open and
    give its field the focus (50–100 ms of CPU at 80×24). Until then Textual delivers the
    keys to the dialog itself, and they were lost. They are kept here and given to the
    first widget that gets the focus, in the order they came, as if typed there.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._typed_ahead: list[events.Key] | None = []
        """The keys typed while the dialog opens; None once it is open."""

    @on(Mount)
    def _notices_give_way(self) -> None:
        self.app.clear_notifications()
        self.call_after_refresh(self._opened)

    def _opened(self) -> None:
        """Shown, and no widget took the focus (a dialog to read): its keys, as typed."""
        if self._typed_ahead is not None:
            self._give_typed_ahead_to(self)

    def _give_typed_ahead_to(self, widget: Widget) -> None:
        typed, self._typed_ahead = self._typed_ahead or [], None
        for key in typed:
            widget.post_message(key)

    def on_key(self, event: events.Key) -> None:
        focused = self.focused
        if focused is None and self._typed_ahead is not None:
            self._typed_ahead.append(events.Key(event.key, event.character))
        elif (event.is_printable or event.key == "enter") and _takes_letters(focused):
            # A letter (or the Enter after it) reaches the dialog from a text field only if
            # it came before the field had the focus: a field takes every letter it is given.
            focused.post_message(events.Key(event.key, event.character))
        else:
            return
        event.stop()
        event.prevent_default()

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        super().set_focus(widget, scroll_visible, from_app_focus)
        # At once, as the focus moves: a key typed from now on is delivered after these.
        if self.focused is not None and self._typed_ahead is not None:
            self._give_typed_ahead_to(self.focused)


def _takes_letters(widget: Widget | None) -> bool:
    """A field that types every letter it gets (a read-only TextArea passes them on)."""
    return isinstance(widget, Input) or (isinstance(widget, TextArea) and not widget.read_only)
