"""The help screen: every key, from the same declarations as the footer and palette."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from startpakke.tui.bindings import APP_BINDINGS, RUN_BINDINGS

CAPTURE_KEYS = [
    ("c", "åpne feltet eller listen som passer delen (regler, kompetanse, plan …)"),
    ("Enter", "legg til det du har skrevet (feltet blir stående åpent)"),
    ("Esc", "forlat feltet – tilbake til møtets taster"),
    ("Tab", "fra feltet til listen over det som er skrevet ned"),
    ("↑/↓ i feltet", "kompetanse: bytt kategori"),
    ("PgUp/PgDn", "kompetanse: bytt person"),
    ("Enter/mellomrom", "i listen: enig / topp tre / valgt / til stede / fokusperson"),
    ("r i listen", "rediger"),
    ("x/Delete", "i listen: slett (u angrer)"),
    ("ctrl+↑/↓", "i listen: flytt opp/ned"),
    ("ctrl+t", "fokuspersoner: velg tidtaker"),
    ("ctrl+s", "i skjemaer: lagre"),
]


def _key_text(binding: Binding) -> str:
    return binding.key_display or binding.key


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Lukk", key_display="esc")]

    def compose(self) -> ComposeResult:
        lines = ["[b]Møtets taster[/b] (virker når du ikke skriver i et felt)", ""]
        for binding in [*RUN_BINDINGS, *APP_BINDINGS]:
            lines.append(f"  [b]{_key_text(binding):>16}[/b]  {binding.tooltip}")
        lines += ["", "[b]Skrive ned[/b]", ""]
        lines += [f"  [b]{key:>16}[/b]  {text}" for key, text in CAPTURE_KEYS]
        lines += [
            "",
            "Alle handlinger finnes også i kommandopaletten (ctrl+p).",
            "Alt lagres automatisk. ctrl+q avslutter; «startpakke run --resume» fortsetter.",
        ]
        with VerticalScroll(id="help-box", classes="dialog"):
            yield Static("Hjelp", classes="dialog-title")
            yield Static("\n".join(lines), id="help-text")
            yield Static("Esc: lukk", classes="dialog-help")
