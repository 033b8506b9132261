"""`safefile.write_atomic`, the one way the program replaces its own files."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from startpakke.safefile import write_atomic


def test_the_file_is_replaced_whole_and_private(tmp_path: Path) -> None:
    target = tmp_path / "innstillinger.json"
    target.write_text("gammel")
    write_atomic(target, b"ny")
    assert target.read_bytes() == b"ny"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["innstillinger.json"]


def test_a_mode_is_kept_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "okt.json"
    write_atomic(target, b"{}", mode=0o640)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_failure_before_the_swap_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "okt.json"
    target.write_bytes(b"gammel")

    def fail() -> None:
        raise OSError("disken er full")

    with pytest.raises(OSError):
        write_atomic(target, b"ny", before_replace=fail)
    assert target.read_bytes() == b"gammel"
    assert [p.name for p in tmp_path.iterdir()] == ["okt.json"]
