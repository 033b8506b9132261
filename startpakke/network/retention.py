"""At start-up: which networks are past their retention date (lagringsbegrensning).

This runs before every meeting, so it reads the session files as plain JSON — no
validation, no pydantic — and only the few fields it needs: the network's id (or the
session's, for files from before `network.id`), name, meeting date and `keep_until`.
The full, validated picture is `network show`; this only has to say «it is time».
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from startpakke.i18n import _
from startpakke.network.history import RETENTION_MONTHS, add_months


@dataclass(frozen=True)
class Overdue:
    name: str
    keep_until: date
    last_meeting: date


def _day(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("network"), dict) else None


def _key(data: dict[str, Any], read: Any) -> str:
    """The network id, following `previous_session` for older files (as `identity`)."""
    seen: set[str] = set()
    while not data["network"].get("id"):
        previous = data.get("previous_session")
        if not isinstance(previous, str) or previous in seen:
            return str(data.get("id"))
        seen.add(previous)
        found = read(Path(previous))
        if found is None:
            return str(data.get("id"))
        data = found
    return str(data["network"]["id"])


def overdue(files: list[Path], today: date | None = None) -> list[Overdue]:
    """The networks among `files` whose retention date has passed."""
    cache: dict[Path, dict[str, Any] | None] = {}

    def read(path: Path) -> dict[str, Any] | None:
        if path not in cache:
            cache[path] = _read(path)
        return cache[path]

    latest: dict[str, tuple[date, str, date | None]] = {}
    for path in files:
        data = read(path)
        if data is None or not (data.get("participants") or data.get("run")):
            continue
        network = data["network"]
        day = _day(network.get("meeting_date")) or _day(data.get("created_at"))
        if day is None:
            continue
        key = _key(data, read)
        name = network.get("name") if isinstance(network.get("name"), str) else ""
        if key not in latest or day >= latest[key][0]:
            latest[key] = (day, name or _("(uten navn)"), _day(network.get("keep_until")))
    now = today or date.today()
    found = []
    for day, name, keep in latest.values():
        limit = keep or add_months(day, RETENTION_MONTHS)
        if limit < now:
            found.append(Overdue(name, limit, day))
    return sorted(found, key=lambda o: o.keep_until)


def notices(today: date | None = None) -> list[str]:
    """One Norwegian line per network past its date, with what to do."""
    from startpakke.network.catalog import session_paths

    return [
        _(
            "Nettverket «{name}» skulle vært anonymisert eller slettet {date} "
            "(siste møte {last}). Anonymiser: startpakke network anonymise "
            "«{name}» · slett: startpakke network delete «{name}» · eller sett en ny dato: "
            "startpakke network show «{name}» --keep-until DATO"
        ).format(name=o.name, date=f"{o.keep_until:%d.%m.%Y}", last=f"{o.last_meeting:%d.%m.%Y}")
        for o in overdue(session_paths(), today)
    ]
