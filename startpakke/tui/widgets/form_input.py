"""A form field that keeps what was there: no select-all on focus, and ctrl+z undoes.

Textual's Input selects its whole content when tabbed into, so one stray key wiped a
field («Hvor ofte», «Plattform»). This field puts the cursor at the end instead, and
ctrl+z takes the field back to what it held before the last edit (pressed again, it
brings the edit back).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.binding import Binding
from textual.widgets import Input

from startpakke.i18n import _
from startpakke.tui.compat import EnterInOrderInput


class FormInput(Input):
    """An Input for the facilitator's forms."""

    BINDINGS = [
        Binding(
            "ctrl+z",
            "undo_edit",
            "Angre i feltet",
            key_display="ctrl+z",
            show=False,
            id="form.undo",
        ),
    ]

    def __init__(self, value: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, **kwargs)
        self._before_edit: str | None = None
        """The value when the field got the focus (the start of this edit)."""
        self._before_last: str | None = None
        """The value before the last finished edit of this field."""

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        self._before_edit = self.value
        self.cursor_position = len(self.value)

    def _on_blur(self, event: events.Blur) -> None:
        if self._before_edit is not None and self._before_edit != self.value:
            self._before_last = self._before_edit
        self._before_edit = None
        super()._on_blur(event)

    def remember(self) -> None:
        """The current value is a finished edit (after Enter saved it)."""
        if self._before_edit is not None and self._before_edit != self.value:
            self._before_last = self._before_edit
        self._before_edit = self.value

    def action_undo_edit(self) -> None:
        """Back to the value before this edit, or before the last one; again: forward."""
        if self._before_edit is not None and self._before_edit != self.value:
            target, self._before_edit = self._before_edit, self.value
        elif self._before_last is not None and self._before_last != self.value:
            target, self._before_last = self._before_last, self.value
            self._before_edit = target
        else:
            self.notify(_("Ingenting å angre i feltet"), timeout=2)
            return
        self.value = target
        self.cursor_position = len(target)


class EnterInOrderFormInput(EnterInOrderInput, FormInput):
    """A form field that stays open for the next entry (a parked topic): Enter is taken in
    the order the keys came, so what is typed right after it starts the next one."""
