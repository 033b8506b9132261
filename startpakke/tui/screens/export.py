"""`e`: choose a document and its file; the run screen then makes it.

A typed dialog: it returns an `ExportChoice` (or None for Esc) and writes nothing itself.
The kinds come from `startpakke.documents.registry`, the same table as `export --format`.
↑/↓ move through the list and the highlighted document is the chosen one; Enter (in the list
or the file field) or ctrl+s makes it. A file that is there already (a contract signed or
edited in Word since) is named first, and replaced only on a second Enter for that name.
When making it fails, the run screen opens the dialog again with the same choice and the
reason, so nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from startpakke.documents.registry import DOCUMENTS, DocumentKind
from startpakke.i18n import _
from startpakke.session.model import Session
from startpakke.tui.compat import EnterInOrderInput
from startpakke.tui.screens.dialog import Dialog


@dataclass(frozen=True)
class ExportChoice:
    """What the facilitator chose: which document, and where it goes."""

    kind: DocumentKind
    path: Path


class ExportScreen(Dialog[ExportChoice | None]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", _("Lukk"), key_display="esc"),
        Binding("ctrl+s", "choose", _("Lag"), key_display="ctrl+s"),
    ]

    def __init__(
        self, session: Session, folder: Path, again: ExportChoice | None = None, error: str = ""
    ) -> None:
        super().__init__()
        self.session = session
        self.folder = folder
        self.again = again
        self.error = error
        self._replace_confirmed: Path | None = None
        """The existing file the facilitator has been told about (Enter again replaces it)."""

    @property
    def kind(self) -> DocumentKind:
        """The highlighted document."""
        index = self.query_one("#export-kind", OptionList).highlighted
        return DOCUMENTS[index or 0]

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog capture-dialog"):
            yield Static(_("Lag dokumenter"), classes="dialog-title")
            yield OptionList(
                *(Option(kind.description, id=kind.key) for kind in DOCUMENTS),
                id="export-kind",
                markup=False,
            )
            with Horizontal(classes="form-row"):
                yield Static(_("Fil"), classes="form-label")
                yield EnterInOrderInput(on_enter=self.action_choose, id="export-path", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Lag"), id="export-write", variant="primary")
            yield Static(self.error, id="export-result", markup=False, classes="capture-error")
            yield Static(
                _("↑/↓: velg dokument · Enter eller ctrl+s: lag det · Tab: filnavnet · Esc: lukk"),
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        kinds = self.query_one("#export-kind", OptionList)
        path = self.query_one("#export-path", Input)
        self._say(self.error)
        if self.again is None:
            kinds.highlighted = 0
            path.value = str(self.folder / DOCUMENTS[0].default_filename(self.session))
            kinds.focus()
        else:
            kinds.highlighted = DOCUMENTS.index(self.again.kind)
            path.value = str(self.again.path)
            path.focus()

    @on(OptionList.OptionHighlighted, "#export-kind")
    def _kind_changed(self) -> None:
        """A new kind: its own file name, in whatever folder the field names now."""
        self._replace_confirmed = None  # the warning was about the kind and file left behind
        field = self.query_one("#export-path", Input)
        again = self.again
        if again is not None and field.value == str(again.path) and self.kind == again.kind:
            return  # the dialog opened again on the same choice: keep the path
        typed = field.value.strip()
        folder = Path(typed).expanduser().parent if typed else self.folder
        field.value = str(folder / self.kind.default_filename(self.session))
        self._say("")

    @on(Input.Changed, "#export-path")
    def _path_edited(self, event: Input.Changed) -> None:
        """A name other than the one warned about: its warning and its second Enter go."""
        warned = self._replace_confirmed
        if warned is not None and Path(event.value.strip()).expanduser() != warned:
            self._replace_confirmed = None
            self._say("")

    def _say(self, problem: str) -> None:
        """Why the document could not be made (the line is hidden when there is none)."""
        result = self.query_one("#export-result", Static)
        result.update(problem)
        result.display = bool(problem)

    @on(OptionList.OptionSelected, "#export-kind")
    @on(Button.Pressed, "#export-write")
    def action_choose(self) -> None:
        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            self._say(_("Skriv inn et filnavn."))
            return
        path = Path(typed).expanduser()
        if path.is_file() and self._replace_confirmed != path:
            self._replace_confirmed = path
            self._say(
                _(
                    "{name} finnes fra før. Enter igjen erstatter den (det du har endret i "
                    "den siden, går tapt); eller skriv et annet filnavn."
                ).format(name=path.name)
            )
            return
        self.dismiss(ExportChoice(self.kind, path))
