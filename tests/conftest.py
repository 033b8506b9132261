"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
AGENDAS = TESTS / "data" / "agendas"


@pytest.fixture
def agendas_dir() -> Path:
    """`tests/data/agendas/`: small valid and broken agendas."""
    return AGENDAS


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point startpakke's data folder at a temporary one: the real one is never touched."""
    folder = tmp_path / "startpakke-data"
    monkeypatch.setenv("STARTPAKKE_DATA_DIR", str(folder))
    return folder
