"""The help screen: every key, from the same declarations as the footer and palette."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from startpakke.i18n import N_, _
from startpakke.tui.bindings import APP_BINDINGS, RUN_BINDINGS
from startpakke.tui.screens.dialog import Dialog

# (key, what it does): catalogue messages, shown through `_()`.
CAPTURE_KEYS = [
    ("c", N_("åpne feltet eller listen som passer delen (regler, kompetanse, plan …)")),
    ("Enter", N_("legg til det du har skrevet (feltet blir stående åpent)")),
    ("Esc", N_("forlat feltet – tilbake til møtets taster")),
    ("Tab", N_("fra feltet til listen over det som er skrevet ned, og tilbake til feltet")),
    (N_("↑/↓ i feltet"), N_("kompetanse: bytt kategori")),
    ("PgUp/PgDn", N_("kompetanse: bytt person")),
    (N_("Enter / mellomrom"), N_("i listen: vedtatt / topp tre / valgt / til stede / fokusperson")),
    (N_("r i listen"), N_("rediger")),
    ("x/Delete", N_("i listen: slett (u angrer)")),
    ("ctrl+↑/↓", N_("i listen: flytt opp/ned")),
    ("ctrl+t", N_("fokuspersoner: velg tidtaker")),
    (N_("g / w i listen"), N_("revisjon, regel for regel: hvor enige (g) og hvorfor (w)")),
    ("ctrl+s", N_("i skjemaer: lagre")),
    ("ctrl+z", N_("i et felt i skjemaene: angre siste endring (én gang til: gjør om)")),
]


def _key_text(binding: Binding) -> str:
    return binding.key_display or binding.key


class HelpScreen(Dialog[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", _("Lukk"), key_display="esc")]

    def compose(self) -> ComposeResult:
        meeting = [(_key_text(b), b.tooltip) for b in [*RUN_BINDINGS, *APP_BINDINGS]]
        with VerticalScroll(id="help-box", classes="dialog"):
            yield Static(_("Hjelp"), classes="dialog-title")
            yield from _section(_("Møtets taster (virker når du ikke skriver i et felt)"), meeting)
            yield from _section(_("Skrive ned"), [(_(k), _(v)) for k, v in CAPTURE_KEYS])
            yield Static(
                _(
                    "Alle handlinger finnes også i kommandopaletten (ctrl+p). Alt lagres "
                    "automatisk. ctrl+q avslutter; «startpakke run --resume» fortsetter."
                ),
                classes="help-note",
            )
            yield Static(_("Esc: lukk"), classes="dialog-help")


KEY_WIDTH = 10
"""The key column's width: «Enter / mellomrom» and «g / w i listen» wrap between words."""


def _section(title: str, rows: list[tuple[str, str]]) -> ComposeResult:
    """A heading and the keys as one table, each line wrapping within its own column.

    One widget per section, not a row of widgets per key: with about 120 widgets, each
    measuring its own wrapped height, opening help took four layouts of 50–70 ms.
    """
    yield Static(title, classes="help-heading", markup=False)
    table = Table.grid(padding=(0, 2, 0, 0), expand=True)
    table.add_column(justify="right", style="bold", width=KEY_WIDTH)
    table.add_column(ratio=1)
    for key, text in rows:
        table.add_row(Text(key), Text(text))  # Text: a «[» in a key is not markup
    yield HelpKeys(table, rows)


class HelpKeys(Static):
    """A section's keys; `rows` keeps what it shows as (key, text) for reading back."""

    def __init__(self, table: Table, rows: list[tuple[str, str]]) -> None:
        super().__init__(table, classes="help-keys")
        self.rows = rows
