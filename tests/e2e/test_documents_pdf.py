"""PDF through LibreOffice: missing program, time limit, no output — each a clear message."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from startpakke.documents.contract import write_contract
from startpakke.documents.pdf import PdfError, convert_to_pdf, find_soffice
from tests.documents_session import build_session

pytestmark = pytest.mark.skipif(os.name != "posix", reason="fake soffice is a shell script")


def fake_soffice(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o755)
    return script


@pytest.fixture
def docx_file(tmp_path: Path) -> Path:
    return write_contract(build_session(), tmp_path / "k.docx")


def test_missing_libreoffice(docx_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STARTPAKKE_SOFFICE", "")
    assert find_soffice() is None
    with pytest.raises(PdfError, match="Fant ikke LibreOffice") as caught:
        convert_to_pdf(docx_file)
    assert "Lagre som → PDF" in str(caught.value)


def test_time_limit(docx_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STARTPAKKE_SOFFICE", str(fake_soffice(tmp_path, "sleep 30")))
    started = time.monotonic()
    with pytest.raises(PdfError, match="mer enn 1 sekunder"):
        convert_to_pdf(docx_file, timeout=1)
    assert time.monotonic() - started < 10
    assert not docx_file.with_suffix(".pdf").exists()


def test_no_output(docx_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STARTPAKKE_SOFFICE", str(fake_soffice(tmp_path, "exit 0")))
    with pytest.raises(PdfError, match="ingen PDF"):
        convert_to_pdf(docx_file)


def test_own_profile_and_outdir(
    docx_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "args.txt"
    # Writes its arguments, then a small "PDF" into --outdir like LibreOffice does.
    body = (
        f'printf "%s\\n" "$@" > {log}\n'
        'while [ "$1" != "--outdir" ]; do shift; done; out="$2"\n'
        'printf "%%PDF-1.7 fake" > "$out/k.pdf"'
    )
    monkeypatch.setenv("STARTPAKKE_SOFFICE", str(fake_soffice(tmp_path, body)))
    pdf = convert_to_pdf(docx_file)
    assert pdf == docx_file.with_suffix(".pdf")
    assert pdf.read_bytes() == b"%PDF-1.7 fake"
    args = log.read_text().split("\n")
    assert any(a.startswith("-env:UserInstallation=file://") for a in args)
    assert "--headless" in args and "--convert-to" in args


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed"
)
def test_real_libreoffice(docx_file: Path) -> None:
    pdf = convert_to_pdf(docx_file)
    assert pdf.stat().st_size > 1000
    assert pdf.read_bytes().startswith(b"%PDF")
