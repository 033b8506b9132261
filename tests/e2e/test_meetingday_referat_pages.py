"""Issue 14.12: the referat's signature lines never stand alone on the last page, and a sak
with nothing noted says «Ingen merknader» — looked at as pages (LibreOffice → PDF)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from startpakke.documents.referat import write_referat
from startpakke.session import edit as ops
from startpakke.session.store import load_session
from tests.cli import ROOT, startpakke
from tests.tui_helpers import builtin

EXAMPLE = ROOT / "examples" / "eksempel-okt.json"
NO_DEPUTIES = ROOT / "tests" / "data" / "sessions" / "referat-uten-vara.json"
SIGNATURE = "Referat skrevet av"


def test_an_empty_sak_says_ingen_merknader(tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["notes"] = []
    session_file = tmp_path / "okt.json"
    session_file.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "referat.docx"
    result = startpakke("export", str(session_file), "--format", "referat", "-o", str(out))
    assert result.returncode == 0, result.stderr
    (table, *_rest) = Document(str(out)).tables
    rows = {row.cells[1].text: row.cells[2].text for row in table.rows[1:]}
    # Steg 2 captures nothing: with no note it says so, not the agenda's words to the group.
    bli_kjent = next(status for theme, status in rows.items() if "Bli kjent" in theme)
    assert bli_kjent == "Ingen merknader."
    assert "må dere bli godt kjent" not in "\n".join(rows.values())


def last_page_text(pdf: Path) -> str:
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages")))
    return subprocess.run(
        ["pdftotext", "-f", str(count), "-l", str(count), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice and poppler-utils not installed",
)
def test_signatures_never_stand_alone_on_the_last_page(tmp_path: Path) -> None:
    agenda = builtin()
    # Longer and longer referater: one of them puts a page break just before the signatures.
    for count in range(0, 26):
        session = load_session(EXAMPLE)
        for number in range(count):
            ops.add_note(
                session,
                "utsjekk",
                f"Merknad {number} om dagen, med litt tekst for å fylle en linje.",
            )
        write_referat(session, agenda, tmp_path / f"referat-{count:02d}.docx")
    # A founding meeting with no deputies, as run in the app: its last page began with the
    # signatures (they were two paragraphs after «Ingen vara er registrert.», and
    # LibreOffice does not keep a chain of «keep with next» paragraphs together).
    session = load_session(NO_DEPUTIES)
    write_referat(session, agenda, tmp_path / "referat-uten-vara.docx")
    docs = sorted(str(p) for p in tmp_path.glob("referat-*.docx"))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), *docs],
        capture_output=True,
        timeout=300,
        check=True,
    )
    for pdf in sorted(tmp_path.glob("referat-*.pdf")):
        lines = [line.strip() for line in last_page_text(pdf).splitlines() if line.strip()]
        content = [
            line for line in lines if not line.startswith(("Side ", "Barnevernledernettverk"))
        ]
        content = [line for line in content if line != "Referat"]
        assert content and not content[0].startswith(SIGNATURE), f"{pdf.name}: {content[:3]}"
