"""Facilitator notes and context texts for the current part, on demand."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from startpakke.controller import MeetingController
from startpakke.i18n import _


class InfoScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,i,q", "dismiss", _("Lukk"), key_display="esc/i")]

    def __init__(self, controller: MeetingController) -> None:
        super().__init__()
        self.controller = controller

    def compose(self) -> ComposeResult:
        agenda = self.controller.agenda
        part = self.controller.part
        phase = self.controller.phase
        lines: list[str] = []
        notes = [*phase.notes, *part.notes]
        if notes:
            lines.append(_("[b]Notater til fasilitatoren[/b]"))
            lines += [f"• {escape(note)}" for note in notes]
            lines.append("")
        if part.materials:
            lines.append(_("[b]Materiell[/b]"))
            lines += [f"• {escape(item)}" for item in part.materials]
            lines.append("")
        for context_id in part.context:
            text = agenda.context_text(context_id)
            if text is None:
                continue
            lines.append(f"[b]{escape(text.title)}[/b]")
            lines.append(escape(text.text.strip()))
            if text.source:
                lines.append(_("[i]Kilde: {source}[/i]").format(source=escape(text.source)))
            lines.append("")
        if not lines:
            lines = [_("Ingen notater eller tekster til denne delen.")]
        with VerticalScroll(id="info-box", classes="dialog"):
            yield Static(
                f"{agenda.part_label(agenda.parts.index(part))}: {escape(part.title)}",
                classes="dialog-title",
            )
            yield Static("\n".join(lines), id="info-text")
            yield Static(_("Esc: lukk"), classes="dialog-help")
