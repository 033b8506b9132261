"""Which network a session belongs to, also for files written before `network.id` existed.

New sessions carry `network.id`: a founding meeting gets a fresh one, every follow-up
(`--from`, `--network`) copies its predecessor's. Files from before have an empty id, and
for them the id is *derived*, never guessed from names:

- a session without `previous_session` (a founding meeting, or a meeting started on its
  own) is its own network: the id is the session's own `id`, which is random, stored in
  the file and never changes — so the derivation gives the same answer every time;
- a follow-up made with `--from` before this change points to its predecessor by path
  (`previous_session`); the link is followed to the first session that has an id or has
  no predecessor, and that id is taken. A founding meeting and every follow-up made from
  it therefore end up in one network, with nothing written to any file.

Why not by network name: two networks may share a name («Nettverk Vest»), and one network
may rename itself; a name would silently merge or split them. The weakness of the rule is
a broken link: when the predecessor's file was moved or deleted, the follow-up has nothing
to follow and becomes its own network — the catalog says so («forrige økt mangler») and
names the file, rather than attaching it anywhere. The app writes the derived id into a
file when it next saves it (`run` on that session), so the answer is then stored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from startpakke.session.model import Session

Lookup = Callable[[Path], Session | None]
"""The session at a path (resolved), or None when it is missing or does not load."""


def previous_path(session: Session) -> Path | None:
    """The predecessor's file as an absolute path, or None for a founding meeting."""
    if not session.previous_session:
        return None
    return Path(session.previous_session).expanduser().resolve()


def network_id(session: Session, lookup: Lookup) -> str:
    """`session`'s network id: its own, or derived by following `previous_session`."""
    current = session
    seen: set[Path] = set()
    while not current.network.id:
        previous = previous_path(current)
        if previous is None or previous in seen:
            return current.id
        seen.add(previous)
        found = lookup(previous)
        if found is None:  # a broken link: its own network, reported by the catalog
            return current.id
        current = found
    return current.network.id


def load_lookup() -> Lookup:
    """A lookup that reads files from disk (once each)."""
    from startpakke.session.store import SessionError, load_session

    cache: dict[Path, Session | None] = {}

    def lookup(path: Path) -> Session | None:
        if path not in cache:
            try:
                cache[path] = load_session(path)
            except SessionError:
                cache[path] = None
        return cache[path]

    return lookup
