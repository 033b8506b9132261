"""Finding every session of every network, and the network a name on the command line means.

    catalog = scan()
    network = catalog.resolve("vestfold")     # name, a unique part of it, or the id
    network.latest.path                        # where `run --network` starts from

The sessions are the files in the data folder's `sessions/` and the remembered paths
(`recent`), plus any predecessor a follow-up points to. Reading never changes a file. A
file that does not load is never a reason to drop another: it is listed with its message,
under its network when its `.bak` tells which one, otherwise on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from startpakke.errors import UserError
from startpakke.i18n import N_, _
from startpakke.network import recent
from startpakke.network.identity import network_id, previous_path
from startpakke.session import paths
from startpakke.session.model import Session

KIND_LABELS = {
    "startpakke": N_("Oppstartsmøte"),
    "kollegaveiledning": N_("Kollegaveiledning"),
    "revisjon": N_("Revisjon av kontrakten"),
}


def kind_label(agenda_id: str) -> str:
    """The meeting's kind as a catalogue message id (shown through `_()`)."""
    return KIND_LABELS.get(agenda_id, agenda_id or N_("Møte"))


def is_empty(session: Session) -> bool:
    """Nothing in it: no people, no run, no name — a file left by quitting the first screen."""
    return not (session.participants or session.run or session.network.name.strip())


@dataclass(frozen=True)
class Meeting:
    """One session file of a network."""

    path: Path
    session: Session

    @property
    def day(self) -> date:
        return self.session.network.meeting_date or self.session.created_at.date()

    @property
    def kind(self) -> str:
        return kind_label(self.session.agenda_id)

    @property
    def founding(self) -> bool:
        return self.session.previous_session is None


@dataclass(frozen=True)
class Damaged:
    """A file that did not load, with the store's message."""

    path: Path
    message: str


@dataclass
class NetworkRecord:
    """One network: its meetings in date order and what is wrong among them."""

    id: str
    meetings: list[Meeting] = field(default_factory=list)
    damaged: list[Damaged] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """One Norwegian line per inconsistency, naming the file."""

    @property
    def latest(self) -> Meeting:
        return self.meetings[-1]

    @property
    def name(self) -> str:
        for meeting in reversed(self.meetings):
            if meeting.session.network.name.strip():
                return meeting.session.network.name.strip()
        return _("(uten navn)")

    @property
    def sessions(self) -> list[Session]:
        return [m.session for m in self.meetings]


@dataclass
class Catalog:
    networks: list[NetworkRecord]
    damaged: list[Damaged]
    """Files that did not load and whose network is unknown."""

    def resolve(self, text: str) -> NetworkRecord:
        """The network `text` names: id, name, or a unique case-insensitive part of the name.

        Raises UserError (exit 1) for an unknown or ambiguous name, listing candidates.
        """
        wanted = text.strip().casefold()
        if not wanted:
            raise UserError(_("Skriv navnet på nettverket (eller en del av det)."))
        by_id = [n for n in self.networks if n.id.casefold() == wanted]
        if by_id:
            return by_id[0]
        exact = [n for n in self.networks if n.name.casefold() == wanted]
        found = exact or [n for n in self.networks if wanted in n.name.casefold()]
        if not found:
            found = [n for n in self.networks if n.id.casefold().startswith(wanted)]
        if len(found) == 1:
            return found[0]
        if not found:
            if not self.networks:
                raise UserError(
                    _(
                        "Fant ikke nettverket «{name}»: det finnes ingen nettverk på denne "
                        "maskinen ennå. Start et oppstartsmøte med «startpakke run»."
                    ).format(name=text)
                )
            raise UserError(
                _("Fant ikke nettverket «{name}». Nettverk på denne maskinen: {networks}.").format(
                    name=text, networks="; ".join(_candidate(n) for n in self.networks)
                )
            )
        raise UserError(
            _(
                "«{name}» passer til flere nettverk: {networks}. "
                "Skriv mer av navnet, eller bruk id-en."
            ).format(name=text, networks="; ".join(_candidate(n) for n in found))
        )


