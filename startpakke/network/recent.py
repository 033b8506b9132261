"""Session files the program has opened, by path: `<data>/okter.json`.

A session saved with `--session /some/where/okt.json` is not in the data folder, so the
program remembers its path here; the network commands find it again and `run --resume`
opens the meeting that was last *running*, wherever its file is (issue 14.2). The record
holds paths and times only — never names or content — and is written atomically, 0600.

    {"version": 1, "sessions": [{"path": "/abs/okt.json", "opened": "…", "running": "…",
                                 "finished": "…"}]}

A damaged or foreign record is treated as empty (and replaced on the next write): losing
it loses no meeting, only the shortcut to one saved outside the data folder.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from startpakke.paths import data_dir, ensure_private_dir
from startpakke.safefile import write_atomic

RECORD_NAME = "okter.json"
KEEP = 200
"""At most this many paths are remembered (the oldest are forgotten first)."""


@dataclass(frozen=True)
class Remembered:
    """One session file the program has opened."""

    path: Path
    opened: datetime | None
    """When the app last opened it."""
    running: datetime | None
    """When a meeting in it last ran (the app saved a run state)."""
    finished: datetime | None = None
    """When its meeting was last seen finished (the run reached its end)."""

    @property
    def unfinished(self) -> bool:
        """A meeting ran in it and has not reached its end since (a crash, a quit halfway)."""
        if self.running is None:
            return False
        return self.finished is None or self.finished < self.running


def record_path() -> Path:
    return data_dir() / RECORD_NAME


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def remembered() -> list[Remembered]:
    """Every remembered session path, most recently running (then opened) first."""
    try:
        data = json.loads(record_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    entries = data.get("sessions") if isinstance(data, dict) else None
    found: dict[Path, Remembered] = {}
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            continue
        path = Path(entry["path"])
        found[path] = Remembered(
            path,
            _when(entry.get("opened")),
            _when(entry.get("running")),
            _when(entry.get("finished")),
        )
    return sorted(found.values(), key=_recency, reverse=True)


def _recency(item: Remembered) -> tuple[float, float]:
    def stamp(value: datetime | None) -> float:
        return value.timestamp() if value is not None else 0.0

    return (stamp(item.running), stamp(item.opened))


def _write(items: list[Remembered]) -> None:
    def iso(value: datetime | None) -> str | None:
        return value.isoformat() if value is not None else None

    data = {
        "version": 1,
        "sessions": [
            {
                "path": str(i.path),
                "opened": iso(i.opened),
                "running": iso(i.running),
                "finished": iso(i.finished),
            }
            for i in sorted(items, key=_recency, reverse=True)[:KEEP]
        ],
    }
    target = record_path()
    ensure_private_dir(target.parent)
    write_atomic(target, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(Path(path).expanduser()))


def remember(
    path: Path,
    *,
    running: bool = False,
    finished: bool | None = None,
    now: datetime | None = None,
) -> None:
    """Note that the app opened `path` (and, with `running`, that a meeting ran in it;
    with `finished`, whether that meeting has reached its end: None leaves it as it was).

    Never fails the meeting: a record that cannot be written is skipped silently.
    """
    moment = now or datetime.now().astimezone()
    target = _absolute(path)
    items = {item.path: item for item in remembered()}
    old = items.get(target)
    was_finished = old.finished if old is not None else None
    items[target] = Remembered(
        target,
        moment,
        moment if running else (old.running if old is not None else None),
        was_finished if finished is None else (moment if finished else None),
    )
    with contextlib.suppress(OSError):
        _write(list(items.values()))


def forget(paths: list[Path]) -> None:
    """Forget these session paths (after they were deleted)."""
    gone = {_absolute(p) for p in paths}
    items = [item for item in remembered() if item.path not in gone]
    if len(items) != len(remembered()):
        _write(items)


def forget_missing() -> None:
    """Forget paths whose file is gone (a delete that was interrupted and re-run)."""
    items = remembered()
    kept = [item for item in items if item.path.exists()]
    if len(kept) != len(items):
        _write(kept)
