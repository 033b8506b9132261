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
    from startpakke.i18n import _

    raise FileNotFoundError(_("startpakke er installert uten mappen «{name}»").format(name=name))


BUILTIN_AGENDAS = ("startpakke", "kollegaveiledning", "revisjon")


def builtin_agenda(name: str, lang: str | None = None) -> Path | None:
    """The path of a built-in agenda by its short name, or None.

    In nynorsk (`lang="nn"`, or the current language when `lang` is None) the agenda's
    nynorsk twin in `agenda/nn/` when there is one; the bokmål file otherwise.
    """
    if name not in BUILTIN_AGENDAS:
        return None
    if lang is None:
        from startpakke.i18n import current_language

        lang = current_language()
    folder = data_dir("agenda")
    if lang != "nb":
        translated = folder / lang / f"{name}.yaml"
        if translated.is_file():
            return translated
    return folder / f"{name}.yaml"


def resolve_agenda(name_or_path: str, lang: str | None = None) -> Path:
    """A built-in agenda by name (`startpakke`, `kollegaveiledning`, `revisjon`) in `lang`
    (default: the current language), otherwise a path."""
    builtin = builtin_agenda(name_or_path, lang)
    return builtin if builtin is not None else Path(name_or_path)
