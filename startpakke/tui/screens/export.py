"""`e`: write documents from the session as it is now — contract, referat, calendar, run sheet.

The writers live in `startpakke.documents`; this dialog only chooses one and a path. A
writer that is missing in this version gives a Norwegian message, and a bad path gives the
writer's own message: the session is never touched either way.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from startpakke.controller import MeetingController
from startpakke.errors import UserError
from startpakke.text import slug


@dataclass(frozen=True)
class DocumentKind:
    key: str
    label: str
    modules: tuple[str, ...]
    function: str
    suffix: str
    stem: str
    needs_agenda: bool = False
    takes_template: bool = False


KINDS = [
    DocumentKind(
        "kontrakt",
        "Nettverkskontrakt (Word)",
        ("startpakke.documents.contract", "startpakke.documents"),
        "write_contract",
        ".docx",
        "nettverkskontrakt",
        takes_template=True,
    ),
    DocumentKind(
        "referat",
        "Referat (Word)",
        ("startpakke.documents.referat", "startpakke.documents"),
        "write_referat",
        ".docx",
        "referat",
        needs_agenda=True,
        takes_template=True,
    ),
    DocumentKind(
        "ics",
        "Møtedatoer til kalenderen (.ics)",
        ("startpakke.documents.ics", "startpakke.documents.calendar", "startpakke.documents"),
        "write_ics",
        ".ics",
        "motedatoer",
    ),
    DocumentKind(
        "runsheet",
        "Kjøreplan med faktiske tider (Word)",
        ("startpakke.documents.runsheet", "startpakke.documents.run_sheet", "startpakke.documents"),
        "write_session_runsheet",
        ".docx",
        "kjoreplan",
        needs_agenda=True,
    ),
]


class NotAvailable(UserError):
    """This version has no writer for the document."""


def find_module(kind: DocumentKind) -> ModuleType:
    """The documents module that has this kind's writer."""
    for name in kind.modules:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if callable(getattr(module, kind.function, None)):
            return module
    raise NotAvailable(
        f"«{kind.label}» kan ikke skrives fra denne versjonen av programmet ennå. "
        "Økten er lagret; prøv «startpakke export» senere."
    )


def find_writer(kind: DocumentKind) -> Callable[..., Any]:
    return getattr(find_module(kind), kind.function)  # type: ignore[no-any-return]


def output_folder(session_path: Path | None) -> Path:
    """Beside the session file when the user chose where it lives, else the current folder."""
    if session_path is None:
        return Path.cwd()
    try:
        from startpakke.session.paths import data_dir

        if session_path.resolve().is_relative_to(data_dir().resolve()):
            return Path.cwd()
    except (OSError, ValueError):
        return Path.cwd()
    return session_path.parent


def default_path(kind: DocumentKind, controller: MeetingController, folder: Path) -> Path:
    """The writer's own file name when it has one, else «stem-nettverk-dato.suffix»."""
    session = controller.session
    try:
        named = getattr(find_module(kind), "default_filename", None)
        if callable(named):
            return folder / str(named(session))
    except NotAvailable:
        pass
    day = session.network.meeting_date or controller.clock.now().date()
    return folder / f"{kind.stem}-{slug(session.network.name)}-{day.isoformat()}{kind.suffix}"


def write_document(kind: DocumentKind, controller: MeetingController, path: Path) -> Path:
    """Write one document; UserError (with a Norwegian message) when it cannot be written."""
    writer = find_writer(kind)
    args: list[Any] = [controller.session]
    if kind.needs_agenda:
        args.append(controller.agenda)
    args.append(path)
    try:
        written = writer(*args)
    except UserError:
        raise
    except OSError as err:
        raise UserError(f"Kunne ikke skrive {path}: {err.strerror or err}.") from None
    return Path(written) if written else path


class ExportScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Lukk", key_display="esc"),
        Binding("ctrl+s", "write", "Skriv", key_display="ctrl+s"),
    ]

    def __init__(self, controller: MeetingController) -> None:
        super().__init__()
        self.controller = controller
        self.kind = KINDS[0]

    def _folder(self) -> Path:
        startup = getattr(self.app, "startup", None)
        return output_folder(getattr(startup, "session_path", None))

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog capture-dialog"):
            yield Static("Skriv dokumenter", classes="dialog-title")
            with RadioSet(id="export-kind"):
                for index, kind in enumerate(KINDS):
                    yield RadioButton(kind.label, value=index == 0, id=f"export-{kind.key}")
            with Horizontal(classes="form-row"):
                yield Static("Fil", classes="form-label")
                yield Input(id="export-path", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Skriv", id="export-write", variant="primary")
            yield Static(id="export-result")
            yield Static(
                "↑/↓: velg dokument · Enter i filfeltet eller ctrl+s: skriv · Esc: lukk",
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        self._suggest_path()
        self.query_one(RadioSet).focus()

    def _suggest_path(self) -> None:
        path = default_path(self.kind, self.controller, self._folder())
        self.query_one("#export-path", Input).value = str(path)

    @on(RadioSet.Changed, "#export-kind")
    def _kind_changed(self, event: RadioSet.Changed) -> None:
        self.kind = KINDS[event.index]
        self._suggest_path()
        self.query_one("#export-result", Static).update("")

    @on(Button.Pressed, "#export-write")
    @on(Input.Submitted, "#export-path")
    def action_write(self) -> None:
        result = self.query_one("#export-result", Static)
        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            result.update("Skriv inn et filnavn.")
            result.set_class(True, "capture-error")
            return
        path = Path(typed).expanduser()
        try:
            written = write_document(self.kind, self.controller, path)
        except UserError as err:
            result.update(escape(str(err)))
            result.set_class(True, "capture-error")
            return
        except Exception as err:
            result.update(escape(f"Kunne ikke skrive dokumentet: {err}. Økten er lagret."))
            result.set_class(True, "capture-error")
            return
        result.set_class(False, "capture-error")
        result.update(escape(f"Skrevet: {written}"))
