"""Where startpakke keeps files on this machine: the data folder, the cache, the sessions.

A concern of the whole program, below the agenda, session and documents packages (which
all read it) and importing none of them. The folders come from `platformdirs` (e.g.
`~/.local/share/startpakke` and `~/.cache/startpakke` on Linux, `%LOCALAPPDATA%\\startpakke`
on Windows). `STARTPAKKE_DATA_DIR` replaces the data folder and holds the cache too; the
tests set it so a developer's real sessions are never touched. `STARTPAKKE_CACHE_DIR`
replaces the cache folder alone (the tests share one, so not every test validates the
built-in agenda again). Nothing is created here except by `ensure_private_dir`.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

DATA_DIR_ENV = "STARTPAKKE_DATA_DIR"
CACHE_DIR_ENV = "STARTPAKKE_CACHE_DIR"


def data_dir() -> Path:
    """The user's startpakke data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("startpakke", appauthor=False))


def cache_dir() -> Path:
    """The user's startpakke cache folder (validated agendas; safe to delete)."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override).expanduser()
    if os.environ.get(DATA_DIR_ENV):
        return data_dir() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("startpakke", appauthor=False))


def sessions_dir() -> Path:
    """The folder holding one session file per meeting."""
    return data_dir() / "sessions"


def ensure_private_dir(folder: Path) -> Path:
    """Create `folder` (and missing parents) readable by the owner only (0700)."""
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    folder.mkdir(parents=True, exist_ok=True)
    for created in missing:
        with contextlib.suppress(OSError):  # a file system without permissions
            created.chmod(0o700)
    return folder
