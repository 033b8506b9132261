"""The help screen: every key, from the same declarations as the footer and palette."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
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
        meeting = [(_key_text(b), b.tooltip) for b in [*RUN_BINDINGS, *APP_BINDINGS]]
        with VerticalScroll(id="help-box", classes="dialog"):
            yield Static("Hjelp", classes="dialog-title")
            yield from _section("Møtets taster (virker når du ikke skriver i et felt)", meeting)
            yield from _section("Skrive ned", CAPTURE_KEYS)
            yield Static(
                "Alle handlinger finnes også i kommandopaletten (ctrl+p). Alt lagres "
                "automatisk. ctrl+q avslutter; «startpakke run --resume» fortsetter.",
                classes="help-note",
            )
            yield Static("Esc: lukk", classes="dialog-help")


def _section(title: str, rows: list[tuple[str, str]]) -> ComposeResult:
    """A heading and one row per key; a long line wraps within its own column."""
    yield Static(title, classes="help-heading", markup=False)
    for key, text in rows:
        with Horizontal(classes="help-row"):
            yield Static(key, classes="help-key", markup=False)
            yield Static(text, classes="help-text", markup=False)
