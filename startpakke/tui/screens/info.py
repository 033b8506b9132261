"""`i`: the guide, facilitator notes and context texts for the current part, on demand."""

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
        guide = part.guide
        if guide is not None:
            lines.append("[b]Veiledning for fasilitatoren[/b] (bare på din skjerm)")
            if guide.why.strip():
                lines.append(f"[b]Hvorfor:[/b] {escape(guide.why.strip())}")
            if guide.how:
                lines.append("[b]Slik gjør du det:[/b]")
                lines += [f"• {escape(step)}" for step in guide.how]
            if guide.pitfalls:
                lines.append("[b]Når noe går galt:[/b]")
                for pitfall in guide.pitfalls:
                    lines.append(f"• {escape(pitfall.what)}")
                    lines.append(f"  [i]Si:[/i] {escape(pitfall.say)}")
            lines.append("")
        session = self.controller.session
        earlier = [t for t in session.parked if t.from_session]
        if earlier:
            lines.append("[b]Parkert fra forrige møte[/b] (kan tas opp nå eller bli et tema)")
            lines += [f"• {escape(t.text)}" for t in earlier]
            lines.append("")
        today = [t for t in session.parked if not t.from_session]
        if today:
            lines.append("[b]Parkert i dag[/b] (v parkerer et tema; steg 7 foreslår dem)")
            lines += [f"• {escape(t.text)}" for t in today]
            lines.append("")
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
