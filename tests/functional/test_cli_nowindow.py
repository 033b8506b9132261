"""The commands that open no window: validate, schema, agenda (run in this process,
tests/cli.py)."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.cli import startpakke

ROOT = Path(__file__).resolve().parents[2]
STARTPAKKE = ROOT / "agenda" / "startpakke.yaml"
PROBLEM_LINE = re.compile(r"^.+:\d+:\d+: \S.*$")


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return startpakke(*args, cwd=cwd, env={"COLUMNS": "100"}, timeout=60)


def needs_builtin() -> None:
    if not STARTPAKKE.exists():
        pytest.skip("agenda/startpakke.yaml is not written yet")


# --------------------------------------------------------------------------- validate


def test_validate_valid_file(agendas_dir: Path) -> None:
    result = cli("validate", str(agendas_dir / "liten.yaml"))
    assert result.returncode == 0
    assert result.stdout.strip() == f"{agendas_dir / 'liten.yaml'}: OK (3 deler, 45 min)"
    assert result.stderr == ""


def test_validate_invalid_file_lists_every_problem(agendas_dir: Path) -> None:
    name = str(agendas_dir / "feil-minutter.yaml")
    result = cli("validate", name)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines == [
        f"{name}:6:14: parts[0].minutes: må være et heltall større enn 0, fikk «ti»",
        f"{name}:9:14: parts[1].minutes: må være et heltall større enn 0, fikk -5",
        f"{name}:10:5: parts[1]: ukjent felt «minuts» (mente du «minutes»?)",
    ]


def test_validate_relative_name_is_kept(agendas_dir: Path) -> None:
    result = cli("validate", "feil-minutter.yaml", cwd=agendas_dir)
    assert result.returncode == 1
    assert result.stderr.startswith("feil-minutter.yaml:6:14: ")


def test_validate_several_files_mixed(agendas_dir: Path, tmp_path: Path) -> None:
    missing = tmp_path / "borte.yaml"
    result = cli(
        "validate",
        str(agendas_dir / "liten.yaml"),
        str(missing),
        str(agendas_dir / "ikke-utf8.yaml"),
    )
    assert result.returncode == 1
    assert "liten.yaml: OK" in result.stdout
    lines = result.stderr.splitlines()
    assert f"{missing}:1:1: finnes ikke" in lines
    assert any("ikke-utf8.yaml:2:10: filen er ikke UTF-8-tekst" in line for line in lines)
    assert all(PROBLEM_LINE.match(line) for line in lines)


@pytest.mark.parametrize(
    ("content", "where", "words"),
    [
        (b"", "1:1", "filen er tom"),
        (b"- id: a\n", "1:1", "ikke en liste"),
        (b"id: a\ntitle: T\ntitle: U\nparts: []\n", "3:1", "«title» står to ganger"),
        (b"id: a\ntitle: T: U\nparts: []\n", "2:9", "YAML-feil"),
    ],
)
def test_validate_broken_files(tmp_path: Path, content: bytes, where: str, words: str) -> None:
    path = tmp_path / "agenda.yaml"
    path.write_bytes(content)
    result = cli("validate", str(path))
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{path}:{where}: ")
    assert words in first


def test_validate_without_files_is_usage_error() -> None:
    result = cli("validate")
    assert result.returncode == 2
    assert "feil bruk" in result.stderr


def test_validate_builtin_agendas() -> None:
    needs_builtin()
    files = sorted(str(p) for p in (ROOT / "agenda").glob("*.yaml"))
    result = cli("validate", *files)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(": OK") == len(files)


# --------------------------------------------------------------------------- schema


def test_schema_is_valid_json_with_parts() -> None:
    result = cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["title"] == "Startpakke-agenda"
    assert "parts" in schema["properties"]
    assert "$schema" in schema["properties"]
    assert schema["additionalProperties"] is False
    part = schema["$defs"]["Part"]
    assert part["properties"]["minutes"]["description"]
    assert part["properties"]["minutes"]["exclusiveMinimum"] == 0
    assert schema["required"] == ["id", "title", "parts"]


def test_committed_schema_is_current() -> None:
    from startpakke.commands.schema import render

    committed = ROOT / "schema" / "agenda.schema.json"
    regenerate = "python -m startpakke.commands.schema > schema/agenda.schema.json"
    assert committed.exists(), f"run: {regenerate}"
    assert committed.read_text(encoding="utf-8") == render(), (
        f"schema/agenda.schema.json is out of date with the model; regenerate it: {regenerate}"
    )


def test_schema_command_prints_the_committed_schema() -> None:
    committed = ROOT / "schema" / "agenda.schema.json"
    assert cli("schema").stdout == committed.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- agenda


def test_agenda_text_run_sheet(agendas_dir: Path) -> None:
    result = cli(
        "agenda",
        "--agenda",
        str(agendas_dir / "liten.yaml"),
        "--start",
        "13:00",
        "--participants",
        "6",
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Liten agenda" in out
    assert "13:00–13:10" in out
    assert "13:10–13:59" in out  # the part runs 24 min over; Utsjekk moves with it
    assert "13:59–14:09" in out
    assert "Steg 1 av 1" in out
    assert "Innsjekk" in out and "Utsjekk" in out
    assert "6 × 1 min 40 s" in out
    assert "6 × 6–8 min" in out
    assert "ADVARSEL" in out
    assert "Planlagt slutt: 14:09" in out
    assert "14:24" in out  # with 15 min slack
    assert "Penn" in out and "Arket «Min bruksanvisning»" in out


def test_agenda_no_warning_for_two(agendas_dir: Path) -> None:
    result = cli("agenda", "--agenda", str(agendas_dir / "liten.yaml"), "--participants", "2")
    assert result.returncode == 0
    assert "ADVARSEL" not in result.stdout
    assert "2 × 6–8 min" in result.stdout


def test_agenda_builtin_shows_steg3_warning() -> None:
    needs_builtin()
    result = cli("agenda", "--start", "09:00", "--participants", "6")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Velkommen og innsjekk" in out
    assert "09:00–09:10" in out
    assert "Steg 3 av 7" in out
    block = out[out.index("Steg 3 av 7") : out.index("Steg 4 av 7")]
    assert "ADVARSEL" in block
    assert "trenger 49 min med 6 deltakere" in " ".join(block.split())
    assert "1 ADVARSEL: Steg 3 av 7" in out
    assert "Planlagt slutt: 12:24" in out  # the break after steg 4 is a part now
    assert "Agendaen regner med slutt 12:00" in out


def test_agenda_builtin_by_name_kollegaveiledning() -> None:
    if not (ROOT / "agenda" / "kollegaveiledning.yaml").exists():
        pytest.skip("agenda/kollegaveiledning.yaml is not written yet")
    result = cli("agenda", "--agenda", "kollegaveiledning")
    assert result.returncode == 0, result.stderr
    assert "fokuspersoner × 20 min" in result.stdout


def test_agenda_json_shape(agendas_dir: Path) -> None:
    result = cli("agenda", "--agenda", str(agendas_dir / "liten.yaml"), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == "liten"
    assert data["title"] == "Liten agenda"
    assert "$schema" not in data  # the editor pointer is not part of the agenda
    assert [p["id"] for p in data["parts"]] == ["inn", "bruksanvisning", "ut"]
    assert [p["minutes"] for p in data["parts"]] == [10, 25, 10]
    first = data["parts"][0]
    assert first["kind"] == "innsjekk"
    assert first["phases"][0]["kind"] == "round"
    assert first["phases"][0]["minutes_per"] == "round"
    assert first["phases"][0]["prompts"] == ["no", "10:05"]
    steps = data["parts"][1]["phases"][1]["turn"]["steps"]
    assert [(s["title"], s["minutes"], s["min_minutes"]) for s in steps] == [
        ("Deler", 4, 3),
        ("Gruppen spør", 4, 3),
    ]
    assert set(data) >= {"id", "title", "parts", "materials", "context", "total_minutes"}


def test_agenda_json_builtin() -> None:
    needs_builtin()
    result = cli("agenda", "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["id"] == "startpakke"
    # The 15 minutes of air are a break after steg 4: the parts fill the day's 180.
    assert sum(p["minutes"] for p in data["parts"]) == 180 == data["total_minutes"]
    assert [p["kind"] for p in data["parts"]].count("pause") == 1


def test_agenda_invalid_file(agendas_dir: Path) -> None:
    name = str(agendas_dir / "feil-minutter.yaml")
    result = cli("agenda", "--agenda", name)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{name}:6:14: parts[0].minutes: må være et heltall større enn 0, fikk «ti»"
    )
    assert result.stdout == ""


def test_agenda_missing_file(tmp_path: Path) -> None:
    result = cli("agenda", "--agenda", str(tmp_path / "borte.yaml"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"{tmp_path / 'borte.yaml'}:1:1: finnes ikke"


def test_agenda_unknown_builtin_name() -> None:
    result = cli("agenda", "--agenda", "startpakka")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "startpakka:1:1: finnes ikke; innebygde agendaer: startpakke, kollegaveiledning, revisjon"
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--start", "25:00"], "--start må være et klokkeslett TT:MM"),
        (["--start", "ni"], "«ni»"),
        (["--start", "09.00"], "TT:MM"),
        (["--participants", "0"], "--participants må være mellom 1 og 20"),
        (["--participants", "21"], "fikk 21"),
        (["--participants", "-3"], "mellom 1 og 20"),
        (["--participants", "seks"], "feil bruk"),
        (["--pdf"], "-o"),
        (["--json", "-o", "x.docx"], "--json og -o"),
        (["--ukjent"], "feil bruk"),
    ],
)
def test_agenda_usage_errors_exit_2(agendas_dir: Path, args: list[str], words: str) -> None:
    result = cli("agenda", "--agenda", str(agendas_dir / "liten.yaml"), *args)
    assert result.returncode == 2, result.stderr
    assert words in result.stderr
    assert result.stdout == ""


def test_agenda_docx_output(agendas_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "kjoreplan.docx"
    result = cli("agenda", "--agenda", str(agendas_dir / "liten.yaml"), "-o", str(out))
    if importlib.util.find_spec("startpakke.documents.runsheet") is None:
        assert result.returncode == 1
        assert "Word-kjøreplanen er ikke tilgjengelig ennå" in result.stderr
        assert not out.exists()
    else:
        assert result.returncode == 0, result.stderr
        assert out.exists()
        assert out.read_bytes()[:2] == b"PK"


def test_version() -> None:
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("startpakke ")
