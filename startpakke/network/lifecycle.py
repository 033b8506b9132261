"""The data's end: anonymise or delete every file of a network.

Both work one file at a time and each step is atomic (a file is replaced with
`os.replace`, or unlinked), so an interruption leaves every file either as it was or done,
and running the command again finishes the rest. `plan_*` says what will change — the
command shows it and asks before `apply_*` does it.

**Anonymise** replaces each participant's name with «Deltaker N» and removes contact
details, in every session of the network and every file kept beside one (backups,
damaged copies, drafts, locks). N is fixed per person across all meetings: people are
numbered by participant id in the order they first appear in the network's meetings, so a
second run gives everyone the same number. Names typed as text (a note that says «Kari
spurte …», an action's «hvem», «Karis sak») are replaced too, whole words only. Rules,
counts, dates, the structure and the municipalities stay, so the annual report still adds
up.

**Delete** removes the sessions, their backups, damaged copies, drafts and locks, and
forgets the remembered paths. The founding meeting goes last: while any meeting is left,
the network can still be found (and the command re-run) by its name.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from startpakke import i18n
from startpakke.i18n import N_, _
from startpakke.network import recent
from startpakke.network.catalog import NetworkRecord
from startpakke.network.files import side_files
from startpakke.safefile import write_atomic

PSEUDONYM = N_("Deltaker {n}")
_PSEUDONYM = re.compile(r"^Deltak(?:er|ar) \d+$")
"""A name already replaced, in bokmål or nynorsk («Deltakar 3»)."""


def pseudonym(n: int, language: str | None) -> str:
    """«Deltaker 3» in the network's målform (`language`), as written into its files."""
    with i18n.using(language):
        return _(PSEUDONYM).format(n=n)


def network_files(record: NetworkRecord) -> list[Path]:
    """Every file kept about the network: latest meeting's files first, founding last."""
    sessions = [m.path for m in record.meetings] + [d.path for d in record.damaged]
    others = frozenset(p.name for p in sessions)
    found: dict[Path, None] = {}
    for path in reversed(sessions):
        # Side files before the session file: an interrupted delete can be re-run.
        for item in side_files(path, others=others - {path.name}):
            found.setdefault(item, None)
        if path.exists():
            found.setdefault(path, None)
    return list(found)


# -- anonymise ------------------------------------------------------------------------------


@dataclass
class Pseudonyms:
    """Participant id → «Deltaker N», and every real name or contact → its replacement."""

    numbers: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    contacts: set[str] = field(default_factory=set)
    language: str | None = None
    """The network's målform: the pseudonyms are in its language."""

    def number(self, person_id: str) -> str:
        if person_id not in self.numbers:
            self.numbers[person_id] = len(self.numbers) + 1
        return pseudonym(self.numbers[person_id], self.language)


def pseudonyms(record: NetworkRecord, files: list[Path]) -> Pseudonyms:
    table = Pseudonyms(language=record.latest.session.network.language)
    people: list[dict[str, Any]] = []
    for meeting in record.meetings:  # meeting order: numbers are stable across runs
        people += [
            {"id": p.id, "name": p.name, "contact": p.contact} for p in meeting.session.participants
        ]
    for path in files:
        data = _json(path)
        if isinstance(data, dict) and isinstance(data.get("participants"), list):
            people += [p for p in data["participants"] if isinstance(p, dict)]
    for person in people:
        person_id, name = person.get("id"), person.get("name")
        if not isinstance(person_id, str):
            continue
        pseudonym = table.number(person_id)
        if isinstance(name, str) and name.strip() and not _PSEUDONYM.match(name.strip()):
            table.names[name.strip()] = pseudonym
        contact = person.get("contact")
        if isinstance(contact, str) and contact.strip():
            table.contacts.add(contact.strip())
    return table


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return None


def _replacer(table: Pseudonyms) -> re.Pattern[str] | None:
    words: dict[str, str] = {}
    for name, pseudonym in table.names.items():
        words[name] = pseudonym
        for part in name.split():
            if len(part) >= 2 and part[0].isupper():
                words.setdefault(part, pseudonym)
    for contact in table.contacts:
        words[contact] = ""
    if not words:
        return None
    table.names = {**words}
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # A name's genitive («Ingrids erfaring») is the name and an s.
    return re.compile(rf"(?<!\w)({alternatives})(s?)(?!\w)")


def _scrub(value: Any, pattern: re.Pattern[str] | None, table: Pseudonyms) -> Any:
    if isinstance(value, str):
        if pattern is None:
            return value
        return pattern.sub(lambda m: _said(table.names.get(m.group(1), ""), m.group(2)), value)
    if isinstance(value, list):
        return [_scrub(v, pattern, table) for v in value]
    if isinstance(value, dict):
        out = {k: _scrub(v, pattern, table) for k, v in value.items()}
        if isinstance(value.get("participants"), list):
            out["participants"] = [_person(p, table) for p in value["participants"]]
        return out
    return value


def _said(pseudonym: str, genitive: str) -> str:
    return pseudonym + genitive if pseudonym else ""


def _person(person: Any, table: Pseudonyms) -> Any:
    if not isinstance(person, dict) or not isinstance(person.get("id"), str):
        return person
    return {**person, "name": table.number(person["id"]), "contact": "", "case_title": ""}


def _replace_file(path: Path, payload: bytes) -> None:
    mode = 0o600
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode & 0o777
    write_atomic(path, payload, mode=mode)


def anonymise_file(path: Path, pattern: re.Pattern[str] | None, table: Pseudonyms) -> bool:
    """Anonymise one file in place (atomically); True when it changed."""
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    data = _json(path)
    if data is not None:
        new = json.dumps(_scrub(data, pattern, table), ensure_ascii=False, indent=2) + "\n"
        payload = new.encode("utf-8")
        if json.loads(payload) == data:
            return False
    else:  # not JSON (a damaged copy, a draft in another format): replace the text itself
        text = raw.decode("utf-8", errors="replace")
        scrubbed = _scrub(text, pattern, table)
        if scrubbed == text:
            return False
        payload = scrubbed.encode("utf-8")
    _replace_file(path, payload)
    return True


def anonymise(record: NetworkRecord) -> list[Path]:
    """Anonymise every file of the network; the files that changed."""
    files = [f for f in network_files(record) if not f.name.endswith(".tmp")]
    table = pseudonyms(record, files)
    pattern = _replacer(table)
    changed = [path for path in files if anonymise_file(path, pattern, table)]
    for leftover in network_files(record):
        if leftover.name.endswith(".tmp"):  # an interrupted save: stale, may hold names
            with contextlib.suppress(OSError):
                leftover.unlink()
                changed.append(leftover)
    return changed


# -- delete ---------------------------------------------------------------------------------


def delete(record: NetworkRecord) -> list[Path]:
    """Remove every file of the network and forget its paths; the files removed."""
    removed: list[Path] = []
    files = network_files(record)
    for path in files:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    recent.forget([m.path for m in record.meetings] + [d.path for d in record.damaged])
    recent.forget_missing()  # also those an interrupted earlier run had deleted already
    return removed
