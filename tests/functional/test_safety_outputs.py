"""Outputs never replace inputs; read-only sessions and private backups; no stale temp files;
a full disk during a Word export says the right thing and nothing else.

The commands run in this process (tests/cli.py) on real files, and on a real 200 KiB
tmpfs where mounting is permitted.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from startpakke.session.store import SessionStore
from tests.cli import ROOT, startpakke
from tests.small_disk import small_disk

EXAMPLE = ROOT / "examples" / "eksempel-okt.json"
AGENDA = ROOT / "agenda" / "startpakke.yaml"


@pytest.fixture
def session(tmp_path: Path) -> Path:
    path = tmp_path / "a.json"
    shutil.copy(EXAMPLE, path)
    return path


def _unchanged(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


@pytest.mark.parametrize(
    ("what", "args"),
    [
        ("agenda", lambda d, s: ["agenda", "--agenda", str(d / "my.yaml"), "-o", "my.yaml"]),
        ("session", lambda d, s: ["export", str(s), "-o", "b.json"]),
        ("backup", lambda d, s: ["export", str(s), "--format", "ics", "-o", "a.json.bak"]),
        ("lock", lambda d, s: ["export", str(s), "-o", "a.json.lock"]),
        ("self", lambda d, s: ["export", str(s), "--format", "ics", "-o", str(s)]),
    ],
)
def test_a_document_never_replaces_an_input(tmp_path: Path, session: Path, what: str, args) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(AGENDA, tmp_path / "my.yaml")
    shutil.copy(EXAMPLE, tmp_path / "b.json")
    shutil.copy(EXAMPLE, tmp_path / "a.json.bak")
    (tmp_path / "a.json.lock").write_text('{"pid": 1, "host": "x", "started": "y"}')
    target = {
        "agenda": tmp_path / "my.yaml",
        "session": tmp_path / "b.json",
        "backup": tmp_path / "a.json.bak",
        "lock": tmp_path / "a.json.lock",
        "self": session,
    }[what]
    before = _unchanged(target)
    result = startpakke(*args(tmp_path, session), cwd=tmp_path)
    assert result.returncode == 1, result.stdout
    assert "blir ikke overskrevet" in result.stderr
    assert str(target.name) in result.stderr
    assert _unchanged(target) == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_document_may_replace_the_same_kind(tmp_path: Path, session: Path) -> None:
    for _ in range(2):
        result = startpakke("export", str(session), "-o", "kontrakt.docx", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    for _ in range(2):
        result = startpakke("export", str(session), "--format", "ics", "-o", "m.ics", cwd=tmp_path)
        assert result.returncode == 0, result.stderr


def test_stale_temporary_file_of_a_killed_export_is_removed(tmp_path: Path, session: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".kontrakt.docx.sp{dead.pid}-abc123.tmp"
    stale.write_bytes(b"personopplysninger")
    alive = tmp_path / f".kontrakt.docx.sp{os.getpid()}-def456.tmp"  # a writer still running
    alive.write_bytes(b"")
    someone_elses = tmp_path / ".notat.txt.tmp"
    someone_elses.write_bytes(b"")
    result = startpakke("export", str(session), "-o", "kontrakt.docx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not stale.exists()
    assert alive.exists() and someone_elses.exists()


def test_backup_is_private_even_when_the_session_was_not(tmp_path: Path, session: Path) -> None:
    session.chmod(0o644)
    store = SessionStore.open(session)
    store.session.network.name = "Endret"
    store.save()
    backup = session.with_name(session.name + ".bak")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(session.stat().st_mode) == 0o600


def test_read_only_session_is_not_written(tmp_path: Path, session: Path) -> None:
    session.chmod(0o444)
    before = _unchanged(session)
    result = startpakke(
        "run", "--session", str(session), env={"STARTPAKKE_DATA_DIR": str(tmp_path / "d")}
    )
    assert result.returncode == 1
    assert "skrivebeskyttet" in result.stderr
    assert _unchanged(session) == before
    assert stat.S_IMODE(session.stat().st_mode) == 0o444
    assert not session.with_name(session.name + ".lock").exists()


@pytest.mark.parametrize("command", ["export", "handouts"])
def test_full_disk_during_a_word_export(tmp_path: Path, session: Path, command: str) -> None:
    with small_disk(tmp_path / "disk", "64k") as disk:
        if command == "handouts":
            (disk / "ut").mkdir()
        fd = os.open(disk / "fyll", os.O_WRONLY | os.O_CREAT, 0o600)
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 1024)
        os.close(fd)
        if command == "export":
            result = startpakke("export", str(session), "-o", str(disk / "kontrakt.docx"))
        else:
            result = startpakke("handouts", "--names", "Anne,Bjørn", "-o", str(disk / "ut"))
        assert result.returncode == 1
        assert "disken er full" in result.stderr
        assert "Exception ignored" not in result.stderr
        assert "Prøv et annet navn" not in result.stderr
        left = [p.name for p in disk.rglob("*") if p.is_file()]
        assert not [name for name in left if name.endswith(".tmp")], left
