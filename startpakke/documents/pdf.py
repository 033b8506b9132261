"""PDF for printing, through LibreOffice when it is installed.

`soffice --headless --convert-to pdf` runs with its own temporary profile (so it neither
disturbs nor waits for a LibreOffice the user has open), under a time limit, into a temporary
folder; the PDF is checked to exist and be non-empty, then moved beside the .docx. The .docx
stays the main output: when LibreOffice is missing the message says how to get it, and how
to make the PDF from Word instead. Fonts: the templates use Calibri; where Calibri is not
installed, Carlito (same metrics) keeps the page breaks where Word puts them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from startpakke.errors import UserError, os_reason
from startpakke.i18n import N_, _

DEFAULT_TIMEOUT = 120.0

_KNOWN_PATHS = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)

HOW_TO_GET = N_(
    "Installer LibreOffice (gratis) fra https://www.libreoffice.org/download/ – på Linux: "
    "«sudo apt install libreoffice-writer fonts-crosextra-carlito». Du kan også åpne "
    "Word-filen og velge Fil → Lagre som → PDF."
)


class PdfError(UserError):
    """The PDF could not be made; the .docx has been written."""


def find_soffice() -> str | None:
    """The LibreOffice program, or None. `STARTPAKKE_SOFFICE` overrides the search."""
    override = os.environ.get("STARTPAKKE_SOFFICE")
    if override is not None:
        return override if override and Path(override).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in _KNOWN_PATHS:
        if Path(candidate).is_file():
            return candidate
    return None


def convert_to_pdf(docx: str | Path, *, timeout: float = DEFAULT_TIMEOUT) -> Path:
    """Write `<name>.pdf` beside `docx` and return its path."""
    source = Path(docx)
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(
            _(
                "Fant ikke LibreOffice, som trengs for å lage PDF. Word-filen er "
                "skrevet: {source}. {how}"
            ).format(source=source, how=_(HOW_TO_GET))
        )
    target = source.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="startpakke-pdf-") as tmp:
        work = Path(tmp)
        profile = work / "profil"
        outdir = work / "ut"
        outdir.mkdir()
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(outdir),
            str(source.resolve()),
        ]
        _run(command, timeout, source)
        produced = outdir / f"{source.stem}.pdf"
        if not produced.is_file() or produced.stat().st_size == 0:
            raise PdfError(
                _(
                    "LibreOffice laget ingen PDF av «{source}». Åpne Word-filen og velg Fil "
                    "→ Lagre som → PDF, eller prøv igjen."
                ).format(source=source)
            )
        from startpakke.documents.output import write_atomic

        with produced.open("rb") as pdf:
            write_atomic(target, lambda stream: shutil.copyfileobj(pdf, stream))
    return target


def _run(command: list[str], timeout: float, source: Path) -> None:
    kwargs: dict[str, object] = {}
    if os.name == "posix":
        kwargs["start_new_session"] = True  # so a timeout can stop LibreOffice's children too
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            **kwargs,  # type: ignore[call-overload]
        )
    except OSError as err:
        raise PdfError(
            _(
                "Kunne ikke starte LibreOffice ({reason}). Word-filen er skrevet: {source}. {how}"
            ).format(reason=os_reason(err), source=source, how=_(HOW_TO_GET))
        ) from None
    try:
        process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise PdfError(
            _(
                "LibreOffice brukte mer enn {timeout:.0f} sekunder på å lage PDF og ble "
                "stoppet. Word-filen er skrevet: {source}. Lukk andre "
                "LibreOffice-vinduer og prøv igjen, eller lagre som PDF fra Word."
            ).format(timeout=timeout, source=source)
        ) from None


def _stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(OSError):
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired, OSError):
        process.communicate(timeout=5)
