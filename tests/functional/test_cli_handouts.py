"""`startpakke handouts`, run in this process (tests/cli.py); its PDF from a real LibreOffice
is in tests/e2e/test_cli_pdf.py."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli import startpakke
from tests.documents_session import page_breaks, paragraphs_text

ROOT = Path(__file__).resolve().parents[2]


def cli(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return startpakke("handouts", *args, cwd=cwd, env=env)


def test_three_names_three_sets(tmp_path: Path) -> None:
    result = cli("--names", "Ingrid Solberg, Jon Are Eriksen ,Åse Ødegård", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    paths = [Path(line) for line in result.stdout.split("\n") if line]
    assert [p.name for p in paths] == [
        "arbeidsark-ingrid-solberg.docx",
        "arbeidsark-jon-are-eriksen.docx",
        "arbeidsark-ase-odegard.docx",
    ]
    for path, name in zip(paths, ["Ingrid Solberg", "Jon Are Eriksen", "Åse Ødegård"], strict=True):
        assert paragraphs_text(path).count(f"Navn: {name}") == 6
        assert page_breaks(path) == 5


def test_no_names_no_copies_is_one_blank_set(tmp_path: Path) -> None:
    result = cli(cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["arbeidsark-blank-1.docx"]


def test_copies(tmp_path: Path) -> None:
    result = cli("--copies", "3", "-o", str(tmp_path / "ny-mappe"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "ny-mappe").iterdir()) == [
        f"arbeidsark-blank-{i}.docx" for i in (1, 2, 3)
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["--names", "A,B", "--copies", "2"],
        ["--copies", "0"],
        ["--copies", "tre"],
        ["--names", " , "],
    ],
)
def test_usage_errors_exit_2(args: list[str], tmp_path: Path) -> None:
    result = cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert not list(tmp_path.iterdir())


def test_output_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "fil"
    target.write_text("x")
    result = cli("--copies", "1", "-o", str(target))
    assert result.returncode == 1
    assert "er en fil" in result.stderr


def test_locked_handout(tmp_path: Path) -> None:
    (tmp_path / "~$beidsark-kari.docx").write_bytes(b"")
    result = cli("--names", "Kari", "-o", str(tmp_path))
    assert result.returncode == 1
    assert "åpen i Word" in result.stderr


def test_hostile_names(tmp_path: Path) -> None:
    result = cli("--names", "Ø\x0bla 🦊,Kari\x01,æøå" + "x" * 5000, "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.split()) == 3


def test_custom_agenda_with_its_own_handouts(tmp_path: Path) -> None:
    shutil.copy(ROOT / "agenda" / "startpakke.yaml", tmp_path / "min.yaml")
    (tmp_path / "handouts.yaml").write_text(
        "sheets:\n"
        "  - id: vaskeanvisning\n    title: Vårt eget ark\n"
        "    items:\n      - label: Hva tenker du?\n        lines: 3\n",
        encoding="utf-8",
    )
    out = tmp_path / "ut"
    result = cli("--agenda", str(tmp_path / "min.yaml"), "--names", "Kari", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Advarsel" in result.stderr  # the agenda names sheets this file lacks
    lines = paragraphs_text(out / "arbeidsark-kari.docx")
    assert "Vårt eget ark" in lines
    assert "Din vaskeanvisning" not in lines


def test_broken_handouts_file(tmp_path: Path) -> None:
    shutil.copy(ROOT / "agenda" / "startpakke.yaml", tmp_path / "min.yaml")
    (tmp_path / "handouts.yaml").write_text("sheets:\n  - id: X\n", encoding="utf-8")
    result = cli("--agenda", str(tmp_path / "min.yaml"), "-o", str(tmp_path / "ut"))
    assert result.returncode == 1
    assert "handouts.yaml:" in result.stderr
