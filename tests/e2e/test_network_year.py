"""The network's year through the real program: tmux (a private server, `-L network`).

1. `run --resume` opens the meeting that was last running, wherever its file is; quitting
   the first screen of another meeting leaves no file (issue 14.2).
2. A network built the way a secretary would (issue 18, «done when»): the founding meeting
   from `examples/eksempel-okt.json`, two kollegaveiledning meetings and a revision started
   with `--network`, then the listing, the rotation, the report read back, anonymise (no
   name left in any file) and delete (no file left).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from tests.cli import ROOT, startpakke
from tests.tmux import Tmux
from tests.tmux import startpakke as tmux_command

pytestmark = pytest.mark.slow

EXAMPLE = ROOT / "examples" / "eksempel-okt.json"
NAMES = ["Ingrid Solheim", "Tor Erik Bråten", "Hanne Lund Aasen", "Ahmed Rahimi", "Marte Kvisle"]


class Terminal(Tmux):
    """One program in its own tmux session on a private server, started in `cwd`."""

    def __init__(self, *args: str, data: Path, cwd: Path) -> None:
        super().__init__(
            tmux_command(*args),
            env={"STARTPAKKE_DATA_DIR": str(data)},
            cwd=cwd,
            linger=True,
            wait=30,
        )

    def screen(self, *, joined: bool = True) -> str:
        return super().screen(joined=joined)

    def finished(self) -> str:
        return self.wait_for("__EXIT__=")


def _running(screen: str) -> bool:
    return "Delen:" in screen and "Nytt møte" not in screen


def _meeting(
    *args: str, data: Path, cwd: Path, during: Callable[[Terminal], None] | None = None
) -> str:
    """Start a meeting, begin it on the first screen (Enter), quit (ctrl+q); what it printed.

    `during` drives the running meeting before it is closed."""
    term = Terminal("run", *args, data=data, cwd=cwd)
    try:
        term.wait_for("Start møtet")
        term.keys("Enter")
        term.wait_for(_running)
        if during is not None:
            during(term)
        term.keys("C-q")
        return term.finished()
    finally:
        term.close()


def test_resume_opens_the_meeting_last_running_and_an_unstarted_one_leaves_no_file(
    tmp_path: Path,
) -> None:
    data = Path(os.environ["STARTPAKKE_DATA_DIR"])
    away = tmp_path / "et sted" / "okt.json"
    term = Terminal("run", "--session", str(away), "--names", "Anne,Bjørn", data=data, cwd=tmp_path)
    try:
        term.wait_for("Start møtet")
        term.keys("Enter")
        term.wait_for(_running)
        term.kill(signal.SIGKILL)
        term.wait_for("__EXIT__=")
    finally:
        term.close()
    assert away.exists()

    # Another meeting is begun (the killed one is offered first; «n» declines it) and left
    # on the first screen: no file at all.
    other = Terminal("run", "--names", "Cecilie", data=data, cwd=tmp_path)
    try:
        other.wait_for("Vil du fortsette det? (J/n)")
        other.keys("n", "Enter")
        other.wait_for("Start møtet")
        other.keys("C-q")
        assert "ingen økt er lagret" in other.finished()
    finally:
        other.close()
    sessions = data / "sessions"
    assert not sessions.exists() or list(sessions.iterdir()) == []

    resumed = Terminal("run", "--resume", data=data, cwd=tmp_path)
    try:
        resumed.wait_for("Fortsett")
        resumed.keys("Enter")
        resumed.wait_for(_running)
        resumed.keys("C-q")
        assert f"Økten er lagret i {away}" in resumed.finished().replace("\n", "")
    finally:
        resumed.close()


def _files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()]


def test_a_network_year_from_founding_to_deletion(tmp_path: Path) -> None:
    data = Path(os.environ["STARTPAKKE_DATA_DIR"])
    sessions = data / "sessions"
    sessions.mkdir(parents=True)
    founding = sessions / "2026-02-10-startpakke.json"
    shutil.copy(EXAMPLE, founding)
    env = {"STARTPAKKE_DATA_DIR": str(data)}

    _meeting("--agenda", "kollegaveiledning", "--network", "vestfold", data=data, cwd=tmp_path)
    _meeting("--agenda", "kollegaveiledning", "--network", "VESTFOLD SØR", data=data, cwd=tmp_path)

    def drop_the_phone_rule(term: Terminal) -> None:
        """The rule review (issue 18.3): the sixth rule of the contract «tas ut»."""
        term.keys("n")
        term.wait_for("vurdert 0 av 6")
        term.keys("c", *["Down"] * 5, "Enter", "Enter", "Enter")
        term.wait_for("✗ tas ut")
        term.keys("Escape")

    out = _meeting(
        "--agenda",
        "revisjon",
        "--network",
        "vestfold",
        data=data,
        cwd=tmp_path,
        during=drop_the_phone_rule,
    )
    assert "Nettverkskontrakten er nå versjon 2" in out.replace("\n", "")

    listing = startpakke("network", env=env, cwd=tmp_path)
    assert listing.returncode == 0, listing.stderr
    assert "Barnevernledernettverket Vestfold sør" in listing.stdout
    assert "4 møter" in listing.stdout and "3 åpne oppfølgingspunkter" in listing.stdout

    files = sorted(sessions.glob("*.json"))
    # Two meetings on one day are two files, never one.
    today = date.today()
    assert [f.name for f in files] == [
        "2026-02-10-startpakke.json",
        f"{today.isoformat()}-kollegaveiledning-2.json",
        f"{today.isoformat()}-kollegaveiledning.json",
        f"{today.isoformat()}-revisjon.json",
    ]
    kv = [json.loads(f.read_text(encoding="utf-8")) for f in files if "kollegaveiledning" in f.name]
    kv.sort(key=lambda d: d["created_at"])
    ids = {p["id"]: p["name"] for p in kv[0]["participants"]}
    focus = [[ids[r["participant"]] for r in d["focus_rounds"]] for d in kv]
    keepers = [ids[d["timekeeper"]] for d in kv]
    # Everyone who brings a case, longest wait first; the timekeeper is never a focus person.
    assert focus[0] == ["Ingrid Solheim", "Tor Erik Bråten", "Hanne Lund Aasen"]
    assert focus[1][0] == "Ahmed Rahimi"  # never focus person: first in the next meeting
    assert keepers == ["Marte Kvisle", "Hanne Lund Aasen"]
    assert all(k not in f for k, f in zip(keepers, focus, strict=True))
    # The revision started from the contract's latest version (the founding meeting's, not
    # the kollegaveiledning's, which carries none), with the year so far as material.
    revision = json.loads(files[3].read_text(encoding="utf-8"))
    contract_rules = json.loads(EXAMPLE.read_text(encoding="utf-8"))["rules"]
    phone = contract_rules[5]["text"]
    assert [r["text"] for r in revision["rules"]] == [
        r["text"] for r in contract_rules if r["text"] != phone
    ]
    assert revision["revisions"][-1]["changes"] == [f"Regel tatt ut: {phone}"]
    material = [n["text"] for n in revision["notes"] if n["private"]]
    assert material[0].startswith("Materiale til evalueringen: 2 møter siden sist.")
    assert "Ingrid Solheim: deltok på 2 av 2" in material[0]
    network_ids = {
        json.loads(f.read_text(encoding="utf-8"))["network"].get("id") for f in files[1:]
    }
    assert network_ids == {"eksempel-vestfold-sor-2026"}  # derived from the example, carried

    show = startpakke("network", "show", "vestfold", "--files", env=env, cwd=tmp_path)
    assert show.returncode == 0, show.stderr
    assert "Kontrakt: versjon 2" in show.stdout and "Hva er lagret:" in show.stdout, show.stdout
    held_today = today.strftime("%d.%m.%Y")  # the two kollegaveiledning meetings
    rotation = f"Ahmed Rahimi: leder {held_today}; fokusperson {held_today}; tidtaker 10.02.2026"
    assert rotation in show.stdout

    report = startpakke(
        "network",
        "report",
        "vestfold",
        "--year",
        str(today.year),
        "-o",
        "r.docx",
        env=env,
        cwd=tmp_path,
    )
    assert report.returncode == 0, report.stderr
    document = Document(str(tmp_path / "r.docx"))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for row in t.rows for c in row.cells]
    )
    assert "Årsrapport 2026" in text and "Revisjon av kontrakten" in text
    assert "6 runder med kollegaveiledning i 2 møter" in text
    held = 4 if today.year == 2026 else 3  # the founding meeting was in 2026
    assert "Ingrid Solheim" in text and f"{held} av {held}" in text
    assert "Turnover" not in text  # a case title from the founding session: never reported

    refused = startpakke("network", "anonymise", "vestfold", env=env, cwd=tmp_path)
    assert refused.returncode == 1 and "Ingenting er endret" in refused.stdout
    anonymised = startpakke("network", "anonymise", "vestfold", "--yes", env=env, cwd=tmp_path)
    assert anonymised.returncode == 0, anonymised.stderr
    checked = _files_under(data)
    assert len(checked) > 8  # sessions, backups, the record of paths, the agenda cache
    for path in checked:
        if "cache" in path.parts:
            continue
        content = path.read_text(encoding="utf-8", errors="replace")
        for name in NAMES:
            for word in name.split():
                assert word not in content, (path, word)
    again = startpakke("network", "report", "vestfold", "-o", "r2.docx", env=env, cwd=tmp_path)
    assert again.returncode == 0 and "Deltaker 1" in "\n".join(
        c.text
        for t in Document(str(tmp_path / "r2.docx")).tables
        for row in t.rows
        for c in row.cells
    )

    deleted = startpakke("network", "delete", "vestfold", "--yes", env=env, cwd=tmp_path)
    assert deleted.returncode == 0, deleted.stderr
    assert list(sessions.iterdir()) == []
    assert json.loads((data / "okter.json").read_text(encoding="utf-8"))["sessions"] == []
    gone = startpakke("network", "show", "vestfold", env=env, cwd=tmp_path)
    assert gone.returncode == 1 and "Fant ikke nettverket" in gone.stderr


def test_a_network_past_its_retention_date_is_named_at_start_up(tmp_path: Path) -> None:
    data = Path(os.environ["STARTPAKKE_DATA_DIR"])
    sessions = data / "sessions"
    sessions.mkdir(parents=True)
    old = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    old["network"]["meeting_date"] = "2024-02-10"  # more than 12 months ago
    (sessions / "2024-02-10-startpakke.json").write_text(json.dumps(old), encoding="utf-8")
    term = Terminal("run", "--names", "Anne", data=data, cwd=tmp_path)
    try:
        term.wait_for("Start møtet")  # the app shows it as a toast (tests/functional)
        term.keys("C-q")
        out = term.finished().replace("\n", "")  # … and says it again on the way out
        name = "«Barnevernledernettverket Vestfold sør»"
        assert f"{name} skulle vært anonymisert eller slettet 10.02.2025" in out
        assert "startpakke network anonymise" in out
    finally:
        term.close()
