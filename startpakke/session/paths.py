"""Where session files live: one file per meeting in the user's data folder.

The folder comes from `platformdirs` (e.g. `~/.local/share/startpakke/sessions` on Linux,
`%LOCALAPPDATA%\\startpakke\\sessions` on Windows). `STARTPAKKE_DATA_DIR` replaces the
data folder (and holds the cache); the tests set it so a developer's real sessions are never
touched.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path

from startpakke.text import slug

DATA_DIR_ENV = "STARTPAKKE_DATA_DIR"
SESSION_SUFFIX = ".json"
BACKUP_SUFFIX = ".bak"


def data_dir() -> Path:
    """The user's startpakke data folder (not created here)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("startpakke", appauthor=False))


def cache_dir() -> Path:
    """The user's startpakke cache folder (validated agendas; safe to delete)."""
    if os.environ.get(DATA_DIR_ENV):
        return data_dir() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("startpakke", appauthor=False))


def sessions_dir() -> Path:
    """The folder holding one session file per meeting (not created here)."""
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


def backup_path(path: Path) -> Path:
    """The previous good version of a session file: `<name>.bak` beside it."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def new_session_path(network_name: str, when: date) -> Path:
    """A new, unused session file name: `<dato>-<slug>.json` in the sessions folder.

    If a meeting that day already has a file, `-2`, `-3`, … is added. The file is not
    created.
    """
    folder = sessions_dir()
    stem = f"{when.isoformat()}-{slug(network_name)}"
    candidate = folder / f"{stem}{SESSION_SUFFIX}"
    number = 2
    while candidate.exists() or backup_path(candidate).exists():
        candidate = folder / f"{stem}-{number}{SESSION_SUFFIX}"
        number += 1
    return candidate


def _is_session_file(path: Path) -> bool:
    return path.suffix == SESSION_SUFFIX and not path.name.startswith(".") and path.is_file()


def list_sessions() -> list[Path]:
    """The session files in the sessions folder, most recently saved first.

    Backups (`.bak`), temporary files from an interrupted save and hidden files are left
    out.
    """
    folder = sessions_dir()
    if not folder.is_dir():
        return []
    found: list[tuple[int, str, Path]] = []
    for entry in folder.iterdir():
        if not _is_session_file(entry):
            continue
        try:
            found.append((entry.stat().st_mtime_ns, entry.name, entry))
        except OSError:  # removed while we looked
            continue
    found.sort(reverse=True)
    return [path for _, _, path in found]


def most_recent_session() -> Path | None:
    """The session saved last (by modification time), or None when there is none."""
    sessions = list_sessions()
    return sessions[0] if sessions else None
