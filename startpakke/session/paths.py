"""How session files are named and found: one file per meeting in the sessions folder.

The folder itself is `startpakke.paths.sessions_dir()`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from startpakke.paths import sessions_dir
from startpakke.text import slug

SESSION_SUFFIX = ".json"
BACKUP_SUFFIX = ".bak"


def backup_path(path: Path) -> Path:
    """The previous good version of a session file: `<name>.bak` beside it."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def new_session_path(network_name: str, when: date) -> Path:
    """A new, unused session file name: `<dato>-<slug>.json` in the sessions folder.

    If a meeting that day already has a file, `-2`, `-3`, … is added. The file is not
    created.
    """
    return unused_path(sessions_dir() / f"{when.isoformat()}-{slug(network_name)}{SESSION_SUFFIX}")


def unused_path(wanted: Path) -> Path:
    """`wanted`, or with `-2`, `-3`, … before its suffix: the first name that neither a
    session file nor its backup has (so nothing is overwritten)."""
    candidate = wanted
    number = 2
    while candidate.exists() or backup_path(candidate).exists():
        candidate = wanted.with_name(f"{wanted.stem}-{number}{wanted.suffix}")
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
