"""`Tick`: the app's checkbox, which a burst of typing does not tick.

Enter in the plan's «Annet» moves on to the checkbox below it. Words typed on after that
Enter landed on the checkbox: the letters went nowhere, and each space (and the closing
Enter) ticked or unticked «Alle tar med en problemstilling» without a word. A space or
Enter that comes within `BURST_SECONDS` of a letter typed on the box is part of that
typing, not a tick; the letters are said to go nowhere, once until the focus leaves it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual import events
from textual.widgets import Checkbox

from startpakke.i18n import _
from startpakke.tui.compat import keep_keys_in_order

keep_keys_in_order(Checkbox)  # a Tab typed among letters moves on in its turn (compat.py)

BURST_SECONDS = 1.0
"""A space or Enter this soon after a letter typed on the box belongs to that typing."""


class Burst:
    """Whether a key is part of a burst of typing: plain Python, given a clock."""

    def __init__(self, monotonic: Callable[[], float]) -> None:
        self._monotonic = monotonic
        self._last: float | None = None

    def typed(self) -> None:
        """A letter was typed."""
        self._last = self._monotonic()

    def is_typing(self) -> bool:
        """A space or Enter now: part of the typing? Only letters keep a burst going, so
        spaces tapped on after a stray letter tick the box once the second has passed."""
        return self._last is not None and self._monotonic() - self._last <= BURST_SECONDS

    def end(self) -> None:
        self._last = None


class Tick(Checkbox):
    """A `Checkbox` that a space or Enter typed as part of words does not toggle."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._burst = Burst(self._monotonic)
        self._told = False

    def _monotonic(self) -> float:
        clock = getattr(self.app, "clock", None)  # the app's clock: a fake one in tests
        return clock.monotonic() if clock is not None else time.monotonic()

    def on_key(self, event: events.Key) -> None:
        if self.app.focused is not self:
            return  # typed after the focus moved on: passed on there (`keep_keys_in_order`)
        if event.key in ("space", "enter"):
            if self._burst.is_typing():
                event.stop()  # the box's own binding is not reached
                event.prevent_default()
            return
        if not event.is_printable or event.key in self.app.active_bindings:
            return  # not typing: a key the screen binds to a command
        self._burst.typed()
        if not self._told:
            self._told = True
            self.notify(
                _(
                    "Dette feltet er en avkrysningsboks: kryss av med mellomrom. "
                    "Det du skrev, kom ikke med."
                ),
                severity="warning",
                timeout=6,
            )

    def on_blur(self) -> None:
        self._told = False
        self._burst.end()