def _candidate(network: NetworkRecord) -> str:
    return _("{name} (id {id})").format(name=network.name, id=network.id)


def _in_data_folder() -> list[Path]:
    files = paths.list_sessions()
    stems = {f.name[: -len(paths.SESSION_SUFFIX)] for f in files}
    # `<stem>.draft.json` beside `<stem>.json` is a draft, not a session (see `files`).
    return [f for f in files if f.name.split(".", 1)[0] not in stems or f.name.count(".") == 1]


def session_paths() -> list[Path]:
    """Every known session file: the data folder's and the remembered ones that exist."""
    seen: dict[Path, None] = {}
    for path in _in_data_folder():
        seen.setdefault(path.resolve(), None)
    for item in recent.remembered():
        try:
            if item.path.is_file():
                seen.setdefault(item.path.resolve(), None)
        except OSError:
            continue
    return list(seen)


def scan(extra: list[Path] | None = None) -> Catalog:
    """Read every known session and group them by network (files are only read)."""
    from startpakke.session.store import SessionError, load_backup, load_session

    loaded: dict[Path, Session | None] = {}
    damaged: dict[Path, Damaged] = {}

    def lookup(path: Path) -> Session | None:
        if path not in loaded:
            try:
                loaded[path] = load_session(path)
            except SessionError as err:
                loaded[path] = None
                if path.exists():
                    damaged[path] = Damaged(path, str(err).splitlines()[0])
        return loaded[path]

    for path in [*session_paths(), *(p.resolve() for p in extra or [])]:
        lookup(path)
    # Predecessors outside the known folders belong to their network too.
    for session in list(v for v in loaded.values() if v is not None):
        previous = previous_path(session)
        while previous is not None and previous not in loaded:
            found = lookup(previous)
            previous = previous_path(found) if found is not None else None

    groups: dict[str, NetworkRecord] = {}
    for path, found in loaded.items():
        if found is None or is_empty(found):
            continue
        key = network_id(found, lookup)
        groups.setdefault(key, NetworkRecord(key)).meetings.append(Meeting(path, found))

    loose: list[Damaged] = []
    for item in damaged.values():
        try:
            backup = load_backup(item.path)
        except SessionError:
            loose.append(item)
            continue
        key = network_id(backup, lookup)
        groups.setdefault(key, NetworkRecord(key)).damaged.append(item)

    for record in groups.values():
        record.meetings.sort(key=lambda m: (m.day, m.session.created_at, str(m.path)))
        record.problems = _problems(record, loaded)
    networks = sorted(
        (g for g in groups.values() if g.meetings), key=lambda n: (n.name.casefold(), n.id)
    )
    # A network known only from damaged files still shows them.
    for record in groups.values():
        if not record.meetings:
            loose.extend(record.damaged)
    return Catalog(networks, sorted(loose, key=lambda d: str(d.path)))


def _problems(record: NetworkRecord, loaded: dict[Path, Session | None]) -> list[str]:
    lines: list[str] = []
    founding = [m for m in record.meetings if m.founding and m.session.agenda_id == "startpakke"]
    if len(founding) > 1:
        lines.append(
            _(
                "To eller flere oppstartsmøter i samme nettverk: {files}. "
                "Sjekk om en av dem er en kopi."
            ).format(files=", ".join(str(m.path) for m in founding))
        )
    for meeting in record.meetings:
        previous = previous_path(meeting.session)
        if previous is None:
            continue
        if not previous.exists():
            lines.append(
                _("{path}: forrige økt mangler ({previous}).").format(
                    path=meeting.path, previous=previous
                )
            )
        elif loaded.get(previous) is None:
            lines.append(
                _("{path}: forrige økt kan ikke leses ({previous}).").format(
                    path=meeting.path, previous=previous
                )
            )
    for item in record.damaged:
        lines.append(
            _("{path}: skadet fil – {message}").format(path=item.path, message=item.message)
        )
    return lines
