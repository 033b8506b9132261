"""A PDF beside the Word document, made by a real LibreOffice from `startpakke export` and
`startpakke handouts` run as real processes (the rest of those commands' tests run in
the test process: tests/functional/test_cli_export.py, test_cli_handouts.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli import ROOT, startpakke_process

EXAMPLE = ROOT / "examples" / "eksempel-okt.json"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (shutil.which("soffice") or shutil.which("libreoffice")),
        reason="LibreOffice not installed",
    ),
]


def test_export_writes_the_pdf_beside_the_docx(tmp_path: Path) -> None:
    session = tmp_path / "okt.json"
    shutil.copy(EXAMPLE, session)
    out = tmp_path / "k.docx"
    result = startpakke_process("export", str(session), "-o", str(out), "--pdf")
    assert result.returncode == 0, result.stderr
    pdf = out.with_suffix(".pdf")
    assert result.stdout.split() == [str(out), str(pdf)]
    assert pdf.stat().st_size > 1000
    assert pdf.read_bytes().startswith(b"%PDF")


def test_handouts_write_a_pdf_per_set(tmp_path: Path) -> None:
    result = startpakke_process("handouts", "--names", "Kari", "--pdf", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "arbeidsark-kari.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
