"""The capture area of the run screen (first version: notes only)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from startpakke.agenda.model import CaptureKind
from startpakke.controller import MeetingController
from startpakke.session.model import Note


class CaptureArea(Vertical):
    """Shows and takes what is captured in the current part."""

    class Changed(Message):
        """Something was captured; the screen re-reads state."""

    def __init__(self, controller: MeetingController, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.controller = controller
        self.kinds: list[CaptureKind] = []

    def compose(self) -> ComposeResult:
        yield Static(id="capture-title")
        yield Input(placeholder="Skriv et notat og trykk Enter (Esc: tilbake)", id="capture-input")

    def show_for(self, kinds: list[CaptureKind]) -> None:
        self.kinds = kinds

    def focus_input(self) -> None:
        self.query_one("#capture-input", Input).focus()

    def open_participants(self) -> None:
        self.focus_input()

    def open_note(self) -> None:
        self.focus_input()

    def open_action(self) -> None:
        self.focus_input()

    def open_export(self) -> None:
        self.app.notify("Dokumenter: bruk «startpakke export»", timeout=3)

    @on(Input.Submitted, "#capture-input")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        self.controller.session.notes.append(Note(part=self.controller.part.id, text=text))
        self.controller.changed()
        event.input.value = ""
        self.post_message(self.Changed())

    def key_escape(self) -> None:
        self.screen.set_focus(None)
