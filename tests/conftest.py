"""Shared fixtures."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
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


@pytest.fixture(autouse=True, scope="session")
def _private_tmux_folder() -> Iterator[Path]:
    """tmux sockets go in a folder of this test run (worker), and $TMUX is forgotten.

    Every test names its own server (`tmux -L`, see tests/tmux.py); this is the net under
    that: even a bare `tmux` call in a test cannot reach the user's own tmux server. The
    folder is short and directly in /tmp: a socket's path may not be longer than 107 bytes.
    """
    folder = Path(tempfile.mkdtemp(prefix="sp-tmux-"))
    patch = pytest.MonkeyPatch()
    patch.setenv("TMUX_TMPDIR", str(folder))
    patch.delenv("TMUX", raising=False)
    yield folder
    patch.undo()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def _bokmal_unless_told(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Every test starts in bokmål, whatever the developer's STARTPAKKE_LANG says, and a
    test that switches language (`startpakke.i18n.set_language`) does not leak it."""
    from startpakke import i18n

    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
