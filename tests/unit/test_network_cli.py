"""`startpakke network …`: messages, exit codes, no window (a real process), no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.cli import ROOT, startpakke
from tests.network_fixtures import founding, save_in_data_folder


def test_an_unknown_or_ambiguous_name_is_a_norwegian_message_and_exit_1() -> None:
    save_in_data_folder(founding("Nettverk Vestfold"), "a")
    save_in_data_folder(founding("Nettverk Vestland"), "b")
    unknown = startpakke("network", "show", "finnmark")
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("Fant ikke nettverket «finnmark». Nettverk på denne maskinen:")
    ambiguous = startpakke("network", "report", "vest")
    assert ambiguous.returncode == 1
    assert "«vest» passer til flere nettverk: Nettverk Vestfold" in ambiguous.stderr
    usage = startpakke("network", "show")
    assert usage.returncode == 2 and "feil bruk" in usage.stderr


def test_listing_and_show_read_without_changing_a_file(tmp_path: Path) -> None:
    path = save_in_data_folder(founding("Nettverk Vestfold"), "2026-02-10-startpakke")
    before = path.read_bytes()
    listing = startpakke("network")
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout.splitlines()[0] == "Nettverk Vestfold"
    assert (
        "1 møte · siste 10.02.2026 · neste: 10.03.2026 · 1 åpent oppfølgingspunkt" in listing.stdout
    )
    show = startpakke("network", "show", "vestfold", "--files")
    assert show.returncode == 0
    assert "Kari Nordmann (kari@eksempel.no)" in show.stdout
    assert (
        "Sende innkalling – Kari Nordmann, frist 20.02.2026 (fra oppstartsmøte 10.02.2026)"
        in show.stdout
    )
    assert f"  {path}" in show.stdout
    assert path.read_bytes() == before


def test_anonymise_and_delete_ask_first_and_change_nothing_without_yes() -> None:
    path = save_in_data_folder(founding("Nettverk Vestfold"), "2026-02-10-startpakke")
    before = path.read_bytes()
    for command in ("anonymise", "delete"):
        result = startpakke("network", command, "vestfold")
        assert result.returncode == 1
        assert str(path) in result.stdout  # names what would change
        assert "bekreft med --yes" in result.stderr
        assert path.read_bytes() == before


def test_keep_until_sets_the_retention_date_and_a_bad_date_is_refused() -> None:
    path = save_in_data_folder(founding("Nettverk Vestfold"), "2026-02-10-startpakke")
    bad = startpakke("network", "show", "vestfold", "--keep-until", "neste år")
    assert bad.returncode == 1 and "er ikke en dato" in bad.stderr
    good = startpakke("network", "show", "vestfold", "--keep-until", "01.09.2028")
    assert good.returncode == 0
    assert "Slettes eller anonymiseres: 01.09.2028." in good.stdout
    assert json.loads(path.read_text(encoding="utf-8"))["network"]["keep_until"] == "2028-09-01"


def test_the_network_commands_open_no_window() -> None:
    save_in_data_folder(founding("Nettverk Vestfold"), "a")
    code = (
        "import sys, contextlib, io\n"
        "from startpakke.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['network']); main(['network', 'show', 'vestfold'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('textual', 'startpakke.tui'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.stdout.strip() == "[]", result.stderr
