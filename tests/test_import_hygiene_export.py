"""`startpakke export` opens no window: it must not import Textual (nor startpakke.tui).

The same check as `test_import_hygiene.py`, for each export format: the command runs in a
fresh interpreter through a wrapper that calls `startpakke.cli.main` and then writes the
names in `sys.modules` to a file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eksempel-okt.json"

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

FORMATS = {"kontrakt": "k.docx", "referat": "r.docx", "ics": "m.ics", "runsheet": "p.docx"}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_imports_no_textual(tmp_path: Path, fmt: str) -> None:
    if not EXAMPLE.exists():
        pytest.skip("examples/eksempel-okt.json is missing")
    out = tmp_path / "modules.json"
    target = tmp_path / FORMATS[fmt]
    args = ["export", str(EXAMPLE), "--format", fmt, "-o", str(target)]
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
    assert data["code"] in (0, None), result.stderr
    assert target.exists()
    modules = set(data["modules"])
    for package in ("textual", "startpakke.tui"):
        found = sorted(m for m in modules if m == package or m.startswith(package + "."))
        assert found == [], f"{fmt}: {found}"
