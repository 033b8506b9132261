"""Which agendas this machine has run before: the facilitator's guide shows itself on the
first run of an agenda (then it is one key away, `i`).

A small JSON list of agenda ids in the data folder. Nothing personal is in it. A folder
that cannot be written means the guide shows again next time — never an error.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from startpakke.paths import data_dir, ensure_private_dir
from startpakke.safefile import write_atomic

FILENAME = "veiledning-vist.json"


def seen_agendas(folder: Path | None = None) -> set[str]:
    path = (folder or data_dir()) / FILENAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {item for item in data if isinstance(item, str)} if isinstance(data, list) else set()


def first_run(agenda_id: str, folder: Path | None = None) -> bool:
    """True the first time `agenda_id` is run here; from then on it is remembered."""
    seen = seen_agendas(folder)
    if agenda_id in seen:
        return False
    target = folder or data_dir()
    with contextlib.suppress(OSError):
        ensure_private_dir(target)
        write_atomic(target / FILENAME, json.dumps(sorted(seen | {agenda_id})).encode("utf-8"))
    return True
