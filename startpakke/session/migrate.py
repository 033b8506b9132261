"""Reading older session files: one migration function per format step.

Every session file carries `schema_version`. `migrate` walks a file's data from its own
version to `SCHEMA_VERSION`, one step at a time, so a file from any earlier release opens.
A file from a newer release is refused with a message that says what to do: never guessed
at, never overwritten.

Format history:

1. Pre-release. `participants` was a list of names (strings), and rules, competences,
   facilitator and plan referred to people by name; the plan's dates were `plan.dates`,
   a list of ISO dates.
2. Participants are objects with a stable `id` (name, service, role, contact, present),
   and everything else refers to them by id; `plan.meetings` holds one object per meeting
   (date, start, end, place, leader, secretary).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from startpakke.errors import UserError
from startpakke.session.model import SCHEMA_VERSION, new_id

Data = dict[str, Any]


class MigrationError(UserError):
    """The data cannot be brought to the current format (too new, or no version at all)."""


def migrate_1_to_2(data: Data) -> Data:
    """Format 1 → 2: participants become objects with ids; `plan.dates` → `plan.meetings`.

    References by name (a rule's `proposed_by`, a competence's `participant`, the
    facilitator, the plan's leader and secretary) become the participant's id. A name that
    matches no participant is kept as typed: the model treats it as free text.
    """
    out = copy.deepcopy(data)
    ids: dict[str, str] = {}
    participants: list[Any] = []
    for entry in out.get("participants") or []:
        if isinstance(entry, str):
            person_id = new_id()
            ids.setdefault(entry, person_id)
            participants.append({"id": person_id, "name": entry})
        else:  # already an object: leave it for validation to judge
            if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                entry.setdefault("id", new_id())
                ids.setdefault(entry["name"], entry["id"])
            participants.append(entry)
    if "participants" in out:
        out["participants"] = participants

    def by_id(value: Any) -> Any:
        return ids.get(value, value) if isinstance(value, str) else value

    for rule in out.get("rules") or []:
        if isinstance(rule, dict) and "proposed_by" in rule:
            rule["proposed_by"] = by_id(rule["proposed_by"])
    for competence in out.get("competences") or []:
        if isinstance(competence, dict) and "participant" in competence:
            competence["participant"] = by_id(competence["participant"])
    for key in ("facilitator", "timekeeper"):
        if key in out:
            out[key] = by_id(out[key])

    plan = out.get("plan")
    if isinstance(plan, dict):
        for key in ("leader", "secretary"):
            if key in plan:
                plan[key] = by_id(plan[key])
        if "dates" in plan:
            dates = plan.pop("dates")
            meetings = plan.setdefault("meetings", [])
            if isinstance(dates, list) and isinstance(meetings, list):
                meetings.extend({"date": day} for day in dates)
            else:  # not the shape format 1 had: let validation name it
                plan["meetings"] = dates
    out["schema_version"] = 2
    return out


MIGRATIONS: dict[int, Callable[[Data], Data]] = {1: migrate_1_to_2}
"""`MIGRATIONS[n]` turns format n into format n + 1."""


def too_new_message(version: int) -> str:
    return (
        f"Øktfilen er laget av en nyere versjon av startpakke (format {version}); "
        f"denne versjonen kan lese til og med format {SCHEMA_VERSION}. Oppdater startpakke."
    )


def migrate(data: Data) -> Data:
    """Bring a session file's data from its `schema_version` to `SCHEMA_VERSION`.

    Returns new data (the input is not changed). Raises `MigrationError` for a missing or
    unknown version, or one newer than this program knows.
    """
    if "schema_version" not in data:
        raise MigrationError("Øktfilen mangler «schema_version» (filformatets versjon).")
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise MigrationError(f"«schema_version» skal være et heltall, ikke {version!r}.")
    if version > SCHEMA_VERSION:
        raise MigrationError(too_new_message(version))
    if version < 1:
        raise MigrationError(f"Ukjent format for øktfilen (format {version}).")
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data
