"""Steg 5: the nettverkskontrakt's own text, its purpose and when it is evaluated."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static, TextArea

from startpakke.controller import MeetingController
from startpakke.i18n import N_, _
from startpakke.session import edit as ops
from startpakke.session.edit import EditError
from startpakke.tui.capture.dates import parse_date, show_date
from startpakke.tui.capture.views import one_line
from startpakke.tui.compat import keep_keys_in_order
from startpakke.tui.screens.dialog import Dialog
from startpakke.tui.widgets.form_input import FormInput

keep_keys_in_order(TextArea)  # the app does it for Input; TextArea is loaded only here

# A quotation: in the catalogue, but its nynorsk «translation» is the same bokmål text,
# since quotations stay in the language Bufdir wrote them in (issue 17).
BUFDIR_2024 = N_(
    "«Barnevernsledernettverk skal bidra til at barnevernsledere styrker egen lederrolle, og "
    "dermed styringen og ledelsen av barnevernstjenesten. Nettverkene skal bidra til "
    "erfaringsdeling, støtte og veiledning mellom barnevernslederne» (Bufdir 2024)."
)


def default_purpose(controller: MeetingController) -> str:
    """The purpose from Bufdir 2024, as the agenda quotes it (or the deck's words)."""
    context = controller.agenda.context_text("bufdir-2024")
    if context is None:
        return BUFDIR_2024
    text = " ".join(context.text.split()).removesuffix(".")
    return text if "Bufdir" in text else f"{text} (Bufdir 2024)."


class ContractScreen(Dialog[None]):
    """ctrl+s saves; Esc saves and closes. Nothing typed here is thrown away."""

    AUTO_FOCUS = ""  # `on_mount` focuses the first field (not the scrolling form first)

    BINDINGS = [
        Binding("ctrl+s", "save", _("Lagre"), key_display="ctrl+s"),
        Binding("escape", "close", _("Lagre og lukk"), key_display="esc"),
    ]

    def __init__(self, controller: MeetingController) -> None:
        super().__init__()
        self.controller = controller

    def compose(self) -> ComposeResult:
        contract = self.controller.session.contract
        agreed = self.controller.session.agreed_rules
        rules = "\n".join(f"{i}. {escape(one_line(r.text, 100))}" for i, r in enumerate(agreed, 1))
        with VerticalScroll(id="contract-box", classes="dialog capture-dialog"):
            yield Static(_("Nettverkskontrakt"), classes="dialog-title")
            yield Static(_("Formål"), classes="capture-field-title")
            yield TextArea(
                contract.purpose or default_purpose(self.controller),
                id="contract-purpose",
                classes="capture-text-short",
            )
            yield Static(
                _("Kontraktens tekst (normer og forpliktelser)"), classes="capture-field-title"
            )
            yield TextArea(contract.text, id="contract-text", classes="capture-text")
            yield Static(
                _("Spillereglene dere har vedtatt kommer med i kontrakten:"),
                classes="capture-field-title",
            )
            yield Static(rules or _("Ingen vedtatte spilleregler ennå."), id="contract-rules")
            with Horizontal(classes="form-row"):
                yield Label(_("Evaluering"), classes="form-label")
                yield FormInput(
                    contract.evaluation,
                    placeholder=_("Hvordan og når kontrakten evalueres og justeres"),
                    id="contract-evaluation",
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label(_("Dato"), classes="form-label")
                yield FormInput(
                    show_date(contract.review_date),
                    placeholder=_("Evalueres dd.mm.åååå"),
                    id="contract-review",
                    compact=True,
                )
            yield Static(id="contract-error", classes="capture-error")
            yield Static(
                _("Tab: neste felt · ctrl+s: lagre · Esc: lagre og lukk"), classes="dialog-help"
            )

    def on_mount(self) -> None:
        self.query_one("#contract-text", TextArea).focus()

    def _save(self) -> bool:
        error = self.query_one("#contract-error", Static)
        try:
            review = parse_date(self.query_one("#contract-review", Input).value)
            self.controller.edit(
                ops.set_contract,
                purpose=self.query_one("#contract-purpose", TextArea).text,
                text=self.query_one("#contract-text", TextArea).text,
                evaluation=self.query_one("#contract-evaluation", Input).value,
                review_date=review,
            )
        except EditError as err:
            error.update(escape(str(err)))
            return False
        error.update("")
        return True

    def action_save(self) -> None:
        if self._save():
            self.notify(_("Kontrakten er lagret"), timeout=2)

    def action_close(self) -> None:
        if self._save():
            self.dismiss(None)
