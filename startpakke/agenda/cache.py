"""Validated agendas kept as JSON, so the next start reads neither YAML nor pydantic.

Reading an agenda means composing YAML node by node (to point at the line of a mistake)
and validating it with pydantic: about a third of the app's start-up, and most of its
memory above a bare Textual app. The result depends only on the file's bytes and on this
program's agenda model, so it is kept in the user's cache folder under a hash of both,
like Python's own `.pyc` files. A changed file, another startpakke version or a changed
model gives another key; an unreadable or damaged cache entry is ignored and the file is
validated again. The cache holds the agenda only, never anything from a session.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
from pathlib import Path

from startpakke import __version__
from startpakke.agenda.model import Agenda
from startpakke.modeling import from_data, to_data

KEEP = 20
"""How many cached agendas to keep (the newest); each is a few tens of KB."""


def cache_folder() -> Path:
    from startpakke.paths import cache_dir

    return cache_dir() / "agendaer"


MEANING = (
    "startpakke.agenda.model",
    "startpakke.agenda.loader",
    "startpakke.modeling",
    "startpakke.text",
    "startpakke.safefile",
)
"""The modules that decide what an agenda file means: the model, the loader (what YAML
becomes, defaults, cross-field rules), the validation glue, how text is cleaned and which
files may be read at all. The cache key holds their
code, so changing any of them validates every agenda again. A test checks that every
startpakke module these import is either listed here or only words errors."""


def _source(module: str) -> Path | None:
    """The file of `module`, found without importing it (the loader pulls in PyYAML)."""
    spec = importlib.util.find_spec(module)
    return Path(spec.origin) if spec is not None and spec.origin else None


def _fingerprint() -> bytes:
    """What the cached form depends on besides the file: the version and the code that
    gives the file its meaning."""
    parts = [__version__.encode()]
    for module in MEANING:
        source = _source(module)
        try:
            parts.append(source.read_bytes() if source else b"?")
        except OSError:
            parts.append(b"?")
    return b"\0".join(parts)


def _key(data: bytes) -> str:
    return hashlib.sha256(_fingerprint() + b"\0" + data).hexdigest()[:32]


def load_agenda_cached(path: Path | str) -> Agenda:
    """The agenda in `path`, from the cache when this exact file was validated before.

    Problems are reported exactly as `load_agenda` reports them: anything the cache cannot
    answer goes through the full loader.
    """
    from startpakke.safefile import AGENDA_CAP, UnsafeFile, read_capped

    try:
        data = read_capped(Path(path), AGENDA_CAP)
    except (OSError, UnsafeFile):
        from startpakke.agenda.loader import load_agenda

        return load_agenda(path)  # words the problem (missing, a folder, no access)
    entry = cache_folder() / f"{_key(data)}.json"
    with contextlib.suppress(OSError, ValueError, TypeError, KeyError, AttributeError):
        return from_data(Agenda, json.loads(entry.read_bytes()))

    from startpakke.agenda.loader import load_agenda_bytes

    agenda = load_agenda_bytes(data, str(path))
    _store(entry, agenda)
    return agenda


def _store(entry: Path, agenda: Agenda) -> None:
    """Write the cache entry atomically; a cache that cannot be written is no problem."""
    from startpakke.paths import ensure_private_dir
    from startpakke.safefile import write_atomic

    with contextlib.suppress(OSError):
        ensure_private_dir(entry.parent)
        payload = json.dumps(to_data(agenda), ensure_ascii=False).encode("utf-8")
        write_atomic(entry, payload)
        _prune(entry.parent)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()
