"""Program text in bokmål (`nb`) or nynorsk (`nn`).

Every message is written in the code in bokmål and looked up in the gettext catalogue of
the current language (`startpakke/locale/<lang>/LC_MESSAGES/startpakke.mo`); the bokmål
text is the message id, so the `nb` catalogue only carries plural forms and a message
missing from the `nn` catalogue shows in bokmål rather than not at all (a test fails on
that). Extraction and compilation: `python tools/catalogues.py` (README, developer section).

    from startpakke.i18n import _, plural

    _("Lag dokumenter")
    plural("{n} notat", "{n} notater", count)        # «1 notat», «2 notater»

Which language: `--lang` > `STARTPAKKE_LANG` > the saved setting > `nb`. The process
locale (`LANG`, `LC_ALL`) is never read: on Windows gettext finds no language there, and
a developer's English locale must not decide a meeting's language, so the setting decides
the same way on every platform.

Dates and lists come from Babel's CLDR data for `nb`/`nn` («måndag 16. november»); Babel
is imported only when a date or list is formatted.
"""

from __future__ import annotations

import contextlib
import gettext as _gettext
import json
import os
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Final

LANGUAGES: Final = ("nb", "nn")
DEFAULT_LANGUAGE: Final = "nb"
LANGUAGE_ENV: Final = "STARTPAKKE_LANG"
DOMAIN: Final = "startpakke"
LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"
SETTINGS_FILE: Final = "innstillinger.json"
"""In the user's data folder: `{"language": "nn"}`, the facilitator's saved choice."""

_ALIASES = {
    "no": "nb",
    "nob": "nb",
    "nno": "nn",
    "bokmål": "nb",
    "nynorsk": "nn",
}  # i18n: not text (input)
_current = DEFAULT_LANGUAGE


def normalise(value: str | None) -> str | None:
    """`"nn"`, `"nn_NO.UTF-8"`, `"nno"`, `"NB"` → the language code, or None if unknown."""
    if not value:
        return None
    code = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    code = _ALIASES.get(code, code)
    return code if code in LANGUAGES else None


def _settings_path() -> Path:
    from startpakke.paths import data_dir

    return data_dir() / SETTINGS_FILE


def saved_language() -> str | None:
    """The language the facilitator chose last time (None when never saved or unreadable)."""
    try:
        data = json.loads(_settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return normalise(data.get("language")) if isinstance(data, dict) else None


def save_language(language: str) -> None:
    """Remember `language` for the next start (atomically; the settings file is 0600)."""
    code = normalise(language)
    if code is None:
        raise ValueError(language)
    path = _settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    data["language"] = code
    from startpakke.paths import ensure_private_dir
    from startpakke.safefile import write_atomic  # (safefile imports this module)

    ensure_private_dir(path.parent)
    write_atomic(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def choose_language(
    option: str | None = None,
    environ: dict[str, str] | None = None,
    saved: str | None = None,
) -> str:
    """`--lang` > `STARTPAKKE_LANG` > the saved setting > nb (`saved=None` reads the file)."""
    env = os.environ if environ is None else environ
    for candidate in (option, env.get(LANGUAGE_ENV)):
        code = normalise(candidate)
        if code is not None:
            return code
    return normalise(saved) or saved_language() or DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Make `language` the language of every message from now on."""
    global _current
    code = normalise(language)
    if code is None:
        raise ValueError(language)
    _current = code


def current_language() -> str:
    return _current


@contextlib.contextmanager
def using(language: str | None) -> Iterator[str]:
    """Messages in `language` inside the block (a document in the network's målform)."""
    previous = _current
    set_language(normalise(language) or previous)
    try:
        yield _current
    finally:
        set_language(previous)


@cache
def translations(language: str) -> _gettext.NullTranslations:
    """The compiled catalogue of `language` (no catalogue: the bokmål message ids)."""
    return _gettext.translation(
        DOMAIN, localedir=str(LOCALE_DIR), languages=[language], fallback=True
    )


def _(message: str) -> str:
    """`message` (bokmål) in the current language."""
    return translations(_current).gettext(message)


def N_(message: str) -> str:
    """Marks `message` for the catalogue without translating it yet (tables, defaults)."""
    return message


def ngettext(singular: str, plural_form: str, n: int) -> str:
    """The singular or plural message for the count `n`, in the current language."""
    return translations(_current).ngettext(singular, plural_form, n)


def plural(singular: str, plural_form: str, n: int) -> str:
    """The one plural helper: `plural("{n} notat", "{n} notater", n)` → «1 notat», «2 notater».

    The messages hold `{n}` where the count goes, so the count and the noun always agree.
    """
    return ngettext(singular, plural_form, n).format(n=n)


# ----------------------------------------------------------------------- dates and lists


def format_date(value: date | datetime, pattern: str = "EEEE d. MMMM y") -> str:
    """A date in the current language with a CLDR pattern: «måndag 16. november 2026»."""
    from babel.dates import format_date as babel_format_date

    day = value.date() if isinstance(value, datetime) else value
    return str(babel_format_date(day, pattern, locale=_current))


def format_list(items: Iterable[str]) -> str:
    """«Anne, Bjørn og Cecilie» in the current language."""
    from babel.lists import format_list as babel_format_list

    return str(babel_format_list(list(items), locale=_current))
