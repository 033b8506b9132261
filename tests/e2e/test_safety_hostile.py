"""Hostile and odd input: no traceback, no hang, bounded memory, nothing raw on a terminal.

Real processes on real files: a 5,000-digit integer, /dev/zero and a FIFO in place of an
agenda, a session or a template; Word templates that fetch from the network or unpack to
far too much; a session whose names hold terminal escape sequences; meetings across
midnight and into the spring-forward gap.
"""

from __future__ import annotations

import json
import os
import time
import zipfile
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.cli import ROOT, startpakke_process
from tests.e2e.safety_term import Term, data_env
from tests.e2e.safety_term import startpakke as command_line

EXAMPLE = ROOT / "examples" / "eksempel-okt.json"
AGENDA = ROOT / "agenda" / "startpakke.yaml"
HUGE = "9" * 5000


def _commands(kind: str, path: Path) -> list[list[str]]:
    if kind == "agenda":
        return [["validate", str(path)], ["agenda", "--agenda", str(path)]]
    if kind == "session":
        return [["export", str(path), "-o", "k.docx"], ["run", "--session", str(path)]]
    return [["export", str(EXAMPLE), "-o", "k.docx", "--template", str(path)]]


def _check(args: list[str], name: str, cwd: Path) -> str:
    result = startpakke_process(
        *args, cwd=cwd, env={"STARTPAKKE_DATA_DIR": str(cwd / "d")}, timeout=60
    )
    assert result.returncode == 1, (args, result.stdout, result.stderr)
    assert name in result.stderr, result.stderr
    return result.stderr


@pytest.mark.parametrize("kind", ["agenda", "session"])
def test_integer_of_5000_digits(tmp_path: Path, kind: str) -> None:
    if kind == "agenda":
        path = tmp_path / "agenda.yaml"
        path.write_text(AGENDA.read_text().replace("minutes: 15", f"minutes: {HUGE}", 1))
        assert HUGE in path.read_text()
    else:
        path = tmp_path / "økt.json"
        data = EXAMPLE.read_text().replace(
            '"schema_version": ', f'"schema_version": {HUGE}, "x": ', 1
        )
        path.write_text(data)
    for args in _commands(kind, path):
        message = _check(args, str(path), tmp_path)
        assert "Exceeds the limit" not in message


def test_integer_of_5000_digits_in_the_projector(tmp_path: Path) -> None:
    path = tmp_path / "økt.json"
    path.write_text(
        EXAMPLE.read_text().replace('"schema_version": ', f'"x": {HUGE}, "schema_version": ', 1)
    )
    message = _check(["projector", "--session", str(path)], str(path), tmp_path)
    assert "Exceeds" not in message and "limit" not in message


@pytest.mark.parametrize("kind", ["agenda", "session", "template"])
@pytest.mark.parametrize("special", ["dev-zero", "fifo"])
def test_device_and_fifo_are_refused_at_once(tmp_path: Path, kind: str, special: str) -> None:
    if special == "dev-zero":
        path = Path("/dev/zero")
    else:
        path = tmp_path / ("rør.docx" if kind == "template" else "rør.yaml")
        os.mkfifo(path)
    for args in _commands(kind, path):
        message = _check(args, str(path), tmp_path)
        assert "vanlig fil" in message or "enhet" in message or "rørledning" in message


def _template_with(tmp_path: Path, name: str, change) -> Path:  # type: ignore[no-untyped-def]
    import docx

    from startpakke.documents.template import default_template

    document = docx.Document(str(default_template()))
    change(document)
    path = tmp_path / name
    document.save(str(path))
    return path


def test_template_that_fetches_from_the_network_is_refused(tmp_path: Path) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    attached_template = (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
    )

    remote_image = _template_with(
        tmp_path,
        "bilde.docx",
        lambda d: d.part.relate_to("http://sporing.example/logo.png", RT.IMAGE, is_external=True),
    )
    attached = _template_with(
        tmp_path,
        "vedlagt.docx",
        lambda d: d.part.part_related_by(RT.SETTINGS).relate_to(
            "\\\\server\\maler\\normal.dotm", attached_template, is_external=True
        ),
    )
    for path, named in ((remote_image, "http://sporing.example/logo.png"), (attached, "server")):
        message = _check(
            ["export", str(EXAMPLE), "-o", "k.docx", "--template", str(path)], str(path), tmp_path
        )
        assert named in message
        assert not (tmp_path / "k.docx").exists()


def test_template_that_unpacks_to_too_much_is_refused(tmp_path: Path) -> None:
    path = _template_with(tmp_path, "stor.docx", lambda d: None)
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/stort.bmp", "w", force_zip64=True) as member,
    ):
        block = b"\0" * (1 << 20)
        for _ in range(140):  # 140 MiB unpacked, above the cap
            member.write(block)
    assert path.stat().st_size < 2 * 1024 * 1024  # small on disk, huge unpacked
    message = _check(
        ["export", str(EXAMPLE), "-o", "k.docx", "--template", str(path)], str(path), tmp_path
    )
    assert "pakket ut" in message


@pytest.mark.slow
def test_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text())
    data["network"]["name"] = "Nett\x1b]2;HACKET\x07verket"
    data["participants"][0]["name"] = "Ingrid\x1b]2;HACKET\x07 Solheim\x9b31m"
    data["rules"][0]["text"] = "Vi starter\x1b[2J presis"
    path = tmp_path / "økt.json"
    path.write_text(json.dumps(data, ensure_ascii=False))
    env = data_env(tmp_path / "d")
    for args in (["projector", "--session", str(path)], ["run", "--session", str(path)]):
        term = Term(command_line(*args), env)
        try:
            term.wait_for(lambda s: len(s.split()) > 3)  # drawn
            time.sleep(1.0)
            assert "HACKET" not in term.flag("pane_title")
        finally:
            term.close()


def test_calendar_across_midnight_and_into_the_spring_gap(tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text())
    first, second = data["plan"]["meetings"][:2]
    first.update(date="2027-02-23", start="23:00", end="01:00")
    second.update(date="2027-03-28", start="02:30", end="04:00")
    data["plan"]["meetings"] = [first, second]
    path = tmp_path / "økt.json"
    path.write_text(json.dumps(data, ensure_ascii=False))
    result = startpakke_process("export", str(path), "--format", "ics", "-o", "m.ics", cwd=tmp_path)
    assert result.returncode == 0, result.stderr

    from icalendar import Calendar

    events = [c for c in Calendar.from_ical((tmp_path / "m.ics").read_bytes()).walk("VEVENT")]
    times = sorted((e.decoded("dtstart"), e.decoded("dtend")) for e in events)
    oslo = ZoneInfo("Europe/Oslo")
    (start1, end1), (start2, end2) = times[0], times[1]
    assert end1.astimezone(oslo).date() == date(2027, 2, 24)
    assert (end1 - start1).total_seconds() == 2 * 3600
    assert end2 > start2  # not a zero-length event
    assert end2.astimezone(oslo).hour == 4
