"""Asked when a saved meeting is reopened: count the time the program was closed, or not."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from startpakke.i18n import _
from startpakke.tui.screens.dialog import Dialog
from startpakke.view.format import minutes_text, sentence


class ResumeScreen(Dialog[bool]):
    """Returns True to count the closed time against the running timer."""

    BINDINGS = [
        Binding("t", "choose(True)", _("Tell med tiden")),
        Binding("f", "choose(False)", _("Fortsett der klokken stoppet")),
    ]

    def __init__(
        self,
        closed_seconds: float,
        paused: bool,
        where: str,
        *,
        crashed: bool = True,
        suspended: bool = False,
    ) -> None:
        super().__init__()
        self.closed_seconds = closed_seconds
        self.paused = paused
        self.where = where
        self.crashed = crashed
        """The program did not quit cleanly (its lock was left behind)."""
        self.suspended = suspended
        """The program ran on, but the machine slept (the lid was closed)."""

    def compose(self) -> ComposeResult:
        closed = minutes_text(self.closed_seconds)
        if self.paused:
            body = _(
                "Møtet fortsetter ved {where}\n"
                "Programmet var lukket i {closed}. Klokken sto på pause og blir stående på "
                "pause til du trykker mellomrom."
            )
        elif self.suspended:
            body = _(
                "Maskinen sov i {closed} (lokket var lukket?), og klokkene sto stille.\n"
                "Møtet står ved {where} Skal den tiden telle med?\n\n"
                "• Tell med tiden – dere fortsatte møtet mens maskinen sov.\n"
                "• Fortsett der klokken stoppet – møtet hadde pause."
            )
        elif self.crashed:
            body = _(
                "Møtet fortsetter ved {where}\n"
                "Programmet var lukket i {closed}. Skal den tiden telle med?\n\n"
                "• Tell med tiden – programmet stoppet midt i møtet, og dere fortsatte å snakke.\n"
                "• Fortsett der klokken stoppet – lokket var lukket, f.eks. over lunsj."
            )
        else:
            body = _(
                "Møtet fortsetter ved {where}\n"
                "Programmet ble avsluttet for {closed} siden. Skal den tiden telle med?\n\n"
                "• Tell med tiden – dere fortsatte møtet mens programmet var lukket.\n"
                "• Fortsett der klokken stoppet – møtet hadde pause, f.eks. over lunsj."
            )
        # {where} ends its sentence with its own stop: «Før vi går …», «Hva gjør vi nå?».
        body = body.format(where=sentence(self.where), closed=closed)
        with Vertical(id="resume-box", classes="dialog"):
            yield Static(_("Fortsett møtet"), classes="dialog-title")
            yield Static(body, id="resume-text")
            with Horizontal(classes="dialog-buttons"):
                if self.paused:
                    yield Button("OK", id="continue", variant="primary")
                else:
                    yield Button(_("Tell med tiden (t)"), id="count", variant="warning")
                    yield Button(
                        _("Fortsett der klokken stoppet (f)"), id="continue", variant="primary"
                    )

    def action_choose(self, count: bool) -> None:
        self.dismiss(count and not self.paused)

    @on(Button.Pressed, "#count")
    def _count(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#continue")
    def _continue(self) -> None:
        self.dismiss(False)
