"""`startpakke run` settles file problems before any window opens."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from startpakke.engine import FakeClock, RunEngine
from startpakke.modeling import to_data
from startpakke.session.store import load_session
from tests.cli import startpakke_process
from tests.tui_helpers import builtin

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "eksempel-okt.json"


def _session_with_run(tmp_path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    agenda = builtin()
    engine = RunEngine(agenda, load_session(EXAMPLE), FakeClock())
    engine.start()
    engine.next_part()
    run = to_data(engine.to_state())
    change(run)
    example["run"] = run
    path = tmp_path / "okt.json"
    path.write_text(json.dumps(example, ensure_ascii=False), encoding="utf-8")
    return path


def _run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return startpakke_process(
        "run", *args, env={"STARTPAKKE_DATA_DIR": str(tmp_path / "data")}, timeout=60
    )


def test_a_damaged_run_state_is_reported_and_the_file_is_untouched(tmp_path: Path) -> None:
    path = _session_with_run(tmp_path, lambda run: run["position"].update(phase=9))
    before = path.read_bytes()
    result = _run("--session", str(path), tmp_path=tmp_path)
    assert result.returncode == 1
    assert "fase nr. 10" in result.stderr
    assert "Filen er ikke endret" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_another_agenda_does_not_replace_a_saved_run(tmp_path: Path) -> None:
    path = _session_with_run(tmp_path, lambda run: None)
    before = path.read_bytes()
    result = _run("--session", str(path), "--agenda", "kollegaveiledning", tmp_path=tmp_path)
    assert result.returncode == 1
    assert "hører til agendaen «startpakke»" in result.stderr
    assert path.read_bytes() == before
