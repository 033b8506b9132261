"""Writing files safely: lock files, unwritable places, atomic replace, owner-only files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from startpakke.documents.output import (
    OutputError,
    existing_lock,
    suggest_path,
    write_bytes,
)


def test_writes_atomically_readable_by_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "a.ics"
    write_bytes(target, b"one")
    write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.ics"]  # no temporary files left


@pytest.mark.parametrize(
    "lock",
    ["~$nettverkskontrakt.docx", "~$ttverkskontrakt.docx", ".~lock.nettverkskontrakt.docx#"],
)
def test_word_or_libreoffice_lock_file_stops_the_write(lock: str, tmp_path: Path) -> None:
    target = tmp_path / "nettverkskontrakt.docx"
    target.write_bytes(b"old")
    (tmp_path / lock).write_bytes(b"")
    assert existing_lock(target) == tmp_path / lock
    with pytest.raises(OutputError) as caught:
        write_bytes(target, b"new")
    message = str(caught.value)
    assert "åpen i Word" in message
    assert "nettverkskontrakt-2.docx" in message
    assert target.read_bytes() == b"old"


def test_missing_folder_suggests_a_name_that_can_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "finnes-ikke" / "k.docx"
    with pytest.raises(OutputError) as caught:
        write_bytes(target, b"x")
    assert "finnes ikke" in str(caught.value)
    assert str(tmp_path / "k.docx") in str(caught.value)


def test_a_folder_as_target(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="er en mappe"):
        write_bytes(tmp_path, b"x")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "lest"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="skrivetilgang"):
            write_bytes(folder / "k.docx", b"x")
    finally:
        folder.chmod(0o700)


def test_suggestion_skips_taken_names(tmp_path: Path) -> None:
    (tmp_path / "k.docx").write_bytes(b"")
    (tmp_path / "k-2.docx").write_bytes(b"")
    (tmp_path / "~$k-3.docx").write_bytes(b"")
    assert suggest_path(tmp_path / "k.docx") == tmp_path / "k-4.docx"
