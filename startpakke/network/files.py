"""Every file the program keeps beside a session file, by name.

Beside `2027-02-23-kollegaveiledning.json` the program (and its helpers) keep files whose
names begin with the session's own name or stem followed by a dot, hidden or not:

- `<name>.bak` — the previous good version (`session.store`);
- `<name>.skadet-<tidspunkt>` — a damaged file kept aside before it was replaced;
- `.<name>.<random>.tmp` — a save interrupted by a crash;
- locks and drafts (`<name>.lock`, `.<name>.lock`, `<stem>.lock`, `<name>.draft`,
  `<stem>.draft.json`, `.<name>.utkast` …): matched by the same rule, whatever exact
  suffix the lock and draft code uses, as long as it starts with the name or the stem and
  a dot.

Another session whose stem only *starts* like this one (`…-kollegaveiledning-2.json`) is
never matched: the name or stem must be followed by a dot.
"""

from __future__ import annotations

from pathlib import Path

from startpakke.session.paths import SESSION_SUFFIX


def stem_of(path: Path) -> str:
    return path.name[: -len(SESSION_SUFFIX)] if path.name.endswith(SESSION_SUFFIX) else path.stem


def belongs_to(candidate: str, session: Path) -> bool:
    """Whether a file called `candidate` in the session's folder is kept about it."""
    bare = candidate[1:] if candidate.startswith(".") else candidate
    if candidate == session.name:
        return True
    return bare.startswith(f"{session.name}.") or bare.startswith(f"{stem_of(session)}.")


def side_files(session: Path, *, others: frozenset[str] = frozenset()) -> list[Path]:
    """The files beside `session` kept about it (not the session file itself).

    `others` are names of other session files in the folder: never counted as this one's.
    """
    try:
        entries = list(session.parent.iterdir())
    except OSError:
        return []
    found = [
        entry
        for entry in entries
        if entry.name != session.name
        and entry.name not in others
        and belongs_to(entry.name, session)
        and not entry.is_dir()
    ]
    return sorted(found)


def files_of(session: Path, *, others: frozenset[str] = frozenset()) -> list[Path]:
    """The session file (when it exists) and every file kept beside it."""
    own = [session] if session.exists() else []
    return own + side_files(session, others=others)
