"""The help screen: every key, from the same declarations as the footer and palette."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from startpakke.tui.bindings import APP_BINDINGS, RUN_BINDINGS

CAPTURE_KEYS = [
    ("c", "åpne feltet som passer delen (regler, kompetanse, plan …)"),
    ("Enter", "legg til det du har skrevet"),
    ("Esc", "forlat feltet – tilbake til møtets taster"),
    ("Tab", "til listen over det som er skrevet ned"),
    ("Enter i listen", "merk som enig / topp tre / valgt"),
    ("r i listen", "rediger"),
    ("Delete/x i listen", "slett (u angrer)"),
    ("ctrl+↑/↓ i listen", "flytt opp/ned"),
]


def _key_text(binding: Binding) -> str:
    return binding.key_display or binding.key


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Lukk", key_display="esc")]

    def compose(self) -> ComposeResult:
        lines = ["[b]Møtets taster[/b] (virker når du ikke skriver i et felt)", ""]
        for binding in [*RUN_BINDINGS, *APP_BINDINGS]:
            lines.append(f"  [b]{_key_text(binding):>10}[/b]  {binding.description}")
        lines += ["", "[b]Skrive ned[/b]", ""]
        lines += [f"  [b]{key:>10}[/b]  {text}" for key, text in CAPTURE_KEYS]
        lines += [
            "",
            "Alle handlinger finnes også i kommandopaletten (ctrl+p).",
            "Alt lagres automatisk. ctrl+q avslutter; «startpakke run --resume» fortsetter.",
        ]
        with VerticalScroll(id="help-box", classes="dialog"):
            yield Static("Hjelp", classes="dialog-title")
            yield Static("\n".join(lines), id="help-text")
            yield Static("Esc: lukk", classes="dialog-help")
