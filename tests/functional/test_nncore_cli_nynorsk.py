"""The commands that open no window speak nynorsk with `--lang nn`, errors included
(issue 17), run in this process (tests/cli.py): a broken agenda, the run sheet's «Laga»
line, export's usage error and a missing session, the network commands."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.cli import ROOT, startpakke

EXAMPLE = ROOT / "examples" / "eksempel-okt.json"
BOKMAL = ("ikke", "fikk", "mente", "Fant", "filen", "ennå", "mangler", "Åpne")


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return startpakke(*args, cwd=cwd, env={"COLUMNS": "100"}, timeout=60)


def no_bokmal(text: str) -> None:
    words = set(text.replace("«", " ").replace("»", " ").split())
    assert not words & set(BOKMAL), text


def test_a_broken_agenda_is_explained_in_nynorsk(agendas_dir: Path) -> None:
    name = str(agendas_dir / "feil-minutter.yaml")
    result = cli("validate", name, "--lang", "nn")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{name}:6:14: parts[0].minutes: må vere eit heiltal større enn 0, fekk «ti»",
        f"{name}:9:14: parts[1].minutes: må vere eit heiltal større enn 0, fekk -5",
        f"{name}:10:5: parts[1]: ukjent felt «minuts» (meinte du «minutes»?)",
    ]


def test_an_empty_agenda_file_in_nynorsk_and_in_bokmal(tmp_path: Path) -> None:
    empty = tmp_path / "tom.yaml"
    empty.write_text("", encoding="utf-8")
    assert cli("validate", str(empty), "--lang", "nn").stderr == f"{empty}:1:1: fila er tom\n"
    assert cli("validate", str(empty), "--lang", "nb").stderr == f"{empty}:1:1: filen er tom\n"


def test_the_run_sheet_is_made_with_a_nynorsk_line(tmp_path: Path) -> None:
    output = tmp_path / "kjoreplan.docx"
    result = cli("agenda", "--lang", "nn", "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Laga {output}"
    assert output.exists()


def test_export_errors_in_nynorsk(tmp_path: Path) -> None:
    usage = cli("export", str(EXAMPLE), "--format", "ics", "--pdf", "--lang", "nn")
    assert usage.returncode == 2
    assert usage.stderr.strip() == (
        "startpakke export: feil bruk: --pdf gjeld berre Word-dokumenta, ikkje ics"
    )
    missing = tmp_path / "borte.json"
    result = cli("export", str(missing), "--lang", "nn")
    assert result.returncode == 1
    assert result.stderr.strip() == f"Fann ikkje øktfila {missing}."
    itself = cli("export", str(EXAMPLE), "-o", str(EXAMPLE), "--lang", "nn")
    assert itself.returncode == 1
    assert "er sjølve øktfila og blir ikkje skriven over" in itself.stderr
    no_bokmal(usage.stderr + result.stderr + itself.stderr)


def test_the_network_commands_in_nynorsk() -> None:
    empty = cli("network", "--lang", "nn")
    assert empty.returncode == 0
    assert empty.stdout.startswith("Ingen nettverk på denne maskina enno.")

    sessions = Path(os.environ["STARTPAKKE_DATA_DIR"]) / "sessions"
    sessions.mkdir(parents=True)
    shutil.copy(EXAMPLE, sessions / "eksempel.json")
    listing = cli("network", "--lang", "nn")
    assert listing.returncode == 0, listing.stderr
    assert "Vestfold sør" in listing.stdout and " · neste: " in listing.stdout
    assert "oppfølgingspunkt" in listing.stdout and "oppfølgingspunkter" not in listing.stdout

    shown = cli("network", "show", "vestfold", "--files", "--lang", "nn")
    assert shown.returncode == 0, shown.stderr
    for heading in ("Medlemmer:", "Opne oppfølgingspunkt:", "Roller:", "Kva er lagra:"):
        assert heading in shown.stdout
    assert "Blir sletta eller anonymisert:" in shown.stdout

    unknown = cli("network", "show", "finst-ikkje", "--lang", "nn")
    assert unknown.returncode == 1
    assert unknown.stderr.startswith(
        "Fann ikkje nettverket «finst-ikkje». Nettverk på denne maskina:"
    )
    no_bokmal(empty.stdout + listing.stdout + unknown.stderr)
    # The program's own lines (the session's text, the example's actions, stay bokmål).
    assert "Kontrakt: versjon 1, 10.02.2026, 6 vedtekne reglar" in shown.stdout
    assert "(frå oppstartsmøte 10.02.2026)" in shown.stdout
    assert "Dokument du har laga (Word, PDF, kalender), ligg der du lagra dei" in shown.stdout
