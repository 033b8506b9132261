"""The catalogues: every message has its nynorsk, the compiled files match, the code and the
catalogue hold the same messages; the language is chosen in the documented order."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from startpakke import i18n
from startpakke.resources import resolve_agenda

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "startpakke" / "locale"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "plural": (1, 2)}


def catalogue(language: str):
    with (LOCALE / language / "LC_MESSAGES" / "startpakke.po").open("rb") as handle:
        return read_po(handle)


def message_key(message_id: str | tuple[str, ...]) -> str:
    return message_id[0] if isinstance(message_id, tuple) else message_id


def test_every_message_has_a_nynorsk_translation() -> None:
    untranslated = [
        message_key(m.id)
        for m in catalogue("nn")
        if m.id and (m.fuzzy or not all(m.string if isinstance(m.string, tuple) else [m.string]))
    ]
    assert untranslated == [], "Oversett i nn/LC_MESSAGES/startpakke.po: " + repr(untranslated)


def test_the_catalogues_hold_exactly_the_messages_in_the_code() -> None:
    in_code = {
        message_key(message)
        for _filename, _line, message, _comments, _context in extract_from_dir(
            ROOT / "startpakke",
            method_map=[("**.py", "python")],
            keywords=KEYWORDS,
        )
    }
    for language in i18n.LANGUAGES:
        in_catalogue = {message_key(m.id) for m in catalogue(language) if m.id}
        assert in_code - in_catalogue == set(), f"run `python tools/catalogues.py` ({language})"
        assert in_catalogue - in_code == set(), f"run `python tools/catalogues.py` ({language})"


def test_the_compiled_nynorsk_catalogue_matches_the_po_file() -> None:
    nynorsk = i18n.translations("nn")
    for message in catalogue("nn"):
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            assert nynorsk.ngettext(message.id[0], message.id[1], 2) == message.string[1]
        else:
            assert nynorsk.gettext(message.id) == message.string, "python tools/catalogues.py"


@pytest.mark.parametrize(
    ("option", "env", "saved", "expected"),
    [
        ("nn", "nb", "nb", "nn"),  # --lang wins
        (None, "nn", "nb", "nn"),  # then STARTPAKKE_LANG
        (None, None, "nn", "nn"),  # then the saved setting
        (None, None, None, "nb"),  # then bokmål
        (None, "en_US.UTF-8", "nn", "nn"),  # an unknown value is passed over
        ("nn_NO.UTF-8", None, None, "nn"),
    ],
)
def test_the_language_is_chosen_in_the_documented_order(
    option: str | None,
    env: str | None,
    saved: str | None,
    expected: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("STARTPAKKE_DATA_DIR", str(tmp_path))
    environ = {"LANG": "en_US.UTF-8", **({i18n.LANGUAGE_ENV: env} if env else {})}
    assert i18n.choose_language(option, environ, saved) == expected


def test_the_saved_setting_is_read_back_and_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STARTPAKKE_DATA_DIR", str(tmp_path))
    assert i18n.saved_language() is None
    i18n.save_language("nn")
    assert i18n.saved_language() == "nn"
    assert i18n.choose_language(None, {}) == "nn"
    assert (tmp_path / i18n.SETTINGS_FILE).stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [("nb", "1 deltaker", "2 deltakere"), ("nn", "1 deltakar", "2 deltakarar")],
)
def test_the_plural_helper_follows_the_count(language: str, one: str, two: str) -> None:
    with i18n.using(language):
        assert i18n.plural("{n} deltaker", "{n} deltakere", 1) == one
        assert i18n.plural("{n} deltaker", "{n} deltakere", 2) == two
    assert i18n.current_language() == "nb"


def test_dates_and_lists_in_each_language() -> None:
    from datetime import date

    day = date(2026, 11, 16)
    with i18n.using("nn"):
        assert i18n.format_date(day, "EEEE d. MMMM") == "måndag 16. november"
        assert i18n.format_list(["Anne", "Bjørn", "Cecilie"]) == "Anne, Bjørn og Cecilie"
    with i18n.using("nb"):
        assert i18n.format_date(day, "EEEE d. MMMM") == "mandag 16. november"


def test_a_builtin_agenda_resolves_to_the_languages_version() -> None:
    assert resolve_agenda("startpakke", lang="nb").parent.name == "agenda"
    assert resolve_agenda("startpakke", lang="nn").parent.name == "nn"
    with i18n.using("nn"):
        assert resolve_agenda("kollegaveiledning").parent.name == "nn"
    assert resolve_agenda("min-agenda.yaml", lang="nn") == Path("min-agenda.yaml")
