"""`i`: the guide, facilitator notes and context texts for the current part, on demand.

It is the facilitator's panel: the projector views never show what is here. While the
room view is on (the run screen is mirrored), it says so at the top before anything else.
"""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from startpakke.controller import MeetingController
from startpakke.i18n import _
from startpakke.tui.bindings import RUN_KEYS
from startpakke.tui.room_view import room_sees
from startpakke.tui.screens.dialog import Dialog


def key_for(action: str) -> str:
    """The key the run screen has for `action` (as the help screen shows it)."""
    binding = next(k.binding for k in RUN_KEYS if k.binding.action == action)
    return binding.key_display or binding.key


def room_warning() -> str:
    """At the top of the panel while the room sees the screen."""
    return _(
        "[b reverse] BARE FOR FASILITATOREN [/] Dette vises aldri i projektorvisningene, "
        "men er skjermen speilet til projektoren, ser rommet det nå. Lukk med Esc."
    )


class InfoScreen(Dialog[None]):
    BINDINGS = [Binding("escape,i,q", "dismiss", _("Lukk"), key_display=_("esc/i"))]

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
            lines.append(_("[b]Veiledning for fasilitatoren[/b] (bare på din skjerm)"))
            if guide.why.strip():
                lines.append(_("[b]Hvorfor:[/b] {why}").format(why=escape(guide.why.strip())))
            if guide.how:
                lines.append(_("[b]Slik gjør du det:[/b]"))
                lines += [f"• {escape(step)}" for step in guide.how]
            if guide.pitfalls:
                lines.append(_("[b]Når noe går galt:[/b]"))
                for pitfall in guide.pitfalls:
                    lines.append(f"• {escape(pitfall.what)}")
                    lines.append(_("  [i]Si:[/i] {say}").format(say=escape(pitfall.say)))
            lines.append("")
        session = self.controller.session
        earlier = [t for t in session.parked if t.from_session]
        if earlier:
            lines.append(_("[b]Parkert fra forrige møte[/b] (kan tas opp nå eller bli et tema)"))
            lines += [f"• {escape(t.text)}" for t in earlier]
            lines.append("")
        today = [t for t in session.parked if not t.from_session]
        if today:
            lines.append(
                _("[b]Parkert i dag[/b] ({key} parkerer et tema; steg 7 foreslår dem)").format(
                    key=escape(key_for("park"))
                )
            )
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
            if room_sees(self):
                yield Static(room_warning(), id="info-room-warning")
            yield Static(
                f"{agenda.part_label(agenda.parts.index(part))}: {escape(part.title)}",
                classes="dialog-title",
            )
            yield Static("\n".join(lines), id="info-text")
            yield Static(_("Esc: lukk"), classes="dialog-help")
