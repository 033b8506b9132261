"""The commands that open no window never import Textual (and the light ones not even rich).

Each command runs in a fresh interpreter through a small wrapper that calls
`startpakke.cli.main` and then writes the names in `sys.modules` to a file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "tests" / "data" / "agendas" / "liten.yaml"

WRAPPER = """
import json, sys
out = sys.argv[1]
from startpakke.cli import main
try:
    code = main(sys.argv[2:])
except SystemExit as exc:
    code = exc.code
with open(out, "w", encoding="utf-8") as handle:
    json.dump({"code": code, "modules": sorted(sys.modules)}, handle)
"""


def modules_after(tmp_path: Path, *args: str) -> tuple[int, set[str]]:
    out = tmp_path / "modules.json"
    result = subprocess.run(
        [sys.executable, "-c", WRAPPER, str(out), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
    )
    assert "Traceback" not in result.stderr, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    return data["code"], set(data["modules"])


def _imported(modules: set[str], package: str) -> list[str]:
    return sorted(m for m in modules if m == package or m.startswith(package + "."))


COMMANDS = [
    pytest.param(["--version"], False, id="version"),
    pytest.param(["validate", str(SMALL)], False, id="validate"),
    pytest.param(["schema"], False, id="schema"),
    pytest.param(["agenda", "--agenda", str(SMALL)], True, id="agenda"),
    pytest.param(["agenda", "--agenda", str(SMALL), "--json"], False, id="agenda-json"),
]


@pytest.mark.parametrize(("args", "rich_allowed"), COMMANDS)
def test_no_window_commands_do_not_import_textual(
    tmp_path: Path, args: list[str], rich_allowed: bool
) -> None:
    code, modules = modules_after(tmp_path, *args)
    assert code in (0, None)
    assert _imported(modules, "textual") == []
    assert _imported(modules, "startpakke.tui") == []
    if not rich_allowed:
        assert _imported(modules, "rich") == []


def test_builtin_agenda_run_sheet_does_not_import_textual(tmp_path: Path) -> None:
    if not (ROOT / "agenda" / "startpakke.yaml").exists():
        pytest.skip("agenda/startpakke.yaml is not written yet")
    code, modules = modules_after(tmp_path, "agenda", "--participants", "6")
    assert code == 0
    assert _imported(modules, "textual") == []


def test_validating_all_shipped_files_stays_light(tmp_path: Path) -> None:
    files = sorted(str(p) for p in (ROOT / "agenda").glob("*.yaml"))
    if not files:
        pytest.skip("no agenda files yet")
    code, modules = modules_after(tmp_path, "validate", *files)
    assert code == 0
    for heavy in ("textual", "rich", "docx"):
        assert _imported(modules, heavy) == [], heavy


def test_version_imports_almost_nothing(tmp_path: Path) -> None:
    code, modules = modules_after(tmp_path, "--version")
    assert code == 0
    for heavy in ("pydantic", "yaml", "rich", "textual", "docx"):
        assert _imported(modules, heavy) == [], heavy


def test_domain_modules_import_without_textual_or_rich(tmp_path: Path) -> None:
    code = (
        "import sys, json\n"
        "import startpakke.agenda.loader, startpakke.agenda.runsheet\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    modules = set(json.loads(result.stdout))
    assert _imported(modules, "textual") == []
    assert _imported(modules, "rich") == []


EXAMPLE = ROOT / "examples" / "eksempel-okt.json"
EXPORTS = {"kontrakt": "k.docx", "referat": "r.docx", "ics": "m.ics", "runsheet": "p.docx"}


@pytest.mark.parametrize("fmt", list(EXPORTS))
def test_export_imports_no_textual(tmp_path: Path, fmt: str) -> None:
    """Every export format writes its file without importing Textual, or even rich."""
    target = tmp_path / EXPORTS[fmt]
    code, modules = modules_after(
        tmp_path, "export", str(EXAMPLE), "--format", fmt, "-o", str(target)
    )
    assert code in (0, None)
    assert target.exists()
    assert _imported(modules, "textual") == []
    assert _imported(modules, "startpakke.tui") == []
    assert _imported(modules, "rich") == []
