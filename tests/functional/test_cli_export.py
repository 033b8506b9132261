"""`startpakke export`: every format, bad input, unwritable and locked output, templates,
a PDF without LibreOffice. The session file is never changed, byte for byte.

The command runs in this process (tests/cli.py); a PDF made by a real LibreOffice is in
tests/e2e/test_cli_pdf.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from startpakke.documents.template import default_template
from startpakke.modeling import validate
from startpakke.session.model import (
    Action,
    Competence,
    CompetenceCategory,
    MeetingSlot,
    Note,
    Participant,
    Rule,
    Session,
)
from startpakke.session.store import dump_session
from tests.cli import startpakke
from tests.documents_session import EXAMPLE, all_text, build_session

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ["kontrakt", "referat", "ics", "runsheet"]


cli = startpakke


def save(session: Session, path: Path) -> Path:
    path.write_bytes(dump_session(session))
    return path


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example session (or the built one until it exists)."""
    target = tmp_path / "okt.json"
    if EXAMPLE.exists():
        shutil.copy(EXAMPLE, target)
        return target
    return save(build_session(), target)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_with_default_name_in_the_current_folder(
    fmt: str, example: Path, tmp_path: Path
) -> None:
    before = example.read_bytes()
    out = tmp_path / "ut"
    out.mkdir()
    result = cli("export", str(example), "--format", fmt, cwd=out)
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.strip())
    assert written.parent == out
    assert written.exists() and written.stat().st_size > 0
    assert written.suffix == (".ics" if fmt == "ics" else ".docx")
    assert example.read_bytes() == before


