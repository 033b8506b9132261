"""Keeping what is typed but not entered: the app side of `session.drafts`.

Every half second the keeper looks at the text fields of the open screens. A field seen
for the first time is offered its draft from the last run (if it had one and shows
something else); after that, a field whose text differs from what it opened with is a
draft. The drafts are written beside the session when they change, so at most about a
second of typing is at risk. A screen that is closed takes its drafts with it; quitting,
a signal or a crash leaves them for next time.

Polling, rather than listening to every key, keeps this out of the screens: no screen
knows about drafts, and a key press costs nothing extra. The one exception is work that is
not the text of a field: a screen that holds some (the setup screen's list of participants,
added but not saved until the meeting starts) offers it as text (`KeepsADraft`).
"""

from __future__ import annotations

import contextlib
import os
import threading
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol, runtime_checkable

from textual.app import App
from textual.widget import Widget
from textual.widgets import Input

from startpakke.session.drafts import load_drafts, save_drafts

SWEEP_SECONDS = 0.5


def _text_of(widget: Widget) -> str:
    if isinstance(widget, KeepsADraft):
        return widget.draft_text()
    return widget.value if isinstance(widget, Input) else widget.text  # type: ignore[attr-defined,no-any-return]


def _restore(widget: Widget, text: str) -> str | None:
    """Put a draft back; what to tell the facilitator (None: nothing was put back)."""
    if isinstance(widget, KeepsADraft):
        return widget.restore_draft(text)
    if isinstance(widget, Input):
        widget.value = text
        widget.cursor_position = len(text)
    else:  # a TextArea, the only other kind `_fields` finds (not imported: 5 ms at start)
        widget.load_text(text)  # type: ignore[attr-defined]
    return text


@runtime_checkable
class KeepsADraft(Protocol):
    """A screen whose unsaved work is more than the text of its fields."""

    DRAFT_ID: str
    """Its draft's name beside the fields' (`"SetupScreen/participants"`)."""

    def draft_text(self) -> str:
        """The work as text ("" for none); a draft when it differs from the first look."""
        ...

    def restore_draft(self, text: str) -> str | None:
        """Take back what `draft_text` gave in the last run; what to tell the facilitator
        (None: the text was not usable, and nothing changed)."""
        ...


class DraftKeeper:
    """Watches the app's text fields and keeps their unsaved text beside the session."""

    def __init__(
        self,
        app: App[object],
        session_path: Path,
        *,
        on_restored: Callable[[list[str]], None],
        on_trouble: Callable[[OSError | None], None],
    ) -> None:
        self.app = app
        self.session_path = session_path
        self.pending = load_drafts(session_path)
        """Drafts from the last run not yet offered back (their field has not opened)."""
        self.live: dict[str, str] = {}
        self._baseline: weakref.WeakKeyDictionary[Widget, str] = weakref.WeakKeyDictionary()
        self._written: dict[str, str] | None = dict(self.pending)
        self._on_restored = on_restored
        self._on_trouble = on_trouble
        """Told when a write fails, and (with None) when one works again after that."""
        self._trouble: OSError | None = None
        self.stopped = False

    def _fields(self) -> Iterator[tuple[str, Widget]]:
        for screen in self.app.screen_stack:
            if isinstance(screen, KeepsADraft):
                yield f"{type(screen).__name__}/{screen.DRAFT_ID}", screen
            for widget in screen.query("Input, TextArea"):
                if widget.id and not getattr(widget, "read_only", False):
                    yield f"{type(screen).__name__}/{widget.id}", widget

    def sweep(self) -> None:
        """Look at every field once; write the drafts if they changed."""
        if self.stopped:
            return
        live: dict[str, str] = {}
        restored: list[str] = []  # told in one notice: a screen's fields open together
        for key, widget in self._fields():
            if widget not in self._baseline:
                self._baseline[widget] = _text_of(widget)
                draft = self.pending.pop(key, None)
                if draft and draft != _text_of(widget):
                    told = _restore(widget, draft)
                    if told is not None:
                        restored.append(told)
            text = _text_of(widget)
            if text and text != self._baseline.get(widget):
                live[key] = text
        self.live = live
        if restored:
            self._on_restored(restored)
        self.write()

    def write(self) -> None:
        drafts = {**self.pending, **self.live}
        if drafts == self._written:
            return
        try:
            save_drafts(self.session_path, drafts)
        except OSError as err:
            self._trouble = err
            self._on_trouble(err)
            return
        self._written = drafts
        if self._trouble is not None:
            self._trouble = None
            self._on_trouble(None)

    def final(self) -> None:
        """The last look before the app closes (quit or signal); then stop watching."""
        self.sweep()
        self.stopped = True


def install_quit_signals(app: App[object], on_signal: Callable[[], None]) -> None:
    """SIGTERM and SIGHUP (the terminal window closed) save and quit like ctrl+q.

    Without this Python dies at once: the last edits and drafts are not written and the
    terminal is left in the alternate screen with the cursor hidden.
    """
    import asyncio
    import contextlib
    import signal

    loop = asyncio.get_running_loop()
    for number in (signal.SIGTERM, signal.SIGHUP):
        # Windows has no SIGHUP and no loop signal handlers: Python's default stays.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError, AttributeError):
            loop.add_signal_handler(number, on_signal)


SIGNAL_EXIT_GRACE = 5.0
"""Seconds a signalled app has to close by itself before `exit_if_stuck` ends the process."""


def exit_if_stuck(
    seconds: float,
    before: Callable[[], None],
    end: Callable[[int], None] = os._exit,
) -> threading.Timer:
    """End the process in `seconds` unless it has ended by then (a daemon timer).

    After SIGHUP the terminal is gone, and Textual's shutdown still writes to it: its output
    queue fills and the shutdown blocks for ever (seen on these machines in about one of
    eight closed windows), leaving an invisible process that holds the session's lock. The
    caller has saved everything before this is started; `before` gives back the lock.
    """

    def give_up() -> None:
        # A lock that could not be given back is taken over by the next start (its pid is
        # dead); ending is what matters.
        with contextlib.suppress(Exception):
            before()
        end(0)

    timer = threading.Timer(seconds, give_up)
    timer.daemon = True
    timer.start()
    return timer
