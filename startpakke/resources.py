"""Where the files that ship with startpakke live.

In a wheel, `agenda/`, `templates/` and `schema/` are copied into `startpakke/_data/`
(see pyproject.toml). In a source checkout or editable install they are read from the
repository root, so a developer edits one copy only.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Return the folder holding the shipped `name` files (`agenda`, `templates`, `schema`)."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"startpakke er installert uten mappen «{name}»")


BUILTIN_AGENDAS = ("startpakke", "kollegaveiledning", "revisjon")


def builtin_agenda(name: str) -> Path | None:
    """The path of a built-in agenda by its short name, or None."""
    if name in BUILTIN_AGENDAS:
        return data_dir("agenda") / f"{name}.yaml"
    return None


def resolve_agenda(name_or_path: str) -> Path:
    """A built-in agenda by name (`startpakke`, `kollegaveiledning`), otherwise a path."""
    builtin = builtin_agenda(name_or_path)
    return builtin if builtin is not None else Path(name_or_path)
