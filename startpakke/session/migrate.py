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
3. `run` is a typed record (`startpakke.session.runstate.RunState`) instead of the engine's
   own dictionary with its own version: one record per part (planned, used, added seconds,
   start, end, shortened turns), timers as seconds given and left. Who is absent and who
   the focus persons are live in the roster only (`participants[].present`,
   `focus_rounds[].chosen`); the run's copies of names, absence and focus are gone, and
   so are its sentences (a shortened round is stored as seconds). `network.services`
   holds only the municipalities and services beyond the members' own (which are derived):
   the copies the setup screen used to store there are dropped.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from startpakke.errors import UserError
from startpakke.i18n import _
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


def migrate_2_to_3(data: Data) -> Data:
    """Format 2 → 3: the engine's run dictionary becomes a `RunState`; absence and focus
    move to the roster.

    A run the released program could not have written (hand-edited, damaged) is dropped:
    everything captured is kept, and the meeting can be started again.
    """
    out = copy.deepcopy(data)
    run = out.get("run")
    if isinstance(run, dict):
        try:
            _roster_from_run(out, run)
            out["run"] = _run_state(run)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            out["run"] = None
    elif run is not None:
        out["run"] = None
    _services_beyond_the_members(out)
    out["schema_version"] = 3
    return out


def _services_beyond_the_members(out: Data) -> None:
    network = out.get("network")
    if not isinstance(network, dict) or not isinstance(network.get("services"), list):
        return
    own = {
        p["service"].strip()
        for p in out.get("participants") or []
        if isinstance(p, dict) and isinstance(p.get("service"), str) and p.get("role") != "deputy"
    }
    network["services"] = [
        s for s in network["services"] if not (isinstance(s, str) and s.strip() in own)
    ]


def _roster_from_run(out: Data, run: Data) -> None:
    absent = set(run.get("absent") or [])
    for person in out.get("participants") or []:
        if isinstance(person, dict) and person.get("id") in absent:
            person["present"] = False
    focus = [pid for pid in run.get("focus") or [] if isinstance(pid, str)]
    rounds = [r for r in out.get("focus_rounds") or [] if isinstance(r, dict)]
    by_person: dict[Any, Data | None] = {r.get("participant"): r for r in rounds}
    chosen: list[Data] = [by_person.pop(pid, None) or {"participant": pid} for pid in focus]
    for round_ in chosen:
        round_["chosen"] = True
    rest = [r for r in rounds if r.get("participant") in by_person]
    for round_ in rest:
        round_["chosen"] = False
    if chosen or "focus_rounds" in out:
        out["focus_rounds"] = chosen + rest


def _timer(data: Data) -> Data:
    return {"budget_seconds": float(data["budget"]), "remaining_seconds": float(data["remaining"])}


_SHORTENED = re.compile(r"kortet ned til (?P<to>.+?)(?: \(skrevet: (?P<written>.+)\))?$")
_DURATION = re.compile(r"^(?:(?P<min>\d+) min)? ?(?:(?P<sec>\d+) s)?$")


def _seconds(text: str | None) -> float | None:
    match = _DURATION.match(text.strip()) if text else None
    if match is None or not (match["min"] or match["sec"]):
        return None
    return int(match["min"] or 0) * 60.0 + int(match["sec"] or 0)


def _shortened(text: object) -> Data | None:
    """Format 2 saved «Turene ble kortet ned til 3 min (skrevet: 4 min)»; keep the numbers."""
    match = _SHORTENED.search(text) if isinstance(text, str) else None
    seconds = _seconds(match["to"]) if match else None
    if match is None or seconds is None:
        return None
    return {"seconds": seconds, "written_seconds": _seconds(match["written"])}


def _run_state(run: Data) -> Data:
    if run.get("version") != 1:
        raise ValueError(run.get("version"))
    timers = run["timers"]
    parts = []
    for timer, record in zip(timers["parts"], run["parts"], strict=True):
        budget, remaining = float(timer["budget"]), float(timer["remaining"])
        # The split of the budget into planned and added minutes was not saved: the engine
        # sets it from the agenda the first time it saves the run again.
        parts.append(
            {
                "id": record["id"],
                "planned_seconds": budget,
                "extended_seconds": 0.0,
                "used_seconds": budget - remaining,
                "started_at": record.get("started_at"),
                "ended_at": record.get("ended_at"),
                "turns": _shortened(record.get("shortened")),
            }
        )
    fit = run.get("turn_fit")
    position = run["position"]
    return {
        "agenda_id": run["agenda_id"],
        "saved_at": run.get("saved_at"),
        "started": bool(run["started"]),
        "finished": bool(run["finished"]),
        "paused": bool(run["paused"]),
        "meeting_started_at": run.get("meeting_started_at"),
        "keep_written_turns": bool(run.get("keep_written_turns", False)),
        "position": {key: int(position[key]) for key in ("part", "phase", "turn", "step")},
        "order": list(run.get("order") or []),
        "spoken": sorted(run.get("spoken") or []),
        "round_counter": int(run.get("round_counter", 0)),
        "phase_timer": _timer(timers["phase"]),
        "turn_timer": _timer(timers["turn"]) if timers.get("turn") else None,
        "step_timer": _timer(timers["step"]) if timers.get("step") else None,
        "turn_fit": dict(fit) if isinstance(fit, dict) else None,
        "parts": parts,
    }


MIGRATIONS: dict[int, Callable[[Data], Data]] = {1: migrate_1_to_2, 2: migrate_2_to_3}
"""`MIGRATIONS[n]` turns format n into format n + 1."""


def too_new_message(version: int) -> str:
    return _(
        "Øktfilen er laget av en nyere versjon av startpakke (format {version}); "
        "denne versjonen kan lese til og med format {known}. Oppdater startpakke."
    ).format(version=version, known=SCHEMA_VERSION)


def migrate(data: Data) -> Data:
    """Bring a session file's data from its `schema_version` to `SCHEMA_VERSION`.

    Returns new data (the input is not changed). Raises `MigrationError` for a missing or
    unknown version, or one newer than this program knows.
    """
    if "schema_version" not in data:
        raise MigrationError(_("Øktfilen mangler «schema_version» (filformatets versjon)."))
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise MigrationError(
            _("«schema_version» skal være et heltall, ikke {value}.").format(value=repr(version))
        )
    if version > SCHEMA_VERSION:
        raise MigrationError(too_new_message(version))
    if version < 1:
        raise MigrationError(
            _("Ukjent format for øktfilen (format {version}).").format(version=version)
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data
