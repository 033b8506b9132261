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
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point startpakke's data folder at a temporary one: the real one is never touched.

    It is not inside `tmp_path`: the agenda cache lives there, and tests that list what a
    command wrote into `tmp_path` must not see it. The folder is created by startpakke.
    """
    folder = tmp_path_factory.mktemp("data") / "startpakke-data"
    monkeypatch.setenv("STARTPAKKE_DATA_DIR", str(folder))
    return folder