def test_the_contract_says_beside_it_which_proposals_are_not_in_it(
    example: Path, tmp_path: Path
) -> None:
    """The example has two proposed rules the group did not agree on: the contract is
    written (exit 0, its path on stdout) and stderr says they are not in it."""
    result = cli("export", str(example), "-o", str(tmp_path / "k.docx"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / "k.docx")
    assert result.stderr == (
        "Merk: 2 forslag til spilleregler er ikke vedtatt og står ikke i kontrakten.\n"
    )
    referat = cli("export", str(example), "--format", "referat", "-o", str(tmp_path / "r"))
    assert referat.returncode == 0 and referat.stderr == ""


def test_contract_default_name(example: Path, tmp_path: Path) -> None:
    result = cli("export", str(example), cwd=tmp_path)
    name = Path(result.stdout.strip()).name
    assert name.startswith("nettverkskontrakt-") and name.endswith(".docx")
    assert name[-15:-5].count("-") == 2  # …-YYYY-MM-DD.docx


def test_output_option_file_and_folder(example: Path, tmp_path: Path) -> None:
    result = cli("export", str(example), "-o", str(tmp_path / "kontrakten"))
    assert result.returncode == 0
    assert Path(result.stdout.strip()) == tmp_path / "kontrakten.docx"
    folder = tmp_path / "mappe"
    folder.mkdir()
    result = cli("export", str(example), "--format", "referat", "-o", str(folder))
    assert result.returncode == 0
    assert Path(result.stdout.strip()).parent == folder


def hostile_session() -> Session:
    long = "Veldig lang tekst " + "æøå 🙂 " * 1500
    people = [
        Participant(id="p1", name="Åse\x0bØvrebø 🦊", service="Kommune\x01 😀", contact="a@b\x0c"),
        Participant(id="p2", name="X" * 10_000, service=long, contact=long),
    ]
    # Built from plain data, as a session file is read: validated into the models.
    return validate(
        Session,
        dict(
            agenda="startpakke",
            network={
                "name": "Nett\x0bverk 🌊 «æøå» & <co>",
                "place": "Rom\x02 1",
                "services": [long],
            },
            participants=people,
            facilitator="p1",
            rules=[Rule(text="Regel\x0b1 🤐", agreed=True), Rule(text=long, agreed=True)],
            contract={"text": long, "purpose": "Formål\x01 ✨", "evaluation": long},
            competences=[
                Competence(participant="p1", category=CompetenceCategory.teoretisk, text=long),
                Competence(participant="p2", category=CompetenceCategory.personlig, text="💡\x0b"),
            ],
            plan={
                "term": "rotating",
                "frequency": long,
                "platform": "Teams\x0b🙂",
                "themes": [long, "Tema\x01"],
                "meetings": [
                    MeetingSlot(date="2026-03-03", place=long, leader="p1", secretary="p2")
                ],
            },
            actions=[Action(what=long, who="p2"), Action(what="Gjør\x0b😀", who="Åse")],
            notes=[Note(part="steg3", text=long), Note(part="eventuelt", text="Eventuelt\x0b🙂")],
        ),
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_control_characters_long_text_emoji_and_aeoeaa(fmt: str, tmp_path: Path) -> None:
    session_file = save(hostile_session(), tmp_path / "okt.json")
    before = session_file.read_bytes()
    result = cli("export", str(session_file), "--format", fmt, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.strip())
    if written.suffix == ".docx":
        text = all_text(written)
        assert "🦊" in text and "æøå" in text
        assert "\x01" not in text and "\x0b" not in text
    assert session_file.read_bytes() == before


def test_empty_session(tmp_path: Path) -> None:
    session_file = save(Session(), tmp_path / "tom.json")
    before = session_file.read_bytes()
    result = cli("export", str(session_file), "-o", str(tmp_path / "k.docx"))
    assert result.returncode == 0, result.stderr
    assert "Ingen spilleregler er vedtatt ennå" in all_text(tmp_path / "k.docx")
    for fmt in ("referat", "runsheet"):
        assert cli("export", str(session_file), "--format", fmt, cwd=tmp_path).returncode == 0
    result = cli("export", str(session_file), "--format", "ics", cwd=tmp_path)
    assert result.returncode == 1
    assert "ingen møtedatoer" in result.stderr
    assert session_file.read_bytes() == before


@pytest.mark.parametrize(
    "target",
    ["finnes-ikke/k.docx", "en-fil/k.docx", "/proc/startpakke-k.docx"],
)
def test_unwritable_output_path(target: str, example: Path, tmp_path: Path) -> None:
    if target.startswith("/proc") and not Path("/proc").is_dir():
        pytest.skip("no /proc here")
    (tmp_path / "en-fil").write_text("x")
    before = example.read_bytes()
    result = cli("export", str(example), "-o", target, cwd=tmp_path)
    assert result.returncode == 1
    assert "Kan ikke skrive" in result.stderr
    assert "Prøv et annet navn, for eksempel «" in result.stderr
    suggestion = result.stderr.split("for eksempel «")[1].split("»")[0]
    assert Path(suggestion).parent == tmp_path  # somewhere that can be written
    assert example.read_bytes() == before


def test_file_open_in_word(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "nettverkskontrakt.docx"
    target.write_bytes(b"the version open in Word")
    (tmp_path / "~$ttverkskontrakt.docx").write_bytes(b"owner")
    before = example.read_bytes()
    result = cli("export", str(example), "-o", str(target))
    assert result.returncode == 1
    assert "åpen i Word" in result.stderr
    assert "nettverkskontrakt-2.docx" in result.stderr
    assert target.read_bytes() == b"the version open in Word"
    assert example.read_bytes() == before
    # The suggested name works.
    assert (
        cli("export", str(example), "-o", str(tmp_path / "nettverkskontrakt-2.docx")).returncode
        == 0
    )


def test_never_writes_over_the_session_file(example: Path) -> None:
    before = example.read_bytes()
    result = cli("export", str(example), "--format", "ics", "-o", str(example))
    assert result.returncode == 1
    assert "øktfilen" in result.stderr
    assert example.read_bytes() == before


def test_missing_or_damaged_session(tmp_path: Path) -> None:
    result = cli("export", str(tmp_path / "finnes-ikke.json"))
    assert result.returncode == 1 and result.stderr.strip()
    damaged = tmp_path / "skadet.json"
    damaged.write_text('{"schema_version": 2, "participants": [', encoding="utf-8")
    result = cli("export", str(damaged), cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.strip()
    assert damaged.read_text(encoding="utf-8") == '{"schema_version": 2, "participants": ['


def test_template_option(example: Path, tmp_path: Path) -> None:
    template = tmp_path / "mal.docx"
    document = docx.Document(str(default_template()))
    document.styles["Heading 1"].font.name = "Georgia"
    document.save(str(template))
    out = tmp_path / "k.docx"
    result = cli("export", str(example), "--template", str(template), "-o", str(out))
    assert result.returncode == 0, result.stderr
    written = docx.Document(str(out))
    assert written.styles["Heading 1"].font.name == "Georgia"


def test_template_missing_a_style(example: Path, tmp_path: Path) -> None:
    template = tmp_path / "mal.docx"
    document = docx.Document(str(default_template()))
    style = document.styles["Startpakke tabell"]
    style.element.getparent().remove(style.element)
    document.save(str(template))
    result = cli("export", str(example), "--template", str(template), cwd=tmp_path)
    assert result.returncode == 1
    assert "«Startpakke tabell»" in result.stderr
    assert not list(tmp_path.glob("nettverkskontrakt-*.docx"))


def test_template_dotx(example: Path, tmp_path: Path) -> None:
    template = tmp_path / "mal.dotx"
    shutil.copy(default_template(), template)
    result = cli("export", str(example), "--template", str(template), cwd=tmp_path)
    assert result.returncode == 1
    assert ".docx" in result.stderr and "Lagre som" in result.stderr


def test_usage_errors_exit_2(example: Path) -> None:
    assert cli("export", str(example), "--format", "ics", "--pdf").returncode == 2
    assert cli("export", str(example), "--format", "ics", "--template", "x.docx").returncode == 2
    assert cli("export", str(example), "--format", "pdf").returncode == 2


def test_pdf_without_libreoffice_says_how_to_get_it(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "k.docx"
    result = cli("export", str(example), "-o", str(out), "--pdf", env={"STARTPAKKE_SOFFICE": ""})
    assert result.returncode == 1
    assert "LibreOffice" in result.stderr and "libreoffice.org" in result.stderr
    assert out.exists()  # the .docx is the main output
    assert not out.with_suffix(".pdf").exists()


def test_replacing_a_document_that_was_there_is_said(example: Path, tmp_path: Path) -> None:
    """A contract edited in Word since it was made may be what the new one replaces."""
    target = tmp_path / "kontrakt.docx"
    first = cli("export", str(example), "-o", str(target))
    assert first.returncode == 0 and "fantes fra før" not in first.stderr
    again = cli("export", str(example), "-o", str(target))
    assert again.returncode == 0
    assert f"Merk: {target} fantes fra før og er erstattet." in again.stderr
